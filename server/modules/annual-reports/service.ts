import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type AnnualReportContent,
  annualReportContentSchema,
  emptyAnnualReportContent,
  isFiled,
  isOverdue,
  missingReportItems,
  REPORT_FIGURES,
  REPORT_TRANSITIONS,
  type ReportAction,
  type ReportDueRule,
  type ReportStatus,
  reportActions,
  reportDueOn,
  reportFigures,
  reportYearOpen,
  reportYears,
  SUMMABLE_FIGURES,
} from '../../../domain/annual-report.ts';
import type {
  AnnualReportDto,
  AnnualReportSummaryDto,
  reportCompletionDto,
  reportTotalsDto,
  trendsDto,
} from '../../../domain/cluster-contract.ts';
import { mergePatch } from '../../../domain/declaration-form.ts';
import type { Role } from '../../../domain/roles.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import { annualReportEvents, annualReports, campaigns, clusters } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import {
  addClusterEvent,
  assertNotRevoked,
  assertVersion,
  type ClusterWithNames,
  clusterInScope,
  clustersInScope,
  parseOr400,
} from '../clusters/lifecycle-repo.ts';
import { notify } from '../notifications/service.ts';

type ReportRow = typeof annualReports.$inferSelect;
type ClusterRow = ClusterWithNames['c'];
type Completion = z.infer<typeof reportCompletionDto>;

/** Each campaign year's annual-report due day, from the campaigns table (campaign data, never code). */
export async function reportDueRules(db: Executor): Promise<ReportDueRule[]> {
  return db.select({ year: campaigns.year, annualReportDue: campaigns.annualReportDue }).from(campaigns);
}

const today = (deps: Deps) => chinaDate(deps.clock.now());

function summary(
  c: ClusterRow,
  year: number,
  r: ReportRow | undefined,
  role: Role,
  rules: readonly ReportDueRule[],
  day: string,
): AnnualReportSummaryDto {
  const status = (r?.status ?? 'not_started') as ReportStatus;
  const dueOn = r?.dueOn ?? reportDueOn(year, rules);
  return {
    clusterId: c.id,
    clusterName: c.name,
    divisionCode: c.divisionCode,
    unitCode: c.unitCode,
    year,
    dueOn,
    status,
    overdue: isOverdue(status, dueOn, day),
    submittedAt: r?.submittedAt?.toISOString() ?? null,
    submittedLate: r?.submittedLate ?? null,
    version: r?.version ?? 0,
    allowedActions: reportActions(role, status, { revoked: c.status === 'revoked' }),
  };
}

/** The years a cluster owes, plus any year it has a report for, newest first. */
function yearsOf(c: ClusterRow, reports: readonly ReportRow[], day: string): number[] {
  const years = new Set([...reportYears(c, day), ...reports.map((r) => r.year)]);
  return [...years].sort((a, b) => b - a);
}

/** The annual reports of one cluster: every year it owes (not started ones included), newest first. */
export async function listClusterReports(deps: Deps, caller: Caller, clusterId: string) {
  const found = await clusterInScope(deps.db, caller, clusterId);
  const reports = await deps.db.select().from(annualReports).where(eq(annualReports.clusterId, clusterId));
  const rules = await reportDueRules(deps.db);
  const day = today(deps);
  return {
    items: yearsOf(found.c, reports, day).map((y) =>
      summary(
        found.c,
        y,
        reports.find((r) => r.year === y),
        caller.role,
        rules,
        day,
      ),
    ),
  };
}

async function reportRow(db: Executor, clusterId: string, year: number, lock = false) {
  const q = db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.clusterId, clusterId), eq(annualReports.year, year)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A year the cluster can report on: its year has ended and the cluster owes it (or already has it). */
function assertReportable(c: ClusterRow, year: number, existing: ReportRow | undefined, day: string): void {
  if (existing) return;
  if (!reportYearOpen(year, day))
    throw new AppError('INVALID_TRANSITION', `${year} has not ended: its report opens on ${year + 1}-01-01`);
  if (!reportYears(c, day).includes(year)) throw notFound(`No ${year} annual report for this cluster`);
}

async function presentReport(
  db: Executor,
  c: ClusterRow,
  year: number,
  row: ReportRow | undefined,
  role: Role,
  day: string,
): Promise<AnnualReportDto> {
  const rules = await reportDueRules(db);
  const content = (row?.content as AnnualReportContent | undefined) ?? emptyAnnualReportContent();
  const events = row
    ? await db
        .select()
        .from(annualReportEvents)
        .where(eq(annualReportEvents.reportId, row.id))
        .orderBy(asc(annualReportEvents.id))
    : [];
  return {
    ...summary(c, year, row, role, rules, day),
    id: row?.id ?? null,
    content,
    missing: missingReportItems(content),
    returnReason: row?.returnReason ?? null,
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      version: e.version,
      comment: e.comment,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
  };
}

/** One year's report of a cluster in scope; a year owed but not started answers an empty report. */
export async function getReport(deps: Deps, caller: Caller, clusterId: string, year: number) {
  const found = await clusterInScope(deps.db, caller, clusterId);
  const row = await reportRow(deps.db, clusterId, year);
  const day = today(deps);
  assertReportable(found.c, year, row, day);
  return presentReport(deps.db, found.c, year, row, caller.role, day);
}

/** Only content keys count; the rest of a body (status, id…) is ignored. */
const CONTENT_KEYS = Object.keys(annualReportContentSchema.shape);
const pickContent = (v: unknown) =>
  v && typeof v === 'object'
    ? Object.fromEntries(Object.entries(v).filter(([k]) => CONTENT_KEYS.includes(k)))
    : {};

/**
 * The county saves its draft (a JSON merge patch on what is stored; the first save creates the report).
 * Allowed while draft or returned; `ifMatch` guards against overwriting a newer version.
 */
export async function saveReportDraft(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  year: number,
  patch: unknown,
  ifMatch: number | undefined,
  info: RequestInfo,
) {
  const day = today(deps);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await clusterInScope(tx, caller, clusterId, true);
    assertNotRevoked(found.c);
    const row = await reportRow(tx, clusterId, year, true);
    assertReportable(found.c, year, row, day);
    const status = (row?.status ?? 'not_started') as ReportStatus;
    if (!reportActions(caller.role, status, { revoked: false }).includes('edit'))
      throw new AppError('INVALID_TRANSITION', `A ${status} report cannot be edited`);
    assertVersion(ifMatch, row?.version ?? 0);
    const base = (row?.content as AnnualReportContent | undefined) ?? emptyAnnualReportContent();
    const content = parseOr400(annualReportContentSchema, mergePatch(base, pickContent(patch)), 'content.');
    let saved: ReportRow;
    if (row) {
      [saved] = (await tx
        .update(annualReports)
        .set({ content, version: row.version + 1, updatedBy: caller.id, updatedAt: now })
        .where(eq(annualReports.id, row.id))
        .returning()) as [ReportRow];
    } else {
      const rules = await reportDueRules(tx);
      [saved] = (await tx
        .insert(annualReports)
        .values({
          clusterId,
          year,
          status: 'draft',
          content,
          dueOn: reportDueOn(year, rules),
          createdBy: caller.id,
          updatedBy: caller.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning()) as [ReportRow];
    }
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: row ? 'annual_report.saved' : 'annual_report.created',
      entityType: 'annual_report',
      entityId: saved.id,
      after: { clusterId, year, version: saved.version },
    });
    return presentReport(tx, found.c, year, saved, caller.role, day);
  });
}

/** submit (county), return with reasons or forward (unit): each a transition of REPORT_TRANSITIONS. */
export async function actOnReport(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  year: number,
  action: Exclude<ReportAction, 'edit'>,
  comment: string,
  info: RequestInfo,
) {
  const day = today(deps);
  const now = deps.clock.now();
  const t = REPORT_TRANSITIONS[action];
  if (!t.roles.includes(caller.role))
    throw new AppError('FORBIDDEN', `Only ${t.roles.join(', ')} may ${action} an annual report`);
  return deps.db.transaction(async (tx) => {
    const found = await clusterInScope(tx, caller, clusterId, true);
    assertNotRevoked(found.c);
    const row = await reportRow(tx, clusterId, year, true);
    assertReportable(found.c, year, row, day);
    const status = (row?.status ?? 'not_started') as ReportStatus;
    if (!row || !t.from.includes(status))
      throw new AppError('INVALID_TRANSITION', `Cannot ${action} a report that is ${status}`);
    const content = row.content as AnnualReportContent;
    if (action === 'submit') {
      const missing = missingReportItems(content);
      if (missing.length)
        throw new AppError(
          'VALIDATION_FAILED',
          `The report lacks ${missing.length} item(s)`,
          missing.map((m) => ({ path: `content.${m.path}`, message: m.message })),
        );
    }
    if (action === 'return' && comment.trim() === '')
      throw new AppError('VALIDATION_FAILED', 'Say what to revise', [
        { path: 'comment', message: 'required when returning' },
      ]);
    const [saved] = (await tx
      .update(annualReports)
      .set({
        status: t.to,
        version: row.version + 1,
        updatedBy: caller.id,
        updatedAt: now,
        ...(action === 'submit'
          ? { submittedAt: now, submittedLate: day > row.dueOn, returnReason: null }
          : {}),
        ...(action === 'return' ? { returnReason: comment } : {}),
        ...(action === 'forward' ? { forwardedAt: now } : {}),
      })
      .where(eq(annualReports.id, row.id))
      .returning()) as [ReportRow];
    await tx.insert(annualReportEvents).values({
      reportId: row.id,
      action,
      fromStatus: status,
      toStatus: t.to,
      version: saved.version,
      content: action === 'submit' ? content : null,
      comment: comment || null,
      actorId: caller.id,
      actorName: caller.displayName,
      at: now,
    });
    await addClusterEvent(tx, {
      clusterId,
      kind: `annual_report_${action === 'submit' ? 'submitted' : action === 'return' ? 'returned' : 'forwarded'}`,
      onDate: day,
      caller,
      summary: `${year}年度发展情况`,
      data: { year, ...(comment ? { comment } : {}) },
      refId: row.id,
      at: now,
    });
    const link = `/clusters/${clusterId}/annual-reports/${year}`;
    if (action === 'submit')
      await notify(tx, [
        {
          to: { unitCode: found.c.unitCode },
          kind: 'annual_report_submitted',
          title: `${found.c.name} 报送了${year}年度发展情况`,
          link,
        },
      ]);
    if (action === 'return')
      await notify(tx, [
        {
          to: { divisionCode: found.c.divisionCode },
          kind: 'annual_report_returned',
          title: `${found.c.name} ${year}年度发展情况被退回修改`,
          body: comment,
          link,
        },
      ]);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: `annual_report.${action}`,
      entityType: 'annual_report',
      entityId: row.id,
      before: { status },
      after: { status: t.to, version: saved.version, ...(comment ? { comment } : {}) },
    });
    return presentReport(tx, found.c, year, saved, caller.role, day);
  });
}

/** Figures per year of one cluster, from its reports (drafts included, marked by status). */
export async function clusterTrends(
  deps: Deps,
  caller: Caller,
  clusterId: string,
): Promise<z.infer<typeof trendsDto>> {
  await clusterInScope(deps.db, caller, clusterId);
  const reports = await deps.db
    .select()
    .from(annualReports)
    .where(eq(annualReports.clusterId, clusterId))
    .orderBy(asc(annualReports.year));
  return {
    clusterId,
    figures: REPORT_FIGURES.map((f) => ({ key: f.key, zh: f.zh, en: f.en, unit: f.unit })),
    years: reports.map((r) => ({
      year: r.year,
      status: r.status as ReportStatus,
      values: reportFigures(r.content),
    })),
  };
}

/** Expected and existing reports of every cluster in scope: the shared basis of lists and overviews. */
async function scopedReports(deps: Deps, caller: Caller, unitCode?: string) {
  const found = await clustersInScope(
    deps.db,
    caller,
    ...(unitCode ? [eq(clusters.unitCode, unitCode)] : []),
  );
  const ids = found.map((f) => f.c.id);
  const reports = ids.length
    ? await deps.db.select().from(annualReports).where(inArray(annualReports.clusterId, ids))
    : [];
  const byCluster = new Map<string, ReportRow[]>();
  for (const r of reports) byCluster.set(r.clusterId, [...(byCluster.get(r.clusterId) ?? []), r]);
  return { found, byCluster };
}

/** Reports in scope (owed ones not started included), filtered; for the unit's and ministry's queues. */
export async function listReports(
  deps: Deps,
  caller: Caller,
  f: { year?: number | undefined; status?: ReportStatus | undefined; unitCode?: string | undefined },
) {
  const { found, byCluster } = await scopedReports(deps, caller, f.unitCode);
  const rules = await reportDueRules(deps.db);
  const day = today(deps);
  const items: AnnualReportSummaryDto[] = [];
  for (const { c } of found) {
    const mine = byCluster.get(c.id) ?? [];
    for (const y of yearsOf(c, mine, day)) {
      if (f.year !== undefined && y !== f.year) continue;
      const s = summary(
        c,
        y,
        mine.find((r) => r.year === y),
        caller.role,
        rules,
        day,
      );
      if (f.status !== undefined && s.status !== f.status) continue;
      items.push(s);
    }
  }
  return items;
}

/** Completion of the reports on `year` per unit: what is owed, in which state, what is overdue. */
export async function reportCompletion(deps: Deps, caller: Caller, year: number): Promise<Completion> {
  const { found, byCluster } = await scopedReports(deps, caller);
  const rules = await reportDueRules(deps.db);
  const day = today(deps);
  const dueOn = reportDueOn(year, rules);
  const units = new Map<string, Completion['units'][number]>();
  for (const { c, unitName } of found) {
    const row = (byCluster.get(c.id) ?? []).find((r) => r.year === year);
    if (!row && !reportYears(c, day).includes(year)) continue;
    const u = units.get(c.unitCode) ?? {
      unitCode: c.unitCode,
      unitName,
      expected: 0,
      notStarted: 0,
      draft: 0,
      submitted: 0,
      returned: 0,
      forwarded: 0,
      overdue: 0,
      completionPercent: 0,
    };
    const status = (row?.status ?? 'not_started') as ReportStatus;
    u.expected++;
    if (status === 'not_started') u.notStarted++;
    else u[status]++;
    if (isOverdue(status, row?.dueOn ?? dueOn, day)) u.overdue++;
    u.completionPercent = Math.round((u.forwarded / u.expected) * 1000) / 10;
    units.set(c.unitCode, u);
  }
  return { year, dueOn, units: [...units.values()] };
}

/** Totals of the filed reports in scope per figure year: sums of the additive figures, mean growth. */
export async function reportTotals(deps: Deps, caller: Caller): Promise<z.infer<typeof reportTotalsDto>> {
  const { byCluster } = await scopedReports(deps, caller);
  const byYear = new Map<number, ReportRow[]>();
  for (const r of [...byCluster.values()].flat()) {
    if (!isFiled(r.status as ReportStatus)) continue;
    byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  }
  return {
    items: [...byYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, reports]) => {
        const figs = reports.map((r) => reportFigures(r.content));
        const sums: Record<string, number> = {};
        for (const k of SUMMABLE_FIGURES) sums[k] = figs.reduce((s, f) => s + (f[k] ?? 0), 0);
        const growth = figs.map((f) => f.outputGrowth).filter((g): g is number => g !== null);
        return {
          year,
          reports: reports.length,
          sums,
          averageGrowth: growth.length
            ? Math.round((growth.reduce((s, g) => s + g, 0) / growth.length) * 100) / 100
            : null,
        };
      }),
  };
}

export type AnnualReportReminder = {
  kind: 'due_soon' | 'overdue';
  clusterId: string;
  clusterName: string;
  divisionCode: string;
  unitCode: string;
  /** The year of the figures; the report is filed the following year. */
  year: number;
  dueOn: string;
  /** Days until the due day (negative: overdue by that many days). */
  daysLeft: number;
  status: ReportStatus;
};

/**
 * Who to remind about annual reports on `today`: every report owed and not filed (not started, draft or
 * returned) whose due day is at most `daysBefore` days away (`due_soon`) or has passed (`overdue`). The
 * caller decides how often to send each (e.g. once per step, recorded in reminders_sent).
 */
export async function annualReportReminders(
  db: Executor,
  today: string,
  daysBefore = 30,
): Promise<AnnualReportReminder[]> {
  const found = await db.select().from(clusters).where(sql`${clusters.status} <> 'revoked'`);
  const ids = found.map((c) => c.id);
  const reports = ids.length
    ? await db
        .select({
          clusterId: annualReports.clusterId,
          year: annualReports.year,
          status: annualReports.status,
        })
        .from(annualReports)
        .where(inArray(annualReports.clusterId, ids))
    : [];
  const rules = await reportDueRules(db);
  const out: AnnualReportReminder[] = [];
  for (const c of found) {
    for (const year of reportYears(c, today)) {
      const status = (reports.find((r) => r.clusterId === c.id && r.year === year)?.status ??
        'not_started') as ReportStatus;
      if (isFiled(status)) continue;
      const dueOn = reportDueOn(year, rules);
      const daysLeft = Math.round((Date.parse(dueOn) - Date.parse(today)) / 86_400_000);
      if (daysLeft > daysBefore) continue;
      out.push({
        kind: daysLeft < 0 ? 'overdue' : 'due_soon',
        clusterId: c.id,
        clusterName: c.name,
        divisionCode: c.divisionCode,
        unitCode: c.unitCode,
        year,
        dueOn,
        daysLeft,
        status,
      });
    }
  }
  return out;
}
