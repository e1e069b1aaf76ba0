/**
 * The optional city tier (市级预推荐): in a unit configured for it, each prefecture-level city first puts
 * forward at most `perCity` of its counties' submitted declarations, and the unit accepts only declarations
 * their city put forward. Configured per campaign as data (campaign `rules.cityTier`), never in code; see
 * docs/decisions/002-city-tier.md.
 */
import { z } from 'zod';
import { findUnit } from './units.ts';

/** One unit's city tier in a campaign: each of its cities recommends at most `perCity`. */
export const cityTierEntrySchema = z.object({
  /** Checked by cityTierIssues (a provincial unit that is not a municipality), with zh and en messages. */
  unitCode: z.string(),
  /** How many declarations each city may put forward; a positive integer (cityTierIssues). */
  perCity: z.int(),
});
export type CityTierEntry = z.infer<typeof cityTierEntrySchema>;
export const cityTierSchema = z.array(cityTierEntrySchema).max(37);

/** The four municipalities directly under the central government: their districts are not cities. */
export const MUNICIPALITY_UNIT_CODES: readonly string[] = Object.freeze([
  '110000',
  '120000',
  '310000',
  '500000',
]);

/**
 * Prefecture rows that are not a city: counties under them are administered by the province directly and
 * go to the unit without a city step (e.g. 湖北 仙桃 429004, under 4290 省直辖县级行政区划).
 */
export const NOT_A_CITY_PREFECTURE_NAMES: readonly string[] = Object.freeze([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);

/** The city of a county: the first four digits of its division code. */
export const cityCodeOf = (divisionCode: string): string => divisionCode.slice(0, 4);

/** The prefecture division a city code names (its account's division): '5101' → '510100'. */
export const cityDivisionCode = (cityCode: string): string => `${cityCode}00`;

export const isCityCode = (code: string): boolean => /^\d{4}$/.test(code) && !code.endsWith('00');

/** The unit's tier in a campaign's rules, or null when the unit has none. */
export function cityTierOf(
  rules: { cityTier?: readonly CityTierEntry[] | undefined } | null | undefined,
  unitCode: string,
): CityTierEntry | null {
  return rules?.cityTier?.find((e) => e.unitCode === unitCode) ?? null;
}

export interface CityTierIssue {
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

/** Business checks of a campaign's city tier beyond its shape, one issue per offending field. */
export function cityTierIssues(
  entries: readonly CityTierEntry[],
  prefix = 'rules.cityTier',
): CityTierIssue[] {
  const issues: CityTierIssue[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const path = `${prefix}.${i}.unitCode`;
    const unit = findUnit(e.unitCode);
    if (!unit) {
      issues.push({
        path,
        message: `${e.unitCode} is not a recommending unit`,
        messageZh: `${e.unitCode} 不是推荐单位`,
      });
    } else if (unit.kind !== 'provincial') {
      issues.push({
        path,
        message: `${unit.nameEn} has no prefecture-level cities under it: a city tier needs a province`,
        messageZh: `${unit.name}下没有地级市，市级推荐只适用于省、自治区`,
      });
    } else if (MUNICIPALITY_UNIT_CODES.includes(e.unitCode)) {
      issues.push({
        path,
        message: `${unit.nameEn} is a municipality: its districts are not cities`,
        messageZh: `${unit.name}为直辖市，不设市级推荐`,
      });
    }
    if (seen.has(e.unitCode)) {
      issues.push({
        path,
        message: `${e.unitCode} is configured twice`,
        messageZh: `${e.unitCode} 重复设置`,
      });
    }
    seen.add(e.unitCode);
    if (!Number.isInteger(e.perCity) || e.perCity < 1) {
      issues.push({
        path: `${prefix}.${i}.perCity`,
        message: `perCity must be a positive integer, got ${e.perCity}`,
        messageZh: `每市推荐名额须为正整数（当前为${e.perCity}）`,
      });
    }
  });
  return issues;
}

/** Whether a county's declaration goes through a city first: its unit has a tier and its prefecture is a city. */
export function needsCityStep(
  tier: CityTierEntry | null,
  prefecture: { name: string } | null | undefined,
): boolean {
  return tier !== null && prefecture != null && !NOT_A_CITY_PREFECTURE_NAMES.includes(prefecture.name);
}

export type AcceptanceGate =
  | { ok: true }
  | { ok: false; reason: 'city_not_put_forward'; cityCode: string; message: string; messageZh: string };

/** The unit's `accept`: refused for a declaration of a city-tier city that its city did not put forward. */
export function acceptanceGate(input: {
  tier: CityTierEntry | null;
  divisionCode: string;
  prefecture: { name: string } | null | undefined;
  putForwardByCity: boolean;
}): AcceptanceGate {
  if (!needsCityStep(input.tier, input.prefecture) || input.putForwardByCity) return { ok: true };
  const cityCode = cityCodeOf(input.divisionCode);
  const city = input.prefecture?.name ?? cityCode;
  return {
    ok: false,
    reason: 'city_not_put_forward',
    cityCode,
    message: `${city} has not put this declaration forward: in this campaign the unit accepts only declarations their city recommended`,
    messageZh: `${city}未推荐该申报：本年度实行市级推荐，推荐单位只受理所在市推荐的申报`,
  };
}

/** Statuses a declaration may have when its city puts it forward: submitted, not yet decided by the unit. */
export const CITY_PUTTABLE_STATUSES = ['submitted'] as const;
/** Once the unit has acted on it, the city can no longer take it off its list. */
export const CITY_LOCKED_STATUSES = [
  'accepted',
  'recommended',
  'shortlisted',
  'publicized',
  'identified',
  'not_identified',
] as const;
