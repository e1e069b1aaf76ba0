import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REVIEW_ITEM_KEYS } from '../../../domain/review.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requestInfo } from '../auth/routes.ts';
import { getReview, saveReview } from './service.ts';

const tags = ['unit review'];
const params = z.object({ id: z.uuid() });
const reviewDto = z.object({
  declarationId: z.string(),
  items: z.array(
    z.object({
      key: z.string(),
      zh: z.string(),
      en: z.string(),
      auto: z.object({ result: z.enum(['pass', 'fail', 'warn', 'missing']), detail: z.string() }).nullable(),
      ok: z.boolean().nullable(),
      note: z.string(),
    }),
  ),
  result: z.enum(['pass', 'fail']).nullable(),
  notes: z.string(),
  version: z.number().int(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

/** The unit's preliminary review (初审) of a declaration. */
export const reviewRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/declarations/:id/review',
    {
      config: { access: ['unit', 'ministry', 'admin'] },
      schema: {
        tags,
        summary: 'The preliminary review checklist with automatic checks beside it',
        params,
        response: { 200: reviewDto },
      },
    },
    async (req) => getReview(deps, req.caller!, req.params.id),
  );

  app.put(
    '/api/v1/declarations/:id/review',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: 'Record the review (If-Match: the version read; 0 for the first)',
        params,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: z.object({
          checklist: z.partialRecord(
            z.enum(REVIEW_ITEM_KEYS),
            z.object({ ok: z.boolean().nullable(), note: z.string().trim().max(2000) }),
          ),
          result: z.enum(['pass', 'fail']).nullable(),
          notes: z.string().trim().max(5000),
        }),
        response: { 200: reviewDto },
      },
    },
    async (req) => {
      const version = Number((req.headers['if-match'] ?? '').replaceAll('"', ''));
      if (req.headers['if-match'] === undefined || !Number.isInteger(version)) {
        throw new AppError('VALIDATION_FAILED', 'If-Match header with the review version is required', [
          { path: 'headers.if-match', message: 'required' },
        ]);
      }
      return saveReview(deps, req.caller!, req.params.id, req.body, version, requestInfo(req));
    },
  );
};
