import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { supportBody, supportDto, supportTotalsDto } from '../../../domain/cluster-contract.ts';
import {
  type CultivationPlanContent,
  cultivationPlanContentSchema,
  DECLARATION_PLAN_INDICATORS,
  emptyPlan,
  type PlanTarget,
  planProblems,
  planProgress,
  progressByArea,
  SUPPORT_KINDS,
  type SupportKind,
} from '../../../domain/cluster-plan.ts';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import type { Role } from '../../../domain/roles.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import { annualReports, cultivationPlans, declarations, policySupport } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import {
  addClusterEvent,
  assertNotRevoked,
  assertVersion,
  type ClusterWithNames,
  clusterInScope,
  clustersInScope,
} from '../clusters/lifecycle-repo.ts';

const PLAN_EDITORS: readonly Role[] = ['county', 'unit'];
const SUPPORT_RECORDERS: readonly Role[] = ['unit', 'ministry'];

/** A first plan from the declaration's development plan (targets of the indicators reports also carry). */
async function initialPlan(db: Executor, c: ClusterWithNames['c']): Promise<CultivationPlanContent> {
  const plan = emptyPlan();
  const id = c.declarationId ?? c.sourceDeclarationId;
  if (!id) return plan;
  const [d] = await db
    .select({ content: declarations.content })
    .from(declarations)
    .where(eq(declarations.id, id));
  const dp = (d?.content as DeclarationContent | undefined)?.developmentPlan;
  if (!dp) return plan;
  const targets: PlanTarget[] = [];
  for (const t of dp.targets ?? []) {
    const indicator = DECLARATION_PLAN_INDICATORS[t.indicator];
    if (indicator && !targets.some((x) => x.indicator === indicator && x.year === t.year))
      targets.push({ indicator, year: t.year, value: t.value });
  }
  const years = targets.map((t) => t.year);
  return {
    ...plan,
    startYear: years.length ? Math.min(...years) : null,
    endYear: years.length ? Math.max(...years) : null,
    areas: { ...plan.areas, leading_industry: { goals: '', measures: dp.measures ?? '' } },
    targets,
  };
}

async function presentPlan(db: Executor, found: ClusterWithNames, role: Role, today: string) {
  const [row] = await db.select().from(cultivationPlans).where(eq(cultivationPlans.clusterId, found.c.id));
  const content = (row?.content as CultivationPlanContent | undefined) ?? (await initialPlan(db, found.c));
  const reports = await db
    .select({ year: annualReports.year, status: annualReports.status, content: annualReports.content })
    .from(annualReports)
    .where(eq(annualReports.clusterId, found.c.id));
  const progress = planProgress(
    content.targets,
    reports.map((r) => ({ ...r, status: r.status as 'draft' })),
    today,
  );
  return {
    clusterId: found.c.id,
    content,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    progress,
    byArea: progressByArea(progress),
    allowedActions: found.c.status !== 'revoked' && PLAN_EDITORS.includes(role) ? ['edit'] : [],
  };
}

/** The cultivation plan with progress from the annual reports (a never-saved plan starts from the declaration's). */
export async function getPlan(deps: Deps, caller: Caller, clusterId: string) {
  const found = await clusterInScope(deps.db, caller, clusterId);
  return presentPlan(deps.db, found, caller.role, chinaDate(deps.clock.now()));
}

/** The county or the unit replaces the plan (If-Match: the version edited). */
export async function savePlan(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  content: CultivationPlanContent,
  ifMatch: number | undefined,
  info: RequestInfo,
) {
  if (!PLAN_EDITORS.includes(caller.role)) throw forbidden('The county or the unit keeps the plan');
  const problems = planProblems(content);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The plan is not consistent', problems);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await clusterInScope(tx, caller, clusterId, true);
    assertNotRevoked(found.c);
    const [row] = await tx
      .select()
      .from(cultivationPlans)
      .where(eq(cultivationPlans.clusterId, clusterId))
      .for('update');
    assertVersion(ifMatch, row?.version ?? 0);
    const parsed = cultivationPlanContentSchema.parse(content);
    if (row)
      await tx
        .update(cultivationPlans)
        .set({ content: parsed, version: row.version + 1, updatedBy: caller.id, updatedAt: now })
        .where(eq(cultivationPlans.clusterId, clusterId));
    else
      await tx
        .insert(cultivationPlans)
        .values({ clusterId, content: parsed, updatedBy: caller.id, updatedAt: now });
    await addClusterEvent(tx, {
      clusterId,
      kind: 'plan_updated',
      onDate: chinaDate(now),
      caller,
      summary: '更新培育规划',
      data: { version: (row?.version ?? 0) + 1, targets: parsed.targets.length },
      at: now,
    });
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'cultivation_plan.saved',
      entityType: 'cluster',
      entityId: clusterId,
      after: { version: (row?.version ?? 0) + 1 },
    });
    return presentPlan(tx, found, caller.role, chinaDate(now));
  });
}

// --- policy support ------------------------------------------------------------------------------------------------

type SupportRow = typeof policySupport.$inferSelect;
type SupportDto = z.infer<typeof supportDto>;

const presentSupport = (r: SupportRow, caller: Caller): SupportDto => ({
  id: r.id,
  clusterId: r.clusterId,
  kind: r.kind as SupportKind,
  title: r.title,
  amount: r.amount === null ? null : Number(r.amount),
  grantedOn: r.grantedOn,
  grantor: r.grantor,
  documentNo: r.documentNo,
  description: r.description,
  recordedRole: r.recordedRole,
  createdAt: r.createdAt.toISOString(),
  allowedActions: r.recordedBy === caller.id || caller.role === r.recordedRole ? ['delete'] : [],
});

function totalsOf(items: readonly { kind: string; amount: number | null }[]) {
  const byKind = Object.fromEntries(SUPPORT_KINDS.map((k) => [k, { count: 0, amount: 0 }])) as Record<
    SupportKind,
    { count: number; amount: number }
  >;
  for (const i of items) {
    const k = byKind[i.kind as SupportKind];
    k.count++;
    k.amount = round4(k.amount + (i.amount ?? 0));
  }
  return {
    count: items.length,
    amount: round4(items.reduce((s, i) => s + (i.amount ?? 0), 0)),
    byKind,
  };
}
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export async function listSupport(deps: Deps, caller: Caller, clusterId: string) {
  await clusterInScope(deps.db, caller, clusterId);
  const found = await deps.db
    .select()
    .from(policySupport)
    .where(eq(policySupport.clusterId, clusterId))
    .orderBy(desc(policySupport.grantedOn));
  const items = found.map((r) => presentSupport(r, caller));
  return { items, totals: totalsOf(items) };
}

/** A unit (or the ministry) records support given to a cluster. */
export async function recordSupport(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  body: z.infer<typeof supportBody>,
  info: RequestInfo,
) {
  if (!SUPPORT_RECORDERS.includes(caller.role))
    throw forbidden('Units and the ministry record policy support');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await clusterInScope(tx, caller, clusterId, true);
    assertNotRevoked(found.c);
    const [r] = (await tx
      .insert(policySupport)
      .values({ clusterId, ...body, recordedBy: caller.id, recordedRole: caller.role, createdAt: now })
      .returning()) as [SupportRow];
    await addClusterEvent(tx, {
      clusterId,
      kind: 'support_recorded',
      onDate: body.grantedOn,
      caller,
      summary: body.title,
      data: { kind: body.kind, amount: body.amount },
      refId: r.id,
      at: now,
    });
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'policy_support.recorded',
      entityType: 'policy_support',
      entityId: r.id,
      after: { clusterId, ...body },
    });
    return presentSupport(r, caller);
  });
}

/** The recording party deletes a record entered in error. */
export async function deleteSupport(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  id: string,
  info: RequestInfo,
) {
  await deps.db.transaction(async (tx) => {
    await clusterInScope(tx, caller, clusterId, true);
    const [r] = await tx
      .select()
      .from(policySupport)
      .where(and(eq(policySupport.id, id), eq(policySupport.clusterId, clusterId)));
    if (!r) throw notFound('No such support record');
    if (!presentSupport(r, caller).allowedActions.includes('delete'))
      throw forbidden('Only who recorded it may delete it');
    await tx.delete(policySupport).where(eq(policySupport.id, id));
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'policy_support.deleted',
      entityType: 'policy_support',
      entityId: id,
      before: { clusterId, kind: r.kind, title: r.title, amount: r.amount },
    });
  });
}

/** Support totals in scope per unit or per cluster. */
export async function supportTotals(
  deps: Deps,
  caller: Caller,
  groupBy: 'unit' | 'cluster',
): Promise<z.infer<typeof supportTotalsDto>> {
  const found = await clustersInScope(deps.db, caller);
  const ids = found.map((f) => f.c.id);
  const rows = ids.length
    ? await deps.db
        .select({
          clusterId: policySupport.clusterId,
          kind: policySupport.kind,
          amount: policySupport.amount,
        })
        .from(policySupport)
        .where(inArray(policySupport.clusterId, ids))
    : [];
  const groups = new Map<
    string,
    { code: string; name: string; items: { kind: string; amount: number | null }[] }
  >();
  for (const f of found) {
    const key = groupBy === 'unit' ? f.c.unitCode : f.c.id;
    if (!groups.has(key))
      groups.set(key, { code: key, name: groupBy === 'unit' ? f.unitName : f.c.name, items: [] });
  }
  const groupOf = new Map(found.map((f) => [f.c.id, groupBy === 'unit' ? f.c.unitCode : f.c.id]));
  for (const r of rows) {
    groups
      .get(groupOf.get(r.clusterId)!)!
      .items.push({ kind: r.kind, amount: r.amount === null ? null : Number(r.amount) });
  }
  return {
    groupBy,
    items: [...groups.values()]
      .filter((g) => g.items.length > 0)
      .map((g) => ({ code: g.code, name: g.name, ...totalsOf(g.items) })),
  };
}
