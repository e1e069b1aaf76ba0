import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import { diffJson } from '../../../domain/diff.ts';
import { evaluateStandards } from '../../../domain/standards.ts';
import { DECLARATION_STATUSES, WORKFLOW_ACTIONS } from '../../../domain/workflow.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/file-type.ts';
import { requestInfo } from '../auth/routes.ts';
import { findCampaign } from '../campaigns/repo.ts';
import { getDivision } from '../reference/repo.ts';
import { listQuery } from '../reference/schemas.ts';
import { renderDeclarationPdf } from './pdf.ts';
import { attachmentDto, declarationDto, declarationSummaryDto, presentSummary } from './presenter.ts';
import {
  findDeclaration,
  history,
  listDeclarations,
  liveAttachments,
  placeNames,
  snapshot,
  snapshots,
} from './repo.ts';
import {
  actOnDeclaration,
  addAttachment,
  assertCanUpload,
  createDeclaration,
  getDeclaration,
  openAttachment,
  removeAttachment,
  updateDeclaration,
} from './service.ts';

const tags = ['declarations'];
const idParams = z.object({ id: z.uuid() });
const attachmentParams = z.object({ id: z.uuid(), aid: z.uuid() });
const readers = ['county', 'unit', 'expert', 'ministry', 'admin'] as const;
const errorNote = 'Another county’s declaration (or one outside your unit) answers 404.';

/** Parses If-Match ("3", W/"3" or 3) into a version number, or asks for it. */
function ifMatchVersion(header: string | undefined): number {
  const version = header === undefined ? Number.NaN : Number(header.replace(/^W\//, '').replaceAll('"', ''));
  if (!Number.isInteger(version)) {
    throw new AppError('VALIDATION_FAILED', 'If-Match header with the version you edited is required', [
      { path: 'headers.if-match', message: 'required' },
    ]);
  }
  return version;
}

/** The county's Declaration Form: drafts, evidence, submission, history. */
export const declarationRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/api/v1/declarations',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Declarations in your scope: a county its own, a unit its counties’, the ministry all',
        querystring: z.object({
          campaignYear: z.coerce.number().int().optional(),
          status: z.enum(DECLARATION_STATUSES).optional(),
          unitCode: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
          divisionCode: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
          q: z.string().trim().min(1).max(100).optional(),
          ...listQuery,
        }),
        response: {
          200: z.object({
            items: z.array(declarationSummaryDto),
            nextCursor: z.string().nullable(),
            total: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const page = await listDeclarations(db, req.caller!, req.query);
      return {
        items: page.rows.map((r) => presentSummary(r, req.caller!)),
        nextCursor: page.nextCursor,
        total: page.total,
      };
    },
  );

  app.post(
    '/api/v1/declarations',
    {
      config: { access: ['county'] },
      schema: {
        tags,
        summary: 'Start a declaration (county); any partial content is accepted in a draft',
        body: z.looseObject({ campaignYear: z.number().int() }),
        response: { 201: declarationDto },
      },
    },
    async (req, reply) => {
      const d = await createDeclaration(deps, req.caller!, req.body, requestInfo(req));
      return reply.code(201).header('etag', `"${d.version}"`).send(d);
    },
  );

  app.get(
    '/api/v1/declarations/:id',
    {
      config: { access: readers },
      schema: { tags, description: errorNote, params: idParams, response: { 200: declarationDto } },
    },
    async (req, reply) => {
      const d = await getDeclaration(deps, req.caller!, req.params.id);
      reply.header('etag', `"${d.version}"`);
      return d;
    },
  );

  app.patch(
    '/api/v1/declarations/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'Save draft changes as a JSON merge patch; If-Match: <version> (409 VERSION_CONFLICT when stale)',
        params: idParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: declarationDto },
      },
    },
    async (req, reply) => {
      const version = ifMatchVersion(req.headers['if-match']);
      const d = await updateDeclaration(
        deps,
        req.caller!,
        req.params.id,
        req.body,
        version,
        requestInfo(req),
      );
      reply.header('etag', `"${d.version}"`);
      return d;
    },
  );

  app.post(
    '/api/v1/declarations/:id/actions/:action',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A workflow step: submit (400 lists every missing item; 409 DEADLINE_PASSED) or withdraw',
        params: z.object({ id: z.uuid(), action: z.enum(WORKFLOW_ACTIONS) }),
        body: z
          .object({
            comment: z.string().trim().max(2000).optional(),
            expectedStatus: z
              .enum(DECLARATION_STATUSES)
              .optional()
              .describe(
                'The status you decided on: 409 INVALID_TRANSITION if someone else acted meanwhile (two officials at once)',
              ),
          })
          .optional(),
        response: { 200: declarationDto },
      },
    },
    async (req) =>
      actOnDeclaration(
        deps,
        req.caller!,
        req.params.id,
        req.params.action,
        req.body?.comment ?? null,
        requestInfo(req),
        req.body?.expectedStatus,
      ),
  );

  app.post(
    '/api/v1/declarations/bulk-actions/:action',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The same workflow step on many declarations; each succeeds or fails on its own',
        params: z.object({ action: z.enum(WORKFLOW_ACTIONS) }),
        body: z.object({
          ids: z.array(z.uuid()).min(1).max(100),
          comment: z.string().trim().max(2000).optional(),
        }),
        response: {
          200: z.object({
            results: z.array(
              z.object({
                id: z.string(),
                ok: z.boolean(),
                status: z.string().nullable(),
                error: z
                  .object({
                    code: z.string(),
                    message: z.string(),
                    // As in an error response: per-field problems, some with a Chinese message (messageZh).
                    details: z.array(z.record(z.string(), z.unknown())),
                  })
                  .nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const results = [];
      for (const id of new Set(req.body.ids)) {
        try {
          const d = await actOnDeclaration(
            deps,
            req.caller!,
            id,
            req.params.action,
            req.body.comment ?? null,
            requestInfo(req),
          );
          results.push({ id, ok: true, status: d.status, error: null });
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          results.push({
            id,
            ok: false,
            status: null,
            error: { code: err.code, message: err.message, details: err.details },
          });
        }
      }
      return { results };
    },
  );

  app.get(
    '/api/v1/declarations/:id/history',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Every action and submitted version, who and when',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                at: z.string(),
                action: z.string(),
                version: z.number().int(),
                fromStatus: z.string().nullable(),
                toStatus: z.string().nullable(),
                actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
                comment: z.string().nullable(),
              }),
            ),
            versions: z.array(
              z.object({ version: z.number().int(), status: z.string(), createdAt: z.string() }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const d = await findDeclaration(db, req.caller!, req.params.id);
      const [events, versions] = await Promise.all([history(db, d.id), snapshots(db, d.id)]);
      return {
        items: events.map(({ e, name }) => ({
          at: e.at.toISOString(),
          action: e.action,
          version: e.version,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          actor: e.actorId ? { id: e.actorId, displayName: name ?? e.actorName ?? '' } : null,
          comment: e.comment,
        })),
        versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
      };
    },
  );

  const versionDto = z.object({
    version: z.number().int(),
    status: z.string(),
    content: z.record(z.string(), z.unknown()),
    attachments: z.array(attachmentDto),
    createdAt: z.string(),
  });

  app.get(
    '/api/v1/declarations/:id/versions/:version',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A submitted version, as it was submitted',
        params: z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) }),
        response: { 200: versionDto },
      },
    },
    async (req) => {
      const d = await findDeclaration(db, req.caller!, req.params.id);
      const v = await snapshot(db, d.id, req.params.version);
      if (!v) throw notFound('No submitted version with that number');
      return {
        version: v.version,
        status: v.status,
        content: v.content as Record<string, unknown>,
        attachments: v.attachments as z.infer<typeof attachmentDto>[],
        createdAt: v.createdAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/v1/declarations/:id/diff',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'What changed between two submitted versions (`to` may be "current", the working copy)',
        params: idParams,
        querystring: z.object({
          from: z.coerce.number().int().min(1),
          to: z.union([z.literal('current'), z.coerce.number().int().min(1)]),
        }),
        response: {
          200: z.object({
            from: z.number().int(),
            to: z.union([z.number().int(), z.literal('current')]),
            changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
          }),
        },
      },
    },
    async (req) => {
      const d = await findDeclaration(db, req.caller!, req.params.id);
      const from = await snapshot(db, d.id, req.query.from);
      const to = req.query.to === 'current' ? { content: d.content } : await snapshot(db, d.id, req.query.to);
      if (!from || !to) throw notFound('No submitted version with that number');
      return { from: req.query.from, to: req.query.to, changes: diffJson(from.content, to.content) };
    },
  );

  app.post(
    '/api/v1/declarations/:id/attachments',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'Upload evidence: multipart with `category` (first) and `file`; PDF, JPEG, PNG, DOCX, XLSX or OFD',
        params: idParams,
        querystring: z.object({ category: z.string().max(50).optional() }),
        consumes: ['multipart/form-data'],
        response: { 201: attachmentDto },
      },
    },
    async (req, reply) => {
      await assertCanUpload(deps, req.caller!, req.params.id);
      if (!req.isMultipart()) {
        throw new AppError('VALIDATION_FAILED', 'Send multipart/form-data with the fields category and file');
      }
      const part = await req.file({ limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10 } });
      if (!part)
        throw new AppError('VALIDATION_FAILED', 'No file in the request', [
          { path: 'file', message: 'required' },
        ]);
      const field = part.fields.category;
      const fromField =
        field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
      const created = await addAttachment(
        deps,
        req.caller!,
        req.params.id,
        { category: fromField ?? req.query.category, filename: part.filename, stream: part.file },
        requestInfo(req),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/declarations/:id/attachments/:aid',
    {
      config: { access: readers },
      schema: { tags, summary: 'Download evidence, byte-identical', params: attachmentParams },
    },
    async (req, reply) => {
      const { attachment, stream } = await openAttachment(
        deps,
        req.caller!,
        req.params.id,
        req.params.aid,
        requestInfo(req),
      );
      return reply
        .type(attachment.contentType)
        .header('content-length', attachment.size)
        .header('content-disposition', contentDisposition(attachment.filename))
        .header('cache-control', 'private, no-store')
        .header('x-checksum-sha256', attachment.sha256)
        .send(stream);
    },
  );

  app.delete(
    '/api/v1/declarations/:id/attachments/:aid',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Remove evidence while the declaration is editable',
        params: attachmentParams,
      },
    },
    async (req, reply) => {
      await removeAttachment(deps, req.caller!, req.params.id, req.params.aid, requestInfo(req));
      return reply.code(204).send();
    },
  );

  const standardsItem = z.object({
    area: z.number().int(),
    code: z.string(),
    value: z.unknown(),
    threshold: z.number().nullable(),
    operator: z.string(),
    unit: z.string().nullable(),
    result: z.enum(['pass', 'fail', 'warn', 'missing']),
    message: z.string(),
    messageEn: z.string(),
  });

  app.get(
    '/api/v1/declarations/:id/standards',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'The automatic check against the identification standards: each item with value, threshold and result',
        description:
          'Advisory: people decide, with each indicator, its threshold and pass/fail/warn/missing in view.',
        params: idParams,
        response: {
          200: z.object({
            standardsVersion: z.string(),
            overall: z.enum(['pass', 'fail', 'incomplete']),
            items: z.array(standardsItem),
          }),
        },
      },
    },
    async (req) => {
      const d = await findDeclaration(db, req.caller!, req.params.id);
      return evaluateStandards(d.content as DeclarationContent, d.standardsVersion);
    },
  );

  app.get(
    '/api/v1/declarations/:id/form.pdf',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'The printable Declaration Form (PDF): the working copy, or a submitted version with ?version=',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (req, reply) => {
      const d = await findDeclaration(db, req.caller!, req.params.id);
      let content = d.content as DeclarationContent;
      let files: { category: string; filename: string; size: number; sha256: string }[];
      let status = d.status;
      let version = d.version;
      if (req.query.version !== undefined) {
        const v = await snapshot(db, d.id, req.query.version);
        if (!v) throw notFound('No submitted version with that number');
        content = v.content as DeclarationContent;
        files = v.attachments as typeof files;
        status = v.status;
        version = v.version;
      } else {
        files = await liveAttachments(db, d.id);
      }
      const [names, division, campaign] = await Promise.all([
        placeNames(db, d.divisionCode, d.unitCode),
        getDivision(db, d.divisionCode),
        findCampaign(db, d.campaignYear),
      ]);
      const doc = renderDeclarationPdf({
        declarationId: d.id,
        campaignYear: d.campaignYear,
        noticeNo: campaign?.noticeNo ?? null,
        formVersion: d.formVersion,
        status,
        version,
        submittedAt: d.submittedAt?.toISOString() ?? null,
        county: {
          code: d.divisionCode,
          name: names.divisionName,
          path: division?.path.map((p) => p.name) ?? [],
        },
        unit: { code: d.unitCode, name: names.unitName },
        content,
        attachments: files,
        standards: evaluateStandards(content, d.standardsVersion),
        generatedAt: new Date(),
        demo: deps.config.demo,
      });
      const name = `${content.clusterName || '申报表'}-v${version}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(name).replace(/^attachment/, 'inline'))
        .header('cache-control', 'private, no-store')
        .send(doc);
    },
  );
};
