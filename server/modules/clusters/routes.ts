import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clusterDetailDto } from '../../../domain/cluster-contract.ts';
import { importResultDto } from '../../../domain/cluster-import.ts';
import { CLUSTER_LEVELS, EFFECTIVE_CLUSTER_STATUSES } from '../../../domain/cluster-lifecycle.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/file-type.ts';
import { requestInfo } from '../auth/routes.ts';
import { listQuery } from '../reference/schemas.ts';
import { clusterInScope, listClusterPage } from './lifecycle-repo.ts';
import { clusterLifecycleRoutes } from './lifecycle-routes.ts';
import { CLUSTER_ACCESS } from './policy.ts';
import { presentClusterDetail } from './presenter.ts';
import { publicClusterRoutes } from './public-routes.ts';
import { clusterCertificate, importClusters } from './service.ts';

const tags = ['clusters'];
const code6 = z.string().regex(/^\d{6}$/, 'a six-digit code');
const idParams = z.object({ id: z.uuid() });
const outOfScope = 'A cluster outside your county or unit answers 404.';

/** A list is small: a year's list is about 100 rows (a few kB as CSV, some 10 kB as XLSX). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The one file of a multipart import request, buffered (at most MAX_CSV_BYTES). A body the parser cannot read
 * (no boundary, cut short) is the client's error (400); the size limit keeps its 413.
 */
async function readPart(req: FastifyRequest): Promise<Buffer> {
  try {
    const part = await req.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
    if (!part)
      throw new AppError('VALIDATION_FAILED', 'No file in the request', [
        { path: 'file', message: 'required' },
      ]);
    return await part.toBuffer();
  } catch (err) {
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
    throw new AppError('VALIDATION_FAILED', 'The multipart body cannot be read', [
      { path: 'file', message: (err as Error).message },
    ]);
  }
}

/** Identified clusters: the scoped list, one cluster, its certificate, importing published lists; the public registry. */
export const clusterRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  // Only these routes take CSV bodies; the parser stays inside this plugin.
  app.addContentTypeParser(
    ['text/csv', XLSX_TYPE],
    { parseAs: 'buffer', bodyLimit: MAX_CSV_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/clusters',
    {
      config: { access: CLUSTER_ACCESS.read },
      schema: {
        tags,
        summary: 'Identified clusters in your scope: a county its own, a unit its unit’s, the ministry all',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          unitCode: code6.optional(),
          divisionCode: code6.optional(),
          status: z
            .enum(EFFECTIVE_CLUSTER_STATUSES)
            .optional()
            .describe('expired: validity ended, not revoked'),
          level: z.enum(CLUSTER_LEVELS).optional(),
          q: z.string().trim().min(1).max(100).optional(),
          ...listQuery,
        }),
        response: {
          200: z.object({
            items: z.array(clusterDetailDto),
            nextCursor: z.string().nullable(),
            total: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const today = chinaDate(deps.clock.now());
      const page = await listClusterPage(deps.db, req.caller!, req.query, today);
      return {
        items: page.rows.map((r) => presentClusterDetail(r, req.caller!.role, today)),
        nextCursor: page.nextCursor,
        total: page.total,
      };
    },
  );

  app.post(
    '/api/v1/clusters/import',
    {
      config: { access: CLUSTER_ACCESS.import },
      schema: {
        tags,
        summary:
          'Import a published list (columns year,province,cluster_name_zh,county,leading_industry; optional ' +
          'published_on, industry_code) as CSV (UTF-8 or GB18030) or XLSX (its first worksheet, header in row ' +
          '1), sent as a text/csv or XLSX body or as a multipart `file`, at most 5 MiB. The format is ' +
          'recognised by content (magic bytes), not by name or header; anything else is 415. Counties resolve ' +
          'within the named unit; unresolved rows are reported, not imported; a cluster already stored (same ' +
          'name and year) is not duplicated, so importing a file twice changes nothing.',
        consumes: ['text/csv', XLSX_TYPE, 'multipart/form-data'],
        // Documentation only: the bytes are read by content below (a multipart body arrives undefined here).
        body: z.unknown().meta({
          type: 'string',
          format: 'binary',
          description:
            'The list file: CSV or XLSX bytes as the body, or a multipart/form-data part named `file` (≤ 5 MiB)',
        }),
        response: { 200: importResultDto },
      },
    },
    async (req) => {
      let bytes: Buffer;
      if (req.isMultipart()) {
        bytes = await readPart(req);
      } else if (Buffer.isBuffer(req.body)) {
        bytes = req.body;
      } else {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the list as a text/csv or XLSX body or as multipart/form-data with a file',
        );
      }
      return importClusters(deps, req.caller!, bytes, requestInfo(req));
    },
  );

  app.get(
    '/api/v1/clusters/:id',
    {
      config: { access: CLUSTER_ACCESS.read },
      schema: {
        tags,
        summary: `One identified cluster. ${outOfScope}`,
        params: idParams,
        response: { 200: clusterDetailDto },
      },
    },
    async (req) => {
      const found = await clusterInScope(deps.db, req.caller!, req.params.id);
      return presentClusterDetail(found, req.caller!.role, chinaDate(deps.clock.now()));
    },
  );

  app.get(
    '/api/v1/clusters/:id/certificate.pdf',
    {
      config: { access: CLUSTER_ACCESS.read },
      schema: {
        tags,
        summary: `The cluster’s one-page certificate (A4 landscape PDF). ${outOfScope} Revoked → 409.`,
        params: idParams,
      },
    },
    async (req, reply) => {
      const { doc, filename } = await clusterCertificate(deps, req.caller!, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(filename))
        .header('cache-control', 'private, no-store')
        .send(doc);
    },
  );

  await app.register(publicClusterRoutes, deps);
  await app.register(clusterLifecycleRoutes, deps);
};
