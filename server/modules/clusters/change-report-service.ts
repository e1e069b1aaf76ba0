import type { Readable } from 'node:stream';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { changeReportBody, changeReportDto } from '../../../domain/cluster-contract.ts';
import {
  CHANGE_KIND_LABELS,
  CHANGE_TRANSITIONS,
  type ChangeAction,
  type ChangeKind,
  type ChangeStatus,
  changeReportActions,
  recordChangeOf,
} from '../../../domain/cluster-lifecycle.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import { changeReports, clusters } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { notify } from '../notifications/service.ts';
import { addEvidence, filesOf } from './evidence.ts';
import {
  addClusterEvent,
  assertNotRevoked,
  type ClusterWithNames,
  clusterInScope,
} from './lifecycle-repo.ts';

type Row = typeof changeReports.$inferSelect;
type Dto = z.infer<typeof changeReportDto>;

async function present(db: Executor, c: ClusterWithNames['c'], r: Row, caller: Caller): Promise<Dto> {
  return {
    id: r.id,
    clusterId: c.id,
    clusterName: c.name,
    kind: r.kind as ChangeKind,
    description: r.description,
    beforeValue: r.beforeValue,
    afterValue: r.afterValue,
    effectiveOn: r.effectiveOn,
    status: r.status as ChangeStatus,
    reportedAt: r.reportedAt.toISOString(),
    resolution: r.resolution,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    files: await filesOf(db, 'change_report', r.id),
    allowedActions: c.status === 'revoked' ? [] : changeReportActions(caller.role, r.status as ChangeStatus),
  };
}

async function reportOf(db: Executor, clusterId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(changeReports)
    .where(and(eq(changeReports.id, id), eq(changeReports.clusterId, clusterId)));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw notFound('No such change report');
  return r;
}

/** The county reports a major change (leading industry, spatial boundary, operating body) of its cluster. */
export async function reportChange(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  body: z.infer<typeof changeReportBody>,
  info: RequestInfo,
) {
  if (caller.role !== 'county') throw forbidden('The county reports changes of its cluster');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await clusterInScope(tx, caller, clusterId, true);
    assertNotRevoked(found.c);
    const [r] = (await tx
      .insert(changeReports)
      .values({ clusterId, ...body, reportedBy: caller.id, reportedAt: now })
      .returning()) as [Row];
    const label = CHANGE_KIND_LABELS[body.kind].zh;
    await addClusterEvent(tx, {
      clusterId,
      kind: 'change_reported',
      onDate: chinaDate(now),
      caller,
      summary: `报备${label}变更`,
      data: { kind: body.kind, before: body.beforeValue, after: body.afterValue },
      refId: r.id,
      at: now,
    });
    await notify(tx, [
      {
        to: { unitCode: found.c.unitCode },
        kind: 'change_reported',
        title: `${found.c.name} 报备了${label}变更`,
        body: body.description.slice(0, 500),
        link: `/clusters/${clusterId}/change-reports/${r.id}`,
      },
    ]);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'change_report.created',
      entityType: 'change_report',
      entityId: r.id,
      after: { clusterId, ...body },
    });
    return present(tx, found.c, r, caller);
  });
}

export async function listChangeReports(deps: Deps, caller: Caller, clusterId: string) {
  const found = await clusterInScope(deps.db, caller, clusterId);
  const found2 = await deps.db
    .select()
    .from(changeReports)
    .where(eq(changeReports.clusterId, clusterId))
    .orderBy(desc(changeReports.reportedAt));
  return { items: await Promise.all(found2.map((r) => present(deps.db, found.c, r, caller))) };
}

export async function getChangeReport(deps: Deps, caller: Caller, clusterId: string, id: string) {
  const found = await clusterInScope(deps.db, caller, clusterId);
  return present(deps.db, found.c, await reportOf(deps.db, clusterId, id), caller);
}

/**
 * The ministry acknowledges a change, or opens a review of it and later closes that review. Acknowledging (or
 * closing the review with `confirmed`) makes the reported new value the cluster's own — leading industry,
 * operating body or spatial boundary — recorded in its history with the change report as source, in the
 * same transaction as the report's new status and the audit entries.
 */
export async function actOnChangeReport(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  id: string,
  action: Exclude<ChangeAction, 'add_file'>,
  comment: string,
  info: RequestInfo,
  confirmed = false,
) {
  const t = CHANGE_TRANSITIONS[action];
  if (!t.roles.includes(caller.role)) throw forbidden('The ministry handles change reports');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await clusterInScope(tx, caller, clusterId, true);
    const r = await reportOf(tx, clusterId, id, true);
    if (!t.from.includes(r.status as ChangeStatus))
      throw new AppError('INVALID_TRANSITION', `Cannot ${action} a change report that is ${r.status}`);
    if (action !== 'acknowledge' && comment.trim() === '')
      throw new AppError('VALIDATION_FAILED', 'Say why', [{ path: 'comment', message: 'required' }]);
    const [saved] = (await tx
      .update(changeReports)
      .set({ status: t.to, resolution: comment || null, resolvedBy: caller.id, resolvedAt: now })
      .where(eq(changeReports.id, id))
      .returning()) as [Row];
    const kind =
      action === 'acknowledge'
        ? 'change_acknowledged'
        : action === 'open_review'
          ? 'change_review_opened'
          : 'change_closed';
    await addClusterEvent(tx, {
      clusterId,
      kind,
      onDate: chinaDate(now),
      caller,
      summary: comment,
      data: { changeKind: r.kind },
      refId: id,
      at: now,
    });
    const change = recordChangeOf(
      { kind: r.kind as ChangeKind, afterValue: r.afterValue },
      action,
      {
        leadingIndustry: found.c.leadingIndustry,
        operatingBody: found.c.operatingBody,
        spatialBoundary: found.c.spatialBoundary,
      },
      confirmed,
    );
    if (change) {
      await tx
        .update(clusters)
        .set({ [change.field]: change.after })
        .where(eq(clusters.id, clusterId));
      await addClusterEvent(tx, {
        clusterId,
        kind: 'record_changed',
        onDate: r.effectiveOn ?? chinaDate(now),
        caller,
        summary: `${CHANGE_KIND_LABELS[r.kind as ChangeKind].zh}：${change.before ?? '（未记录）'} → ${change.after}`,
        data: { field: change.field, before: change.before, after: change.after, source: 'change_report' },
        refId: id,
        at: now,
      });
      await writeAudit(tx, actorFromCaller(caller, info), {
        action: 'cluster.record_changed',
        entityType: 'cluster',
        entityId: clusterId,
        before: { [change.field]: change.before },
        after: { [change.field]: change.after, changeReportId: id },
      });
    }
    const message = {
      kind: 'change_report_handled',
      title: `${found.c.name} 的${CHANGE_KIND_LABELS[r.kind as ChangeKind].zh}变更报备：${
        action === 'acknowledge' ? '已知悉' : action === 'open_review' ? '已启动核查' : '核查已完成'
      }`,
      body: comment,
      link: `/clusters/${clusterId}/change-reports/${id}`,
    };
    await notify(tx, [
      { to: { divisionCode: found.c.divisionCode }, ...message },
      { to: { unitCode: found.c.unitCode }, ...message },
    ]);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: `change_report.${action}`,
      entityType: 'change_report',
      entityId: id,
      before: { status: r.status },
      after: { status: t.to, comment, ...(action === 'close' ? { confirmed } : {}) },
    });
    return present(tx, found.c, saved, caller);
  });
}

/** Evidence for a change report: the county's, while it is reported and not yet handled. */
export async function addChangeReportFile(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  id: string,
  upload: { filename: string | undefined; stream: Readable },
  info: RequestInfo,
) {
  if (caller.role !== 'county') throw forbidden('The county adds evidence to its change report');
  const found = await clusterInScope(deps.db, caller, clusterId);
  const r = await reportOf(deps.db, clusterId, id);
  if (found.c.status === 'revoked' || r.status !== 'reported')
    throw new AppError('INVALID_TRANSITION', `A ${r.status} change report takes no more files`);
  return addEvidence(deps, caller, clusterId, { kind: 'change_report', id }, upload, info, async (tx) => {
    const now = await reportOf(tx, clusterId, id, true);
    if (now.status !== 'reported')
      throw new AppError('INVALID_TRANSITION', 'The change report was handled meanwhile');
  });
}
