/**
 * A unit's provincial identification round, one tier down from the national pipeline: its experts score the
 * candidate declarations, the unit publishes its own 公示 (the public may object), and identifies only after
 * the 公示 has ended with every objection resolved. Pure rules; the server feeds them rows.
 */
import type { Problem } from './cluster-lifecycle.ts';

export type ProvincialPublicityState = { startsOn: string; endsOn: string };

export const PROVINCIAL_ROUND_ACTIONS = ['assign_experts', 'publicize', 'identify'] as const;
export type ProvincialRoundAction = (typeof PROVINCIAL_ROUND_ACTIONS)[number];

/**
 * What the unit that owns an open round may do on `today`: invite experts until it publicizes; publicize
 * once (a round has one 公示); identify when there is no 公示 (clusters identified outside the system are
 * entered directly) or after its last day.
 */
export function provincialRoundActions(
  own: boolean,
  status: 'open' | 'closed',
  publicity: ProvincialPublicityState | null,
  today: string,
): ProvincialRoundAction[] {
  if (!own || status !== 'open') return [];
  if (!publicity) return ['assign_experts', 'publicize', 'identify'];
  return today > publicity.endsOn ? ['identify'] : [];
}

/** One declaration the unit wants to identify, as the 公示 saw it. */
export type ProvincialPick = {
  path: string;
  clusterName: string;
  inPublicity: boolean;
  upheldObjections: number;
  openObjections: number;
};

/**
 * Why the declarations picked cannot be identified yet: identification from declarations needs the round's
 * 公示 to be over (before today and before the publication date), each declaration on its list, none removed
 * by an upheld objection and no objection left open.
 */
export function provincialIdentifyProblems(
  publicity: ProvincialPublicityState | null,
  today: string,
  publishedOn: string,
  picks: readonly ProvincialPick[],
): Problem[] {
  if (picks.length === 0) return [];
  if (!publicity) return [{ path: 'declarations', message: '省级认定须先经公示：请先发布公示（publicity）' }];
  const problems: Problem[] = [];
  if (today <= publicity.endsOn)
    problems.push({ path: 'declarations', message: `公示期至 ${publicity.endsOn} 结束后方可认定` });
  if (publishedOn <= publicity.endsOn)
    problems.push({ path: 'publishedOn', message: `认定通告日期须晚于公示结束日 ${publicity.endsOn}` });
  for (const p of picks) {
    if (!p.inPublicity) problems.push({ path: p.path, message: `${p.clusterName} 未经公示` });
    else if (p.upheldObjections > 0)
      problems.push({ path: p.path, message: `${p.clusterName} 公示异议成立，不予认定` });
    else if (p.openObjections > 0)
      problems.push({ path: p.path, message: `${p.clusterName} 尚有未处理的公示异议` });
  }
  return problems;
}
