import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  acceptanceGate,
  CITY_LOCKED_STATUSES,
  CITY_PUTTABLE_STATUSES,
  type CityTierEntry,
  cityCodeOf,
  cityDivisionCode,
  cityTierOf,
  isCityCode,
  NOT_A_CITY_PREFECTURE_NAMES,
} from '../../../domain/city-tier.ts';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import { rankingProblems } from '../../../domain/recommendation.ts';
import { evaluateStandards } from '../../../domain/standards.ts';
import { deadlinePassed } from '../../../domain/workflow.ts';
import { cityRecommendations, declarations, divisions, units } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { findCampaign } from '../campaigns/repo.ts';
import { notify } from '../notifications/service.ts';

type City = { cityCode: string; cityName: string; unitCode: string; unitName: string };

/**
 * The city as the caller may see it: a city account only its own, a unit its own cities, the ministry and
 * admins any; anything else (and a prefecture that is no city) is 404.
 */
async function cityInScope(db: Executor, caller: Caller, cityCode: string): Promise<City> {
  if (!isCityCode(cityCode)) throw notFound('No such city');
  const [pref] = await db
    .select({
      code: divisions.code,
      name: divisions.name,
      unitCode: divisions.unitCode,
      unitName: units.name,
    })
    .from(divisions)
    .innerJoin(units, eq(units.code, divisions.unitCode))
    .where(and(eq(divisions.code, cityDivisionCode(cityCode)), eq(divisions.level, 'prefecture')));
  if (!pref?.unitCode || NOT_A_CITY_PREFECTURE_NAMES.includes(pref.name)) throw notFound('No such city');
  const visible =
    caller.role === 'ministry' ||
    caller.role === 'admin' ||
    (caller.role === 'city' && caller.divisionCode === pref.code) ||
    (caller.role === 'unit' && caller.unitCode === pref.unitCode);
  if (!visible) throw notFound('No such city');
  return { cityCode, cityName: pref.name, unitCode: pref.unitCode, unitName: pref.unitName };
}

async function campaignFor(db: Executor, year: number) {
  const campaign = await findCampaign(db, year);
  if (!campaign) throw notFound('No campaign for that year');
  return campaign;
}

const noTier = (city: City, year: number) =>
  new AppError('INVALID_TRANSITION', `${city.unitName} has no city tier in the ${year} campaign`, [
    {
      path: 'cityTier',
      message: 'not configured',
      messageZh: `${year} 年度${city.unitName}未设置市级推荐环节`,
    },
  ]);

/** The city's counties' submitted declarations in a campaign, each with its rank on the city's list. */
export async function cityDeclarations({ db }: Deps, caller: Caller, cityCode: string, year: number) {
  const city = await cityInScope(db, caller, cityCode);
  const campaign = await campaignFor(db, year);
  const tier = cityTierOf(campaign.rules, city.unitCode);
  const found = await db
    .select({ d: declarations, countyName: divisions.name, rank: cityRecommendations.rank })
    .from(declarations)
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .leftJoin(cityRecommendations, eq(cityRecommendations.declarationId, declarations.id))
    .where(
      and(
        eq(declarations.unitCode, city.unitCode),
        eq(declarations.campaignYear, year),
        sql`left(${declarations.divisionCode}, 4) = ${cityCode}`,
        sql`${declarations.submittedVersion} IS NOT NULL`,
        sql`${declarations.status} NOT IN ('draft', 'withdrawn')`,
      ),
    )
    .orderBy(asc(declarations.divisionCode), asc(declarations.clusterName));
  return {
    ...city,
    campaignYear: year,
    configured: tier !== null,
    perCity: tier?.perCity ?? 0,
    items: found.map(({ d, countyName, rank }) => ({
      declarationId: d.id,
      clusterName: d.clusterName ?? '',
      divisionCode: d.divisionCode,
      countyName,
      status: d.status,
      standardsOverall: evaluateStandards(d.content as DeclarationContent, d.standardsVersion).overall,
      cityRank: rank ?? null,
    })),
  };
}

/** The city's ranked list in a campaign. */
export async function getCityList({ db }: Deps, caller: Caller, cityCode: string, year: number) {
  const city = await cityInScope(db, caller, cityCode);
  const campaign = await campaignFor(db, year);
  const tier = cityTierOf(campaign.rules, city.unitCode);
  const list = await db
    .select({ r: cityRecommendations, d: declarations, countyName: divisions.name })
    .from(cityRecommendations)
    .innerJoin(declarations, eq(declarations.id, cityRecommendations.declarationId))
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .where(and(eq(cityRecommendations.cityCode, cityCode), eq(cityRecommendations.campaignYear, year)))
    .orderBy(asc(cityRecommendations.rank));
  return {
    ...city,
    campaignYear: year,
    configured: tier !== null,
    perCity: tier?.perCity ?? 0,
    used: list.length,
    items: list.map(({ r, d, countyName }) => ({
      rank: r.rank,
      declarationId: d.id,
      clusterName: d.clusterName ?? '',
      divisionCode: d.divisionCode,
      countyName,
      status: d.status,
    })),
  };
}

const limitExceeded = (tier: CityTierEntry, sent?: number) =>
  new AppError(
    'QUOTA_EXCEEDED',
    `At most ${tier.perCity} declarations per city${sent === undefined ? '' : `; ${sent} sent`}`,
    [
      {
        path: 'items',
        message: `limit ${tier.perCity}`,
        messageZh: `每市最多推荐 ${tier.perCity} 个，名单未作任何修改`,
        perCity: tier.perCity,
      },
    ],
  );

/**
 * Replaces the city's ranked list atomically, under the same guarantees as the unit's list: over the
 * limit → 409 QUOTA_EXCEEDED and nothing changes, and the table's trigger refuses a rank above the limit
 * and the primary key a second entry per rank, so concurrent requests can never leave more. Only
 * submitted declarations can be added; one the unit has accepted stays on the list.
 */
export async function putCityList(
  deps: Deps,
  caller: Caller,
  cityCode: string,
  year: number,
  items: { declarationId: string; rank: number }[],
  info: RequestInfo,
) {
  const { db } = deps;
  const city = await cityInScope(db, caller, cityCode);
  if (caller.role !== 'city') throw forbidden('Only the city itself puts declarations forward');
  const campaign = await campaignFor(db, year);
  if (campaign.status !== 'open')
    throw new AppError('INVALID_TRANSITION', `The ${year} campaign is not open`);
  if (deadlinePassed(campaign.unitDeadline, deps.clock.now()))
    throw new AppError(
      'DEADLINE_PASSED',
      `The recommendation deadline (${campaign.unitDeadline}) has passed`,
    );
  const tier = cityTierOf(campaign.rules, city.unitCode);
  if (!tier) throw noTier(city, year);
  if (items.length > tier.perCity) throw limitExceeded(tier, items.length);
  const problems = rankingProblems(items);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The ranking is not valid', problems);

  try {
    await db.transaction(async (tx) => {
      // One writer per city and campaign at a time; the table's own constraints guard the rest.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(727017015, hashtext(${`${year}:${cityCode}`}))`);
      const before = await tx
        .select()
        .from(cityRecommendations)
        .where(and(eq(cityRecommendations.cityCode, cityCode), eq(cityRecommendations.campaignYear, year)));
      const ids = items.map((i) => i.declarationId);
      const touched = [...new Set([...ids, ...before.map((b) => b.declarationId)])];
      // Row locks: the unit's accept of one of these waits for this list, and this list for the accept.
      const found = touched.length
        ? await tx
            .select()
            .from(declarations)
            .where(
              and(
                inArray(declarations.id, touched),
                eq(declarations.unitCode, city.unitCode),
                eq(declarations.campaignYear, year),
                sql`left(${declarations.divisionCode}, 4) = ${cityCode}`,
              ),
            )
            .for('update')
        : [];
      const byId = new Map(found.map((d) => [d.id, d]));
      const wasOn = new Set(before.map((b) => b.declarationId));
      const missing = items
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => !byId.has(item.declarationId))
        .map(({ i }) => ({
          path: `items[${i}].declarationId`,
          message: 'not a declaration of this city and campaign',
        }));
      if (missing.length)
        throw new AppError('NOT_FOUND', 'Some declarations are not this city’s in this campaign', missing);
      const refused: { path: string; message: string; messageZh: string }[] = [];
      items.forEach((item, i) => {
        const d = byId.get(item.declarationId)!;
        if (!wasOn.has(d.id) && !(CITY_PUTTABLE_STATUSES as readonly string[]).includes(d.status))
          refused.push({
            path: `items[${i}].declarationId`,
            message: `status ${d.status}: only submitted declarations can be put forward`,
            messageZh: `${d.clusterName ?? ''}当前状态不能推荐（只能推荐已提交待受理的申报）`,
          });
      });
      for (const b of before) {
        const d = byId.get(b.declarationId);
        if (d && !ids.includes(d.id) && (CITY_LOCKED_STATUSES as readonly string[]).includes(d.status))
          refused.push({
            path: 'items',
            message: `${d.clusterName ?? d.id} is already accepted by the unit and stays on the list`,
            messageZh: `${d.clusterName ?? ''}已被推荐单位受理，不能移出市级推荐名单`,
          });
      }
      if (refused.length)
        throw new AppError(
          'INVALID_TRANSITION',
          'Some declarations cannot be put forward or taken off',
          refused,
        );

      await tx
        .delete(cityRecommendations)
        .where(and(eq(cityRecommendations.cityCode, cityCode), eq(cityRecommendations.campaignYear, year)));
      if (items.length)
        await tx.insert(cityRecommendations).values(
          items.map((i) => ({
            campaignYear: year,
            unitCode: city.unitCode,
            cityCode,
            rank: i.rank,
            declarationId: i.declarationId,
            createdBy: caller.id,
          })),
        );
      await writeAudit(tx, actorFromCaller(caller, info), {
        action: 'city_recommendations.replaced',
        entityType: 'city_recommendations',
        entityId: `${cityCode}:${year}`,
        before: before
          .sort((a, b) => a.rank - b.rank)
          .map((b) => ({ rank: b.rank, declarationId: b.declarationId })),
        after: items.map((i) => ({ rank: i.rank, declarationId: i.declarationId })),
      });
      // The unit accepts only what its cities put forward: it hears of each new list.
      await notify(tx, [
        {
          to: { unitCode: city.unitCode },
          kind: 'city_list',
          title: `${city.cityName}市级推荐名单已更新：推荐 ${items.length} 个申报`,
          link: '/review',
        },
      ]);
    });
  } catch (err) {
    // The database's own guard (trigger or unique rank) fired: report it as the limit, nothing changed.
    const code =
      (err as { code?: string; cause?: { code?: string } }).code ??
      (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23514' || code === '23505') throw limitExceeded(tier);
    throw err;
  }
  return getCityList(deps, caller, cityCode, year);
}

/** For the unit's review list: which of its declarations their city put forward, and the tier. */
export async function unitCityRecommendations({ db }: Deps, caller: Caller, unitCode: string, year: number) {
  const [unit] = await db.select().from(units).where(eq(units.code, unitCode));
  const mayRead =
    caller.role === 'ministry' ||
    caller.role === 'admin' ||
    (caller.role === 'unit' && caller.unitCode === unitCode);
  if (!unit || !mayRead) throw notFound('No such recommending unit');
  const campaign = await campaignFor(db, year);
  const tier = cityTierOf(campaign.rules, unitCode);
  const list = await db
    .select({ r: cityRecommendations, cityName: divisions.name })
    .from(cityRecommendations)
    .innerJoin(divisions, sql`${divisions.code} = ${cityRecommendations.cityCode} || '00'`)
    .where(and(eq(cityRecommendations.unitCode, unitCode), eq(cityRecommendations.campaignYear, year)))
    .orderBy(asc(cityRecommendations.cityCode), asc(cityRecommendations.rank));
  return {
    unitCode,
    campaignYear: year,
    configured: tier !== null,
    perCity: tier?.perCity ?? 0,
    items: list.map(({ r, cityName }) => ({
      declarationId: r.declarationId,
      cityCode: r.cityCode,
      cityName,
      rank: r.rank,
    })),
  };
}

/**
 * The unit's `accept`, in its transaction (the declaration row is locked): refused with 409 for a declaration
 * of a city-tier city that its city has not put forward.
 */
export async function assertCityPutForward(
  tx: Executor,
  d: { id: string; unitCode: string; campaignYear: number; divisionCode: string },
): Promise<void> {
  const campaign = await findCampaign(tx, d.campaignYear);
  const tier = cityTierOf(campaign?.rules, d.unitCode);
  if (!tier) return;
  const [prefecture] = await tx
    .select({ name: divisions.name })
    .from(divisions)
    .where(eq(divisions.code, cityDivisionCode(cityCodeOf(d.divisionCode))));
  const [put] = await tx
    .select({ rank: cityRecommendations.rank })
    .from(cityRecommendations)
    .where(eq(cityRecommendations.declarationId, d.id));
  const gate = acceptanceGate({
    tier,
    divisionCode: d.divisionCode,
    prefecture: prefecture ?? null,
    putForwardByCity: put !== undefined,
  });
  if (!gate.ok)
    throw new AppError('INVALID_TRANSITION', gate.message, [
      { path: 'cityTier', message: gate.reason, messageZh: gate.messageZh, cityCode: gate.cityCode },
    ]);
}
