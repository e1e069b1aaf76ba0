import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createPublicityBody,
  identificationDto,
  identifyBody,
  OBJECTION_STATUSES,
  objectionDto,
  objectionReceiptDto,
  publicityDto,
  resolveObjectionBody,
} from '../../../domain/ministry-contract.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/file-type.ts';
import { storeUpload } from '../../platform/uploads.ts';
import { requestInfo } from '../auth/routes.ts';
import {
  assertObjectionOpen,
  createPublicity,
  identify,
  listObjections,
  listPublicity,
  type ObjectionFields,
  objectionEvidence,
  publicPublicity,
  recordObjection,
  resolveObjection,
} from './service.ts';

const tags = ['公示 and identification'];
const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const objectionFields = z.object({
  declarationId: z.uuid(),
  realName: z.string().trim().min(2, 'your real name').max(50),
  contact: z.string().trim().min(5, 'a telephone number or e-mail address').max(100),
  reason: z.string().trim().min(10, 'at least 10 characters').max(5000),
});

/** 公示 (public announcement) with the public's objections, and identification of the list. */
export const publicityRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    '/api/v1/campaigns/:year/publicity',
    {
      config: { access: ['ministry'] },
      schema: {
        tags,
        summary:
          'Publish shortlisted declarations for 公示; endsOn counts working days on the official calendar (weekends and holidays off, 调休 weekends on)',
        params: yearParams,
        body: createPublicityBody,
        response: { 201: publicityDto },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await createPublicity(deps, req.caller!, req.params.year, req.body, requestInfo(req))),
  );

  app.get(
    '/api/v1/campaigns/:year/publicity',
    {
      config: { access: ['ministry', 'admin'] },
      schema: {
        tags,
        summary: 'The campaign’s 公示 periods with objection counts',
        params: yearParams,
        response: { 200: z.object({ items: z.array(publicityDto) }) },
      },
    },
    async (req) => ({ items: await listPublicity(deps, req.params.year) }),
  );

  app.get(
    '/api/v1/public/publicity',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          '公示 lists that have started, newest first; `open` says whether objections are accepted today',
        response: { 200: z.object({ items: z.array(publicityDto) }) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return { items: await publicPublicity(deps) };
    },
  );

  app.post(
    '/api/v1/public/objections',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Object to a cluster in 公示, under your real name: multipart fields declarationId, realName, contact, reason, then an optional evidence `file` (PDF, JPEG, PNG, DOCX, XLSX or OFD)',
        consumes: ['multipart/form-data'],
        response: { 201: objectionReceiptDto },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Send multipart/form-data with declarationId, realName, contact, reason',
        );
      }
      const info = requestInfo(req);
      const raw: Record<string, string> = {};
      let receipt: Awaited<ReturnType<typeof recordObjection>> | null = null;
      const fields = async (): Promise<ObjectionFields> => {
        const parsed = objectionFields.safeParse(raw);
        if (!parsed.success) {
          throw new AppError(
            'VALIDATION_FAILED',
            'The objection is incomplete',
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        }
        return parsed.data;
      };
      for await (const part of req.parts({
        limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10 },
      })) {
        if (part.type === 'field') {
          raw[part.fieldname] = String(part.value);
          continue;
        }
        // The evidence file comes last: the fields before it are checked before a byte is stored.
        const input = await fields();
        const open = await assertObjectionOpen(deps, input.declarationId, info.ip);
        receipt = await storeUpload(deps, { filename: part.filename, stream: part.file }, (file) =>
          recordObjection(deps, open, input, file, info),
        );
      }
      if (!receipt) {
        const input = await fields();
        const open = await assertObjectionOpen(deps, input.declarationId, info.ip);
        receipt = await recordObjection(deps, open, input, null, info);
      }
      return reply.code(201).send(receipt);
    },
  );

  app.get(
    '/api/v1/campaigns/:year/objections',
    {
      config: { access: ['ministry', 'admin'] },
      schema: {
        tags,
        summary: 'Objections received during the campaign’s 公示',
        params: yearParams,
        querystring: z.object({ status: z.enum(OBJECTION_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(objectionDto) }) },
      },
    },
    async (req) => ({ items: await listObjections(deps.db, req.params.year, req.query.status) }),
  );

  app.get(
    '/api/v1/objections/:id/evidence',
    {
      config: { access: ['ministry', 'admin'] },
      schema: {
        tags,
        summary: 'The objection’s evidence file, byte-identical',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const { objection, stream } = await objectionEvidence(deps, req.params.id);
      return reply
        .type(objection.evidenceType ?? 'application/octet-stream')
        .header('content-length', Number(objection.evidenceSize))
        .header('content-disposition', contentDisposition(objection.evidenceFilename ?? 'evidence'))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.post(
    '/api/v1/objections/:id/resolve',
    {
      config: { access: ['ministry'] },
      schema: {
        tags,
        summary: 'Uphold (the cluster leaves the list) or dismiss an objection, with reasons',
        params: z.object({ id: z.uuid() }),
        body: resolveObjectionBody,
        response: { 200: objectionDto },
      },
    },
    async (req) => resolveObjection(deps, req.caller!, req.params.id, req.body, requestInfo(req)),
  );

  app.post(
    '/api/v1/campaigns/:year/identification',
    {
      config: { access: ['ministry'] },
      schema: {
        tags,
        summary:
          'Publish the identified list: clusters valid three years from publishedOn; needs 公示 over and every objection resolved',
        params: yearParams,
        body: identifyBody,
        response: { 201: identificationDto },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await identify(deps, req.caller!, req.params.year, req.body, requestInfo(req))),
  );
};
