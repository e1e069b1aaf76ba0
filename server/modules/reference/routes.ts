import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { getDivision, getIndustry, listDivisions, listIndustries, listUnits } from './repo.ts';
import { divisionSchema, industrySchema, listOf, listQuery, unitSchema } from './schemas.ts';

const code6 = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code');
const publicRoute = { access: 'public' } as const;
const tags = ['reference'];

/** Public reference data: the 37 units, GB/T 2260 divisions, GB/T 4754 industries. */
export const referenceRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/v1/units',
    {
      config: publicRoute,
      schema: { tags, summary: 'The 37 recommending units', response: { 200: listOf(unitSchema) } },
    },
    async () => {
      const items = await listUnits(db);
      return { items, nextCursor: null, total: items.length };
    },
  );

  app.get(
    '/api/v1/units/:code',
    {
      config: publicRoute,
      schema: { tags, params: z.object({ code: code6 }), response: { 200: unitSchema } },
    },
    async (req) => {
      const [unit] = await listUnits(db, req.params.code);
      if (!unit) throw notFound('No such recommending unit');
      return unit;
    },
  );

  app.get(
    '/api/v1/divisions',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'GB/T 2260 divisions: filter by parent, level, unit, or search names and codes',
        querystring: z.object({
          parent: code6.optional(),
          q: z.string().trim().min(1).max(50).optional(),
          level: divisionSchema.shape.level.optional(),
          unitCode: code6.optional(),
          ...listQuery,
        }),
        response: { 200: listOf(divisionSchema) },
      },
    },
    async (req) => listDivisions(db, req.query),
  );

  app.get(
    '/api/v1/divisions/:code',
    {
      config: publicRoute,
      schema: { tags, params: z.object({ code: code6 }), response: { 200: divisionSchema } },
    },
    async (req) => {
      const division = await getDivision(db, req.params.code);
      if (!division) throw notFound('No such division');
      return division;
    },
  );

  app.get(
    '/api/v1/industries',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'GB/T 4754-2017 industries (sections, divisions, groups, classes)',
        querystring: z.object({
          parent: z
            .string()
            .regex(/^([A-T]|\d{2,3})$/)
            .optional(),
          q: z.string().trim().min(1).max(50).optional(),
          level: industrySchema.shape.level.optional(),
          ...listQuery,
        }),
        response: { 200: listOf(industrySchema) },
      },
    },
    async (req) => listIndustries(db, req.query),
  );

  app.get(
    '/api/v1/industries/:code',
    {
      config: publicRoute,
      schema: {
        tags,
        params: z.object({ code: z.string().regex(/^([A-T]|\d{2,4})$/) }),
        response: { 200: industrySchema },
      },
    },
    async (req) => {
      const industry = await getIndustry(db, req.params.code);
      if (!industry) throw notFound('No such industry');
      return industry;
    },
  );
};
