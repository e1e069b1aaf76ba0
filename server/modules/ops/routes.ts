import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import client from 'prom-client';
import { z } from 'zod';
import { metaDto } from '../../../domain/api-contract.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import { DEMO_ACCOUNTS_HINT } from '../../db/seed/demo.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { queueDepth } from '../../platform/jobs.ts';
import { measureQueuesWith, sharedRegistry } from '../../platform/metrics.ts';

const VERSION = '0.1.0';

/** Health, readiness, metrics, product metadata and the audit chain check. */
export const opsRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'jiqun_' });
  // Mail and job metrics live in the process-wide registry; the queue depth is counted in the database.
  measureQueuesWith(() => queueDepth(deps.db));
  const requests = new client.Counter({
    name: 'jiqun_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'jiqun_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'The process is up' } },
    async () => ({
      status: 'ok',
    }),
  );

  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'The database answers' } },
    async (_req, reply) => {
      try {
        await deps.database.ping();
        return { status: 'ready', engine: deps.database.engine };
      } catch {
        return reply
          .code(503)
          .send({ error: { code: 'SERVICE_UNAVAILABLE', message: 'Database unreachable', details: [] } });
      }
    },
  );

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return client.Registry.merge([registry, sharedRegistry]).metrics();
  });

  app.get(
    '/api/v1/meta',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ops'],
        summary: 'Product name, version and whether this is a demo installation',
        response: { 200: metaDto },
      },
    },
    async () => ({
      name: 'Jiqun',
      version: VERSION,
      demo: deps.config.demo,
      demoAccounts: deps.config.demo ? DEMO_ACCOUNTS_HINT : null,
      today: chinaDate(deps.clock.now()),
    }),
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config: { access: ['ministry', 'admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Re-compute the audit hash chain; names the first bad entry',
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number().int(),
            firstBadEntry: z.number().int().optional(),
          }),
        },
      },
    },
    async () => verifyAuditChain(deps.db),
  );

  const clockDto = z.object({
    now: z.string(),
    today: z.string().describe('The Beijing date the server acts on'),
    offsetDays: z.number().int(),
  });
  const clockNow = () => ({
    now: deps.clock.now().toISOString(),
    today: chinaDate(deps.clock.now()),
    offsetDays: deps.clock.offsetDays,
  });

  app.get(
    '/api/v1/ops/clock',
    {
      config: { access: ['admin', 'ministry'] },
      schema: { tags: ['ops'], summary: 'The time the server acts on', response: { 200: clockDto } },
    },
    async () => clockNow(),
  );

  app.put(
    '/api/v1/ops/clock',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['ops'],
        summary:
          'Demo and training installations only: shift the server’s date by whole days (e.g. past a 公示 period); 0 returns to the real date',
        body: z.object({ offsetDays: z.int().min(-36_600).max(36_600) }),
        response: { 200: clockDto },
      },
    },
    async (req) => {
      if (!deps.config.demo) throw notFound('The clock can only be shifted in a demo installation');
      deps.clock.setOffsetDays(req.body.offsetDays);
      req.log.warn({ offsetDays: req.body.offsetDays }, 'demo clock shifted');
      return clockNow();
    },
  );
};
