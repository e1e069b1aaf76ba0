import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import { quotaFor, rankingProblems, recommendationEligibility } from '../../../domain/recommendation.ts';
import { checkStandards, evaluateStandards } from '../../../domain/standards.ts';
import type { Region, UnitKind } from '../../../domain/units.ts';
import { deadlinePassed, RECOMMENDABLE_STATUSES } from '../../../domain/workflow.ts';
import { declarationEvents, declarations, divisions, recommendations, units } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { type Executor, rows } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { findCampaign } from '../campaigns/repo.ts';
import { notifyRecommended } from '../notifications/events.ts';

export type RecommendationInput = {
  declarationId: string;
  rank: number;
  westernRelaxationJustification?: string | undefined;
};

/** The unit as the caller may see it: a unit only itself (others are 404), the ministry and admins any. */
async function unitInScope(db: Executor, caller: Caller, code: string) {
  const [unit] = await db.select().from(units).where(eq(units.code, code));
  if (!unit) throw notFound('No such recommending unit');
  if (caller.role === 'unit' && caller.unitCode !== code) throw notFound('No such recommending unit');
  if (!['unit', 'ministry', 'admin'].includes(caller.role)) throw notFound('No such recommending unit');
  return { ...unit, kind: unit.kind as UnitKind, region: unit.region as Region };
}

async function campaignFor(db: Executor, year: number) {
  const campaign = await findCampaign(db, year);
  if (!campaign) throw notFound('No campaign for that year');
  return campaign;
}

/** The unit's ranked list with what the ministry needs beside each entry. */
export async function getRecommendations({ db }: Deps, caller: Caller, unitCode: string, year: number) {
  const unit = await unitInScope(db, caller, unitCode);
  const campaign = await campaignFor(db, year);
  const list = await db
    .select({ r: recommendations, d: declarations, countyName: divisions.name })
    .from(recommendations)
    .innerJoin(declarations, eq(declarations.id, recommendations.declarationId))
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .where(and(eq(recommendations.unitCode, unitCode), eq(recommendations.campaignYear, year)))
    .orderBy(asc(recommendations.rank));
  return {
    unitCode,
    unitName: unit.name,
    campaignYear: year,
    quota: quotaFor(campaign.quotas, unit.kind),
    used: list.length,
    unitDeadline: campaign.unitDeadline,
    items: list.map(({ r, d, countyName }) => {
      const content = d.content as DeclarationContent;
      return {
        rank: r.rank,
        declarationId: d.id,
        clusterName: content.clusterName ?? '',
        divisionCode: d.divisionCode,
        countyName,
        content,
        standards: evaluateStandards(content, d.standardsVersion),
        westernRelaxation: r.westernJustification ? { justification: r.westernJustification } : null,
      };
    }),
  };
}

/**
 * Replaces the unit's ranked list atomically. Over quota → 409 QUOTA_EXCEEDED and nothing changes; the
 * database refuses it too (rank ≤ quota, unique per unit), so concurrent requests from several processes
 * can never leave more than the quota. Declarations on the list become `recommended`, those taken off go
 * back to `accepted`.
 */
export async function putRecommendations(
  { db }: Deps,
  caller: Caller,
  unitCode: string,
  year: number,
  items: RecommendationInput[],
  info: RequestInfo,
) {
  const unit = await unitInScope(db, caller, unitCode);
  if (caller.role !== 'unit') throw forbidden('Only the recommending unit itself recommends');
  const campaign = await campaignFor(db, year);
  if (campaign.status !== 'open')
    throw new AppError('INVALID_TRANSITION', `The ${year} campaign is not open`);
  if (deadlinePassed(campaign.unitDeadline, new Date())) {
    throw new AppError(
      'DEADLINE_PASSED',
      `The recommendation deadline (${campaign.unitDeadline}) has passed`,
    );
  }
  const quota = quotaFor(campaign.quotas, unit.kind);
  if (items.length > quota) {
    throw new AppError(
      'QUOTA_EXCEEDED',
      `At most ${quota} recommendations for this unit in ${year}; ${items.length} sent`,
      [{ path: 'items', message: `quota ${quota}`, quota }],
    );
  }
  const problems = rankingProblems(items);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The ranking is not valid', problems);

  try {
    return await db.transaction(async (tx) => {
      // One writer per unit and campaign at a time; the rank constraints guard the rest.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(727017010, hashtext(${`${year}:${unitCode}`}))`);
      const ids = items.map((i) => i.declarationId);
      const found = ids.length
        ? await tx
            .select()
            .from(declarations)
            .where(
              and(
                inArray(declarations.id, ids),
                eq(declarations.unitCode, unitCode),
                eq(declarations.campaignYear, year),
              ),
            )
            .for('update')
        : [];
      const byId = new Map(found.map((d) => [d.id, d]));
      const details: { path: string; message: string; [k: string]: unknown }[] = [];
      for (const [i, item] of items.entries()) {
        const d = byId.get(item.declarationId);
        if (!d) {
          details.push({
            path: `items[${i}].declarationId`,
            message: 'not a declaration of this unit and campaign',
          });
        } else if (!RECOMMENDABLE_STATUSES.includes(d.status as (typeof RECOMMENDABLE_STATUSES)[number])) {
          details.push({ path: `items[${i}].declarationId`, message: `status ${d.status}: accept it first` });
        } else {
          const verdict = recommendationEligibility(
            checkStandards(d.content as DeclarationContent, d.standardsVersion),
            unit.region,
            item.westernRelaxationJustification,
          );
          if (!verdict.ok)
            details.push({ path: `items[${i}]`, message: verdict.reason, failedItems: verdict.failedItems });
        }
      }
      if (details.some((d) => d.message === 'not a declaration of this unit and campaign')) {
        throw new AppError('NOT_FOUND', 'Some declarations are not this unit’s in this campaign', details);
      }
      if (details.length)
        throw new AppError('INVALID_TRANSITION', 'Some declarations cannot be recommended', details);

      const before = await tx
        .select()
        .from(recommendations)
        .where(and(eq(recommendations.unitCode, unitCode), eq(recommendations.campaignYear, year)));
      // Once the ministry has taken a declaration up (a panel, the shortlist, 公示…), the unit cannot withdraw it.
      const leaving = before.map((b) => b.declarationId).filter((id) => !ids.includes(id));
      if (leaving.length) {
        const taken = await rows<{ id: string; name: string }>(
          tx,
          sql`SELECT d.id, d.cluster_name AS name FROM declarations d
              WHERE d.id IN (${sql.join(
                leaving.map((id) => sql`${id}`),
                sql`, `,
              )}) AND (d.status <> 'recommended' OR EXISTS (SELECT 1 FROM panel_declarations p WHERE p.declaration_id = d.id))`,
        );
        if (taken.length)
          throw new AppError(
            'INVALID_TRANSITION',
            'The ministry’s review of some recommended declarations has started; they stay on the list',
            taken.map((t) => ({
              path: 'items',
              message: `${t.name} is under the ministry’s review`,
              declarationId: t.id,
            })),
          );
      }
      await tx
        .delete(recommendations)
        .where(and(eq(recommendations.unitCode, unitCode), eq(recommendations.campaignYear, year)));
      if (items.length) {
        await tx.insert(recommendations).values(
          items.map((i) => ({
            campaignYear: year,
            unitCode,
            rank: i.rank,
            declarationId: i.declarationId,
            westernJustification: i.westernRelaxationJustification?.trim() || null,
            createdBy: caller.id,
          })),
        );
      }
      const removed = before.map((b) => b.declarationId).filter((id) => !ids.includes(id));
      const added = ids.filter((id) => !before.some((b) => b.declarationId === id));
      await setStatus(tx, removed, 'accepted', 'unrecommend', caller);
      await setStatus(tx, added, 'recommended', 'recommend', caller);
      await notifyRecommended(tx, added);
      await writeAudit(tx, actorFromCaller(caller, info), {
        action: 'recommendations.replaced',
        entityType: 'recommendations',
        entityId: `${unitCode}:${year}`,
        before: before
          .sort((a, b) => a.rank - b.rank)
          .map((b) => ({ rank: b.rank, declarationId: b.declarationId })),
        after: items.map((i) => ({
          rank: i.rank,
          declarationId: i.declarationId,
          relaxed: Boolean(i.westernRelaxationJustification),
        })),
      });
    });
  } catch (err) {
    // The database's own guard (trigger or unique rank) fired: report it as the quota, change nothing.
    const code =
      (err as { code?: string; cause?: { code?: string } }).code ??
      (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23514' || code === '23505') {
      throw new AppError('QUOTA_EXCEEDED', `At most ${quota} recommendations for this unit in ${year}`);
    }
    throw err;
  }
}

async function setStatus(tx: Executor, ids: string[], status: string, action: string, caller: Caller) {
  if (!ids.length) return;
  const changed = await tx
    .update(declarations)
    .set({ status, updatedAt: sql`now()`, updatedBy: caller.id })
    .where(inArray(declarations.id, ids))
    .returning({ id: declarations.id, version: declarations.version });
  await tx.insert(declarationEvents).values(
    changed.map((d) => ({
      declarationId: d.id,
      action,
      fromStatus: status === 'recommended' ? 'accepted' : 'recommended',
      toStatus: status,
      version: d.version,
      actorId: caller.id,
      actorName: caller.username,
    })),
  );
}

/** Counts per status, the quota meter and the deadline for a unit's dashboard. */
export async function unitDashboard({ db }: Deps, caller: Caller, unitCode: string, year: number) {
  const unit = await unitInScope(db, caller, unitCode);
  const campaign = await campaignFor(db, year);
  const counts = await rows<{ status: string; n: number }>(
    db,
    sql`SELECT status, count(*)::int AS n FROM declarations
        WHERE unit_code = ${unitCode} AND campaign_year = ${year} AND submitted_version IS NOT NULL GROUP BY status`,
  );
  const [used] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM recommendations WHERE unit_code = ${unitCode} AND campaign_year = ${year}`,
  );
  return {
    unitCode,
    unitName: unit.name,
    campaignYear: year,
    byStatus: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    quota: quotaFor(campaign.quotas, unit.kind),
    used: Number(used?.n ?? 0),
    countyDeadline: campaign.countyDeadline,
    unitDeadline: campaign.unitDeadline,
  };
}
