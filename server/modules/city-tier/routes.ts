import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { requestInfo } from '../auth/routes.ts';
import { cityDeclarations, getCityList, putCityList, unitCityRecommendations } from './service.ts';

const tags = ['city tier'];
const readers = { access: ['city', 'unit', 'ministry', 'admin'] as const };
const year = z.coerce.number().int().min(2000).max(2100);
const cityParams = z.object({ code: z.string().regex(/^\d{4}$/, 'the city’s four digits'), year });
const outOfScope = 'Another city, or a city outside your unit, is 404.';

const cityDto = {
  cityCode: z.string(),
  cityName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  campaignYear: z.number().int(),
  configured: z.boolean().describe('Whether the unit has a city tier in this campaign'),
  perCity: z.number().int().describe('How many each city may put forward (0 when not configured)'),
};
const listDto = z.object({
  ...cityDto,
  used: z.number().int(),
  items: z.array(
    z.object({
      rank: z.number().int(),
      declarationId: z.string(),
      clusterName: z.string(),
      divisionCode: z.string(),
      countyName: z.string(),
      status: z.string(),
    }),
  ),
});

/** The optional city tier (市级预推荐): a city's candidates and its ranked list, and the unit's view of them. */
export const cityTierRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/cities/:code/declarations/:year',
    {
      config: readers,
      schema: {
        tags,
        summary: `The submitted declarations of the city’s counties in a campaign, with their city rank. ${outOfScope}`,
        params: cityParams,
        response: {
          200: z.object({
            ...cityDto,
            items: z.array(
              z.object({
                declarationId: z.string(),
                clusterName: z.string(),
                divisionCode: z.string(),
                countyName: z.string(),
                status: z.string(),
                standardsOverall: z.enum(['pass', 'fail', 'incomplete']),
                cityRank: z.number().int().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => cityDeclarations(deps, req.caller!, req.params.code, req.params.year),
  );

  app.get(
    '/api/v1/cities/:code/recommendations/:year',
    {
      config: readers,
      schema: {
        tags,
        summary: `The city’s ranked list put forward to its unit. ${outOfScope}`,
        params: cityParams,
        response: { 200: listDto },
      },
    },
    async (req) => getCityList(deps, req.caller!, req.params.code, req.params.year),
  );

  app.put(
    '/api/v1/cities/:code/recommendations/:year',
    {
      config: { access: ['city'] },
      schema: {
        tags,
        summary:
          'Replace the city’s ranked list atomically; more than the unit’s perCity → 409 QUOTA_EXCEEDED and nothing changes',
        params: cityParams,
        body: z.object({
          items: z.array(z.object({ declarationId: z.uuid(), rank: z.number().int().min(1) })).max(100),
        }),
        response: { 200: listDto },
      },
    },
    async (req) =>
      putCityList(deps, req.caller!, req.params.code, req.params.year, req.body.items, requestInfo(req)),
  );

  app.get(
    '/api/v1/units/:code/city-recommendations/:year',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary:
          'Which of the unit’s declarations their city put forward (for the review list); another unit’s is 404',
        params: z.object({ code: z.string().regex(/^\d{6}$/), year }),
        response: {
          200: z.object({
            unitCode: z.string(),
            campaignYear: z.number().int(),
            configured: z.boolean(),
            perCity: z.number().int(),
            items: z.array(
              z.object({
                declarationId: z.string(),
                cityCode: z.string(),
                cityName: z.string(),
                rank: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => unitCityRecommendations(deps, req.caller!, req.params.code, req.params.year),
  );
};
