import { randomInt } from 'node:crypto';
import { and, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { NOT_A_CITY_PREFECTURE_NAMES } from '../../../domain/city-tier.ts';
import { divisionScopeOf, type Role } from '../../../domain/roles.ts';
import { apiTokens, divisions, sessions, units, users } from '../../db/schema.ts';
import { type AuditActor, writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import { assertStrongPassword, hashPassword, passwordProblems } from '../../platform/auth/passwords.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { scopeCondition } from '../../platform/scope.ts';
import type { Executor } from '../../platform/sql.ts';
import { decodeCursor, encodeCursor } from '../../platform/sql.ts';
import { presentUser, type UserDto } from '../auth/presenter.ts';

export type NewUser = {
  username: string;
  displayName: string;
  role: Role;
  divisionCode?: string | undefined;
  unitCode?: string | undefined;
  email?: string | undefined;
  password: string;
};

/** Where a new account is scoped: a county account also carries its county's unit. */
async function resolveScope(
  db: Db,
  u: NewUser,
): Promise<{ divisionCode: string | null; unitCode: string | null }> {
  if (u.role === 'county') {
    if (!u.divisionCode)
      throw new AppError('VALIDATION_FAILED', 'A county account needs divisionCode', [
        { path: 'divisionCode', message: 'required' },
      ]);
    const [d] = await db.select().from(divisions).where(eq(divisions.code, u.divisionCode));
    if (d?.level !== 'county' || !d.unitCode) {
      throw new AppError('VALIDATION_FAILED', 'divisionCode is not a county-level division', [
        { path: 'divisionCode', message: 'not a county' },
      ]);
    }
    return { divisionCode: d.code, unitCode: d.unitCode };
  }
  if (u.role === 'city') {
    // A city account: the prefecture-level division of a city (e.g. 510100 for 成都), and through it its unit.
    if (!u.divisionCode)
      throw new AppError(
        'VALIDATION_FAILED',
        'A city account needs divisionCode (the city’s prefecture code)',
        [{ path: 'divisionCode', message: 'required' }],
      );
    const [d] = await db.select().from(divisions).where(eq(divisions.code, u.divisionCode));
    if (d?.level !== 'prefecture' || !d.unitCode || NOT_A_CITY_PREFECTURE_NAMES.includes(d.name)) {
      throw new AppError('VALIDATION_FAILED', 'divisionCode is not a prefecture-level city', [
        { path: 'divisionCode', message: 'not a city' },
      ]);
    }
    return { divisionCode: d.code, unitCode: d.unitCode };
  }
  if (u.role === 'unit') {
    if (!u.unitCode)
      throw new AppError('VALIDATION_FAILED', 'A unit account needs unitCode', [
        { path: 'unitCode', message: 'required' },
      ]);
    const [found] = await db.select({ code: units.code }).from(units).where(eq(units.code, u.unitCode));
    if (!found)
      throw new AppError('VALIDATION_FAILED', 'No such recommending unit', [
        { path: 'unitCode', message: 'unknown unit' },
      ]);
    return { divisionCode: null, unitCode: u.unitCode };
  }
  if (u.role === 'expert' && u.unitCode) {
    // An expert's home unit: it keeps the expert off that unit's declarations; it grants no scope.
    const [found] = await db.select({ code: units.code }).from(units).where(eq(units.code, u.unitCode));
    if (!found)
      throw new AppError('VALIDATION_FAILED', 'No such recommending unit', [
        { path: 'unitCode', message: 'unknown unit' },
      ]);
    return { divisionCode: null, unitCode: u.unitCode };
  }
  return { divisionCode: null, unitCode: null };
}

/** Creates a real (non-demo) account with an argon2id password; used by the API and the admin CLI. */
export async function createUser(db: Db, actor: AuditActor, input: NewUser): Promise<UserDto> {
  assertStrongPassword(input.password, 'password', input.username);
  const scope = await resolveScope(db, input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        email: input.email ?? null,
        passwordHash,
        ...scope,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError('CONFLICT', `Username ${input.username} is taken`, [
        { path: 'username', message: 'taken' },
      ]);
    const user = presentUser(row);
    await writeAudit(tx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      after: user,
    });
    return user;
  });
}

/** Sets a new password (admin action, CLI); ends the user's sessions and clears a sign-in lockout. */
export async function resetPassword(
  db: Db,
  actor: AuditActor,
  username: string,
  password: string,
): Promise<void> {
  assertStrongPassword(password, 'password', username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`);
    if (!row) throw notFound(`No user ${username}`);
    await storePassword(tx, actor, row, passwordHash, null);
  });
}

/** Writes the hash, ends the user's sessions (except `keepSession`), clears its lockout, and audits it. */
async function storePassword(
  tx: Executor,
  actor: AuditActor,
  user: { id: string; username: string },
  passwordHash: string,
  keepSession: string | null,
  generated = false,
): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(users.id, user.id));
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, user.id), keepSession ? ne(sessions.id, keepSession) : undefined));
  await tx.execute(sql`DELETE FROM rate_limits WHERE key = ${`login:user:${user.username.toLowerCase()}`}`);
  await writeAudit(tx, actor, {
    action: 'user.password_reset',
    entityType: 'user',
    entityId: user.id,
    ...(generated ? { after: { generated: true } } : {}),
  });
}

// No 0/O, 1/l/I: a generated password is read off a screen and typed or dictated.
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A random 16-character password of letters and digits (about 93 bits) that passes the password rules. */
export function generatePassword(username?: string): string {
  const all = LETTERS + DIGITS;
  for (;;) {
    const chars = Array.from({ length: 16 }, () => all[randomInt(all.length)]!);
    chars[randomInt(16)] = DIGITS[randomInt(DIGITS.length)]!;
    const password = chars.join('');
    if (/[A-Za-z]/.test(password) && passwordProblems(password, username).length === 0) return password;
  }
}

/**
 * An administrator sets a user's password: the given one, or a generated one returned once. The user's
 * sessions end (the administrator's own current session survives a reset of its own password); API tokens
 * are left alone, as when users change their own password — disabling the account is what revokes them.
 */
export async function adminSetPassword(
  db: Db,
  caller: Caller,
  actor: AuditActor,
  id: string,
  input: { password?: string | undefined; generate?: boolean | undefined },
): Promise<{ generatedPassword: string | null }> {
  const [user] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.id, id));
  if (!user) throw notFound('No such user');
  const generated = input.generate === true;
  const password = generated ? generatePassword(user.username) : input.password;
  if (password === undefined)
    throw new AppError('VALIDATION_FAILED', 'Give a password or ask for a generated one', [
      { path: 'password', message: 'required unless generate is true' },
    ]);
  if (!generated) assertStrongPassword(password, 'password', user.username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await storePassword(
      tx,
      actor,
      user,
      passwordHash,
      user.id === caller.id ? caller.sessionId : null,
      generated,
    );
  });
  return { generatedPassword: generated ? password : null };
}

export type UserPatch = {
  displayName?: string | undefined;
  email?: string | null | undefined;
  disabled?: boolean | undefined;
};

/**
 * Changes an account's name, e-mail or disabled flag (admin). Disabling ends the user's sessions and
 * revokes its API tokens, so re-enabling it later does not bring old credentials back. An administrator
 * cannot disable their own account (nobody would be left to undo it).
 */
export async function updateUser(
  db: Db,
  caller: Caller,
  actor: AuditActor,
  id: string,
  patch: UserPatch,
): Promise<ListedUser> {
  if (patch.disabled === true && id === caller.id)
    throw new AppError('CONFLICT', 'You cannot disable your own account', [
      { path: 'disabled', message: 'not your own account' },
    ]);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound('No such user');
    const changes: UserPatch = {};
    if (patch.displayName !== undefined && patch.displayName !== before.displayName)
      changes.displayName = patch.displayName;
    if (patch.email !== undefined && (patch.email ?? null) !== before.email) changes.email = patch.email;
    if (patch.disabled !== undefined && patch.disabled !== before.disabled) changes.disabled = patch.disabled;
    if (Object.keys(changes).length === 0) return presentListed(before, caller);
    const [after] = await tx
      .update(users)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    if (changes.disabled === true) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
      await tx
        .update(apiTokens)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)));
    }
    const pick = (u: typeof before) =>
      Object.fromEntries(Object.keys(changes).map((k) => [k, u[k as keyof UserPatch]]));
    await writeAudit(tx, actor, {
      action:
        changes.disabled === true
          ? 'user.disabled'
          : changes.disabled === false
            ? 'user.enabled'
            : 'user.updated',
      entityType: 'user',
      entityId: id,
      before: pick(before),
      after: pick(after!),
    });
    return presentListed(after!, caller);
  });
}

export type ListedUser = UserDto & { disabled: boolean; email?: string | null };

/** A listed account; its e-mail address only for the administrator, who manages it. */
function presentListed(u: typeof users.$inferSelect, caller: Caller): ListedUser {
  return {
    ...presentUser(u),
    disabled: u.disabled,
    ...(caller.role === 'admin' ? { email: u.email } : {}),
  };
}

export type UserFilter = {
  role?: Role | undefined;
  unitCode?: string | undefined;
  disabled?: boolean | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** Accounts the caller may see: all (ministry/admin), its unit's and its counties' (unit), its county's (county). */
export async function listUsers(db: Db, caller: Caller, f: UserFilter) {
  const conds: SQL[] = [
    scopeCondition(divisionScopeOf(caller), { division: users.divisionCode, unit: users.unitCode }),
    // An expert's home unit does not make it the unit's account.
    ...(caller.role === 'unit' || caller.role === 'county' ? [sql`${users.role} <> 'expert'`] : []),
  ];
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.unitCode) conds.push(eq(users.unitCode, f.unitCode));
  if (f.disabled !== undefined) conds.push(eq(users.disabled, f.disabled));
  if (f.q)
    conds.push(sql`(${users.username} ILIKE ${`%${f.q}%`} OR ${users.displayName} ILIKE ${`%${f.q}%`})`);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(...conds));
  const after = decodeCursor(f.cursor);
  if (after) conds.push(sql`lower(${users.username}) > ${after}`);
  const found = await db
    .select()
    .from(users)
    .where(and(...conds))
    .orderBy(sql`lower(${users.username})`)
    .limit(f.limit + 1);
  const page = found.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map((u) => presentListed(u, caller)),
    nextCursor: found.length > f.limit && last ? encodeCursor(last.username.toLowerCase()) : null,
    total: Number(count?.n ?? 0),
  };
}

export async function getUser(db: Db, caller: Caller, id: string) {
  const [u] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.id, id),
        scopeCondition(divisionScopeOf(caller), { division: users.divisionCode, unit: users.unitCode }),
        caller.role === 'unit' || caller.role === 'county' ? sql`${users.role} <> 'expert'` : undefined,
      ),
    );
  // Out of scope and nonexistent look the same.
  if (!u) throw notFound('No such user');
  return presentListed(u, caller);
}

/** Active experts, by name: what a unit needs to invite reviewers, and nothing more about them. */
export async function listExperts(
  db: Db,
): Promise<{ id: string; displayName: string; unitCode: string | null }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName, unitCode: users.unitCode })
    .from(users)
    .where(and(eq(users.role, 'expert'), eq(users.disabled, false)))
    .orderBy(users.displayName);
}
