import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { contentDisposition } from '../../platform/file-type.ts';
import { requestInfo } from '../auth/routes.ts';
import { findCampaign } from '../campaigns/repo.ts';
import { renderRecommendationLetter } from './letter-pdf.ts';
import { getRecommendations, putRecommendations, unitDashboard } from './service.ts';
import { summaryTableXlsx } from './summary-table.ts';

const tags = ['recommendations'];
const access = { access: ['unit', 'ministry', 'admin'] as const };
const code = z.string().regex(/^\d{6}$/);

const listDto = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  campaignYear: z.number().int(),
  quota: z.number().int(),
  used: z.number().int(),
  unitDeadline: z.string().nullable(),
  items: z.array(
    z.object({
      rank: z.number().int(),
      declarationId: z.string(),
      clusterName: z.string(),
      divisionCode: z.string(),
      countyName: z.string(),
      standardsOverall: z.enum(['pass', 'fail', 'incomplete']),
      westernRelaxation: z.object({ justification: z.string() }).nullable(),
    }),
  ),
});

/** A unit's ranked recommendation list under its quota, and the Recommendation Summary Table. */
export const recommendationRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const yearParams = z.object({ code, year: z.coerce.number().int().min(2000).max(2100) });
  const present = (list: Awaited<ReturnType<typeof getRecommendations>>) => ({
    ...list,
    items: list.items.map(({ content: _c, standards, ...i }) => ({
      ...i,
      standardsOverall: standards.overall,
    })),
  });

  app.get(
    '/api/v1/units/:code/recommendations/:year',
    {
      config: access,
      schema: {
        tags,
        summary: 'The unit’s ranked recommendation list',
        params: yearParams,
        response: { 200: listDto },
      },
    },
    async (req) => present(await getRecommendations(deps, req.caller!, req.params.code, req.params.year)),
  );

  app.get(
    '/api/v1/units/:code/recommendations/:year(^\\d{4}).xlsx',
    {
      config: access,
      schema: {
        tags,
        summary: 'The Recommendation Summary Table (推荐汇总表) as XLSX, in rank order',
        params: yearParams,
      },
    },
    async (req, reply) => {
      const list = await getRecommendations(deps, req.caller!, req.params.code, req.params.year);
      const stream = summaryTableXlsx({
        unitName: list.unitName,
        year: list.campaignYear,
        quota: list.quota,
        rows: list.items,
        demo: deps.config.demo,
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          contentDisposition(`${list.unitName}${list.campaignYear}年推荐汇总表.xlsx`),
        )
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.get(
    '/api/v1/units/:code/recommendations/:year(^\\d{4}).pdf',
    {
      config: access,
      schema: {
        tags,
        summary: 'The recommendation letter (推荐函) with the summary table, for signing and sealing',
        params: yearParams,
      },
    },
    async (req, reply) => {
      const list = await getRecommendations(deps, req.caller!, req.params.code, req.params.year);
      const campaign = await findCampaign(deps.db, list.campaignYear);
      const doc = renderRecommendationLetter({
        unitName: list.unitName,
        year: list.campaignYear,
        noticeNo: campaign?.noticeNo ?? null,
        quota: list.quota,
        rows: list.items,
        demo: deps.config.demo,
        generatedAt: new Date(),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${list.unitName}${list.campaignYear}年推荐函.pdf`))
        .header('cache-control', 'private, no-store')
        .send(doc);
    },
  );

  app.put(
    '/api/v1/units/:code/recommendations/:year',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: 'Replace the ranked list atomically; over quota → 409 QUOTA_EXCEEDED and nothing changes',
        params: yearParams,
        body: z.object({
          items: z
            .array(
              z.object({
                declarationId: z.uuid(),
                rank: z.number().int().min(1),
                westernRelaxationJustification: z.string().trim().max(2000).optional(),
              }),
            )
            .max(100),
        }),
        response: { 200: listDto },
      },
    },
    async (req) => {
      await putRecommendations(
        deps,
        req.caller!,
        req.params.code,
        req.params.year,
        req.body.items,
        requestInfo(req),
      );
      const list = await getRecommendations(deps, req.caller!, req.params.code, req.params.year);
      return {
        ...list,
        items: list.items.map(({ content: _c, standards, ...i }) => ({
          ...i,
          standardsOverall: standards.overall,
        })),
      };
    },
  );

  app.get(
    '/api/v1/units/:code/dashboard/:year',
    {
      config: access,
      schema: {
        tags,
        summary: 'Counts per status, quota used and deadlines for a unit in a campaign',
        params: z.object({ code, year: z.coerce.number().int().min(2000).max(2100) }),
        response: {
          200: z.object({
            unitCode: z.string(),
            unitName: z.string(),
            campaignYear: z.number().int(),
            byStatus: z.record(z.string(), z.number().int()),
            quota: z.number().int(),
            used: z.number().int(),
            countyDeadline: z.string().nullable(),
            unitDeadline: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => unitDashboard(deps, req.caller!, req.params.code, req.params.year),
  );
};
