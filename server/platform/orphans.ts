import { type SQL, sql } from 'drizzle-orm';
import type { Deps } from './deps.ts';
import { rows } from './sql.ts';

export type OrphanCleanup = { removed: number; keptReferenced: number; tmpRemoved: number };

/**
 * Every column that holds a storage key. A new table that stores files must be added here, or its files
 * will be taken for orphans; orphans.test.ts fails when a column named like one is not listed.
 */
export const STORAGE_KEY_COLUMNS = [
  'attachments.storage_key',
  'inspection_files.storage_key',
  'objections.evidence_key',
  'cluster_files.storage_key',
  'notice_attachments.storage_key',
] as const;

/** Which of `keys` a record still needs. */
function referencedKeys(keys: string[]): SQL {
  const values = sql.join(
    keys.map((k) => sql`(${k}::text)`),
    sql`, `,
  );
  // Evidence removed from a draft keeps its row (for the history) but needs its file only while a
  // submitted version lists it: removeAttachment deletes such a file after its commit, and a crash at that
  // moment leaves it for this cleanup.
  return sql`
    SELECT k.key FROM (VALUES ${values}) AS k (key)
    WHERE EXISTS (
            SELECT 1 FROM attachments a
            WHERE a.storage_key = k.key
              AND (a.deleted_at IS NULL OR EXISTS (
                SELECT 1 FROM declaration_versions v
                WHERE v.declaration_id = a.declaration_id
                  AND v.attachments @> jsonb_build_array(jsonb_build_object('id', a.id))))
          )
       OR EXISTS (SELECT 1 FROM inspection_files f WHERE f.storage_key = k.key)
       OR EXISTS (SELECT 1 FROM objections o WHERE o.evidence_key = k.key)
       OR EXISTS (SELECT 1 FROM cluster_files c WHERE c.storage_key = k.key)
       OR EXISTS (SELECT 1 FROM notice_attachments n WHERE n.storage_key = k.key)`;
}

const BATCH = 500;

/**
 * Removes stored files no record refers to (a crash between storing and recording, or after a record went)
 * and temporary files of uploads that never finished. Only files older than the grace period are touched,
 * so uploads in flight — stored, their transaction not yet committed — are safe. Run daily.
 */
export async function cleanupOrphans(
  deps: Pick<Deps, 'db' | 'storage'>,
  opts: { olderThanMinutes?: number } = {},
): Promise<OrphanCleanup> {
  const { db, storage } = deps;
  const cutoff = new Date(Date.now() - (opts.olderThanMinutes ?? 60) * 60_000);
  let removed = 0;
  let keptReferenced = 0;
  const sweep = async (batch: string[]) => {
    const needed = new Set((await rows<{ key: string }>(db, referencedKeys(batch))).map((r) => r.key));
    for (const key of batch) {
      if (needed.has(key)) keptReferenced++;
      else {
        await storage.remove(key);
        removed++;
      }
    }
  };
  let batch: string[] = [];
  for await (const object of storage.list()) {
    if (object.modifiedAt >= cutoff) continue;
    batch.push(object.key);
    if (batch.length >= BATCH) {
      await sweep(batch);
      batch = [];
    }
  }
  if (batch.length) await sweep(batch);
  const tmpRemoved = await storage.sweepTemp(cutoff);
  return { removed, keptReferenced, tmpRemoved };
}
