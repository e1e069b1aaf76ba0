import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { annualReportRoutes } from './modules/annual-reports/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { campaignRoutes } from './modules/campaigns/routes.ts';
import { cityTierRoutes } from './modules/city-tier/routes.ts';
import { clusterRoutes } from './modules/clusters/routes.ts';
import { countyRoutes } from './modules/counties/routes.ts';
import { cultivationRoutes } from './modules/cultivation/routes.ts';
import { declarationRoutes } from './modules/declarations/routes.ts';
import { inspectionRoutes } from './modules/inspections/routes.ts';
import { noticeRoutes } from './modules/notices/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { opsRoutes } from './modules/ops/routes.ts';
import { panelRoutes } from './modules/panels/routes.ts';
import { provincialRoutes } from './modules/provincial/routes.ts';
import { publicityRoutes } from './modules/publicity/routes.ts';
import { recommendationRoutes } from './modules/recommendations/routes.ts';
import { referenceRoutes } from './modules/reference/routes.ts';
import { reviewRoutes } from './modules/reviews/routes.ts';
import { scoringRoutes } from './modules/scoring/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { authPlugin } from './platform/auth/plugin.ts';
import { Clock } from './platform/clock.ts';
import type { Deps } from './platform/deps.ts';
import { installErrorHandling } from './platform/error-handler.ts';
import { errorBody } from './platform/errors.ts';
import { refuseNulCharacters } from './platform/input-guard.ts';
import { projectPath } from './platform/paths.ts';
import { sendSecurityHeaders } from './platform/security-headers.ts';
import { limitUploads } from './platform/uploads.ts';

export type AppOptions = Omit<Deps, 'clock'> & {
  /** The time the server acts on; the system clock when absent. */
  clock?: Clock;
  /** Built web UI to serve; the default is dist/web. Missing folder → API only. */
  webRoot?: string;
  /** Pino logger options; false silences logs (tests). */
  logger?: boolean | object;
};

/** Builds the Fastify app: platform plugins first, then the modules. Does not listen. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const opts = { ...options, clock: options.clock ?? new Clock() };
  const { config } = opts;
  const app = Fastify({
    logger:
      opts.logger === undefined
        ? {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
          }
        : opts.logger,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    requestIdHeader: 'x-request-id',
    // Malformed HTTP (e.g. raw non-ASCII in a URL) still gets the standard error body.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return socket.destroy(err);
      const body = JSON.stringify(
        errorBody('VALIDATION_FAILED', 'Malformed HTTP request (URLs must be percent-encoded)'),
      );
      socket.end(
        `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  refuseNulCharacters(app);

  sendSecurityHeaders(app);
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(cookie);
  // Files are streamed part by part (never buffered); each route sets its own size limit.
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 1024 },
    // The client's name as sent, so a path or traversal attempt is refused instead of quietly cut to its base.
    preservePath: true,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Jiqun API',
        version: '0.1.0',
        description:
          'SME characteristic industrial cluster programme (中小企业特色产业集群). Errors: {"error": {"code","message","details"}}. ' +
          'Cookie sessions must send x-csrf-token on changes; scripts may use Authorization: Bearer jq_… (POST /api/v1/auth/tokens).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jiqun_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { db: opts.db, demo: config.demo });
  limitUploads(app, opts);

  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  for (const module of [
    opsRoutes,
    authRoutes,
    referenceRoutes,
    calendarRoutes,
    campaignRoutes,
    userRoutes,
    countyRoutes,
    declarationRoutes,
    recommendationRoutes,
    cityTierRoutes,
    reviewRoutes,
    auditRoutes,
    inspectionRoutes,
    scoringRoutes,
    panelRoutes,
    publicityRoutes,
    noticeRoutes,
    notificationRoutes,
    clusterRoutes,
    annualReportRoutes,
    cultivationRoutes,
    provincialRoutes,
  ]) {
    await app.register(module, opts);
  }

  const webRoot = opts.webRoot ?? projectPath('dist', 'web');
  const indexHtml = path.join(webRoot, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // Hashed assets never change; index.html must always be revalidated.
      setHeaders: (res, filePath) => {
        res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    const isApi =
      url.startsWith('/api/') ||
      url === '/api' ||
      url === '/healthz' ||
      url === '/readyz' ||
      url === '/metrics';
    if (!isApi && hasWeb && (req.method === 'GET' || req.method === 'HEAD') && !path.extname(url)) {
      // Client-side routes: the single-page app decides what to show.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('NOT_FOUND', `No route ${req.method} ${url}`));
  });
  return app;
}
