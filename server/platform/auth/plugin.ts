import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../../domain/roles.ts';
import { apiTokens, sessions, users } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import type { Access, Caller } from './caller.ts';
import { safeEqual, sha256Hex } from './secrets.ts';

export const SESSION_COOKIE = 'jiqun_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type UserRow = typeof users.$inferSelect;

function callerFrom(
  u: UserRow,
  via: Caller['via'],
  sessionId: string | null,
  csrfToken: string | null,
): Caller {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    divisionCode: u.divisionCode,
    unitCode: u.unitCode,
    via,
    sessionId,
    csrfToken,
  };
}

async function callerFromSession(db: Db, token: string, demo: boolean): Promise<Caller | null> {
  const id = sha256Hex(token);
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  if (!row || row.user.disabled || (row.user.isDemo && !demo)) return null;
  // Touch at most once a minute: cheap, yet good enough for "last seen".
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  }
  return callerFrom(row.user, 'session', id, row.csrfToken);
}

async function callerFromToken(db: Db, token: string, demo: boolean): Promise<Caller | null> {
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256Hex(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  if (!row || row.user.disabled || (row.user.isDemo && !demo)) return null;
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  return callerFrom(row.user, 'token', null, null);
}

/** Enforces the declared access of a route for an already-resolved caller. */
export function checkAccess(access: Access, req: FastifyRequest): void {
  if (access === 'public') return;
  const caller = req.caller;
  if (!caller) throw unauthenticated();
  // CSRF: a browser sends the cookie on its own, so a cookie-authenticated change must prove it came from our page.
  if (caller.via === 'session' && !SAFE_METHODS.has(req.method)) {
    const header = req.headers['x-csrf-token'];
    if (typeof header !== 'string' || !caller.csrfToken || !safeEqual(header, caller.csrfToken)) {
      throw new AppError('FORBIDDEN', 'Missing or invalid CSRF token (x-csrf-token header)', [
        { path: 'headers.x-csrf-token', message: 'required for cookie-authenticated changes' },
      ]);
    }
  }
  if (access !== 'authenticated' && !access.includes(caller.role))
    throw forbidden('Not allowed for your role');
}

/**
 * Resolves the caller from the session cookie or a Bearer token, and refuses to start when a route
 * under /api/ declares no access rule.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { db: Db; demo: boolean }) => {
    app.decorateRequest('caller', null);
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/v1') && route.config?.access === undefined) {
        throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
      }
    });
    app.addHook('onRequest', async (req) => {
      const auth = req.headers.authorization;
      if (auth !== undefined) {
        const match = /^Bearer\s+(\S+)$/i.exec(auth);
        if (!match) throw unauthenticated('Malformed Authorization header');
        req.caller = await callerFromToken(opts.db, match[1]!, opts.demo);
        if (!req.caller) throw unauthenticated('Invalid or revoked API token');
      } else {
        const token = req.cookies[SESSION_COOKIE];
        if (token) req.caller = await callerFromSession(opts.db, token, opts.demo);
      }
      // Checked before the body is parsed: an unauthenticated upload is refused without reading it.
      const access = req.routeOptions.config?.access;
      if (access !== undefined) checkAccess(access, req);
    });
  },
  { name: 'jiqun-auth', dependencies: ['@fastify/cookie'] },
);
