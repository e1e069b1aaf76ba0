import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CLUSTER_LEVELS, EFFECTIVE_CLUSTER_STATUSES } from '../../../domain/cluster-lifecycle.ts';
import { REGION_KEYS } from '../../../domain/units.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import type { Deps } from '../../platform/deps.ts';
import { contentDisposition } from '../../platform/file-type.ts';
import { requestInfo } from '../auth/routes.ts';
import { presentPublicCluster, presentStats, publicRegistryDto, publicStatsDto } from './presenter.ts';
import { publicClusterDetail, publicClusterDetailDto, setFiguresPublic } from './public-detail.ts';
import { queryKey, RegistryCache } from './registry-cache.ts';
import { etagMatches, registryCsv, registryEtag, registryXlsx } from './registry-export.ts';
import { type RegistryFilter, registryCounts, registryRows } from './repo.ts';

const tags = ['public'];
const config = { access: 'public' } as const;

const registryQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  province: z
    .string()
    .regex(/^\d{2}0000$/)
    .optional()
    .describe('A province-level area (e.g. 440000): its unit and the separate-plan cities and XPCC in it'),
  region: z.enum(REGION_KEYS).optional(),
  industry: z
    .string()
    .regex(/^([A-T]|\d{2,4})$/, 'a GB/T 4754-2017 code: a section letter or 2–4 digits')
    .optional()
    .describe('Clusters whose leading industry is this GB/T 4754 code or lies under it'),
  q: z.string().trim().min(1).max(100).optional().describe('Searches name, leading industry and county'),
  status: z.enum(EFFECTIVE_CLUSTER_STATUSES).optional().describe('expired: validity ended, not revoked'),
  level: z.enum(CLUSTER_LEVELS).optional().describe('national or provincial; both when absent'),
});

/**
 * Answers 304 when the client holds the current version; otherwise sets the validator and a short public
 * cache lifetime (the registry changes a few times a year, but a change should show within a minute).
 */
function notModified(req: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag).header('cache-control', 'public, max-age=60');
  if (!etagMatches(req.headers['if-none-match'], etag)) return false;
  reply.code(304).send();
  return true;
}

/**
 * The registry on the server's today: expired is computed for that day, so the day is part of every filter
 * (and of every cache key: a rendered answer is never served on a later day).
 */
const withToday = <T extends object>(deps: Deps, q: T): T & { today: string } => ({
  ...q,
  today: chinaDate(deps.clock.now()),
});

async function registry(deps: Deps, f: RegistryFilter & { today: string }) {
  return (await registryRows(deps.db, f)).map((r) => presentPublicCluster(r, f.today));
}

const describeFilters = (f: RegistryFilter) =>
  [f.year && `${f.year}年度`, f.unitCode, f.province, f.region, f.industry, f.status, f.q]
    .filter(Boolean)
    .join(' · ');

/** The public registry of identified clusters (JSON, CSV, XLSX) and its statistics; no login. */
export const publicClusterRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  // Rendered JSON, CSV and statistics, kept until the registry changes (see registry-cache.ts): rendering
  // 400 clusters per request held the public read to a few percent of what Fastify itself can serve.
  const cache = new RegistryCache();
  const json = 'application/json; charset=utf-8';

  app.get(
    '/api/v1/public/clusters',
    {
      config,
      schema: {
        tags,
        summary: 'The registry of identified clusters (ETag; If-None-Match → 304)',
        querystring: registryQuery,
        response: { 200: publicRegistryDto },
      },
    },
    async (req, reply) => {
      const q = withToday(deps, req.query);
      const answer = await cache.get(deps.db, queryKey('json', q), async () => {
        const items = await registry(deps, q);
        // Validated once here, as the response schema would on every request.
        const body = publicRegistryDto.parse({ items, total: items.length });
        return { body: JSON.stringify(body), etag: registryEtag(items, 'json') };
      });
      if (notModified(req, reply, answer.etag)) return reply;
      return reply.type(json).send(answer.body as never);
    },
  );

  app.get(
    '/api/v1/public/clusters.csv',
    {
      config,
      schema: {
        tags,
        summary: 'The registry as CSV (UTF-8 with BOM; same filters, rows and order as the JSON)',
        querystring: registryQuery,
      },
    },
    async (req, reply) => {
      const q = withToday(deps, req.query);
      const answer = await cache.get(deps.db, queryKey('csv', q), async () => {
        const items = await registry(deps, q);
        return { body: registryCsv(items), etag: registryEtag(items, 'csv') };
      });
      if (notModified(req, reply, answer.etag)) return reply;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition('中小企业特色产业集群名录.csv'))
        .send(answer.body);
    },
  );

  app.get(
    '/api/v1/public/clusters.xlsx',
    {
      config,
      schema: {
        tags,
        summary: 'The registry as XLSX (same filters, rows and order as the JSON)',
        querystring: registryQuery,
      },
    },
    async (req, reply) => {
      const items = await registry(deps, withToday(deps, req.query));
      if (notModified(req, reply, registryEtag(items, 'xlsx'))) return reply;
      const filters = describeFilters(req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('中小企业特色产业集群名录.xlsx'))
        .send(
          registryXlsx(
            items,
            `中小企业特色产业集群名录${filters ? `（${filters}）` : ''} 共${items.length}个`,
          ),
        );
    },
  );

  app.get(
    '/api/v1/public/stats',
    {
      config,
      schema: {
        tags,
        summary:
          'Counts of identified clusters by year, unit, region and industry section (registry filters apply)',
        querystring: registryQuery,
        response: { 200: publicStatsDto },
      },
    },
    async (req, reply) => {
      const q = withToday(deps, req.query);
      const answer = await cache.get(deps.db, queryKey('stats', q), async () => {
        const stats = publicStatsDto.parse(presentStats(await registryCounts(deps.db, q)));
        return { body: JSON.stringify(stats), etag: registryEtag(stats, 'stats') };
      });
      if (notModified(req, reply, answer.etag)) return reply;
      return reply.type(json).send(answer.body as never);
    },
  );

  app.get(
    '/api/v1/public/clusters/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One cluster: its registry row, public history and the annual figures its unit published',
        params: z.object({ id: z.uuid() }),
        response: { 200: publicClusterDetailDto },
      },
    },
    async (req) => publicClusterDetail(deps, req.params.id, chinaDate(deps.clock.now())),
  );

  app.put(
    '/api/v1/clusters/:id/annual-reports/:year/publication',
    {
      config: { access: ['unit', 'ministry'] },
      schema: {
        tags: ['annual reports'],
        summary: 'Publish (or withdraw) a forwarded report’s key figures on the cluster’s public page',
        params: z.object({ id: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.object({ public: z.boolean() }),
        response: { 200: z.object({ year: z.number().int(), figuresPublic: z.boolean() }) },
      },
    },
    async (req) =>
      setFiguresPublic(deps, req.caller!, req.params.id, req.params.year, req.body.public, requestInfo(req)),
  );
};
