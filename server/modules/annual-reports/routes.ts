import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REPORT_STATUSES } from '../../../domain/annual-report.ts';
import {
  annualReportDraftBody,
  annualReportDto,
  annualReportSummaryDto,
  reportActionBody,
  reportCompletionDto,
  reportTotalsDto,
  trendsDto,
} from '../../../domain/cluster-contract.ts';
import type { Deps } from '../../platform/deps.ts';
import { decodeCursor, encodeCursor } from '../../platform/sql.ts';
import { requestInfo } from '../auth/routes.ts';
import { optionalIfMatch } from '../clusters/lifecycle-repo.ts';
import {
  actOnReport,
  clusterTrends,
  getReport,
  listClusterReports,
  listReports,
  reportCompletion,
  reportTotals,
  saveReportDraft,
} from './service.ts';

const tags = ['annual reports'];
const readers = ['county', 'unit', 'ministry', 'admin'] as const;
const yearParam = z.coerce.number().int().min(2000).max(2100);
const params = z.object({ id: z.uuid(), year: yearParam });
const outOfScope = 'A cluster outside your county or unit answers 404.';

/** Annual development reports: the county fills last year's figures, the unit returns or forwards. */
export const annualReportRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/clusters/:id/annual-reports',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: `Every year the cluster owes a report on (not started ones included), newest first. ${outOfScope}`,
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ items: z.array(annualReportSummaryDto) }) },
      },
    },
    async (req) => listClusterReports(deps, req.caller!, req.params.id),
  );

  app.get(
    '/api/v1/clusters/:id/annual-reports/:year',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: `The report on the figures of :year (filed the year after); an owed, unstarted one is empty. ${outOfScope}`,
        params,
        response: { 200: annualReportDto },
      },
    },
    async (req) => getReport(deps, req.caller!, req.params.id, req.params.year),
  );

  app.put(
    '/api/v1/clusters/:id/annual-reports/:year',
    {
      config: { access: ['county'] },
      schema: {
        tags,
        summary:
          'Save the draft as a JSON merge patch of `content` (the first save creates it); while draft or returned. ' +
          'If-Match: <version> → 409 VERSION_CONFLICT when stale.',
        params,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: annualReportDraftBody,
        response: { 200: annualReportDto },
      },
    },
    async (req) =>
      saveReportDraft(
        deps,
        req.caller!,
        req.params.id,
        req.params.year,
        req.body.content,
        optionalIfMatch(req.headers['if-match']),
        requestInfo(req),
      ),
  );

  app.post(
    '/api/v1/clusters/:id/annual-reports/:year/actions/:action',
    {
      config: { access: ['county', 'unit'] },
      schema: {
        tags,
        summary:
          'submit (county; 400 listing every missing item), return (unit; comment required) or forward (unit, to the ministry)',
        params: params.extend({ action: z.enum(['submit', 'return', 'forward']) }),
        body: reportActionBody,
        response: { 200: annualReportDto },
      },
    },
    async (req) =>
      actOnReport(
        deps,
        req.caller!,
        req.params.id,
        req.params.year,
        req.params.action,
        req.body.comment,
        requestInfo(req),
      ),
  );

  app.get(
    '/api/v1/clusters/:id/trends',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: `The cluster’s figures per year from its annual reports, for charts. ${outOfScope}`,
        params: z.object({ id: z.uuid() }),
        response: { 200: trendsDto },
      },
    },
    async (req) => clusterTrends(deps, req.caller!, req.params.id),
  );

  app.get(
    '/api/v1/annual-reports',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'Reports in your scope (owed ones not started included), newest year first, by unit and name',
        querystring: z.object({
          year: yearParam.optional(),
          status: z.enum(REPORT_STATUSES).optional(),
          unitCode: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          cursor: z.string().max(100).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(annualReportSummaryDto),
            nextCursor: z.string().nullable(),
            total: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const all = await listReports(deps, req.caller!, req.query);
      const offset = Number(decodeCursor(req.query.cursor) ?? 0) || 0;
      const items = all.slice(offset, offset + req.query.limit);
      const next = offset + items.length;
      return { items, nextCursor: next < all.length ? encodeCursor(String(next)) : null, total: all.length };
    },
  );

  app.get(
    '/api/v1/annual-reports/completion/:year',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: 'Completion of the reports on the figures of :year per unit (a unit sees its own row)',
        params: z.object({ year: yearParam }),
        response: { 200: reportCompletionDto },
      },
    },
    async (req) => reportCompletion(deps, req.caller!, req.params.year),
  );

  app.get(
    '/api/v1/annual-reports/totals',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Totals of the filed reports in your scope per figure year',
        response: { 200: reportTotalsDto },
      },
    },
    async (req) => reportTotals(deps, req.caller!),
  );
};
