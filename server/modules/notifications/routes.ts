import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationDto } from '../../../domain/ministry-contract.ts';
import type { Deps } from '../../platform/deps.ts';
import { requestInfo } from '../auth/routes.ts';
import { KIND_KEYS, type NotificationKind } from './kinds.ts';
import { getMail, listMail, MAIL_STATUSES } from './outbox.ts';
import { getPreferences, putPreferences } from './preferences.ts';
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

  const kindFlags = <T extends z.ZodType>(value: T) =>
    z.strictObject(Object.fromEntries(KIND_KEYS.map((k) => [k, value])) as Record<NotificationKind, T>);
  const preferencesDto = z.object({
    email: z.string().nullable().describe('Where your e-mails go; null: no e-mail'),
    kinds: kindFlags(z.boolean()).describe('Per kind of notification: whether it is also e-mailed'),
  });

  app.get(
    '/api/v1/me/notification-preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your e-mail address and which notifications you also receive by e-mail',
        response: { 200: preferencesDto },
      },
    },
    async (req) => getPreferences(deps, req.caller!),
  );

  app.put(
    '/api/v1/me/notification-preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change your e-mail address (null removes it) and/or the kinds you receive by e-mail',
        body: z.strictObject({
          email: z.email().max(254).nullable().optional(),
          kinds: kindFlags(z.boolean().optional()).optional(),
        }),
        response: { 200: preferencesDto },
      },
    },
    async (req) => putPreferences(deps, req.caller!, req.body, requestInfo(req)),
  );

  const mailDto = z.object({
    id: z.uuid(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  });

  app.get(
    '/api/v1/ops/mail',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['ops'],
        summary:
          'The e-mail outbox, newest first: sent, waiting, failed, or (demo without SMTP) captured for reading here',
        querystring: z.object({
          status: z.enum(MAIL_STATUSES).optional(),
          to: z.string().max(254).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            mode: z.enum(['smtp', 'capture', 'none']).describe('How this installation sends mail'),
            items: z.array(mailDto),
          }),
        },
      },
    },
    async (req) => listMail(deps, req.query),
  );

  app.get(
    '/api/v1/ops/mail/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['ops'],
        summary: 'One e-mail with its text as sent',
        params: z.object({ id: z.uuid() }),
        response: {
          200: mailDto.extend({
            text: z.string(),
            link: z.string().nullable(),
            messageId: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => getMail(deps, req.params.id),
  );
};
