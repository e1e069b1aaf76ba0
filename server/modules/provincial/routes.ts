import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  provincialCampaignBody,
  provincialCampaignDto,
  provincialCandidateDto,
  provincialIdentificationDto,
  provincialIdentifyBody,
} from '../../../domain/cluster-contract.ts';
import type { Deps } from '../../platform/deps.ts';
import { requestInfo } from '../auth/routes.ts';
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
};
