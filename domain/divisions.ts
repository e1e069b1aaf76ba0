/**
 * Pure helpers on six-digit GB/T 2260 division codes (as published in the NBS statistical division code
 * tables): XX0000 province, XXYY00 prefecture, XXYYZZ county-level division or statistical zone.
 */
import { UNITS } from './units.ts';

export const DIVISION_LEVELS = ['province', 'prefecture', 'county', 'zone'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

/** One row of reference/divisions.csv. */
export interface Division {
  readonly code: string;
  readonly name: string;
  /** 'zone' = a statistical-only zone (开发区, 新区 …: codes xx71–xx80) that is not an administrative county. */
  readonly level: DivisionLevel;
  /** Province code for prefectures and for the cities without counties; prefecture code otherwise. */
  readonly parentCode: string | null;
  /** The recommending unit (see units.ts); null only where no unit applies. */
  readonly unitCode: string | null;
}

/**
 * Prefecture-level cities without county-level divisions (不设区的地级市): the NBS tables list each once more
 * as its own county-level row with the same code. In this programme they act as the county-level division.
 */
export const CITIES_WITHOUT_COUNTIES: readonly string[] = Object.freeze(['441900', '442000', '460400']);

const citiesWithoutCounties: ReadonlySet<string> = new Set(CITIES_WITHOUT_COUNTIES);

const provincePrefixes: ReadonlySet<string> = new Set(
  UNITS.filter((u) => u.kind === 'provincial').map((u) => u.code.slice(0, 2)),
);

/** True for six digits whose first two are one of the 31 provinces. */
export function isDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && provincePrefixes.has(code.slice(0, 2));
}

/** The province code 'XX0000' a code lies in, or null for a malformed code or unknown province. */
export function provinceCodeOf(code: string): string | null {
  return isDivisionCode(code) ? `${code.slice(0, 2)}0000` : null;
}

/**
 * The prefecture code 'XXYY00' a code lies in (a prefecture code maps to itself), or null for province
 * codes and malformed codes.
 */
export function prefectureCodeOf(code: string): string | null {
  if (!isDivisionCode(code) || code.slice(2, 4) === '00') return null;
  return `${code.slice(0, 4)}00`;
}

/** True for a county-level code inside a prefecture whose last two digits are 71–80 (statistical zone). */
export function isStatisticalZone(code: string): boolean {
  if (!isDivisionCode(code) || code.slice(2, 4) === '00') return false;
  const last = Number(code.slice(4, 6));
  return last >= 71 && last <= 80;
}

/** The level a code denotes, or null when malformed. The cities without counties count as 'county'. */
export function divisionLevelOf(code: string): DivisionLevel | null {
  if (!isDivisionCode(code)) return null;
  if (citiesWithoutCounties.has(code)) return 'county';
  if (code.slice(2, 4) === '00') return code.slice(4, 6) === '00' ? 'province' : null;
  if (code.slice(4, 6) === '00') return 'prefecture';
  return isStatisticalZone(code) ? 'zone' : 'county';
}

/** The parent code as used in reference/divisions.csv, or null for provinces and malformed codes. */
export function parentCodeOf(code: string): string | null {
  const level = divisionLevelOf(code);
  if (level === null || level === 'province') return null;
  if (level === 'prefecture' || citiesWithoutCounties.has(code)) return provinceCodeOf(code);
  return prefectureCodeOf(code);
}
