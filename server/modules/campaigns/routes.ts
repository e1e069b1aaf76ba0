import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignDto, campaignSchema } from '../../../domain/campaigns.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { requestInfo } from '../auth/routes.ts';
import { findCampaign, listCampaigns } from './repo.ts';
import { createCampaign, updateCampaign } from './service.ts';

const tags = ['campaigns'];
const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** The annual campaigns: public to read, edited by the ministry. */
export const campaignRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/campaigns',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'All campaigns, oldest first',
        response: {
          200: z.object({ items: z.array(campaignDto), nextCursor: z.null(), total: z.number().int() }),
        },
      },
    },
    async () => {
      const items = await listCampaigns(deps.db);
      return { items, nextCursor: null, total: items.length };
    },
  );

  app.get(
    '/api/v1/campaigns/:year',
    { config: { access: 'public' }, schema: { tags, params: yearParams, response: { 200: campaignDto } } },
    async (req) => {
      const campaign = await findCampaign(deps.db, req.params.year);
      if (!campaign) throw notFound('No campaign for that year');
      return campaign;
    },
  );

  app.post(
    '/api/v1/campaigns',
    {
      config: { access: ['ministry', 'admin'] },
      schema: { tags, summary: 'Create a campaign', body: campaignSchema, response: { 201: campaignDto } },
    },
    async (req, reply) =>
      reply.code(201).send(await createCampaign(deps, req.caller!, req.body, requestInfo(req))),
  );

  app.patch(
    '/api/v1/campaigns/:year',
    {
      config: { access: ['ministry', 'admin'] },
      schema: {
        tags,
        summary: 'Edit a campaign (quotas, dates, versions, rules)',
        params: yearParams,
        body: campaignSchema.omit({ year: true }).partial(),
        response: { 200: campaignDto },
      },
    },
    async (req) => updateCampaign(deps, req.caller!, req.params.year, req.body, requestInfo(req)),
  );
};
