// The ranking page's list as pure functions: moving, adding and removing entries, whether a declaration
// may be added (quota, standards, western relaxation), what is sent to the server, and the server's
// per-item refusals mapped back to the entries they concern.
import { type Eligibility, recommendationEligibility } from '../../../../domain/recommendation.ts';
import type { StandardsResult } from '../../../../domain/standards.ts';
import type { Region } from '../../../../domain/units.ts';
import type { RecommendationInput, RecommendationList } from '../../api/review.ts';

/** One entry of the ranked list as the page edits it; its rank is its position. */
export interface RankedEntry {
  declarationId: string;
  clusterName: string;
  countyName: string;
  /** 西部地区放宽说明: kept as typed, trimmed when sent. */
  justification: string;
}

/** The server's list as editable entries, in rank order. */
export function entriesOf(list: RecommendationList): RankedEntry[] {
  return [...list.items]
    .sort((a, b) => a.rank - b.rank)
    .map((i) => ({
      declarationId: i.declarationId,
      clusterName: i.clusterName,
      countyName: i.countyName,
      justification: i.westernRelaxation?.justification ?? '',
    }));
}

/** The list with the item at `from` moved to `to` (both clamped); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const last = list.length - 1;
  const a = Math.max(0, Math.min(last, from));
  const b = Math.max(0, Math.min(last, to));
  if (a === b || list.length === 0) return [...list];
  const next = [...list];
  const [item] = next.splice(a, 1);
  next.splice(b, 0, item as T);
  return next;
}

/** Whether two lists hold the same declarations in the same order with the same justifications. */
export function sameRanking(a: readonly RankedEntry[], b: readonly RankedEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (e, i) =>
        e.declarationId === b[i]?.declarationId && e.justification.trim() === b[i]?.justification.trim(),
    )
  );
}

/**
 * The body of the PUT: ranks 1..n in list order; a justification only for entries that need one (a
 * justification on an entry that meets the standards would mislead the ministry).
 */
export function toPayload(
  entries: readonly RankedEntry[],
  needsJustification: (declarationId: string) => boolean,
): RecommendationInput[] {
  return entries.map((e, i) => {
    const text = e.justification.trim();
    return needsJustification(e.declarationId) && text
      ? { declarationId: e.declarationId, rank: i + 1, westernRelaxationJustification: text }
      : { declarationId: e.declarationId, rank: i + 1 };
  });
}

export type AddCheck =
  | { addable: true; needsJustification: boolean; failedItems: string[] }
  | {
      addable: false;
      reason: 'negative_list' | 'fails_standards' | 'quota' | 'loading';
      failedItems: string[];
    };

/**
 * Whether a declaration may go onto the list now. The standards come first (they never change by
 * reordering), then the quota. A western-region unit may add one that misses numeric thresholds but must
 * then write a justification; the negative list is never relaxed.
 */
export function addCheck(
  standards: StandardsResult | null | undefined,
  region: Region,
  listed: number,
  quota: number,
): AddCheck {
  if (!standards) return { addable: false, reason: 'loading', failedItems: [] };
  const verdict: Eligibility = recommendationEligibility(standards, region, null);
  if (!verdict.ok && verdict.reason !== 'justification_required')
    return { addable: false, reason: verdict.reason, failedItems: verdict.failedItems };
  if (listed >= quota) return { addable: false, reason: 'quota', failedItems: [] };
  return verdict.ok
    ? { addable: true, needsJustification: false, failedItems: [] }
    : { addable: true, needsJustification: true, failedItems: verdict.failedItems };
}

/** Whether a listed declaration needs a western-relaxation justification, and which items it misses. */
export function relaxationNeed(
  standards: StandardsResult | null | undefined,
  region: Region,
): { needed: boolean; failedItems: string[] } {
  if (!standards) return { needed: false, failedItems: [] };
  const verdict = recommendationEligibility(standards, region, null);
  return !verdict.ok && verdict.reason === 'justification_required'
    ? { needed: true, failedItems: verdict.failedItems }
    : { needed: false, failedItems: [] };
}

/** A refusal of one entry by the server: a known reason, or the server's own words. */
export interface EntryError {
  message: string;
  failedItems: string[];
}

/**
 * The `details` of a 409 INVALID_TRANSITION (or 404) on PUT, keyed by declaration id: `items[i]` and
 * `items[i].declarationId` point into the list that was sent. Details without an index are left out.
 */
export function errorsByEntry(
  details: readonly unknown[],
  sent: readonly RecommendationInput[],
): Map<string, EntryError[]> {
  const out = new Map<string, EntryError[]>();
  for (const d of details) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message, failedItems } = d as { path?: unknown; message?: unknown; failedItems?: unknown };
    const m = typeof path === 'string' ? /^items\[(\d+)\]/.exec(path) : null;
    const id = m ? sent[Number(m[1])]?.declarationId : undefined;
    if (!id) continue;
    const entry: EntryError = {
      message: typeof message === 'string' ? message : '',
      failedItems: Array.isArray(failedItems) ? failedItems.filter((x) => typeof x === 'string') : [],
    };
    out.set(id, [...(out.get(id) ?? []), entry]);
  }
  return out;
}

/** Entries whose justification is required but empty, as their ids. */
export function missingJustifications(
  entries: readonly RankedEntry[],
  needsJustification: (declarationId: string) => boolean,
): string[] {
  return entries
    .filter((e) => needsJustification(e.declarationId) && !e.justification.trim())
    .map((e) => e.declarationId);
}
