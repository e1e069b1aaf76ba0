import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { peerScoresDto } from '../../../domain/ministry-contract.ts';
import { PANEL_PHASES } from '../../../domain/panels.ts';
import { AGGREGATIONS } from '../../../domain/scoring.ts';
import type { Deps } from '../../platform/deps.ts';
import { requestInfo } from '../auth/routes.ts';
import {
  assignExperts,
  declareConflict,
  myAssignments,
  peerScores,
  scoreSheet,
  submitScore,
} from './service.ts';

const tags = ['expert scoring'];
const sheetDto = z.object({
  declarationId: z.string(),
  weights: z.array(z.number()),
  aggregation: z.enum(AGGREGATIONS),
  experts: z.array(
    z.object({
      assignmentId: z.string(),
      expert: z.object({ id: z.string(), displayName: z.string() }),
      level: z.enum(['unit', 'ministry']),
      status: z.enum(['pending', 'scored', 'conflict']),
      conflictReason: z.string().nullable(),
      scores: z.array(z.number()).nullable(),
      total: z.number().nullable(),
      comment: z.string().nullable(),
    }),
  ),
  aggregate: z.object({
    value: z.number().nullable(),
    method: z.enum(AGGREGATIONS),
    used: z.array(z.number()),
    dropped: z.array(z.number()),
  }),
});

/** Experts score declarations on the eight areas; units invite them and see the stated aggregate. */
export const scoringRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/declarations/:id/scores',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: 'Experts, their scores, the weights and the aggregate (method stated)',
        params: z.object({ id: z.uuid() }),
        response: { 200: sheetDto },
      },
    },
    async (req) => scoreSheet(deps.db, req.caller!, req.params.id),
  );

  app.post(
    '/api/v1/declarations/:id/experts',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: 'Invite experts to score this declaration',
        params: z.object({ id: z.uuid() }),
        body: z.object({ expertIds: z.array(z.uuid()).min(1).max(20) }),
        response: { 200: sheetDto },
      },
    },
    async (req) => assignExperts(deps, req.caller!, req.params.id, req.body.expertIds, requestInfo(req)),
  );

  app.get(
    '/api/v1/expert/assignments',
    {
      config: { access: ['expert'] },
      schema: {
        tags,
        summary: 'The declarations assigned to you',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                assignmentId: z.string(),
                declarationId: z.string(),
                clusterName: z.string(),
                countyName: z.string(),
                campaignYear: z.number().int(),
                level: z.string(),
                scored: z.boolean(),
                total: z.number().nullable(),
                scores: z.array(z.number()).nullable().describe('Your saved area scores, to revise'),
                comment: z.string().nullable(),
                weights: z.array(z.number()).describe('The campaign’s area weights the total uses'),
                panelId: z.string().nullable().describe('The ministry panel, for ministry-level assignments'),
                panelName: z.string().nullable(),
                phase: z
                  .enum(PANEL_PHASES)
                  .nullable()
                  .describe('The panel’s phase; null for a unit’s invitation'),
                saveKind: z
                  .enum(['free', 'revision', 'locked'])
                  .describe('What saving a score means now: revision needs revisionReason; locked refuses'),
                initialTotal: z.number().nullable().describe('Your independent total, once you revised it'),
                revisionReason: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await myAssignments(deps, req.caller!) }),
  );

  app.put(
    '/api/v1/expert/assignments/:assignmentId/score',
    {
      config: { access: ['expert'] },
      schema: {
        tags,
        summary: 'Score the eight areas (0–100 each); the weighted total follows the campaign’s weights',
        params: z.object({ assignmentId: z.uuid() }),
        body: z.object({
          scores: z.array(z.number().min(0).max(100)).length(8),
          comment: z.string().trim().max(5000).default(''),
          revisionReason: z
            .string()
            .max(5000)
            .optional()
            .describe('Required when changing a score after the panel revealed the scores'),
        }),
        response: {
          200: z.object({
            assignmentId: z.string(),
            scores: z.array(z.number()),
            total: z.number(),
            comment: z.string(),
          }),
        },
      },
    },
    async (req) => submitScore(deps, req.caller!, req.params.assignmentId, req.body, requestInfo(req)),
  );

  app.get(
    '/api/v1/expert/assignments/:assignmentId/peers',
    {
      config: { access: ['expert'] },
      schema: {
        tags,
        summary: 'The other panel members’ scores of this declaration, once revealed (names hidden)',
        params: z.object({ assignmentId: z.uuid() }),
        response: { 200: peerScoresDto },
      },
    },
    async (req) => peerScores(deps.db, req.caller!, req.params.assignmentId),
  );

  app.post(
    '/api/v1/expert/assignments/:assignmentId/conflict',
    {
      config: { access: ['expert'] },
      schema: {
        tags,
        summary: 'Declare a conflict of interest: access ends and any score is excluded',
        params: z.object({ assignmentId: z.uuid() }),
        body: z.object({ reason: z.string().trim().min(1).max(2000) }),
      },
    },
    async (req, reply) => {
      await declareConflict(deps, req.caller!, req.params.assignmentId, req.body.reason, requestInfo(req));
      return reply.code(204).send();
    },
  );
};
