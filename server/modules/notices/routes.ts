import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../../domain/api-contract.ts';
import { createNoticeBody, NOTICE_KINDS, noticeDto } from '../../../domain/ministry-contract.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import type { Deps } from '../../platform/deps.ts';
import { requestInfo } from '../auth/routes.ts';
import { createNotice, getPublicNotice, listPublicNotices } from './service.ts';

const tags = ['notices'];

/** Notices: the ministry publishes, everyone reads. */
export const noticeRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    '/api/v1/notices',
    {
      config: { access: ['ministry', 'admin'] },
      schema: { tags, summary: 'Publish a notice', body: createNoticeBody, response: { 201: noticeDto } },
    },
    async (req, reply) =>
      reply.code(201).send(await createNotice(deps, req.caller!, req.body, requestInfo(req))),
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
        }),
        response: { 200: pageOf(noticeDto) },
      },
    },
    async (req) => listPublicNotices(deps, { ...req.query, today: chinaDate(deps.clock.now()) }),
  );

  app.get(
    '/api/v1/public/notices/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One published notice',
        params: z.object({ id: z.uuid() }),
        response: { 200: noticeDto },
      },
    },
    async (req) => getPublicNotice(deps, req.params.id, chinaDate(deps.clock.now())),
  );
};
