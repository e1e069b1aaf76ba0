import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { addWorkingDays } from '../../../domain/calendar.ts';
import type {
  provincialExpertsBody,
  provincialPublicityBody,
  provincialPublicityDto,
  provincialScoreSheetDto,
} from '../../../domain/cluster-contract.ts';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import type { ObjectionDto } from '../../../domain/ministry-contract.ts';
import { objectionsOpen } from '../../../domain/panels.ts';
import { type Aggregation, aggregateScores } from '../../../domain/scoring.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import {
  declarations,
  divisions,
  expertAssignments,
  expertScores,
  objections,
  provincialCampaigns,
  publicityItems,
  publicityPeriods,
  units,
  users,
} from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Executor, rows } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { officialCalendar } from '../calendar/official-calendar.ts';
import { findCampaign } from '../campaigns/repo.ts';
import { insertNotice } from '../notices/service.ts';
import { notifyExpertAssignments } from '../notifications/events.ts';
import { notify } from '../notifications/service.ts';
import { insertPublicityPeriod, presentObjection, publicityNoticeBody } from '../publicity/service.ts';

type Round = typeof provincialCampaigns.$inferSelect;
type Period = typeof publicityPeriods.$inferSelect;
type SheetDto = z.infer<typeof provincialScoreSheetDto>;
type PublicityDto = z.infer<typeof provincialPublicityDto>;

/** Declarations a unit accepted (whatever became of them nationally) are candidates for its provincial list. */
export const CANDIDATE_STATUSES = [
  'accepted',
  'recommended',
  'shortlisted',
  'publicized',
  'identified',
  'not_identified',
];

/** A unit works on its own rounds only; the ministry and admins read every unit's. Others: 404. */
export function assertUnitScope(caller: Caller, unitCode: string, write: boolean): void {
  const reads = caller.role === 'ministry' || caller.role === 'admin';
  if (caller.role === 'unit' && caller.unitCode === unitCode) return;
  if (reads && !write) return;
  throw notFound('No such unit round');
}

export async function roundOf(db: Executor, unitCode: string, year: number, lock = false) {
  const q = db
    .select()
    .from(provincialCampaigns)
    .where(and(eq(provincialCampaigns.unitCode, unitCode), eq(provincialCampaigns.year, year)));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw notFound('No such provincial round');
  return r;
}

/** The round's 公示 period, if published (a round has at most one). */
export async function publicityOf(db: Executor, roundId: string): Promise<Period | null> {
  const [p] = await db
    .select()
    .from(publicityPeriods)
    .where(eq(publicityPeriods.provincialCampaignId, roundId))
    .orderBy(desc(publicityPeriods.createdAt))
    .limit(1);
  return p ?? null;
}

export const publicityState = (p: Period, today: string) => ({
  id: p.id,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  workingDays: p.workingDays,
  open: objectionsOpen(today, p),
  ended: today > p.endsOn,
});

/** A candidate declaration of the unit (404 otherwise: another unit's declaration is not there). */
async function candidateOf(db: Executor, unitCode: string, id: string) {
  const [d] = await db
    .select()
    .from(declarations)
    .where(
      and(
        eq(declarations.id, id),
        eq(declarations.unitCode, unitCode),
        inArray(declarations.status, CANDIDATE_STATUSES),
      ),
    );
  if (!d) throw notFound('No such candidate declaration');
  return d;
}

// --- experts --------------------------------------------------------------------------------------------------

/** Every expert's state and score for the round's declarations, each with the campaign's stated aggregate. */
export async function scoreSheets(db: Executor, roundId: string): Promise<SheetDto[]> {
  const found = await db
    .select({
      a: expertAssignments,
      s: expertScores,
      name: users.displayName,
      clusterName: declarations.clusterName,
      campaignYear: declarations.campaignYear,
    })
    .from(expertAssignments)
    .innerJoin(users, eq(users.id, expertAssignments.expertId))
    .innerJoin(declarations, eq(declarations.id, expertAssignments.declarationId))
    .leftJoin(expertScores, eq(expertScores.assignmentId, expertAssignments.id))
    .where(eq(expertAssignments.provincialCampaignId, roundId))
    .orderBy(asc(declarations.clusterName), asc(expertAssignments.assignedAt));
  const methods = new Map<number, Aggregation>();
  for (const year of new Set(found.map((f) => f.campaignYear)))
    methods.set(year, (await findCampaign(db, year))?.rules.scoringAggregation ?? 'mean');
  const sheets = new Map<string, SheetDto & { totals: number[] }>();
  for (const f of found) {
    const aggregation = methods.get(f.campaignYear) ?? 'mean';
    const sheet = sheets.get(f.a.declarationId) ?? {
      declarationId: f.a.declarationId,
      clusterName: f.clusterName,
      aggregation,
      aggregate: null,
      experts: [],
      totals: [],
    };
    const conflict = Boolean(f.a.conflictDeclaredAt);
    sheet.experts.push({
      assignmentId: f.a.id,
      expert: { id: f.a.expertId, displayName: f.name },
      status: conflict ? 'conflict' : f.s ? 'scored' : 'pending',
      total: f.s ? Number(f.s.total) : null,
      comment: f.s?.comment ?? null,
    });
    if (!conflict && f.s) sheet.totals.push(Number(f.s.total));
    sheets.set(f.a.declarationId, sheet);
  }
  return [...sheets.values()].map(({ totals, ...sheet }) => ({
    ...sheet,
    aggregate: totals.length ? aggregateScores(totals, sheet.aggregation as Aggregation).value : null,
  }));
}

/**
 * The unit invites experts to score one of the round's candidate declarations (before its 公示). They score
 * it in their own task list like any assignment; a declared conflict removes their access and their score.
 */
export async function assignProvincialExperts(
  deps: Deps,
  caller: Caller,
  unitCode: string,
  year: number,
  body: z.infer<typeof provincialExpertsBody>,
  info: RequestInfo,
) {
  assertUnitScope(caller, unitCode, true);
  return deps.db.transaction(async (tx) => {
    const r = await roundOf(tx, unitCode, year, true);
    if (r.status !== 'open') throw new AppError('INVALID_TRANSITION', `The ${year} round is identified`);
    if (await publicityOf(tx, r.id))
      throw new AppError('INVALID_TRANSITION', 'Experts score before the 公示; it is published');
    const d = await candidateOf(tx, unitCode, body.declarationId);
    const experts = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, body.expertIds), eq(users.role, 'expert'), eq(users.disabled, false)));
    if (experts.length !== new Set(body.expertIds).size)
      throw new AppError('VALIDATION_FAILED', 'Every id must be an active expert account', [
        { path: 'expertIds', message: 'unknown expert' },
      ]);
    const added = await tx
      .insert(expertAssignments)
      .values(
        experts.map((e) => ({
          declarationId: d.id,
          expertId: e.id,
          level: 'provincial',
          provincialCampaignId: r.id,
          assignedBy: caller.id,
        })),
      )
      .onConflictDoNothing()
      .returning({ expertId: expertAssignments.expertId, declarationId: expertAssignments.declarationId });
    await notifyExpertAssignments(tx, added, 'unit');
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'provincial_campaign.experts_assigned',
      entityType: 'provincial_campaign',
      entityId: r.id,
      after: { declarationId: d.id, expertIds: body.expertIds },
    });
    return { items: await scoreSheets(tx, r.id) };
  });
}

export async function provincialScores(deps: Deps, caller: Caller, unitCode: string, year: number) {
  assertUnitScope(caller, unitCode, false);
  const r = await roundOf(deps.db, unitCode, year);
  return { items: await scoreSheets(deps.db, r.id) };
}

// --- 公示 ---------------------------------------------------------------------------------------------------------

/** Per-period counts of objections by status. */
async function objectionCounts(db: Executor, periodId: string) {
  const found = await rows<{ status: string; declarationId: string; n: number }>(
    db,
    sql`SELECT status, declaration_id AS "declarationId", count(*)::int AS n FROM objections
        WHERE publicity_id = ${periodId} GROUP BY status, declaration_id`,
  );
  return found;
}

async function presentPublicity(
  db: Executor,
  r: Round,
  p: Period,
  today: string,
  view: 'unit' | 'public',
): Promise<PublicityDto> {
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.code, r.unitCode));
  const items = await db
    .select({ d: declarations, countyName: divisions.name })
    .from(publicityItems)
    .innerJoin(declarations, eq(declarations.id, publicityItems.declarationId))
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .where(eq(publicityItems.publicityId, p.id))
    .orderBy(asc(publicityItems.position));
  const counts = await objectionCounts(db, p.id);
  const count = (status: string) => counts.filter((c) => c.status === status).reduce((n, c) => n + c.n, 0);
  const removed = new Set(counts.filter((c) => c.status === 'upheld').map((c) => c.declarationId));
  return {
    ...publicityState(p, today),
    roundId: r.id,
    unitCode: r.unitCode,
    unitName: unit?.name ?? r.unitCode,
    year: r.year,
    title: r.title,
    noticeId: p.noticeId,
    items: items
      .map((i) => ({
        declarationId: i.d.id,
        clusterName: i.d.clusterName,
        countyName: i.countyName,
        divisionCode: i.d.divisionCode,
        leadingIndustry: (i.d.content as DeclarationContent).leadingIndustry?.name ?? '',
        removed: removed.has(i.d.id),
      }))
      // The public list no longer shows a cluster removed by an upheld objection.
      .filter((i) => view === 'unit' || !i.removed),
    objections:
      view === 'unit'
        ? { open: count('open'), upheld: count('upheld'), dismissed: count('dismissed') }
        : { open: 0, upheld: 0, dismissed: 0 },
  };
}

/**
 * The unit publishes its provincial 公示: the listed candidates, from `startsOn` for `workingDays` working
 * days on the official calendar, announced by a public notice in the unit's name. Once per round; the public
 * may object through the same form as for the national 公示, and the unit resolves the objections.
 */
export async function createProvincialPublicity(
  deps: Deps,
  caller: Caller,
  unitCode: string,
  year: number,
  body: z.infer<typeof provincialPublicityBody>,
  info: RequestInfo,
): Promise<PublicityDto> {
  assertUnitScope(caller, unitCode, true);
  if (new Set(body.declarationIds).size !== body.declarationIds.length)
    throw new AppError('VALIDATION_FAILED', 'A declaration is listed twice', [
      { path: 'declarationIds', message: 'duplicate' },
    ]);
  const period = addWorkingDays(body.startsOn, body.workingDays, officialCalendar());
  const today = chinaDate(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const r = await roundOf(tx, unitCode, year, true);
    if (r.status !== 'open') throw new AppError('INVALID_TRANSITION', `The ${year} round is identified`);
    if (await publicityOf(tx, r.id))
      throw new AppError('CONFLICT', `The ${year} round’s 公示 is already published`);
    const found = await tx
      .select({ id: declarations.id, name: declarations.clusterName, county: divisions.name })
      .from(declarations)
      .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
      .where(
        and(
          inArray(declarations.id, body.declarationIds),
          eq(declarations.unitCode, unitCode),
          inArray(declarations.status, CANDIDATE_STATUSES),
        ),
      );
    const problems = body.declarationIds.flatMap((id, i) =>
      found.some((d) => d.id === id)
        ? []
        : [{ path: `declarationIds[${i}]`, message: 'not a candidate declaration of this unit' }],
    );
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The list cannot be publicized', problems);
    const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.code, unitCode));
    const unitName = unit?.name ?? unitCode;
    const ordered = body.declarationIds.map((id) => found.find((d) => d.id === id)!);
    const notice = await insertNotice(
      tx,
      caller,
      {
        kind: 'publicity',
        campaignYear: null,
        noticeNo: null,
        title: `${unitName}${year}年省级中小企业特色产业集群拟认定名单公示`,
        titleEn: `${year} provincial SME characteristic industrial clusters proposed by ${unitName}: public announcement`,
        body: publicityNoticeBody(
          `经县级申报、专家评审，现将${unitName}${year}年拟认定的省级中小企业特色产业集群名单予以公示（共${ordered.length}个）。`,
          period,
          body.workingDays,
          ordered,
        ),
        publishedOn: body.startsOn,
      },
      unitCode,
    );
    const p = await insertPublicityPeriod(
      tx,
      {
        campaignYear: null,
        provincialCampaignId: r.id,
        startsOn: body.startsOn,
        workingDays: body.workingDays,
        endsOn: period.endsOn,
        noticeId: notice.id,
        createdBy: caller.id,
      },
      body.declarationIds,
    );
    const owners = await tx
      .select({ id: declarations.id, name: declarations.clusterName, div: declarations.divisionCode })
      .from(declarations)
      .where(inArray(declarations.id, body.declarationIds));
    await notify(
      tx,
      owners.map((d) => ({
        to: { divisionCode: d.div },
        kind: 'publicity',
        title: `${d.name} 进入${unitName}省级集群公示（${period.from} 至 ${period.endsOn}）`,
        link: `/declarations/${d.id}`,
      })),
    );
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'provincial_campaign.publicized',
      entityType: 'provincial_campaign',
      entityId: r.id,
      after: {
        publicityId: p.id,
        startsOn: body.startsOn,
        endsOn: period.endsOn,
        workingDays: body.workingDays,
        declarationIds: body.declarationIds,
      },
    });
    return presentPublicity(tx, r, p, today, 'unit');
  });
}

export async function getProvincialPublicity(deps: Deps, caller: Caller, unitCode: string, year: number) {
  assertUnitScope(caller, unitCode, false);
  const r = await roundOf(deps.db, unitCode, year);
  const p = await publicityOf(deps.db, r.id);
  if (!p) throw notFound('The round has no 公示 yet');
  return presentPublicity(deps.db, r, p, chinaDate(deps.clock.now()), 'unit');
}

/** The public's view: every unit's provincial 公示 that has started, newest first, with the unit's name. */
export async function publicProvincialPublicity(deps: Deps) {
  const today = chinaDate(deps.clock.now());
  const found = await deps.db
    .select({ p: publicityPeriods, r: provincialCampaigns })
    .from(publicityPeriods)
    .innerJoin(provincialCampaigns, eq(provincialCampaigns.id, publicityPeriods.provincialCampaignId))
    .where(
      and(isNotNull(publicityPeriods.provincialCampaignId), sql`${publicityPeriods.startsOn} <= ${today}`),
    )
    .orderBy(desc(publicityPeriods.startsOn), desc(publicityPeriods.createdAt))
    .limit(50);
  const items: PublicityDto[] = [];
  for (const f of found) items.push(await presentPublicity(deps.db, f.r, f.p, today, 'public'));
  return { items };
}

// --- objections -----------------------------------------------------------------------------------------------------

async function periodOrNotFound(
  db: Executor,
  caller: Caller,
  unitCode: string,
  year: number,
  write: boolean,
) {
  assertUnitScope(caller, unitCode, write);
  const r = await roundOf(db, unitCode, year);
  const p = await publicityOf(db, r.id);
  if (!p) throw notFound('The round has no 公示 yet');
  return { r, p };
}

export async function listProvincialObjections(
  deps: Deps,
  caller: Caller,
  unitCode: string,
  year: number,
): Promise<{ items: ObjectionDto[] }> {
  const { p } = await periodOrNotFound(deps.db, caller, unitCode, year, false);
  const found = await deps.db
    .select({ o: objections, clusterName: declarations.clusterName, resolver: users.displayName })
    .from(objections)
    .innerJoin(declarations, eq(declarations.id, objections.declarationId))
    .leftJoin(users, eq(users.id, objections.resolvedBy))
    .where(eq(objections.publicityId, p.id))
    .orderBy(asc(objections.createdAt));
  return { items: found.map((f) => presentObjection(f.o, f.clusterName, f.resolver)) };
}

export async function provincialObjectionEvidence(
  deps: Deps,
  caller: Caller,
  unitCode: string,
  year: number,
  objectionId: string,
) {
  const { p } = await periodOrNotFound(deps.db, caller, unitCode, year, false);
  const [o] = await deps.db
    .select()
    .from(objections)
    .where(and(eq(objections.id, objectionId), eq(objections.publicityId, p.id)));
  if (!o?.evidenceKey) throw notFound('No evidence file for that objection');
  return { objection: o, stream: deps.storage.open(o.evidenceKey) };
}

/**
 * The unit resolves an objection to its provincial 公示 with reasons. Upheld: the cluster leaves the list
 * and cannot be identified in this round (its national status is untouched); dismissed: it stays.
 */
export async function resolveProvincialObjection(
  deps: Deps,
  caller: Caller,
  unitCode: string,
  year: number,
  objectionId: string,
  input: { decision: 'upheld' | 'dismissed'; reason: string },
  info: RequestInfo,
): Promise<ObjectionDto> {
  assertUnitScope(caller, unitCode, true);
  return deps.db.transaction(async (tx) => {
    const r = await roundOf(tx, unitCode, year, true);
    const p = await publicityOf(tx, r.id);
    const [o] = p
      ? await tx
          .select()
          .from(objections)
          .where(and(eq(objections.id, objectionId), eq(objections.publicityId, p.id)))
          .for('update')
      : [];
    if (!o) throw notFound('No such objection');
    if (o.status !== 'open')
      throw new AppError('INVALID_TRANSITION', `The objection was already ${o.status}`);
    if (r.status !== 'open') throw new AppError('INVALID_TRANSITION', `The ${year} round is identified`);
    const [resolved] = await tx
      .update(objections)
      .set({
        status: input.decision,
        resolution: input.reason,
        resolvedBy: caller.id,
        resolvedAt: sql`now()`,
      })
      .where(eq(objections.id, o.id))
      .returning();
    const [d] = await tx
      .select({ name: declarations.clusterName, div: declarations.divisionCode })
      .from(declarations)
      .where(eq(declarations.id, o.declarationId));
    if (input.decision === 'upheld')
      await notify(tx, [
        {
          to: { divisionCode: d!.div },
          kind: 'objection_upheld',
          title: `${d!.name}：省级集群公示异议成立，不予认定`,
          body: input.reason,
          link: `/declarations/${o.declarationId}`,
        },
      ]);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: `provincial_objection.${input.decision}`,
      entityType: 'declaration',
      entityId: o.declarationId,
      after: { objectionId: o.id, roundId: r.id, reason: input.reason },
    });
    return presentObjection(resolved!, d!.name, caller.displayName);
  });
}

/** For the identification check: each declaration's place on the round's 公示 and its objections. */
export async function publicityFacts(db: Executor, periodId: string | null, declarationIds: string[]) {
  if (!periodId || declarationIds.length === 0)
    return {
      listed: new Set<string>(),
      counts: [] as { status: string; declarationId: string; n: number }[],
    };
  const listed = await db
    .select({ id: publicityItems.declarationId })
    .from(publicityItems)
    .where(
      and(eq(publicityItems.publicityId, periodId), inArray(publicityItems.declarationId, declarationIds)),
    );
  return { listed: new Set(listed.map((l) => l.id)), counts: await objectionCounts(db, periodId) };
}
