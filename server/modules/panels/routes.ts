import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  autoAssignResultDto,
  campaignOverviewDto,
  createPanelBody,
  panelDetailDto,
  panelSummaryDto,
  resultsDto,
} from '../../../domain/ministry-contract.ts';
import type { Deps } from '../../platform/deps.ts';
import { requestInfo } from '../auth/routes.ts';
import { campaignOverview, campaignResults, putShortlist } from './national.ts';
import {
  addDeclarations,
  addExpert,
  advancePhase,
  autoAssign,
  createPanel,
  listPanels,
  panelDetail,
  removeAssignment,
  removeDeclaration,
  setConsensus,
  updatePanel,
} from './service.ts';

const tags = ['ministry review'];
const readers = ['ministry', 'admin'] as const;
const ministry = ['ministry'] as const;
const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const panelParams = z.object({ id: z.uuid() });
const panelDeclParams = z.object({ id: z.uuid(), declarationId: z.uuid() });

/** The ministry's national review: overview and intake, expert panels, results and the shortlist. */
export const panelRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/campaigns/:year/overview',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Dashboard and national intake: counts per stage and unit, every recommended declaration',
        params: yearParams,
        response: { 200: campaignOverviewDto },
      },
    },
    async (req) => campaignOverview(deps.db, req.params.year),
  );

  app.get(
    '/api/v1/campaigns/:year/panels',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The campaign’s expert panels',
        params: yearParams,
        response: { 200: z.object({ items: z.array(panelSummaryDto) }) },
      },
    },
    async (req) => ({ items: await listPanels(deps.db, req.params.year) }),
  );

  app.post(
    '/api/v1/campaigns/:year/panels',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary: 'Create an expert panel',
        params: yearParams,
        body: createPanelBody,
        response: { 201: panelDetailDto },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createPanel(deps, req.caller!, req.params.year, req.body, requestInfo(req))),
  );

  app.post(
    '/api/v1/campaigns/:year/panels/auto-assign',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary:
          'Spread every recommended declaration on no panel over the open panels (balanced), then pick experts; own-unit experts never',
        params: yearParams,
        response: { 200: autoAssignResultDto },
      },
    },
    async (req) => autoAssign(deps, req.caller!, req.params.year, requestInfo(req)),
  );

  app.get(
    '/api/v1/panels/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A panel: declarations, raw scores, the stated aggregate',
        params: panelParams,
        response: { 200: panelDetailDto },
      },
    },
    async (req) => panelDetail(deps.db, req.params.id),
  );

  app.patch(
    '/api/v1/panels/:id',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary: 'Rename, change members or experts per declaration (then refill)',
        params: panelParams,
        body: createPanelBody.partial(),
        response: { 200: panelDetailDto },
      },
    },
    async (req) => updatePanel(deps, req.caller!, req.params.id, req.body, requestInfo(req)),
  );

  app.post(
    '/api/v1/panels/:id/declarations',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary: 'Put recommended declarations on the panel; experts are picked automatically',
        params: panelParams,
        body: z.object({ declarationIds: z.array(z.uuid()).min(1).max(500) }),
        response: { 200: panelDetailDto },
      },
    },
    async (req) =>
      addDeclarations(deps, req.caller!, req.params.id, req.body.declarationIds, requestInfo(req)),
  );

  app.delete(
    '/api/v1/panels/:id/declarations/:declarationId',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary: 'Take a declaration off the panel (nobody has scored it)',
        params: panelDeclParams,
        response: { 200: panelDetailDto },
      },
    },
    async (req) =>
      removeDeclaration(deps, req.caller!, req.params.id, req.params.declarationId, requestInfo(req)),
  );

  app.post(
    '/api/v1/panels/:id/declarations/:declarationId/experts',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary: 'Assign one panel member to the declaration by hand',
        params: panelDeclParams,
        body: z.object({ expertId: z.uuid() }),
        response: { 200: panelDetailDto },
      },
    },
    async (req) =>
      addExpert(
        deps,
        req.caller!,
        req.params.id,
        req.params.declarationId,
        req.body.expertId,
        requestInfo(req),
      ),
  );

  app.delete(
    '/api/v1/panels/:id/assignments/:assignmentId',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary: 'Remove an assignment nobody has scored',
        params: z.object({ id: z.uuid(), assignmentId: z.uuid() }),
        response: { 200: panelDetailDto },
      },
    },
    async (req) =>
      removeAssignment(deps, req.caller!, req.params.id, req.params.assignmentId, requestInfo(req)),
  );

  app.post(
    '/api/v1/panels/:id/phase',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary: 'Advance: scoring (independent) → revealed (revisions with reasons) → final',
        params: panelParams,
        body: z.object({ phase: z.enum(['revealed', 'final']) }),
        response: { 200: panelDetailDto },
      },
    },
    async (req) => advancePhase(deps, req.caller!, req.params.id, req.body.phase, requestInfo(req)),
  );

  app.put(
    '/api/v1/panels/:id/declarations/:declarationId/consensus',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary: 'The panel’s consensus comment on a declaration (after the reveal)',
        params: panelDeclParams,
        body: z.object({ comment: z.string().trim().max(10_000) }),
        response: { 200: panelDetailDto },
      },
    },
    async (req) =>
      setConsensus(
        deps,
        req.caller!,
        req.params.id,
        req.params.declarationId,
        req.body.comment,
        requestInfo(req),
      ),
  );

  app.get(
    '/api/v1/campaigns/:year/results',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Declarations ranked by the panels’ final aggregate, with raw totals',
        params: yearParams,
        response: { 200: resultsDto },
      },
    },
    async (req) => campaignResults(deps.db, req.params.year),
  );

  app.put(
    '/api/v1/campaigns/:year/shortlist',
    {
      config: { access: ministry },
      schema: {
        tags,
        summary: 'Replace the shortlist (declarations whose panel is final)',
        params: yearParams,
        body: z.object({ declarationIds: z.array(z.uuid()).max(500) }),
        response: { 200: resultsDto },
      },
    },
    async (req) =>
      putShortlist(deps, req.caller!, req.params.year, req.body.declarationIds, requestInfo(req)),
  );
};
