import { STANDARDS_AREAS } from './standards.ts';

/**
 * Expert scoring on the eight standards areas: weights (campaign data) and the aggregation rule, stated so
 * everyone sees how a final score came about. Experts score the same eight areas the standards name.
 */
export const SCORING_AREAS = STANDARDS_AREAS;

/** Default weights (sum 100) when a campaign sets none. */
export const DEFAULT_WEIGHTS = [25, 15, 10, 15, 10, 10, 5, 10] as const;

export const AGGREGATIONS = ['mean', 'trimmed_mean'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const AGGREGATION_LABELS: Record<Aggregation, { zh: string; en: string }> = {
  mean: { zh: '算术平均', en: 'Mean of all experts' },
  trimmed_mean: {
    zh: '去掉一个最高分和一个最低分后取平均',
    en: 'Mean after dropping the highest and the lowest score',
  },
};

/** Problems with a weight vector: eight non-negative numbers adding up to 100. */
export function weightProblems(weights: readonly number[]): string[] {
  const problems: string[] = [];
  if (weights.length !== 8) problems.push('eight weights, one per area');
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) problems.push('weights must not be negative');
  if (Math.abs(weights.reduce((a, b) => a + b, 0) - 100) > 1e-9) problems.push('weights must add up to 100');
  return problems;
}

/** One expert's weighted total (0–100) from eight area scores of 0–100; two decimals. */
export function weightedTotal(scores: readonly number[], weights: readonly number[]): number {
  const total = scores.reduce((sum, s, i) => sum + s * (weights[i] ?? 0), 0) / 100;
  return Math.round(total * 100) / 100;
}

export type Aggregate = { value: number | null; method: Aggregation; used: number[]; dropped: number[] };

/**
 * Combines experts' totals. `trimmed_mean` drops one highest and one lowest score when at least three
 * experts scored; with fewer it falls back to the plain mean and says so (nothing dropped).
 */
export function aggregateScores(totals: readonly number[], method: Aggregation): Aggregate {
  if (totals.length === 0) return { value: null, method, used: [], dropped: [] };
  const sorted = [...totals].sort((a, b) => a - b);
  const trim = method === 'trimmed_mean' && sorted.length >= 3;
  const used = trim ? sorted.slice(1, -1) : sorted;
  const dropped = trim ? [sorted[0]!, sorted.at(-1)!] : [];
  const value = Math.round((used.reduce((a, b) => a + b, 0) / used.length) * 100) / 100;
  return { value, method, used, dropped };
}
