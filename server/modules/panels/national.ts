import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import type { CampaignOverviewDto, ResultItemDto, ResultsDto } from '../../../domain/ministry-contract.ts';
import { type PanelPhase, subSectorDuplicates } from '../../../domain/panels.ts';
import { quotaFor } from '../../../domain/recommendation.ts';
import { aggregateScores } from '../../../domain/scoring.ts';
import { checkStandards } from '../../../domain/standards.ts';
import { REGION_KEYS, type Region, type UnitKind } from '../../../domain/units.ts';
import type { DeclarationStatus } from '../../../domain/workflow.ts';
import {
  declarations,
  divisions,
  expertAssignments,
  expertScores,
  industries,
  panelDeclarations,
  panels,
  recommendations,
  units,
} from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { type Executor, rows } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { moveDeclarations } from '../declarations/status.ts';
import { campaignOrNotFound, scoringRulesOf } from './service.ts';

/** One collator: `localeCompare(b, 'zh-CN')` builds an ICU collator for every comparison of a sort. */
const zhCollator = new Intl.Collator('zh-CN');

/** Statuses of declarations that reached the ministry (on a unit's list or beyond). */
export const MINISTRY_STATUSES: readonly DeclarationStatus[] = [
  'recommended',
  'shortlisted',
  'publicized',
  'identified',
  'not_identified',
];

/** GB/T 4754 门类 (section) of every industry code: the top of its ancestor chain. */
async function sectionsByCode(db: Executor) {
  const all = await db
    .select({
      code: industries.code,
      name: industries.name,
      level: industries.level,
      parent: industries.parentCode,
    })
    .from(industries);
  const byCode = new Map(all.map((i) => [i.code, i]));
  const top = (code: string | null | undefined) => {
    let node = code ? byCode.get(code) : undefined;
    for (let guard = 0; node && node.level !== 'section' && guard < 6; guard++)
      node = node.parent ? byCode.get(node.parent) : undefined;
    return node && node.level === 'section' ? { code: node.code, name: node.name } : null;
  };
  return top;
}

/** Ministry-level expert totals per declaration of the campaign (declared conflicts excluded). */
async function panelTotals(db: Executor, year: number) {
  const found = await db
    .select({ declarationId: expertAssignments.declarationId, total: expertScores.total })
    .from(expertAssignments)
    .innerJoin(expertScores, eq(expertScores.assignmentId, expertAssignments.id))
    .innerJoin(panels, eq(panels.id, expertAssignments.panelId))
    .where(and(eq(panels.campaignYear, year), sql`${expertAssignments.conflictDeclaredAt} IS NULL`));
  const out = new Map<string, number[]>();
  for (const r of found) out.set(r.declarationId, [...(out.get(r.declarationId) ?? []), Number(r.total)]);
  return out;
}

/** The ministry's dashboard and national intake: every unit's list as it arrives, with overviews. */
export async function campaignOverview(db: Executor, year: number): Promise<CampaignOverviewDto> {
  const campaign = await campaignOrNotFound(db, year);
  const rules = await scoringRulesOf(db, year);
  const allUnits = await db.select().from(units).orderBy(asc(units.sortOrder));
  const counts = await rows<{ unit: string; status: string; n: number }>(
    db,
    sql`SELECT unit_code AS unit, status, count(*)::int AS n FROM declarations
        WHERE campaign_year = ${year} AND submitted_version IS NOT NULL GROUP BY unit_code, status`,
  );
  const found = await db
    .select({
      d: declarations,
      countyName: divisions.name,
      rank: recommendations.rank,
      recommendedAt: recommendations.createdAt,
      western: recommendations.westernJustification,
      panelId: panelDeclarations.panelId,
    })
    .from(declarations)
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .leftJoin(recommendations, eq(recommendations.declarationId, declarations.id))
    .leftJoin(panelDeclarations, eq(panelDeclarations.declarationId, declarations.id))
    .where(and(eq(declarations.campaignYear, year), inArray(declarations.status, [...MINISTRY_STATUSES])))
    .orderBy(asc(declarations.unitCode), asc(recommendations.rank), asc(declarations.clusterName));
  const sectionOf = await sectionsByCode(db);
  const totals = await panelTotals(db, year);
  const unitByCode = new Map(allUnits.map((u) => [u.code, u]));
  const duplicates = campaign.rules.onePerSubSector
    ? subSectorDuplicates(
        found.map(({ d }) => {
          const li = (d.content as DeclarationContent).leadingIndustry;
          return { id: d.id, subSector: li.subSector, industryCode: li.industryCode };
        }),
      )
    : new Map<string, string[]>();
  const items = found.map(({ d, countyName, rank, recommendedAt, western, panelId }) => {
    const content = d.content as DeclarationContent;
    const standards = checkStandards(content, d.standardsVersion);
    const unit = unitByCode.get(d.unitCode)!;
    const t = totals.get(d.id) ?? [];
    return {
      declarationId: d.id,
      clusterName: d.clusterName,
      status: d.status as DeclarationStatus,
      unitCode: d.unitCode,
      unitName: unit.name,
      region: unit.region as Region,
      divisionCode: d.divisionCode,
      countyName,
      rank: rank ?? null,
      recommendedAt: recommendedAt?.toISOString() ?? null,
      leadingIndustry: content.leadingIndustry,
      sectionCode: sectionOf(content.leadingIndustry.industryCode)?.code ?? null,
      standardsOverall: standards.overall,
      failedItems: standards.items.filter((i) => i.result === 'fail').map((i) => i.code),
      westernRelaxation: western ? { justification: western } : null,
      duplicateOf: duplicates.get(d.id) ?? [],
      panelId: panelId ?? null,
      finalScore: t.length ? aggregateScores(t, rules.aggregation).value : null,
    };
  });
  const stageCounts: Record<string, number> = {};
  for (const c of counts) stageCounts[c.status] = (stageCounts[c.status] ?? 0) + Number(c.n);
  const unitRows = allUnits.map((u) => {
    const mine = counts.filter((c) => c.unit === u.code);
    const reached = items.filter((i) => i.unitCode === u.code);
    const last = reached
      .map((i) => i.recommendedAt)
      .filter((x): x is string => x !== null)
      .sort()
      .at(-1);
    return {
      code: u.code,
      name: u.name,
      nameEn: u.nameEn,
      kind: u.kind as UnitKind,
      region: u.region as Region,
      quota: quotaFor(campaign.quotas, u.kind as UnitKind),
      recommended: reached.length,
      counts: Object.fromEntries(mine.map((c) => [c.status, Number(c.n)])),
      lastRecommendedAt: last ?? null,
    };
  });
  const sectionCounts = new Map<string, { code: string; name: string; count: number }>();
  for (const i of items) {
    const s = sectionOf(i.leadingIndustry.industryCode) ?? { code: '?', name: '未填写行业' };
    const entry = sectionCounts.get(s.code) ?? { ...s, count: 0 };
    entry.count++;
    sectionCounts.set(s.code, entry);
  }
  return {
    campaignYear: year,
    onePerSubSector: campaign.rules.onePerSubSector,
    stageCounts,
    units: unitRows,
    regions: REGION_KEYS.map((region) => ({
      region,
      units: unitRows.filter((u) => u.region === region).length,
      recommended: unitRows.filter((u) => u.region === region).reduce((a, u) => a + u.recommended, 0),
    })),
    sections: [...sectionCounts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    items,
  };
}

/** Every declaration that reached the ministry, ranked by its panel's final aggregate (unscored last). */
export async function campaignResults(db: Executor, year: number): Promise<ResultsDto> {
  await campaignOrNotFound(db, year);
  const rules = await scoringRulesOf(db, year);
  const found = await db
    .select({
      d: declarations,
      countyName: divisions.name,
      unitName: units.name,
      western: recommendations.westernJustification,
      panelId: panels.id,
      panelName: panels.name,
      panelPhase: panels.phase,
      consensus: panelDeclarations.consensusComment,
    })
    .from(declarations)
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .innerJoin(units, eq(units.code, declarations.unitCode))
    .leftJoin(recommendations, eq(recommendations.declarationId, declarations.id))
    .leftJoin(panelDeclarations, eq(panelDeclarations.declarationId, declarations.id))
    .leftJoin(panels, eq(panels.id, panelDeclarations.panelId))
    .where(and(eq(declarations.campaignYear, year), inArray(declarations.status, [...MINISTRY_STATUSES])));
  const totals = await panelTotals(db, year);
  const objections = await rows<{ id: string; n: number }>(
    db,
    sql`SELECT declaration_id AS id, count(*)::int AS n FROM objections o
        JOIN declarations d ON d.id = o.declaration_id
        WHERE d.campaign_year = ${year} AND o.status = 'open' GROUP BY declaration_id`,
  );
  const items = found.map((r) => {
    const raw = totals.get(r.d.id) ?? [];
    return {
      declarationId: r.d.id,
      clusterName: r.d.clusterName,
      status: r.d.status as DeclarationStatus,
      unitCode: r.d.unitCode,
      unitName: r.unitName,
      countyName: r.countyName,
      panelId: r.panelId,
      panelName: r.panelName,
      panelPhase: (r.panelPhase as PanelPhase | null) ?? null,
      aggregate: aggregateScores(raw, rules.aggregation),
      rawTotals: [...raw].sort((a, b) => b - a),
      consensusComment: r.consensus ?? '',
      standardsOverall: checkStandards(r.d.content as DeclarationContent, r.d.standardsVersion).overall,
      westernRelaxation: r.western ? { justification: r.western } : null,
      openObjections: Number(objections.find((o) => o.id === r.d.id)?.n ?? 0),
    };
  });
  items.sort(
    (a, b) =>
      (b.aggregate.value ?? -1) - (a.aggregate.value ?? -1) ||
      a.unitCode.localeCompare(b.unitCode) ||
      zhCollator.compare(a.clusterName, b.clusterName),
  );
  return {
    campaignYear: year,
    aggregation: rules.aggregation,
    items: items.map((item, i): ResultItemDto => ({ position: i + 1, ...item })),
  };
}

/**
 * Replaces the shortlist: the given declarations become `shortlisted`, shortlisted ones left out go back to
 * `recommended`. Only declarations whose panel is final; nothing already in 公示 changes.
 */
export async function putShortlist(
  { db }: Deps,
  caller: Caller,
  year: number,
  ids: string[],
  info: RequestInfo,
): Promise<ResultsDto> {
  await campaignOrNotFound(db, year);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727017012, ${year})`);
    const found = await tx
      .select({
        id: declarations.id,
        status: declarations.status,
        year: declarations.campaignYear,
        phase: panels.phase,
      })
      .from(declarations)
      .leftJoin(panelDeclarations, eq(panelDeclarations.declarationId, declarations.id))
      .leftJoin(panels, eq(panels.id, panelDeclarations.panelId))
      .where(inArray(declarations.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']));
    const details = ids.flatMap((id, i) => {
      const d = found.find((f) => f.id === id);
      const path = `declarationIds[${i}]`;
      if (!d || d.year !== year)
        return [
          {
            path,
            message: 'not a declaration of this campaign',
            messageZh: '不是本年度的申报',
            reason: 'not_in_campaign',
          },
        ];
      if (d.status !== 'recommended' && d.status !== 'shortlisted')
        return [
          {
            path,
            message: `status ${d.status}: only recommended declarations can be shortlisted`,
            messageZh: '只有已推荐的申报可以入围',
            reason: 'wrong_status',
          },
        ];
      if (d.phase !== 'final')
        return [
          {
            path,
            message: 'its panel’s scores are not final yet',
            messageZh: '所在评审组尚未定稿',
            reason: 'panel_not_final',
          },
        ];
      return [];
    });
    if (details.length)
      throw new AppError('INVALID_TRANSITION', 'Some declarations cannot be shortlisted', details);
    const current = await tx
      .select({ id: declarations.id })
      .from(declarations)
      .where(and(eq(declarations.campaignYear, year), eq(declarations.status, 'shortlisted')));
    const dropped = current.map((c) => c.id).filter((id) => !ids.includes(id));
    const added = ids.filter((id) => !current.some((c) => c.id === id));
    await moveDeclarations(tx, caller, dropped, {
      from: ['shortlisted'],
      to: 'recommended',
      action: 'unshortlist',
    });
    await moveDeclarations(tx, caller, added, {
      from: ['recommended'],
      to: 'shortlisted',
      action: 'shortlist',
    });
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'shortlist.replaced',
      entityType: 'campaign',
      entityId: String(year),
      before: current.map((c) => c.id),
      after: ids,
    });
  });
  return campaignResults(db, year);
}
