/**
 * Rules for a unit's recommendation list: the quota for its kind, and which declarations it may put on it
 * given their standards check and the unit's region (西部地区可适当放宽).
 */
import type { Quotas } from './campaigns.ts';
import type { StandardsVerdict } from './standards.ts';
import type { Region, UnitKind } from './units.ts';

export const quotaFor = (quotas: Quotas, kind: UnitKind): number => quotas[kind];

export type Eligibility =
  | { ok: true; relaxed: false }
  /** Fails numeric thresholds; allowed for a western unit with a written justification. */
  | { ok: true; relaxed: true; failedItems: string[] }
  | {
      ok: false;
      reason: 'negative_list' | 'fails_standards' | 'justification_required';
      failedItems: string[];
    };

/**
 * Whether a declaration may be recommended. The negative list is never relaxed; numeric thresholds may be
 * missed only by a western-region unit that writes a justification (shown to the ministry beside the items).
 * Missing values count as failing: a recommendation must stand on figures.
 */
export function recommendationEligibility(
  standards: Pick<StandardsVerdict, 'items'>,
  region: Region,
  justification: string | null | undefined,
): Eligibility {
  const failing = standards.items.filter((i) => i.result === 'fail' || i.result === 'missing');
  const negative = failing.filter((i) => i.code === 'negative_list').map((i) => i.code);
  if (negative.length) return { ok: false, reason: 'negative_list', failedItems: negative };
  const failedItems = failing.map((i) => i.code);
  if (failedItems.length === 0) return { ok: true, relaxed: false };
  if (region !== 'west') return { ok: false, reason: 'fails_standards', failedItems };
  if (!justification?.trim()) return { ok: false, reason: 'justification_required', failedItems };
  return { ok: true, relaxed: true, failedItems };
}

export type RankedItem = { declarationId: string; rank: number };

/** Problems with a submitted ranking itself: ranks 1..n without gaps, each declaration once. */
export function rankingProblems(items: readonly RankedItem[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const ranks = items.map((i) => i.rank).sort((a, b) => a - b);
  if (ranks.some((r, i) => r !== i + 1))
    problems.push({ path: 'items', message: 'ranks must be 1, 2, … without gaps or repeats' });
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.declarationId))
      problems.push({ path: `items[${i}].declarationId`, message: 'listed twice' });
    ids.add(item.declarationId);
  });
  return problems;
}
