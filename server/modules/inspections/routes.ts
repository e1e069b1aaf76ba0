import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  INSPECTION_CHECK_KEYS,
  INSPECTION_PURPOSES,
  INSPECTION_STATUSES,
  INSPECTION_VERDICTS,
} from '../../../domain/inspection.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/file-type.ts';
import { requestInfo } from '../auth/routes.ts';
import {
  addInspectionFile,
  getInspection,
  listInspections,
  openInspectionFile,
  planInspection,
  signOffInspection,
  updateInspection,
} from './service.ts';

const tags = ['inspections'];
const access = { access: ['unit', 'ministry', 'admin'] as const };
const isoDate = z.iso.date();
const team = z
  .array(
    z.object({
      name: z.string().trim().min(1).max(50),
      role: z.string().trim().max(50),
      affiliation: z.string().trim().max(100),
    }),
  )
  .min(1)
  .max(20);
const checklist = z.partialRecord(
  z.enum(INSPECTION_CHECK_KEYS),
  z.object({ ok: z.boolean().nullable(), finding: z.string().trim().max(5000) }),
);
const fileDto = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  contentType: z.string(),
  uploadedAt: z.string(),
});
const inspectionDto = z.object({
  id: z.string(),
  campaignYear: z.number().int().nullable(),
  unitCode: z.string(),
  declarationId: z.string().nullable(),
  clusterId: z.string().nullable().describe('For a re-review inspection: the identified cluster'),
  reReviewId: z.string().nullable().describe('The cluster’s re-review in progress when it was planned'),
  clusterName: z.string().nullable(),
  divisionCode: z.string().nullable(),
  countyName: z.string().nullable(),
  purpose: z.enum(INSPECTION_PURPOSES),
  status: z.enum(INSPECTION_STATUSES),
  plannedOn: z.string(),
  place: z.string(),
  team: z.array(z.object({ name: z.string(), role: z.string(), affiliation: z.string() })),
  checklist,
  verdict: z.enum(INSPECTION_VERDICTS).nullable(),
  notes: z.string(),
  version: z.number().int(),
  signedOffAt: z.string().nullable(),
  files: z.array(fileDto),
});
const idParams = z.object({ id: z.uuid() });

/** On-site inspections (实地抽查): plan, findings per item, photos and documents, verdict, sign-off. */
export const inspectionRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/inspections',
    {
      config: access,
      schema: {
        tags,
        summary:
          'Inspections in your scope (a unit: its own, across declarations and re-reviews), by date; a calendar when from/to are given',
        querystring: z.object({
          unitCode: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          declarationId: z.uuid().optional(),
          clusterId: z.uuid().optional(),
          status: z
            .string()
            .transform((v) => v.split(','))
            .pipe(z.array(z.enum(INSPECTION_STATUSES)))
            .optional()
            .describe('One status or several, comma-separated'),
          purpose: z.enum(INSPECTION_PURPOSES).optional(),
        }),
        response: { 200: z.object({ items: z.array(inspectionDto) }) },
      },
    },
    async (req) => ({ items: await listInspections(deps, req.caller!, req.query) }),
  );

  app.post(
    '/api/v1/inspections',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary:
          'Plan an inspection of one of your declarations (declarationId), or for re-review of one of your identified clusters (clusterId)',
        body: z
          .object({
            declarationId: z.uuid().optional(),
            clusterId: z.uuid().optional(),
            plannedOn: isoDate,
            place: z.string().trim().min(1).max(200),
            team,
            purpose: z.enum(INSPECTION_PURPOSES).default('declaration'),
          })
          .refine((b) => (b.declarationId === undefined) !== (b.clusterId === undefined), {
            path: ['declarationId'],
            message: 'exactly one of declarationId and clusterId',
          }),
        response: { 201: inspectionDto },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await planInspection(deps, req.caller!, req.body, requestInfo(req))),
  );

  app.get(
    '/api/v1/inspections/:id',
    { config: access, schema: { tags, params: idParams, response: { 200: inspectionDto } } },
    async (req) => getInspection(deps, req.caller!, req.params.id),
  );

  app.patch(
    '/api/v1/inspections/:id',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: 'Change the plan or record findings (If-Match: version)',
        params: idParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: z.object({
          plannedOn: isoDate.optional(),
          place: z.string().trim().min(1).max(200).optional(),
          team: team.optional(),
          checklist: checklist.optional(),
          verdict: z.enum(INSPECTION_VERDICTS).nullable().optional(),
          notes: z.string().trim().max(10_000).optional(),
          status: z.enum(['planned', 'done', 'cancelled']).optional(),
        }),
        response: { 200: inspectionDto },
      },
    },
    async (req) => {
      const version = Number((req.headers['if-match'] ?? '').replaceAll('"', ''));
      if (req.headers['if-match'] === undefined || !Number.isInteger(version)) {
        throw new AppError('VALIDATION_FAILED', 'If-Match header with the inspection version is required', [
          { path: 'headers.if-match', message: 'required' },
        ]);
      }
      return updateInspection(deps, req.caller!, req.params.id, req.body, version, requestInfo(req));
    },
  );

  app.post(
    '/api/v1/inspections/:id/sign-off',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: 'Sign off: findings for every item and a verdict are required',
        params: idParams,
        response: { 200: inspectionDto },
      },
    },
    async (req) => signOffInspection(deps, req.caller!, req.params.id, requestInfo(req)),
  );

  app.post(
    '/api/v1/inspections/:id/files',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: 'Add a photo or document (multipart `file`)',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: fileDto },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', 'Send multipart/form-data with a file');
      await getInspection(deps, req.caller!, req.params.id);
      const part = await req.file({ limits: { fileSize: deps.config.maxUploadBytes, files: 1 } });
      if (!part)
        throw new AppError('VALIDATION_FAILED', 'No file in the request', [
          { path: 'file', message: 'required' },
        ]);
      return reply
        .code(201)
        .send(
          await addInspectionFile(
            deps,
            req.caller!,
            req.params.id,
            { filename: part.filename, stream: part.file },
            requestInfo(req),
          ),
        );
    },
  );

  app.get(
    '/api/v1/inspections/:id/files/:fileId',
    { config: access, schema: { tags, params: z.object({ id: z.uuid(), fileId: z.uuid() }) } },
    async (req, reply) => {
      const { file, stream } = await openInspectionFile(deps, req.caller!, req.params.id, req.params.fileId);
      return reply
        .type(file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
};
