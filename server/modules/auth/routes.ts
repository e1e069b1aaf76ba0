import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/plugin.ts';
import type { Deps } from '../../platform/deps.ts';
import { presentScope, presentUser, sessionSchema } from './presenter.ts';
import {
  changePassword,
  createApiToken,
  listApiTokens,
  login,
  logout,
  type RequestInfo,
  revokeApiToken,
} from './service.ts';

const tags = ['auth'];
export const requestInfo = (req: FastifyRequest): RequestInfo => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
});

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const presentToken = (t: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  expiresAt: iso(t.expiresAt),
  revokedAt: iso(t.revokedAt),
});

/** Sign-in with a session cookie (browsers) and personal API tokens (scripts). */
export const authRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in; sets an httpOnly session cookie and returns the CSRF token',
        body: z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: sessionSchema },
      },
    },
    async (req, reply) => {
      const { user, token, csrfToken } = await login(deps, req.body, requestInfo(req));
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        maxAge: deps.config.sessionTtlHours * 3600,
      });
      return { user: presentUser(user), csrfToken, scope: await presentScope(deps.db, user) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'End the session' } },
    async (req, reply) => {
      await logout(deps, req.caller!, requestInfo(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The signed-in user', response: { 200: sessionSchema } },
    },
    async (req) => {
      const caller = req.caller!;
      return {
        user: presentUser(caller),
        csrfToken: caller.csrfToken,
        scope: await presentScope(deps.db, caller),
      };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change your own password (ends your other sessions)',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
      },
    },
    async (req, reply) => {
      await changePassword(deps, req.caller!, req.body, requestInfo(req));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your API tokens (secrets are never shown again)',
        response: { 200: z.object({ items: z.array(tokenSchema) }) },
      },
    },
    async (req) => ({ items: (await listApiTokens(deps, req.caller!)).map(presentToken) }),
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Create a personal API token for Authorization: Bearer; the secret is shown once',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(3650).optional(),
        }),
        response: { 201: tokenSchema.extend({ token: z.string() }) },
      },
    },
    async (req, reply) => {
      const created = await createApiToken(deps, req.caller!, req.body, requestInfo(req));
      return reply.code(201).send({ ...presentToken(created), token: created.token });
    },
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Revoke an API token', params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      await revokeApiToken(deps, req.caller!, req.params.id, requestInfo(req));
      return reply.code(204).send();
    },
  );
};
