import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Executor, rows } from './sql.ts';

export type AuditActor = {
  id: string | null;
  name: string | null;
  role: string | null;
  scope: string | null;
  ip: string | null;
  userAgent: string | null;
};

export type AuditEvent = {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

export const GENESIS_HASH = '0'.repeat(64);

type HashedFields = {
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  scope: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
};

/** Stable JSON: object keys sorted at every depth, so a hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(fields)}`)
    .digest('hex');
}

/**
 * Appends an audit entry. Call it inside the transaction that makes the change, so both commit or
 * neither does; the transaction-scoped lock keeps the hash chain linear across processes.
 */
export async function writeAudit(tx: Executor, actor: AuditActor, event: AuditEvent): Promise<void> {
  const fields: HashedFields = {
    at: new Date().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    scope: actor.scope,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    ip: actor.ip,
    userAgent: actor.userAgent,
  };
  // Everything that does not depend on the previous entry is prepared before taking the lock: the lock is
  // held until commit and every audited write in every process queues for it.
  const canonical = canonicalJson(fields);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727017002)`);
  // One statement after the lock (its snapshot sees the previous holder's entry): read the last hash and
  // insert with hash = sha256(prev_hash || '\n' || canonical fields) — exactly entryHash(), in SQL.
  await tx.execute(sql`INSERT INTO audit_log
      (at, actor_id, actor_name, actor_role, scope, action, entity_type, entity_id, before, after, ip, user_agent,
       prev_hash, hash)
    SELECT ${fields.at}, ${fields.actorId}, ${fields.actorName}, ${fields.actorRole}, ${fields.scope},
      ${fields.action}, ${fields.entityType}, ${fields.entityId}, ${JSON.stringify(fields.before)}::jsonb,
      ${JSON.stringify(fields.after)}::jsonb, ${fields.ip}, ${fields.userAgent}, prev.hash,
      encode(sha256(convert_to(prev.hash || chr(10) || ${canonical}::text, 'UTF8')), 'hex')
    FROM (SELECT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), ${GENESIS_HASH}::text) AS hash) prev`);
}

/** Re-computes the chain; names the first entry whose hash or link does not match. */
export async function verifyAuditChain(
  db: Executor,
): Promise<{ ok: true; entries: number } | { ok: false; entries: number; firstBadEntry: number }> {
  let prev = GENESIS_HASH;
  let entries = 0;
  let afterId = 0;
  for (;;) {
    const batch = await rows<Record<string, unknown>>(
      db,
      sql`SELECT id, at, actor_id, actor_name, actor_role, scope, action, entity_type, entity_id, before, after,
                 ip, user_agent, prev_hash, hash
          FROM audit_log WHERE id > ${afterId} ORDER BY id LIMIT 1000`,
    );
    if (batch.length === 0) return { ok: true, entries };
    for (const r of batch) {
      const id = Number(r.id);
      const fields: HashedFields = {
        at: new Date(r.at as string).toISOString(),
        actorId: (r.actor_id as string | null) ?? null,
        actorName: (r.actor_name as string | null) ?? null,
        actorRole: (r.actor_role as string | null) ?? null,
        scope: (r.scope as string | null) ?? null,
        action: r.action as string,
        entityType: (r.entity_type as string | null) ?? null,
        entityId: (r.entity_id as string | null) ?? null,
        before: r.before ?? null,
        after: r.after ?? null,
        ip: (r.ip as string | null) ?? null,
        userAgent: (r.user_agent as string | null) ?? null,
      };
      if (r.prev_hash !== prev || entryHash(prev, fields) !== r.hash)
        return { ok: false, entries, firstBadEntry: id };
      prev = r.hash as string;
      entries++;
      afterId = id;
    }
  }
}
