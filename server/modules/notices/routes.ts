import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../../domain/api-contract.ts';
import {
  createNoticeBody,
  NOTICE_KINDS,
  noticeAttachmentDto,
  noticeDto,
} from '../../../domain/ministry-contract.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/file-type.ts';
import { storeUpload } from '../../platform/uploads.ts';
import { requestInfo } from '../auth/routes.ts';
import {
  assertCanAttach,
  createNotice,
  getPublicNotice,
  listPublicNotices,
  openPublicAttachment,
  recordNoticeAttachment,
  removeNoticeAttachment,
} from './service.ts';

const tags = ['notices'];
const idParams = z.object({ id: z.uuid() });
const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

/** Notices: the ministry and the recommending units publish, everyone reads. */
export const noticeRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const today = () => chinaDate(deps.clock.now());

  app.post(
    '/api/v1/notices',
    {
      config: { access: ['ministry', 'admin', 'unit'] },
      schema: {
        tags,
        summary: 'Publish a notice (a unit publishes its own recommendation or other notices)',
        body: createNoticeBody,
        response: { 201: noticeDto },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createNotice(deps, req.caller!, req.body, requestInfo(req))),
  );

  app.post(
    '/api/v1/notices/:id/attachments',
    {
      config: { access: ['ministry', 'admin', 'unit'] },
      schema: {
        tags,
        summary: 'Attach a file to your notice (multipart `file`; PDF, JPEG, PNG, DOCX, XLSX or OFD)',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: noticeAttachmentDto },
      },
    },
    async (req, reply) => {
      await assertCanAttach(deps.db, req.caller!, req.params.id);
      if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', 'Send multipart/form-data with a file');
      const part = await req.file({ limits: { fileSize: deps.config.maxUploadBytes, files: 1 } });
      if (!part)
        throw new AppError('VALIDATION_FAILED', 'No file in the request', [
          { path: 'file', message: 'required' },
        ]);
      const created = await storeUpload(deps, { filename: part.filename, stream: part.file }, (file) =>
        recordNoticeAttachment(deps, req.caller!, req.params.id, file, requestInfo(req)),
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/v1/notices/:id/attachments/:attachmentId',
    {
      config: { access: ['ministry', 'admin', 'unit'] },
      schema: { tags, summary: 'Remove an attachment of your notice', params: attachmentParams },
    },
    async (req, reply) => {
      await removeNoticeAttachment(
        deps,
        req.caller!,
        req.params.id,
        req.params.attachmentId,
        requestInfo(req),
      );
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/public/notices',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Published notices, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(200).optional(),
          kind: z.enum(NOTICE_KINDS).optional(),
          unitCode: z
            .string()
            .regex(/^(\d{6}|ministry)$/)
            .optional()
            .describe('A unit code for that unit’s notices, `ministry` for the ministry’s'),
        }),
        response: { 200: pageOf(noticeDto) },
      },
    },
    async (req) => listPublicNotices(deps, { ...req.query, today: today() }),
  );

  app.get(
    '/api/v1/public/notices/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'One published notice', params: idParams, response: { 200: noticeDto } },
    },
    async (req) => getPublicNotice(deps, req.params.id, today()),
  );

  app.get(
    '/api/v1/public/notices/:id/attachments/:attachmentId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'An attachment of a published notice, byte-identical',
        params: attachmentParams,
      },
    },
    async (req, reply) => {
      const { attachment, stream } = await openPublicAttachment(
        deps,
        req.params.id,
        req.params.attachmentId,
        today(),
      );
      return reply
        .type(attachment.contentType)
        .header('content-length', Number(attachment.size))
        .header('content-disposition', contentDisposition(attachment.filename))
        .header('cache-control', 'public, max-age=300')
        .header('x-checksum-sha256', attachment.sha256)
        .send(stream);
    },
  );
};
