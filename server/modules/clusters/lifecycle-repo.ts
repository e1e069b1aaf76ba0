import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ClusterEventKind,
  ClusterLevel,
  EffectiveClusterStatus,
} from '../../../domain/cluster-lifecycle.ts';
import type { Principal } from '../../../domain/roles.ts';
import { clusterEvents, clusters, divisions, units } from '../../db/schema.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, type Executor, encodeCursor } from '../../platform/sql.ts';
import { clustersVisibleTo, shownStatusIs } from './repo.ts';

export type ClusterWithNames = {
  c: typeof clusters.$inferSelect;
  countyName: string;
  unitName: string;
};

/**
 * A cluster the caller may see, with place names, or 404 (out of scope is indistinguishable from none).
 * `lock` takes a row lock on the cluster: changes of its status, validity and records queue behind it.
 */
export async function clusterInScope(
  db: Executor,
  caller: Principal,
  id: string,
  lock = false,
): Promise<ClusterWithNames> {
  const q = db
    .select({ c: clusters, countyName: divisions.name, unitName: units.name })
    .from(clusters)
    .innerJoin(divisions, eq(divisions.code, clusters.divisionCode))
    .innerJoin(units, eq(units.code, clusters.unitCode))
    .where(and(eq(clusters.id, id), clustersVisibleTo(caller)));
  const [found] = lock ? await q.for('update', { of: clusters }) : await q;
  if (!found) throw notFound('No such cluster');
  return found;
}

/** Every cluster in the caller's scope (optionally more conditions), with names, by unit and name. */
export async function clustersInScope(db: Executor, caller: Principal, ...conds: SQL[]) {
  return db
    .select({ c: clusters, countyName: divisions.name, unitName: units.name, unitOrder: units.sortOrder })
    .from(clusters)
    .innerJoin(divisions, eq(divisions.code, clusters.divisionCode))
    .innerJoin(units, eq(units.code, clusters.unitCode))
    .where(and(clustersVisibleTo(caller), ...conds))
    .orderBy(asc(units.sortOrder), asc(clusters.name));
}

/** Appends one entry to the cluster's history, in the caller's transaction. */
export async function addClusterEvent(
  tx: Executor,
  e: {
    clusterId: string;
    kind: ClusterEventKind;
    onDate: string;
    caller: Caller | null;
    summary?: string;
    data?: Record<string, unknown>;
    refId?: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.insert(clusterEvents).values({
    clusterId: e.clusterId,
    kind: e.kind,
    onDate: e.onDate,
    actorId: e.caller?.id ?? null,
    actorRole: e.caller?.role ?? null,
    summary: e.summary ?? '',
    data: e.data ?? {},
    refId: e.refId ?? null,
    createdAt: e.at,
  });
}

/** The cluster's history, oldest first. */
export async function clusterHistory(db: Executor, clusterId: string) {
  return db
    .select()
    .from(clusterEvents)
    .where(eq(clusterEvents.clusterId, clusterId))
    .orderBy(asc(clusterEvents.id));
}

/** Refuses changes to a revoked cluster's records. */
export function assertNotRevoked(c: { status: string }): void {
  if (c.status === 'revoked')
    throw new AppError('INVALID_TRANSITION', 'The identification of this cluster was revoked');
}

/** Parses with a zod schema; every problem becomes a VALIDATION_FAILED detail with its dotted path. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'VALIDATION_FAILED',
    'Some fields are not valid',
    parsed.error.issues.map((i) => ({ path: formatPath(prefix, i.path), message: i.message })),
  );
}

const formatPath = (prefix: string, parts: readonly PropertyKey[]) =>
  parts.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    prefix,
  );

/** Parses If-Match ("3", W/"3" or 3) into a version, or undefined when absent. */
export function optionalIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const version = Number(header.replace(/^W\//, '').replaceAll('"', ''));
  if (!Number.isInteger(version))
    throw new AppError('VALIDATION_FAILED', 'If-Match must be a version number', [
      { path: 'headers.if-match', message: 'invalid' },
    ]);
  return version;
}

/** 409 VERSION_CONFLICT when the client edited an older version. */
export function assertVersion(expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual)
    throw new AppError('VERSION_CONFLICT', `Changed meanwhile: version ${actual}, you edited ${expected}`, [
      { path: 'headers.if-match', message: `current version is ${actual}` },
    ]);
}

/** Escapes LIKE wildcards so a search for "100%" means the characters, not a pattern. */
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export type ClusterDetailFilter = {
  year?: number | undefined;
  unitCode?: string | undefined;
  divisionCode?: string | undefined;
  status?: EffectiveClusterStatus | undefined;
  level?: ClusterLevel | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** A page of the clusters the caller may see: newest batch first, then by name (keyset cursor). */
export async function listClusterPage(
  db: Executor,
  caller: Principal,
  f: ClusterDetailFilter,
  today: string,
) {
  const conds: SQL[] = [clustersVisibleTo(caller)];
  if (f.year !== undefined) conds.push(eq(clusters.campaignYear, f.year));
  if (f.unitCode !== undefined) conds.push(eq(clusters.unitCode, f.unitCode));
  if (f.divisionCode !== undefined) conds.push(eq(clusters.divisionCode, f.divisionCode));
  if (f.status !== undefined) conds.push(shownStatusIs(f.status, today));
  if (f.level !== undefined) conds.push(eq(clusters.level, f.level));
  if (f.q) {
    const pattern = `%${likeEscape(f.q)}%`;
    conds.push(sql`(${clusters.name} ILIKE ${pattern} OR ${clusters.leadingIndustry} ILIKE ${pattern}
      OR ${divisions.name} ILIKE ${pattern})`);
  }
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(clusters)
    .innerJoin(divisions, eq(divisions.code, clusters.divisionCode))
    .where(and(...conds));
  const after = decodeCursor(f.cursor);
  if (after) {
    const [year, id, ...name] = after.split('|');
    if (!/^\d{4}$/.test(year ?? '') || !/^[0-9a-f-]{36}$/i.test(id ?? ''))
      throw new AppError('VALIDATION_FAILED', 'Malformed cursor', [
        { path: 'querystring.cursor', message: 'invalid' },
      ]);
    conds.push(sql`(${clusters.campaignYear} < ${Number(year)} OR (${clusters.campaignYear} = ${Number(year)}
      AND (${clusters.name}, ${clusters.id}) > (${name.join('|')}, ${id}::uuid)))`);
  }
  const found = await db
    .select({ c: clusters, countyName: divisions.name, unitName: units.name })
    .from(clusters)
    .innerJoin(divisions, eq(divisions.code, clusters.divisionCode))
    .innerJoin(units, eq(units.code, clusters.unitCode))
    .where(and(...conds))
    .orderBy(desc(clusters.campaignYear), asc(clusters.name), asc(clusters.id))
    .limit(f.limit + 1);
  const page = found.slice(0, f.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      found.length > f.limit && last
        ? encodeCursor(`${last.c.campaignYear}|${last.c.id}|${last.c.name}`)
        : null,
    total: Number(count?.n ?? 0),
  };
}
