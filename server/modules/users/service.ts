import { and, eq, type SQL, sql } from 'drizzle-orm';
import { NOT_A_CITY_PREFECTURE_NAMES } from '../../../domain/city-tier.ts';
import { divisionScopeOf, type Role } from '../../../domain/roles.ts';
import { divisions, units, users } from '../../db/schema.ts';
import { type AuditActor, writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import { assertStrongPassword, hashPassword } from '../../platform/auth/passwords.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { scopeCondition } from '../../platform/scope.ts';
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

/** Sets a new password (admin action); ends the user's sessions. */
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
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(sql`lower(${users.username}) = lower(${username})`)
      .returning({ id: users.id });
    if (!row) throw notFound(`No user ${username}`);
    await tx.execute(sql`DELETE FROM sessions WHERE user_id = ${row.id}`);
    await tx.execute(sql`DELETE FROM rate_limits WHERE key = ${`login:user:${username.toLowerCase()}`}`);
    await writeAudit(tx, actor, { action: 'user.password_reset', entityType: 'user', entityId: row.id });
  });
}

export type UserFilter = {
  role?: Role | undefined;
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
    items: page.map((u) => ({ ...presentUser(u), disabled: u.disabled })),
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
  return { ...presentUser(u), disabled: u.disabled };
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
