import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RevocationDto } from '../../../domain/cluster-contract.ts';
import {
  type ClusterLevel,
  dueForReReview,
  lapsesWithoutReReview,
  REVOCATION_REASON_LABELS,
  type ReReviewStatus,
  type RevocationReason,
  revokerRole,
} from '../../../domain/cluster-lifecycle.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import { clusterEvents, clusters, reReviews } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { notify } from '../notifications/service.ts';
import { filesOf } from './evidence.ts';
import { addClusterEvent, type ClusterWithNames, clusterInScope, clustersInScope } from './lifecycle-repo.ts';
import { presentClusterDetail } from './presenter.ts';

/** Whether the caller may revoke a cluster of this level (the ministry a national one, its unit a provincial one). */
const mayRevoke = (caller: Caller, level: string) =>
  caller.role === 'admin' || caller.role === revokerRole(level as ClusterLevel);

/** Refuses (403) a caller who may not revoke a cluster of this level. */
export function assertMayRevoke(caller: Caller, level: string): void {
  if (!mayRevoke(caller, level))
    throw forbidden(
      level === 'provincial'
        ? 'The unit revokes its provincial clusters'
        : 'The ministry revokes national clusters',
    );
}

/**
 * Revokes a cluster inside the caller's transaction (the cluster locked by the caller): status, date and
 * reason on the cluster, an entry in its history, the county and the unit notified. The public registry
 * shows it as revoked from then on.
 */
export async function revokeInTx(
  tx: Executor,
  deps: Deps,
  caller: Caller | null,
  c: ClusterWithNames['c'],
  r: { reason: RevocationReason; explanation: string; effectiveOn: string; refId?: string | null },
): Promise<void> {
  if (c.status === 'revoked') throw new AppError('INVALID_TRANSITION', 'The cluster is already revoked');
  await tx
    .update(clusters)
    .set({ status: 'revoked', revokedOn: r.effectiveOn, revocationReason: r.reason })
    .where(eq(clusters.id, c.id));
  await addClusterEvent(tx, {
    clusterId: c.id,
    kind: 'revoked',
    onDate: r.effectiveOn,
    caller,
    summary: REVOCATION_REASON_LABELS[r.reason].zh,
    data: { reason: r.reason, explanation: r.explanation, previousStatus: c.status },
    refId: r.refId ?? null,
    at: deps.clock.now(),
  });
  const message = {
    kind: 'cluster_revoked',
    title: `${c.name} 的特色产业集群认定已撤销`,
    body: `${REVOCATION_REASON_LABELS[r.reason].zh}：${r.explanation}`,
    link: `/clusters/${c.id}`,
  };
  await notify(tx, [
    { to: { divisionCode: c.divisionCode }, ...message },
    { to: { unitCode: c.unitCode }, ...message },
  ]);
}

/** The revoking party revokes one cluster, with the reason and an explanation (evidence files may follow). */
export async function revokeCluster(
  deps: Deps,
  caller: Caller,
  id: string,
  body: { reason: RevocationReason; explanation: string; effectiveOn?: string | undefined },
  info: RequestInfo,
) {
  const today = chinaDate(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const found = await clusterInScope(tx, caller, id, true);
    assertMayRevoke(caller, found.c.level);
    const effectiveOn = body.effectiveOn ?? today;
    await revokeInTx(tx, deps, caller, found.c, { ...body, effectiveOn });
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'cluster.revoked',
      entityType: 'cluster',
      entityId: id,
      before: { status: found.c.status },
      after: { status: 'revoked', reason: body.reason, explanation: body.explanation, effectiveOn },
    });
    const after = await clusterInScope(tx, caller, id);
    return presentClusterDetail(after, caller.role, today);
  });
}

/** The latest re-review of each cluster (by period end). */
async function latestReReviews(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, typeof reReviews.$inferSelect>();
  const found = await db.select().from(reReviews).where(inArray(reReviews.clusterId, ids));
  const latest = new Map<string, typeof reReviews.$inferSelect>();
  for (const r of found) {
    const have = latest.get(r.clusterId);
    if (!have || have.periodEnd < r.periodEnd) latest.set(r.clusterId, r);
  }
  return latest;
}

/** Clusters in scope due for re-review (validity ends within a year or has ended), with their re-review. */
export async function reReviewsDue(deps: Deps, caller: Caller) {
  const today = chinaDate(deps.clock.now());
  const found = (await clustersInScope(deps.db, caller, sql`${clusters.status} <> 'revoked'`)).filter((f) =>
    dueForReReview(f.c, today),
  );
  const latest = await latestReReviews(
    deps.db,
    found.map((f) => f.c.id),
  );
  return {
    items: found.map((f) => {
      const r = latest.get(f.c.id);
      const current = r && r.periodEnd === f.c.validTo ? r : null;
      return {
        cluster: presentClusterDetail(f, caller.role, today),
        reReviewId: current?.id ?? null,
        reReviewStatus: (current?.status ?? null) as ReReviewStatus | null,
        lapsed: lapsesWithoutReReview(
          f.c,
          current
            ? {
                status: current.status as ReReviewStatus,
                submittedAt: current.submittedAt?.toISOString() ?? null,
              }
            : null,
          today,
        ),
      };
    }),
  };
}

/**
 * Revokes, for `re_review_missing`, the clusters whose validity ended without a filed re-review (all of
 * them in the caller's revoking scope, or the listed ones, which must be lapsed). The ministry runs it for
 * national clusters, a unit for its provincial ones.
 */
export async function revokeLapsed(
  deps: Deps,
  caller: Caller,
  clusterIds: string[] | undefined,
  info: RequestInfo,
) {
  const due = await reReviewsDue(deps, caller);
  const level = caller.role === 'unit' ? 'provincial' : 'national';
  const lapsed = due.items.filter((i) => i.lapsed && (caller.role === 'admin' || i.cluster.level === level));
  const wanted = clusterIds ? lapsed.filter((i) => clusterIds.includes(i.cluster.id)) : lapsed;
  if (clusterIds && wanted.length !== clusterIds.length)
    throw new AppError(
      'INVALID_TRANSITION',
      'Some clusters are not lapsed (or not yours to revoke)',
      clusterIds
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => !wanted.some((w) => w.cluster.id === id))
        .map(({ i }) => ({ path: `clusterIds[${i}]`, message: 'not lapsed' })),
    );
  const today = chinaDate(deps.clock.now());
  const revoked: { id: string; name: string }[] = [];
  await deps.db.transaction(async (tx) => {
    for (const item of wanted) {
      const found = await clusterInScope(tx, caller, item.cluster.id, true);
      if (found.c.status === 'revoked') continue;
      await revokeInTx(tx, deps, caller, found.c, {
        reason: 're_review_missing',
        explanation: `认定有效期已于${found.c.validTo}届满，未提交复核申请`,
        effectiveOn: today,
      });
      revoked.push({ id: found.c.id, name: found.c.name });
    }
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'clusters.lapsed_revoked',
      entityType: 'clusters',
      entityId: `lapsed:${today}`,
      after: { revoked: revoked.map((r) => r.id) },
    });
  });
  return { revoked };
}

/**
 * A revoked cluster's revocation: date, ground, the revoking party's explanation and the evidence files, for
 * the ministry, the cluster's unit and its county (anyone else: 404, like a cluster that is not revoked).
 * The evidence is never public: the public registry shows only status, date and ground.
 */
export async function getRevocation(deps: Deps, caller: Caller, id: string): Promise<RevocationDto> {
  const found = await clusterInScope(deps.db, caller, id);
  if (found.c.status !== 'revoked') throw notFound('The cluster is not revoked');
  const [event] = await deps.db
    .select({ data: clusterEvents.data })
    .from(clusterEvents)
    .where(and(eq(clusterEvents.clusterId, id), eq(clusterEvents.kind, 'revoked')))
    .orderBy(desc(clusterEvents.id))
    .limit(1);
  const explanation = (event?.data as { explanation?: unknown } | undefined)?.explanation;
  return {
    clusterId: id,
    revokedOn: found.c.revokedOn,
    reason: found.c.revocationReason as RevocationReason | null,
    explanation: typeof explanation === 'string' ? explanation : '',
    files: await filesOf(deps.db, 'revocation', id),
    allowedActions: mayRevoke(caller, found.c.level) ? ['add_file'] : [],
  };
}
