import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  provincialCampaignBody,
  provincialCampaignDto,
  provincialCandidateDto,
  provincialExpertsBody,
  provincialIdentificationDto,
  provincialIdentifyBody,
  provincialPublicityBody,
  provincialPublicityDto,
  provincialScoresDto,
  publicProvincialPublicityDto,
} from '../../../domain/cluster-contract.ts';
import { objectionDto, resolveObjectionBody } from '../../../domain/ministry-contract.ts';
import type { Deps } from '../../platform/deps.ts';
import { contentDisposition } from '../../platform/file-type.ts';
import { requestInfo } from '../auth/routes.ts';
import {
  assignProvincialExperts,
  createProvincialPublicity,
  getProvincialPublicity,
  listProvincialObjections,
  provincialObjectionEvidence,
  provincialScores,
  publicProvincialPublicity,
  resolveProvincialObjection,
} from './pipeline.ts';
import { candidates, createRound, identifyProvincial, listRounds } from './service.ts';

const tags = ['provincial clusters'];
const unitParams = z.object({ code: z.string().regex(/^\d{6}$/) });
const yearParams = unitParams.extend({ year: z.coerce.number().int().min(2000).max(2100) });
const note = 'Another unit’s rounds answer 404.';

/** Provincial-level clusters: a unit's own identification round with its own standards version, one tier down. */
export const provincialRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/units/:code/provincial-campaigns',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: `The unit’s provincial identification rounds. ${note}`,
        params: unitParams,
        response: { 200: z.object({ items: z.array(provincialCampaignDto) }) },
      },
    },
    async (req) => listRounds(deps, req.caller!, req.params.code),
  );

  app.post(
    '/api/v1/units/:code/provincial-campaigns',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: 'Open a provincial round with a standards version (e.g. 2022-provincial-example)',
        params: unitParams,
        body: provincialCampaignBody,
        response: { 201: provincialCampaignDto },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createRound(deps, req.caller!, req.params.code, req.body, requestInfo(req))),
  );

  app.get(
    '/api/v1/units/:code/provincial-campaigns/:year/candidates',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: `The unit’s accepted declarations, each checked against the round’s standards. ${note}`,
        params: yearParams,
        response: { 200: z.object({ items: z.array(provincialCandidateDto) }) },
      },
    },
    async (req) => candidates(deps, req.caller!, req.params.code, req.params.year),
  );

  app.post(
    '/api/v1/units/:code/provincial-campaigns/:year/identification',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary:
          'Identify provincial clusters from accepted declarations (justification when the check fails) and/or entered directly; valid 3 years; closes the round',
        params: yearParams,
        body: provincialIdentifyBody,
        response: { 201: provincialIdentificationDto },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await identifyProvincial(
            deps,
            req.caller!,
            req.params.code,
            req.params.year,
            req.body,
            requestInfo(req),
          ),
        ),
  );

  // --- one tier down: experts and 公示 ---
  app.post(
    '/api/v1/units/:code/provincial-campaigns/:year/experts',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary:
          'Invite experts to score a candidate declaration of the round (before its 公示); they score it in their task list',
        params: yearParams,
        body: provincialExpertsBody,
        response: { 200: provincialScoresDto },
      },
    },
    async (req) =>
      assignProvincialExperts(
        deps,
        req.caller!,
        req.params.code,
        req.params.year,
        req.body,
        requestInfo(req),
      ),
  );

  app.get(
    '/api/v1/units/:code/provincial-campaigns/:year/scores',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: `The experts’ scores of the round’s declarations with the stated aggregate. ${note}`,
        params: yearParams,
        response: { 200: provincialScoresDto },
      },
    },
    async (req) => provincialScores(deps, req.caller!, req.params.code, req.params.year),
  );

  app.post(
    '/api/v1/units/:code/provincial-campaigns/:year/publicity',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary:
          'Publish the round’s 公示 (once): candidates listed publicly in the unit’s name for `workingDays` working ' +
          'days with a public notice; the public objects through POST /api/v1/public/objections. Identification ' +
          'of declarations waits for its end.',
        params: yearParams,
        body: provincialPublicityBody,
        response: { 201: provincialPublicityDto },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await createProvincialPublicity(
            deps,
            req.caller!,
            req.params.code,
            req.params.year,
            req.body,
            requestInfo(req),
          ),
        ),
  );

  app.get(
    '/api/v1/units/:code/provincial-campaigns/:year/publicity',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: `The round’s 公示 with objection counts (404 before it is published). ${note}`,
        params: yearParams,
        response: { 200: provincialPublicityDto },
      },
    },
    async (req) => getProvincialPublicity(deps, req.caller!, req.params.code, req.params.year),
  );

  app.get(
    '/api/v1/units/:code/provincial-campaigns/:year/objections',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: `Objections to the round’s 公示. ${note}`,
        params: yearParams,
        response: { 200: z.object({ items: z.array(objectionDto) }) },
      },
    },
    async (req) => listProvincialObjections(deps, req.caller!, req.params.code, req.params.year),
  );

  const objectionParams = yearParams.extend({ objectionId: z.uuid() });
  app.get(
    '/api/v1/units/:code/provincial-campaigns/:year/objections/:objectionId/evidence',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: { tags, summary: `An objection’s evidence file. ${note}`, params: objectionParams },
    },
    async (req, reply) => {
      const { objection, stream } = await provincialObjectionEvidence(
        deps,
        req.caller!,
        req.params.code,
        req.params.year,
        req.params.objectionId,
      );
      return reply
        .type(objection.evidenceType ?? 'application/octet-stream')
        .header('content-disposition', contentDisposition(objection.evidenceFilename ?? 'evidence'))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.post(
    '/api/v1/units/:code/provincial-campaigns/:year/objections/:objectionId/resolve',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: 'The unit upholds (the cluster leaves its list) or dismisses an objection, with reasons',
        params: objectionParams,
        body: resolveObjectionBody,
        response: { 200: objectionDto },
      },
    },
    async (req) =>
      resolveProvincialObjection(
        deps,
        req.caller!,
        req.params.code,
        req.params.year,
        req.params.objectionId,
        req.body,
        requestInfo(req),
      ),
  );

  app.get(
    '/api/v1/public/provincial-publicity',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Every unit’s provincial 公示 that has started, newest first, with the unit’s name (no login)',
        response: { 200: publicProvincialPublicityDto },
      },
    },
    async () => publicProvincialPublicity(deps),
  );
};
