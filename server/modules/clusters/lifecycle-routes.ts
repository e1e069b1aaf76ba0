import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeActionBody,
  changeReportActionBody,
  changeReportBody,
  changeReportDto,
  clusterDetailDto,
  clusterFileDto,
  clusterHistoryDto,
  decideBody,
  reReviewDraftBody,
  reReviewDto,
  reReviewDueDto,
  revocationDto,
  revokeBody,
  revokeLapsedBody,
  revokeLapsedDto,
  verifyBody,
} from '../../../domain/cluster-contract.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/file-type.ts';
import { requestInfo } from '../auth/routes.ts';
import {
  actOnChangeReport,
  addChangeReportFile,
  getChangeReport,
  listChangeReports,
  reportChange,
} from './change-report-service.ts';
import { addEvidence, openEvidence } from './evidence.ts';
import { clusterHistory, clusterInScope, optionalIfMatch } from './lifecycle-repo.ts';
import { actOnReReview, addReReviewFile, getReReview, saveReReview } from './re-review-service.ts';
import {
  assertMayRevoke,
  getRevocation,
  reReviewsDue,
  revokeCluster,
  revokeLapsed,
} from './revocation-service.ts';

const tags = ['clusters'];
const readers = ['county', 'unit', 'ministry', 'admin'] as const;
const idParams = z.object({ id: z.uuid() });
const outOfScope = 'A cluster outside your county or unit answers 404.';

/** The one file of a multipart request, or 400. */
async function onePart(req: FastifyRequest, deps: Deps) {
  if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', 'Send multipart/form-data with a file');
  const part = await req.file({ limits: { fileSize: deps.config.maxUploadBytes, files: 1 } });
  if (!part)
    throw new AppError('VALIDATION_FAILED', 'No file in the request', [
      { path: 'file', message: 'required' },
    ]);
  return { filename: part.filename, stream: part.file };
}

/** History, change reports, re-review and revocation of identified clusters. */
export const clusterLifecycleRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/clusters/:id/history',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: `The cluster’s full history: identification or import, reports, changes, re-review, extension, revocation. ${outOfScope}`,
        params: idParams,
        response: { 200: clusterHistoryDto },
      },
    },
    async (req) => {
      await clusterInScope(deps.db, req.caller!, req.params.id);
      const items = await clusterHistory(deps.db, req.params.id);
      return {
        clusterId: req.params.id,
        items: items.map((e) => ({
          id: e.id,
          kind: e.kind,
          onDate: e.onDate,
          actorRole: e.actorRole,
          summary: e.summary,
          data: e.data as Record<string, unknown>,
          refId: e.refId,
          at: e.createdAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/v1/clusters/:id/files/:fileId',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: `An evidence file of the cluster. ${outOfScope}`,
        params: idParams.extend({ fileId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const { file, stream } = await openEvidence(deps, req.caller!, req.params.id, req.params.fileId);
      return reply
        .type(file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  // --- change reports (变更报备) ---
  app.get(
    '/api/v1/clusters/:id/change-reports',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: `The cluster’s change reports, newest first. ${outOfScope}`,
        params: idParams,
        response: { 200: z.object({ items: z.array(changeReportDto) }) },
      },
    },
    async (req) => listChangeReports(deps, req.caller!, req.params.id),
  );

  app.post(
    '/api/v1/clusters/:id/change-reports',
    {
      config: { access: ['county'] },
      schema: {
        tags,
        summary:
          'The county reports a major change (leading industry, spatial boundary, operating body); evidence files follow',
        params: idParams,
        body: changeReportBody,
        response: { 201: changeReportDto },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await reportChange(deps, req.caller!, req.params.id, req.body, requestInfo(req))),
  );

  const reportParams = idParams.extend({ reportId: z.uuid() });
  app.get(
    '/api/v1/clusters/:id/change-reports/:reportId',
    {
      config: { access: readers },
      schema: { tags, params: reportParams, response: { 200: changeReportDto } },
    },
    async (req) => getChangeReport(deps, req.caller!, req.params.id, req.params.reportId),
  );

  app.post(
    '/api/v1/clusters/:id/change-reports/:reportId/files',
    {
      config: { access: ['county'] },
      schema: {
        tags,
        summary: 'Evidence for the change report (multipart `file`), while not yet handled',
        params: reportParams,
        consumes: ['multipart/form-data'],
        response: { 201: clusterFileDto },
      },
    },
    async (req, reply) => {
      const upload = await onePart(req, deps);
      return reply
        .code(201)
        .send(
          await addChangeReportFile(
            deps,
            req.caller!,
            req.params.id,
            req.params.reportId,
            upload,
            requestInfo(req),
          ),
        );
    },
  );

  app.post(
    '/api/v1/clusters/:id/change-reports/:reportId/actions/:action',
    {
      config: { access: ['ministry'] },
      schema: {
        tags,
        summary:
          'The ministry acknowledges the change, or opens a review (comment required) and closes it (comment ' +
          'required). Acknowledging, or closing with `confirmed`, makes the reported new value (leading ' +
          'industry, operating body, spatial boundary) the cluster’s own, recorded in its history (record_changed)',
        params: reportParams.extend({ action: z.enum(['acknowledge', 'open_review', 'close']) }),
        body: changeReportActionBody,
        response: { 200: changeReportDto },
      },
    },
    async (req) =>
      actOnChangeReport(
        deps,
        req.caller!,
        req.params.id,
        req.params.reportId,
        req.params.action,
        req.body.comment,
        requestInfo(req),
        req.body.confirmed,
      ),
  );

  // --- re-review (复核) ---
  app.get(
    '/api/v1/re-reviews/due',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'Clusters in your scope whose validity ends within a year (or ended): the re-review list, with each one’s re-review and whether it lapsed',
        response: { 200: reReviewDueDto },
      },
    },
    async (req) => reReviewsDue(deps, req.caller!),
  );

  app.post(
    '/api/v1/re-reviews/revoke-lapsed',
    {
      config: { access: ['ministry', 'unit', 'admin'] },
      schema: {
        tags,
        summary:
          'Revoke (re_review_missing) the clusters whose validity ended without a filed re-review: the ministry national ones, a unit its provincial ones',
        body: revokeLapsedBody,
        response: { 200: revokeLapsedDto },
      },
    },
    async (req) => revokeLapsed(deps, req.caller!, req.body.clusterIds, requestInfo(req)),
  );

  app.get(
    '/api/v1/clusters/:id/re-review',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: `The cluster’s latest re-review (404 when none). ${outOfScope}`,
        params: idParams,
        response: { 200: reReviewDto },
      },
    },
    async (req) => getReReview(deps, req.caller!, req.params.id),
  );

  app.put(
    '/api/v1/clusters/:id/re-review',
    {
      config: { access: ['county'] },
      schema: {
        tags,
        summary:
          'Start (prefilled from the declaration and annual reports) or edit the Re-review Form as a JSON merge patch of `form`; If-Match: <version>',
        params: idParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: reReviewDraftBody,
        response: { 200: reReviewDto },
      },
    },
    async (req) =>
      saveReReview(
        deps,
        req.caller!,
        req.params.id,
        req.body.form,
        optionalIfMatch(req.headers['if-match']),
        requestInfo(req),
      ),
  );

  app.post(
    '/api/v1/clusters/:id/re-review/actions/submit',
    {
      config: { access: ['county'] },
      schema: {
        tags,
        summary: 'Submit the form (400 listing what is missing); the standards are checked',
        params: idParams,
        response: { 200: reReviewDto },
      },
    },
    async (req) => actOnReReview(deps, req.caller!, req.params.id, { action: 'submit' }, requestInfo(req)),
  );

  app.post(
    '/api/v1/clusters/:id/re-review/actions/return',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: 'The unit returns the form for revision (comment required)',
        params: idParams,
        body: changeActionBody,
        response: { 200: reReviewDto },
      },
    },
    async (req) =>
      actOnReReview(
        deps,
        req.caller!,
        req.params.id,
        { action: 'return', comment: req.body.comment },
        requestInfo(req),
      ),
  );

  app.post(
    '/api/v1/clusters/:id/re-review/actions/verify',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary:
          'The unit’s verification: per item pass/fail, a reason for every failed item, optional on-site inspection',
        params: idParams,
        body: verifyBody,
        response: { 200: reReviewDto },
      },
    },
    async (req) =>
      actOnReReview(deps, req.caller!, req.params.id, { action: 'verify', ...req.body }, requestInfo(req)),
  );

  app.post(
    '/api/v1/clusters/:id/re-review/actions/decide',
    {
      config: { access: ['ministry', 'unit'] },
      schema: {
        tags,
        summary:
          'The decision (ministry; a unit for its provincial clusters): extend (validity + 3 years, status extended) or revoke; a reason when departing from the unit’s verdict',
        params: idParams,
        body: decideBody,
        response: { 200: reReviewDto },
      },
    },
    async (req) =>
      actOnReReview(deps, req.caller!, req.params.id, { action: 'decide', ...req.body }, requestInfo(req)),
  );

  app.post(
    '/api/v1/clusters/:id/re-review/files',
    {
      config: { access: ['county', 'unit'] },
      schema: {
        tags,
        summary:
          'Evidence for the re-review (multipart `file`): the county’s while draft/returned, the unit’s inspection material while submitted',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: clusterFileDto },
      },
    },
    async (req, reply) => {
      const upload = await onePart(req, deps);
      return reply
        .code(201)
        .send(await addReReviewFile(deps, req.caller!, req.params.id, upload, requestInfo(req)));
    },
  );

  // --- revocation (撤销) ---
  app.post(
    '/api/v1/clusters/:id/actions/revoke',
    {
      config: { access: ['ministry', 'unit', 'admin'] },
      schema: {
        tags,
        summary:
          'Revoke the identification (ministry for national, the unit for its provincial clusters) with reason and explanation',
        params: idParams,
        body: revokeBody,
        response: { 200: clusterDetailDto },
      },
    },
    async (req) => revokeCluster(deps, req.caller!, req.params.id, req.body, requestInfo(req)),
  );

  app.get(
    '/api/v1/clusters/:id/revocation',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          `The revocation of a revoked cluster: date, ground, explanation and the evidence files (not public). ${outOfScope} ` +
          'A cluster that is not revoked answers 404.',
        params: idParams,
        response: { 200: revocationDto },
      },
    },
    async (req) => getRevocation(deps, req.caller!, req.params.id),
  );

  app.post(
    '/api/v1/clusters/:id/revocation/files',
    {
      config: { access: ['ministry', 'unit', 'admin'] },
      schema: {
        tags,
        summary: 'Evidence for a revocation (multipart `file`), by the revoking party',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: clusterFileDto },
      },
    },
    async (req, reply) => {
      const found = await clusterInScope(deps.db, req.caller!, req.params.id);
      assertMayRevoke(req.caller!, found.c.level);
      if (found.c.status !== 'revoked')
        throw new AppError('INVALID_TRANSITION', 'The cluster is not revoked');
      const upload = await onePart(req, deps);
      return reply
        .code(201)
        .send(
          await addEvidence(
            deps,
            req.caller!,
            req.params.id,
            { kind: 'revocation', id: req.params.id },
            upload,
            requestInfo(req),
            async () => {},
          ),
        );
    },
  );
};
