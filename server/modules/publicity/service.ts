import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { addWorkingDays } from '../../../domain/calendar.ts';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import type { ObjectionDto, PublicityDto } from '../../../domain/ministry-contract.ts';
import { objectionsOpen, validityPeriod } from '../../../domain/panels.ts';
import { chinaDate, type DeclarationStatus, STATUS_LABELS } from '../../../domain/workflow.ts';
import {
  campaigns,
  clusters,
  declarations,
  divisions,
  objections,
  publicityItems,
  publicityPeriods,
  units,
  users,
} from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { hitWindow } from '../../platform/rate-limit.ts';
import { type Executor, rows } from '../../platform/sql.ts';
import type { StoredFile } from '../../platform/uploads.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { officialCalendar } from '../calendar/official-calendar.ts';
import { clustersByIds } from '../clusters/repo.ts';
import { moveDeclarations } from '../declarations/status.ts';
import { insertNotice } from '../notices/service.ts';
import { type NotificationInput, notify } from '../notifications/service.ts';
import { campaignOrNotFound } from '../panels/service.ts';

type PeriodRow = typeof publicityPeriods.$inferSelect;

async function periodItems(db: Executor, periodIds: string[]) {
  if (periodIds.length === 0) return [];
  return db
    .select({
      publicityId: publicityItems.publicityId,
      position: publicityItems.position,
      d: declarations,
      countyName: divisions.name,
      unitName: units.name,
    })
    .from(publicityItems)
    .innerJoin(declarations, eq(declarations.id, publicityItems.declarationId))
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .innerJoin(units, eq(units.code, declarations.unitCode))
    .where(inArray(publicityItems.publicityId, periodIds))
    .orderBy(asc(publicityItems.position));
}

async function presentPeriods(
  db: Executor,
  periods: PeriodRow[],
  today: string,
  view: 'ministry' | 'public',
): Promise<PublicityDto[]> {
  const ids = periods.map((p) => p.id);
  const items = await periodItems(db, ids);
  const counts =
    view === 'ministry' && ids.length
      ? await rows<{ id: string; status: string; n: number }>(
          db,
          sql`SELECT publicity_id AS id, status, count(*)::int AS n FROM objections
              WHERE publicity_id IN (${sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )}) GROUP BY publicity_id, status`,
        )
      : [];
  const cal = officialCalendar();
  return periods.map((p) => {
    const count = (status: string) =>
      Number(counts.find((c) => c.id === p.id && c.status === status)?.n ?? 0);
    return {
      id: p.id,
      // National periods only come here (a unit's provincial period has its own listing).
      campaignYear: p.campaignYear ?? 0,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      workingDays: p.workingDays,
      provisional: Number(p.endsOn.slice(0, 4)) > cal.lastKnownYear,
      open: objectionsOpen(today, p),
      noticeId: p.noticeId,
      items: items
        .filter((i) => i.publicityId === p.id)
        // The public list no longer shows a cluster removed by an upheld objection.
        .filter((i) => view === 'ministry' || i.d.status !== 'not_identified')
        .map((i) => ({
          declarationId: i.d.id,
          clusterName: i.d.clusterName,
          countyName: i.countyName,
          divisionCode: i.d.divisionCode,
          unitName: i.unitName,
          leadingIndustry: (i.d.content as DeclarationContent).leadingIndustry.name ?? '',
          status: i.d.status as DeclarationStatus,
        })),
      objections: { open: count('open'), upheld: count('upheld'), dismissed: count('dismissed') },
      createdAt: p.createdAt.toISOString(),
    };
  });
}

/** The county and the unit of each declaration hear about a step (inside the same transaction). */
async function notifyOwners(
  tx: Executor,
  ids: string[],
  message: (d: { clusterName: string }) => { kind: string; title: string; body?: string },
) {
  if (ids.length === 0) return;
  const found = await tx
    .select({
      id: declarations.id,
      clusterName: declarations.clusterName,
      div: declarations.divisionCode,
      unit: declarations.unitCode,
    })
    .from(declarations)
    .where(inArray(declarations.id, ids));
  const out: NotificationInput[] = [];
  for (const d of found) {
    const m = message(d);
    const link = `/declarations/${d.id}`;
    out.push(
      { to: { divisionCode: d.div }, ...m, link },
      { to: { unitCode: d.unit }, ...m, link: `/review/${d.id}` },
    );
  }
  await notify(tx, out);
}

/**
 * A 公示 period's notice text after its opening paragraph: the dates, how to object, the numbered list.
 * The national list and a unit's provincial list say the same thing.
 */
export function publicityNoticeBody(
  opening: string,
  period: { from: string; endsOn: string },
  workingDays: number,
  listed: { name: string; county: string }[],
): string {
  return [
    opening,
    `公示时间：${period.from} 至 ${period.endsOn}（${workingDays}个工作日）。`,
    '公示期间，如有异议，请以实名方式通过本网站“公示”页面提交异议，并提供必要的证明材料。',
    '',
    ...listed.map((d, i) => `${i + 1}. ${d.name}（${d.county}）`),
  ].join('\n');
}

/**
 * Inserts a 公示 period (national: `campaignYear`; a unit's: `provincialCampaignId`) and its listed
 * declarations in order, at the period's level.
 */
export async function insertPublicityPeriod(
  tx: Executor,
  period: {
    campaignYear: number | null;
    provincialCampaignId: string | null;
    startsOn: string;
    workingDays: number;
    endsOn: string;
    noticeId: string;
    createdBy: string;
  },
  declarationIds: string[],
) {
  const level = period.provincialCampaignId ? 'provincial' : 'national';
  const [p] = await tx.insert(publicityPeriods).values(period).returning();
  await tx.insert(publicityItems).values(
    declarationIds.map((declarationId, i) => ({
      publicityId: p!.id,
      declarationId,
      position: i + 1,
      level,
    })),
  );
  return p!;
}

/**
 * Publishes the shortlisted declarations for 公示: the end date counts working days on the official
 * calendar, a public notice announces it, the declarations become `publicized`.
 */
export async function createPublicity(
  deps: Deps,
  caller: Caller,
  year: number,
  input: { declarationIds: string[]; startsOn: string; workingDays: number },
  info: RequestInfo,
): Promise<PublicityDto> {
  const { db } = deps;
  const campaign = await campaignOrNotFound(db, year);
  if (campaign.listNoticeNo)
    throw new AppError('INVALID_TRANSITION', `The ${year} list is already identified`);
  if (new Set(input.declarationIds).size !== input.declarationIds.length)
    throw new AppError('VALIDATION_FAILED', 'A declaration is listed twice', [
      { path: 'declarationIds', message: 'duplicate' },
    ]);
  const period = addWorkingDays(input.startsOn, input.workingDays, officialCalendar());
  return db.transaction(async (tx) => {
    const inYear = await tx
      .select({ id: declarations.id, name: declarations.clusterName, county: divisions.name })
      .from(declarations)
      .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
      .where(and(inArray(declarations.id, input.declarationIds), eq(declarations.campaignYear, year)));
    const missing = input.declarationIds.filter((id) => !inYear.some((d) => d.id === id));
    if (missing.length)
      throw new AppError(
        'INVALID_TRANSITION',
        'Some declarations are not of this campaign',
        missing.map((id) => ({ path: 'declarationIds', message: `not in ${year}: ${id}` })),
      );
    await moveDeclarations(tx, caller, input.declarationIds, {
      from: ['shortlisted'],
      to: 'publicized',
      action: 'publicize',
    });
    const ordered = input.declarationIds.map((id) => inYear.find((d) => d.id === id)!);
    const notice = await insertNotice(tx, caller, {
      kind: 'publicity',
      campaignYear: year,
      noticeNo: null,
      title: `${year}年度中小企业特色产业集群拟认定名单公示`,
      body: publicityNoticeBody(
        `根据《促进中小企业特色产业集群发展暂行办法》，经地方推荐、专家评审，现将${year}年度拟认定的中小企业特色产业集群名单予以公示（共${ordered.length}个）。`,
        period,
        input.workingDays,
        ordered,
      ),
      publishedOn: input.startsOn,
    });
    const p = await insertPublicityPeriod(
      tx,
      {
        campaignYear: year,
        provincialCampaignId: null,
        startsOn: input.startsOn,
        workingDays: input.workingDays,
        endsOn: period.endsOn,
        noticeId: notice.id,
        createdBy: caller.id,
      },
      input.declarationIds,
    );
    await notifyOwners(tx, input.declarationIds, (d) => ({
      kind: 'publicity',
      title: `${d.clusterName} 进入公示（${period.from} 至 ${period.endsOn}）`,
    }));
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'publicity.created',
      entityType: 'publicity',
      entityId: p.id,
      after: {
        year,
        startsOn: input.startsOn,
        endsOn: period.endsOn,
        workingDays: input.workingDays,
        declarationIds: input.declarationIds,
      },
    });
    const [dto] = await presentPeriods(tx, [p], chinaDate(deps.clock.now()), 'ministry');
    return dto!;
  });
}

export async function listPublicity(deps: Deps, year: number): Promise<PublicityDto[]> {
  await campaignOrNotFound(deps.db, year);
  const periods = await deps.db
    .select()
    .from(publicityPeriods)
    .where(eq(publicityPeriods.campaignYear, year))
    .orderBy(desc(publicityPeriods.startsOn), desc(publicityPeriods.createdAt));
  return presentPeriods(deps.db, periods, chinaDate(deps.clock.now()), 'ministry');
}

/** What the public sees: periods that have started, newest first (objection counts are not public). */
export async function publicPublicity(deps: Deps): Promise<PublicityDto[]> {
  const today = chinaDate(deps.clock.now());
  const periods = await deps.db
    .select()
    .from(publicityPeriods)
    .where(and(sql`${publicityPeriods.startsOn} <= ${today}`, isNull(publicityPeriods.provincialCampaignId)))
    .orderBy(desc(publicityPeriods.startsOn), desc(publicityPeriods.createdAt))
    .limit(20);
  return presentPeriods(deps.db, periods, today, 'public');
}

export type ObjectionFields = { declarationId: string; realName: string; contact: string; reason: string };

/** Objections per IP and hour: the form is public, so it is throttled. */
const OBJECTIONS_PER_HOUR = 20;

/**
 * Checks that a declaration can take an objection today: it is in a 公示 period that has started and not
 * ended (409 DEADLINE_PASSED after the end), and still on the list. Also throttles per IP.
 */
export async function assertObjectionOpen(deps: Deps, declarationId: string, ip: string) {
  const today = chinaDate(deps.clock.now());
  // A declaration may be in a national and in a provincial 公示: the one open today, else the latest.
  const periods = await deps.db
    .select({
      p: publicityPeriods,
      level: publicityItems.level,
      status: declarations.status,
      clusterName: declarations.clusterName,
    })
    .from(publicityItems)
    .innerJoin(publicityPeriods, eq(publicityPeriods.id, publicityItems.publicityId))
    .innerJoin(declarations, eq(declarations.id, publicityItems.declarationId))
    .where(
      and(eq(publicityItems.declarationId, declarationId), sql`${publicityPeriods.startsOn} <= ${today}`),
    )
    .orderBy(desc(publicityPeriods.endsOn));
  const found = periods.find((f) => objectionsOpen(today, f.p)) ?? periods[0];
  // Off the list: nationally `not_identified`; provincially, an upheld objection in that period.
  const removed =
    found?.level === 'provincial'
      ? (
          await deps.db
            .select({ id: objections.id })
            .from(objections)
            .where(
              and(
                eq(objections.publicityId, found.p.id),
                eq(objections.declarationId, declarationId),
                eq(objections.status, 'upheld'),
              ),
            )
        ).length > 0
      : found?.status === 'not_identified';
  if (!found || removed) throw notFound('No cluster with that id is in public announcement');
  if (!objectionsOpen(today, found.p)) {
    throw new AppError(
      'DEADLINE_PASSED',
      `The public announcement ended on ${found.p.endsOn}; objections are closed`,
    );
  }
  const hits = await hitWindow(deps.db, `objection:ip:${ip}`, 60);
  if (hits.count > OBJECTIONS_PER_HOUR) {
    const retry = Math.max(1, Math.ceil((hits.resetsAt.getTime() - Date.now()) / 1000));
    throw new AppError('RATE_LIMITED', 'Too many objections from this address; try again later', [], {
      'retry-after': String(retry),
    });
  }
  return { publicityId: found.p.id, clusterName: found.clusterName };
}

/** Records an objection (with its evidence file when one was sent) in one transaction. */
export async function recordObjection(
  deps: Deps,
  open: { publicityId: string; clusterName: string },
  fields: ObjectionFields,
  file: StoredFile | null,
  info: RequestInfo,
) {
  return deps.db.transaction(async (tx) => {
    const [o] = await tx
      .insert(objections)
      .values({
        publicityId: open.publicityId,
        declarationId: fields.declarationId,
        realName: fields.realName,
        contact: fields.contact,
        reason: fields.reason,
        evidenceFilename: file?.filename ?? null,
        evidenceKey: file?.key ?? null,
        evidenceSize: file?.size ?? null,
        evidenceSha256: file?.sha256 ?? null,
        evidenceType: file?.type.mime ?? null,
        submittedIp: info.ip,
      })
      .returning();
    await writeAudit(tx, actorFromCaller(null, info), {
      action: 'objection.received',
      entityType: 'declaration',
      entityId: fields.declarationId,
      after: { objectionId: o!.id, evidence: file ? { sha256: file.sha256, size: file.size } : null },
    });
    return { id: o!.id, receivedAt: o!.createdAt.toISOString(), clusterName: open.clusterName };
  });
}

export function presentObjection(
  o: typeof objections.$inferSelect,
  clusterName: string,
  resolvedBy: string | null,
): ObjectionDto {
  return {
    id: o.id,
    publicityId: o.publicityId,
    declarationId: o.declarationId,
    clusterName,
    realName: o.realName,
    contact: o.contact,
    reason: o.reason,
    evidence:
      o.evidenceKey && o.evidenceFilename
        ? {
            filename: o.evidenceFilename,
            size: Number(o.evidenceSize),
            sha256: o.evidenceSha256 ?? '',
            contentType: o.evidenceType ?? 'application/octet-stream',
          }
        : null,
    status: o.status as ObjectionDto['status'],
    resolution: o.resolution,
    resolvedBy,
    resolvedAt: o.resolvedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}

export async function listObjections(db: Executor, year: number, status?: ObjectionDto['status']) {
  await campaignOrNotFound(db, year);
  const found = await db
    .select({ o: objections, clusterName: declarations.clusterName, resolver: users.displayName })
    .from(objections)
    .innerJoin(declarations, eq(declarations.id, objections.declarationId))
    .innerJoin(publicityPeriods, eq(publicityPeriods.id, objections.publicityId))
    .leftJoin(users, eq(users.id, objections.resolvedBy))
    .where(
      and(
        eq(declarations.campaignYear, year),
        isNull(publicityPeriods.provincialCampaignId),
        status ? eq(objections.status, status) : undefined,
      ),
    )
    .orderBy(asc(objections.createdAt));
  return found.map((r) => presentObjection(r.o, r.clusterName, r.resolver));
}

export async function objectionEvidence(deps: Deps, id: string) {
  const [o] = await deps.db.select().from(objections).where(eq(objections.id, id));
  if (!o?.evidenceKey) throw notFound('No evidence file for that objection');
  return { objection: o, stream: deps.storage.open(o.evidenceKey) };
}

/**
 * Resolves an objection with reasons. Upheld: the cluster leaves the list (`not_identified`), its county
 * and unit are told why. Dismissed: it stays. Either way the decision is final.
 */
export async function resolveObjection(
  { db }: Deps,
  caller: Caller,
  id: string,
  input: { decision: 'upheld' | 'dismissed'; reason: string },
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const [o] = await tx
      .select()
      .from(objections)
      .where(
        and(
          eq(objections.id, id),
          // A provincial 公示's objections are its unit's to resolve.
          sql`${objections.publicityId} IN (SELECT id FROM publicity_periods WHERE provincial_campaign_id IS NULL)`,
        ),
      )
      .for('update');
    if (!o) throw notFound('No such objection');
    if (o.status !== 'open')
      throw new AppError('INVALID_TRANSITION', `The objection was already ${o.status}`);
    const [d] = await tx.select().from(declarations).where(eq(declarations.id, o.declarationId));
    if (input.decision === 'upheld') {
      if (d!.status === 'publicized') {
        await moveDeclarations(tx, caller, [o.declarationId], {
          from: ['publicized'],
          to: 'not_identified',
          action: 'objection_upheld',
          comment: input.reason,
        });
        await notifyOwners(tx, [o.declarationId], (x) => ({
          kind: 'objection_upheld',
          title: `${x.clusterName}：公示异议成立，不予认定`,
          body: input.reason,
        }));
      } else if (d!.status !== 'not_identified') {
        throw new AppError(
          'INVALID_TRANSITION',
          `The declaration is ${d!.status}; an objection can no longer remove it`,
        );
      }
    }
    const [resolved] = await tx
      .update(objections)
      .set({
        status: input.decision,
        resolution: input.reason,
        resolvedBy: caller.id,
        resolvedAt: sql`now()`,
      })
      .where(eq(objections.id, id))
      .returning();
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: `objection.${input.decision}`,
      entityType: 'declaration',
      entityId: o.declarationId,
      after: { objectionId: id, reason: input.reason },
    });
    return presentObjection(resolved!, d!.clusterName, caller.displayName);
  });
}

/**
 * Publishes the identified list: each declaration must have finished 公示 (its period over before the
 * publication date and today) with every objection resolved. Clusters are created valid three years from
 * the publication date; the campaign's other declarations at the ministry become `not_identified`.
 */
export async function identify(
  deps: Deps,
  caller: Caller,
  year: number,
  input: { declarationIds: string[]; noticeNo: string; publishedOn: string },
  info: RequestInfo,
) {
  const { db } = deps;
  const today = chinaDate(deps.clock.now());
  return db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.year, year)).for('update');
    if (!campaign) throw notFound('No campaign for that year');
    if (campaign.listNoticeNo)
      throw new AppError(
        'INVALID_TRANSITION',
        `The ${year} list was already identified (${campaign.listNoticeNo})`,
      );
    const found = await tx
      .select({ d: declarations, endsOn: publicityPeriods.endsOn })
      .from(declarations)
      .leftJoin(
        publicityItems,
        and(eq(publicityItems.declarationId, declarations.id), eq(publicityItems.level, 'national')),
      )
      .leftJoin(publicityPeriods, eq(publicityPeriods.id, publicityItems.publicityId))
      .where(inArray(declarations.id, input.declarationIds));
    const open = await tx
      .select({ declarationId: objections.declarationId })
      .from(objections)
      .innerJoin(publicityPeriods, eq(publicityPeriods.id, objections.publicityId))
      .where(
        and(
          inArray(objections.declarationId, input.declarationIds),
          eq(objections.status, 'open'),
          isNull(publicityPeriods.provincialCampaignId),
        ),
      );
    const details = input.declarationIds.flatMap((id, i) => {
      const r = found.find((f) => f.d.id === id);
      const path = `declarationIds[${i}]`;
      if (!r || r.d.campaignYear !== year)
        return [
          {
            path,
            message: 'not a declaration of this campaign',
            messageZh: '不是本年度的申报',
            reason: 'not_in_campaign',
          },
        ];
      if (r.d.status !== 'publicized')
        return [
          {
            path,
            message: `${r.d.clusterName}: status ${r.d.status}, not in 公示`,
            messageZh: `${r.d.clusterName}：当前状态为“${STATUS_LABELS[r.d.status as DeclarationStatus]?.zh ?? r.d.status}”，不在公示中`,
            reason: 'not_publicized',
            clusterName: r.d.clusterName,
          },
        ];
      const problems = [];
      if (r.endsOn && (r.endsOn >= input.publishedOn || r.endsOn >= today))
        problems.push({
          path,
          message: `${r.d.clusterName}: 公示 runs until ${r.endsOn}`,
          messageZh: `${r.d.clusterName}：公示期至${r.endsOn}，尚未结束`,
          reason: 'publicity_running',
          clusterName: r.d.clusterName,
          endsOn: r.endsOn,
        });
      if (open.some((o) => o.declarationId === id))
        problems.push({
          path,
          message: `${r.d.clusterName}: an objection is not resolved`,
          messageZh: `${r.d.clusterName}：有异议尚未处理`,
          reason: 'objection_open',
          clusterName: r.d.clusterName,
        });
      return problems;
    });
    if (details.length)
      throw new AppError('INVALID_TRANSITION', 'The list cannot be identified yet', details);

    const { validFrom, validTo } = validityPeriod(input.publishedOn);
    const created = await tx
      .insert(clusters)
      .values(
        found
          .filter((f) => input.declarationIds.includes(f.d.id))
          .map(({ d }) => {
            const li = (d.content as DeclarationContent).leadingIndustry;
            return {
              declarationId: d.id,
              name: d.clusterName,
              campaignYear: year,
              divisionCode: d.divisionCode,
              unitCode: d.unitCode,
              leadingIndustry: li.name ?? '',
              industryCode: li.industryCode,
              subSector: li.subSector,
              noticeNo: input.noticeNo,
              validFrom,
              validTo,
            };
          }),
      )
      .returning({ id: clusters.id });
    await moveDeclarations(tx, caller, input.declarationIds, {
      from: ['publicized'],
      to: 'identified',
      action: 'identify',
    });
    const others = await tx
      .select({ id: declarations.id, status: declarations.status })
      .from(declarations)
      .where(
        and(
          eq(declarations.campaignYear, year),
          inArray(declarations.status, ['recommended', 'shortlisted', 'publicized']),
        ),
      );
    for (const status of ['recommended', 'shortlisted', 'publicized'] as const) {
      await moveDeclarations(
        tx,
        caller,
        others.filter((o) => o.status === status).map((o) => o.id),
        { from: [status], to: 'not_identified', action: 'not_identify' },
      );
    }
    const names = await rows<{ name: string; county: string }>(
      tx,
      sql`SELECT d.cluster_name AS name, v.name AS county FROM declarations d JOIN divisions v ON v.code = d.division_code
          WHERE d.id IN (${sql.join(
            input.declarationIds.map((id) => sql`${id}`),
            sql`, `,
          )}) ORDER BY d.unit_code, d.cluster_name`,
    );
    const notice = await insertNotice(tx, caller, {
      kind: 'identification',
      campaignYear: year,
      noticeNo: input.noticeNo,
      title: `关于公布${year}年度中小企业特色产业集群名单的通告（${input.noticeNo}）`,
      body: [
        `经地方推荐、专家评审和公示，现将${year}年度中小企业特色产业集群名单（共${names.length}个）予以公布。`,
        `认定有效期三年（${validFrom} 至 ${validTo}）。`,
        '',
        ...names.map((n, i) => `${i + 1}. ${n.name}（${n.county}）`),
      ].join('\n'),
      publishedOn: input.publishedOn,
    });
    await tx
      .update(campaigns)
      .set({
        listNoticeNo: input.noticeNo,
        identifiedCount: names.length,
        status: 'closed',
        updatedAt: sql`now()`,
      })
      .where(eq(campaigns.year, year));
    await notifyOwners(tx, input.declarationIds, (d) => ({
      kind: 'identified',
      title: `${d.clusterName} 已认定为中小企业特色产业集群（${input.noticeNo}）`,
      body: `有效期 ${validFrom} 至 ${validTo}`,
    }));
    await notifyOwners(
      tx,
      others.map((o) => o.id),
      (d) => ({ kind: 'not_identified', title: `${d.clusterName} 未列入${year}年度认定名单` }),
    );
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'campaign.identified',
      entityType: 'campaign',
      entityId: String(year),
      after: {
        noticeNo: input.noticeNo,
        publishedOn: input.publishedOn,
        clusters: created.map((c) => c.id),
        notIdentified: others.map((o) => o.id),
      },
    });
    return {
      campaignYear: year,
      noticeNo: input.noticeNo,
      publishedOn: input.publishedOn,
      noticeId: notice.id,
      clusters: await clustersByIds(
        tx,
        created.map((c) => c.id),
      ),
      notIdentified: others.map((o) => o.id),
    };
  });
}
