import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { divisionScopeOf } from '../../../domain/roles.ts';
import {
  attachments,
  declarationEvents,
  declarations,
  declarationVersions,
  divisions,
  units,
  users,
} from '../../db/schema.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import { notFound } from '../../platform/errors.ts';
import { scopeCondition } from '../../platform/scope.ts';
import { decodeCursor, type Executor, encodeCursor } from '../../platform/sql.ts';

export type DeclarationRow = typeof declarations.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;

/**
 * The SQL condition for declarations the caller may see. A unit sees its counties' declarations once they
 * have been submitted: a draft is the county's own working copy. Experts see their assignments only.
 */
export function visibleTo(caller: Caller): SQL {
  const scope = scopeCondition(divisionScopeOf(caller), {
    division: declarations.divisionCode,
    unit: declarations.unitCode,
  });
  if (caller.role === 'unit') return sql`(${scope} AND ${declarations.submittedVersion} IS NOT NULL)`;
  // An expert sees exactly the declarations assigned to it, and loses them on declaring a conflict.
  if (caller.role === 'expert') {
    return sql`EXISTS (SELECT 1 FROM expert_assignments ea WHERE ea.declaration_id = ${declarations.id}
      AND ea.expert_id = ${caller.id} AND ea.conflict_declared_at IS NULL)`;
  }
  return scope;
}

/**
 * A declaration the caller may see, or 404 — a record outside the scope is indistinguishable from none.
 * `lock` takes a row lock for the rest of the transaction (workflow steps and edits).
 */
export async function findDeclaration(
  db: Executor,
  caller: Caller,
  id: string,
  lock = false,
): Promise<DeclarationRow> {
  const q = db
    .select()
    .from(declarations)
    .where(and(eq(declarations.id, id), visibleTo(caller)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('No such declaration');
  return row;
}

export async function placeNames(db: Executor, divisionCode: string, unitCode: string) {
  const [d] = await db
    .select({ name: divisions.name })
    .from(divisions)
    .where(eq(divisions.code, divisionCode));
  const [u] = await db.select({ name: units.name }).from(units).where(eq(units.code, unitCode));
  return { divisionName: d?.name ?? divisionCode, unitName: u?.name ?? unitCode };
}

export async function liveAttachments(
  db: Executor,
  declarationId: string,
): Promise<(AttachmentRow & { uploadedByName: string | null })[]> {
  const rows = await db
    .select({ a: attachments, name: users.displayName })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.createdBy))
    .where(and(eq(attachments.declarationId, declarationId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt));
  return rows.map((r) => ({ ...r.a, uploadedByName: r.name }));
}

export async function displayNameOf(db: Executor, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return u?.name ?? null;
}

export type ListFilter = {
  campaignYear?: number | undefined;
  status?: string | undefined;
  unitCode?: string | undefined;
  divisionCode?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** A page of the declarations the caller may see, newest change first. */
export async function listDeclarations(db: Executor, caller: Caller, f: ListFilter) {
  const conds: SQL[] = [visibleTo(caller)];
  if (f.campaignYear !== undefined) conds.push(eq(declarations.campaignYear, f.campaignYear));
  if (f.status !== undefined) conds.push(eq(declarations.status, f.status));
  if (f.unitCode !== undefined) conds.push(eq(declarations.unitCode, f.unitCode));
  if (f.divisionCode !== undefined) conds.push(eq(declarations.divisionCode, f.divisionCode));
  if (f.q)
    conds.push(sql`${declarations.clusterName} ILIKE ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(declarations)
    .where(and(...conds));
  const after = decodeCursor(f.cursor);
  if (after) {
    const [at, id] = after.split('|');
    conds.push(sql`(${declarations.updatedAt}, ${declarations.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({
      d: declarations,
      divisionName: divisions.name,
      unitName: units.name,
      categories: sql<string[]>`coalesce((SELECT array_agg(DISTINCT a.category) FROM attachments a
        WHERE a.declaration_id = ${declarations.id} AND a.deleted_at IS NULL), '{}')`,
    })
    .from(declarations)
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .innerJoin(units, eq(units.code, declarations.unitCode))
    .where(and(...conds))
    .orderBy(desc(declarations.updatedAt), desc(declarations.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > f.limit && last ? encodeCursor(`${last.d.updatedAt.toISOString()}|${last.d.id}`) : null,
    total: Number(count?.n ?? 0),
  };
}

export async function history(db: Executor, declarationId: string) {
  return db
    .select({ e: declarationEvents, name: users.displayName })
    .from(declarationEvents)
    .leftJoin(users, eq(users.id, declarationEvents.actorId))
    .where(eq(declarationEvents.declarationId, declarationId))
    .orderBy(asc(declarationEvents.id));
}

export async function snapshot(db: Executor, declarationId: string, version: number) {
  const [row] = await db
    .select()
    .from(declarationVersions)
    .where(
      and(eq(declarationVersions.declarationId, declarationId), eq(declarationVersions.version, version)),
    );
  return row ?? null;
}

export async function snapshots(db: Executor, declarationId: string) {
  return db
    .select({
      version: declarationVersions.version,
      status: declarationVersions.status,
      createdAt: declarationVersions.createdAt,
    })
    .from(declarationVersions)
    .where(eq(declarationVersions.declarationId, declarationId))
    .orderBy(asc(declarationVersions.version));
}

/** Records a workflow or editing event; autosaves by the same person within 10 minutes fold into one. */
export async function recordEvent(
  tx: Executor,
  e: {
    declarationId: string;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    version: number;
    caller: Caller;
    comment?: string | null;
  },
): Promise<void> {
  if (e.action === 'edited') {
    const folded = await tx
      .update(declarationEvents)
      .set({ version: e.version, at: sql`now()` })
      .where(
        sql`${declarationEvents.id} = (SELECT max(id) FROM declaration_events WHERE declaration_id = ${e.declarationId})
            AND ${declarationEvents.action} = 'edited' AND ${declarationEvents.actorId} = ${e.caller.id}
            AND ${declarationEvents.at} > now() - interval '10 minutes'`,
      )
      .returning({ id: declarationEvents.id });
    if (folded.length) return;
  }
  await tx.insert(declarationEvents).values({
    declarationId: e.declarationId,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    version: e.version,
    actorId: e.caller.id,
    actorName: e.caller.username,
    comment: e.comment ?? null,
  });
}

/** The unit's latest return or rejection of a declaration, with its reasons, for the county to read. */
export async function latestUnitDecision(db: Executor, declarationId: string) {
  const [e] = await db
    .select({ e: declarationEvents, name: users.displayName })
    .from(declarationEvents)
    .leftJoin(users, eq(users.id, declarationEvents.actorId))
    .where(
      and(
        eq(declarationEvents.declarationId, declarationId),
        inArray(declarationEvents.action, ['return', 'reject']),
      ),
    )
    .orderBy(desc(declarationEvents.id))
    .limit(1);
  if (!e) return null;
  return {
    action: e.e.action as 'return' | 'reject',
    comment: e.e.comment ?? '',
    at: e.e.at.toISOString(),
    by: e.name ?? e.e.actorName,
  };
}
