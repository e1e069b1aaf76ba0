import { and, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens, sessions, users } from '../../db/schema.ts';
import { type AuditActor, writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import {
  assertStrongPassword,
  burnVerification,
  hashPassword,
  verifyPassword,
} from '../../platform/auth/passwords.ts';
import { randomSecret, sha256Hex } from '../../platform/auth/secrets.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { hitWindow, peekWindow, resetWindow } from '../../platform/rate-limit.ts';

export type RequestInfo = { ip: string; userAgent: string | null };

const userKey = (username: string) => `login:user:${username.toLowerCase()}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

function rateLimited(resetsAt: Date): AppError {
  const seconds = Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000));
  return new AppError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`,
    [{ message: 'retry later', retryAfterSeconds: seconds }],
    { 'retry-after': String(seconds) },
  );
}

export function actorFromCaller(caller: Caller | null, info: RequestInfo): AuditActor {
  return {
    id: caller?.id ?? null,
    name: caller?.username ?? null,
    role: caller?.role ?? null,
    scope: caller?.divisionCode ?? caller?.unitCode ?? null,
    ip: info.ip,
    userAgent: info.userAgent,
  };
}

/**
 * Checks a username and password and opens a session. Failures are counted per username (lockout)
 * and per address (throttling); past either limit the answer is 429 until the window passes.
 */
export async function login(
  { db, config }: Deps,
  input: { username: string; password: string },
  info: RequestInfo,
): Promise<{ user: typeof users.$inferSelect; token: string; csrfToken: string }> {
  const { maxFailures, maxFailuresPerIp, windowMinutes } = config.login;
  const [byUser, byIp] = await Promise.all([
    peekWindow(db, userKey(input.username), windowMinutes),
    peekWindow(db, ipKey(info.ip), windowMinutes),
  ]);
  if (byUser.count >= maxFailures) throw rateLimited(byUser.resetsAt);
  if (byIp.count >= maxFailuresPerIp) throw rateLimited(byIp.resetsAt);

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`)
    .limit(1);
  const usable = user && !user.disabled && (!user.isDemo || config.demo);
  let ok = false;
  if (usable) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnVerification(input.password);

  if (!ok || !user) {
    await db.transaction(async (tx) => {
      await hitWindow(tx, userKey(input.username), windowMinutes);
      await hitWindow(tx, ipKey(info.ip), windowMinutes);
      await writeAudit(
        tx,
        { ...actorFromCaller(null, info), name: input.username.slice(0, 100) },
        {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
        },
      );
    });
    throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
  }

  const token = randomSecret();
  const csrfToken = randomSecret();
  await db.transaction(async (tx) => {
    await resetWindow(tx, userKey(input.username));
    await tx.insert(sessions).values({
      id: sha256Hex(token),
      userId: user.id,
      csrfToken,
      ip: info.ip,
      userAgent: info.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(Date.now() + config.sessionTtlHours * 3_600_000),
    });
    await writeAudit(tx, actorFromCaller({ ...callerLike(user) }, info), {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { user, token, csrfToken };
}

const callerLike = (u: typeof users.$inferSelect): Caller => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role as Caller['role'],
  divisionCode: u.divisionCode,
  unitCode: u.unitCode,
  via: 'session',
  sessionId: null,
  csrfToken: null,
});

export async function logout({ db }: Deps, caller: Caller, info: RequestInfo): Promise<void> {
  await db.transaction(async (tx) => {
    if (caller.sessionId) await tx.delete(sessions).where(eq(sessions.id, caller.sessionId));
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'auth.logout',
      entityType: 'user',
      entityId: caller.id,
    });
  });
}

export async function changePassword(
  { db }: Deps,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
  info: RequestInfo,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, caller.id));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'Current password is wrong', [
      { path: 'currentPassword', message: 'does not match' },
    ]);
  }
  assertStrongPassword(input.newPassword, 'newPassword', caller.username);
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, caller.id));
    // Other sessions end: whoever knew the old password is out.
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, caller.id), sql`${sessions.id} <> ${caller.sessionId ?? ''}`));
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: caller.id,
    });
  });
}

export const TOKEN_PREFIX = 'jq_';

export async function createApiToken(
  { db }: Deps,
  caller: Caller,
  input: { name: string; expiresInDays?: number | undefined },
  info: RequestInfo,
) {
  const secret = `${TOKEN_PREFIX}${randomSecret()}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: caller.id,
        name: input.name,
        tokenHash: sha256Hex(secret),
        prefix: secret.slice(0, 10),
        expiresAt,
      })
      .returning();
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'auth.token_created',
      entityType: 'api_token',
      entityId: row!.id,
      after: { name: input.name, expiresAt },
    });
    return { ...row!, token: secret };
  });
}

export async function listApiTokens({ db }: Deps, caller: Caller) {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, caller.id)).orderBy(apiTokens.createdAt);
}

export async function revokeApiToken(
  { db }: Deps,
  caller: Caller,
  id: string,
  info: RequestInfo,
): Promise<void> {
  await db.transaction(async (tx) => {
    // Another user's token is "not found": its existence is not revealed.
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, caller.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw notFound('No such API token');
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'auth.token_revoked',
      entityType: 'api_token',
      entityId: id,
    });
  });
}
