import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requestInfo } from '../auth/routes.ts';
import { getCountyProfile, updateCountyProfile } from './service.ts';

const tags = ['counties'];
const params = z.object({ code: z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code') });
const fields = z.object({
  authorityName: z.string().trim().max(100),
  address: z.string().trim().max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, 'six digits'),
  contactName: z.string().trim().max(50),
  contactPhone: z.string().trim().max(40),
  contactEmail: z.union([z.literal(''), z.email()]),
});
const profile = fields.extend({
  divisionCode: z.string(),
  divisionName: z.string(),
  unitCode: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  allowedActions: z.array(z.string()),
});

/** The county SME authority's own profile (the applicant's contact details). */
export const countyRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/v1/counties/:code/profile',
    {
      config: { access: ['county', 'unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: "A county authority's contact details (its own county, its unit, the ministry)",
        params,
        response: { 200: profile },
      },
    },
    async (req, reply) => {
      const p = await getCountyProfile(db, req.caller!, req.params.code);
      reply.header('etag', `"${p.version}"`);
      return p;
    },
  );

  app.put(
    '/api/v1/counties/:code/profile',
    {
      config: { access: ['county', 'unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: 'Replace the contact details; requires If-Match with the version read',
        params,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: fields,
        response: { 200: profile },
      },
    },
    async (req, reply) => {
      const ifMatch = req.headers['if-match'];
      const version =
        ifMatch === undefined ? Number.NaN : Number(ifMatch.replace(/^W\//, '').replaceAll('"', ''));
      if (!Number.isInteger(version)) {
        throw new AppError('VALIDATION_FAILED', 'If-Match header with the version you edited is required', [
          { path: 'headers.if-match', message: 'required' },
        ]);
      }
      const p = await updateCountyProfile(
        db,
        req.caller!,
        req.params.code,
        req.body,
        version,
        requestInfo(req),
      );
      reply.header('etag', `"${p.version}"`);
      return p;
    },
  );
};
