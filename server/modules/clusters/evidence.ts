import type { Readable } from 'node:stream';
import { and, asc, eq } from 'drizzle-orm';
import { clusterFiles } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import type { Executor, Tx } from '../../platform/sql.ts';
import { storeUpload } from '../../platform/uploads.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { clusterInScope } from './lifecycle-repo.ts';

export type OwnerKind = 'change_report' | 're_review' | 'revocation';

const present = (f: typeof clusterFiles.$inferSelect) => ({
  id: f.id,
  filename: f.filename,
  size: f.size,
  sha256: f.sha256,
  contentType: f.contentType,
  createdAt: f.createdAt.toISOString(),
});

/** The evidence files of one record, oldest first. */
export async function filesOf(db: Executor, ownerKind: OwnerKind, ownerId: string) {
  const found = await db
    .select()
    .from(clusterFiles)
    .where(and(eq(clusterFiles.ownerKind, ownerKind), eq(clusterFiles.ownerId, ownerId)))
    .orderBy(asc(clusterFiles.createdAt));
  return found.map(present);
}

/**
 * Stores an evidence file for a record of a cluster through the one upload pipeline. `check` runs in the
 * transaction that records the file (with the cluster locked) and throws when the record no longer takes
 * files; the file is then removed again.
 */
export async function addEvidence(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  owner: { kind: OwnerKind; id: string },
  upload: { filename: string | undefined; stream: Readable },
  info: RequestInfo,
  check: (tx: Tx) => Promise<void>,
) {
  return storeUpload(deps, upload, (file) =>
    deps.db.transaction(async (tx) => {
      await clusterInScope(tx, caller, clusterId, true);
      await check(tx);
      const [f] = await tx
        .insert(clusterFiles)
        .values({
          clusterId,
          ownerKind: owner.kind,
          ownerId: owner.id,
          filename: file.filename,
          storageKey: file.key,
          size: file.size,
          sha256: file.sha256,
          contentType: file.type.mime,
          uploadedBy: caller.id,
          createdAt: deps.clock.now(),
        })
        .returning();
      await writeAudit(tx, actorFromCaller(caller, info), {
        action: `cluster.${owner.kind}.file_added`,
        entityType: 'cluster',
        entityId: clusterId,
        after: { ownerId: owner.id, fileId: f!.id, filename: file.filename, sha256: file.sha256 },
      });
      return present(f!);
    }),
  );
}

/** An evidence file of a cluster in the caller's scope, streamed back as stored. */
export async function openEvidence(deps: Deps, caller: Caller, clusterId: string, fileId: string) {
  await clusterInScope(deps.db, caller, clusterId);
  const [f] = await deps.db
    .select()
    .from(clusterFiles)
    .where(and(eq(clusterFiles.id, fileId), eq(clusterFiles.clusterId, clusterId)));
  if (!f) throw notFound('No such file');
  return { file: f, stream: deps.storage.open(f.storageKey) };
}
