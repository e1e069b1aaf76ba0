import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationDto } from '../../../domain/ministry-contract.ts';
import type { Deps } from '../../platform/deps.ts';
import { listNotifications, markAllRead, markRead } from './service.ts';

const tags = ['notifications'];

/** The in-app inbox: what happened to the caller's declarations and clusters. */
export const notificationRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your latest 100 notifications (and your unit’s or county’s), newest first',
        response: { 200: z.object({ items: z.array(notificationDto), unread: z.number().int() }) },
      },
    },
    async (req) => listNotifications(deps, req.caller!),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Mark one notification read', params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      await markRead(deps, req.caller!, req.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Mark every notification read' } },
    async (req, reply) => {
      await markAllRead(deps, req.caller!);
      return reply.code(204).send();
    },
  );
};
