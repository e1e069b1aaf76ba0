/**
 * The ministry's expert panels as pure rules: which expert may review which declaration, a balanced
 * automatic assignment (and its refill after a declared conflict), the scoring phases, and the sub-sector
 * duplicate flags of national intake. The server feeds these with rows and stores what they return.
 */

/** independent scoring (others hidden) → revealed (others shown; a revision needs a reason) → final. */
export const PANEL_PHASES = ['scoring', 'revealed', 'final'] as const;
export type PanelPhase = (typeof PANEL_PHASES)[number];

export const PANEL_PHASE_LABELS: Record<PanelPhase, { zh: string; en: string }> = {
  scoring: { zh: '独立评分', en: 'Independent scoring' },
  revealed: { zh: '亮分与修正', en: 'Scores revealed, revision' },
  final: { zh: '已定稿', en: 'Final' },
};

/** The phase after `phase`, or null at the end. Phases only move forward. */
export function nextPhase(phase: PanelPhase): PanelPhase | null {
  const i = PANEL_PHASES.indexOf(phase);
  return PANEL_PHASES[i + 1] ?? null;
}

/**
 * What an expert's save of its score means in a phase: a first score or a change while scoring
 * independently is free; after the reveal a first score is still free but a change is a revision that
 * needs a reason; a final panel is locked.
 */
export function scoreSaveKind(phase: PanelPhase, hasScore: boolean): 'free' | 'revision' | 'locked' {
  if (phase === 'final') return 'locked';
  if (phase === 'revealed' && hasScore) return 'revision';
  return 'free';
}

/** Whether an expert may see the other experts' scores of a declaration in this phase. */
export const othersVisible = (phase: PanelPhase) => phase !== 'scoring';

export type PanelExpert = { id: string; unitCode: string | null };

export type DeclarationToStaff = {
  id: string;
  /** The recommending unit of the declaration: its own experts never review it. */
  unitCode: string;
  /** Experts assigned now (without those who declared a conflict). */
  assigned: readonly string[];
  /** Experts who must not be assigned again: declared conflicts, removed by hand. */
  excluded: readonly string[];
};

/** An expert may review a declaration unless it comes from the declaration's own unit or is excluded. */
export function eligible(expert: PanelExpert, d: DeclarationToStaff): boolean {
  return expert.unitCode !== d.unitCode && !d.excluded.includes(expert.id) && !d.assigned.includes(expert.id);
}

export type StaffingResult = {
  assignments: { declarationId: string; expertId: string }[];
  /** Declarations that could not get `perDeclaration` experts from the pool, and how many are missing. */
  shortfalls: { declarationId: string; missing: number }[];
};

/**
 * Fills every declaration up to `perDeclaration` experts from `pool`, balancing the load: the most
 * constrained declarations (fewest eligible experts) are staffed first, each with the least-loaded eligible
 * experts (ties broken by the pool's order, so the result is deterministic). `load` is each expert's current
 * number of assignments; it is not modified.
 */
export function staffDeclarations(
  declarations: readonly DeclarationToStaff[],
  pool: readonly PanelExpert[],
  perDeclaration: number,
  load: ReadonlyMap<string, number> = new Map(),
): StaffingResult {
  const loads = new Map(pool.map((e) => [e.id, load.get(e.id) ?? 0]));
  const order = new Map(pool.map((e, i) => [e.id, i]));
  const byConstraint = [...declarations].sort(
    (a, b) =>
      pool.filter((e) => eligible(e, a)).length - pool.filter((e) => eligible(e, b)).length ||
      a.id.localeCompare(b.id),
  );
  const result: StaffingResult = { assignments: [], shortfalls: [] };
  for (const d of byConstraint) {
    const needed = perDeclaration - d.assigned.length;
    if (needed <= 0) continue;
    const picks = pool
      .filter((e) => eligible(e, d))
      .sort((a, b) => loads.get(a.id)! - loads.get(b.id)! || order.get(a.id)! - order.get(b.id)!)
      .slice(0, needed);
    for (const e of picks) {
      loads.set(e.id, loads.get(e.id)! + 1);
      result.assignments.push({ declarationId: d.id, expertId: e.id });
    }
    if (picks.length < needed)
      result.shortfalls.push({ declarationId: d.id, missing: needed - picks.length });
  }
  return result;
}

export type PanelForDistribution = { id: string; members: readonly PanelExpert[]; declarations: number };

/**
 * Spreads declarations over a campaign's panels: each goes to the panel with the most members allowed to
 * review it (at least `perDeclaration` when possible), then the one with fewest declarations so far.
 * Returns declaration id → panel id; a declaration no panel can staff at all is left out.
 */
export function distributeToPanels(
  declarations: readonly { id: string; unitCode: string }[],
  panels: readonly (PanelForDistribution & { perDeclaration: number })[],
): Map<string, string> {
  const counts = new Map(panels.map((p) => [p.id, p.declarations]));
  const out = new Map<string, string>();
  for (const d of declarations) {
    let best: { id: string; enough: boolean; eligible: number; count: number } | null = null;
    for (const p of panels) {
      const n = p.members.filter((m) => m.unitCode !== d.unitCode).length;
      if (n === 0) continue;
      const cand = { id: p.id, enough: n >= p.perDeclaration, eligible: n, count: counts.get(p.id)! };
      const better =
        !best ||
        (cand.enough !== best.enough
          ? cand.enough
          : cand.count !== best.count
            ? cand.count < best.count
            : cand.eligible > best.eligible);
      if (better) best = cand;
    }
    if (best) {
      out.set(d.id, best.id);
      counts.set(best.id, best.count + 1);
    }
  }
  return out;
}

/**
 * The key two declarations share when they are in the same sub-sector (细分领域): the sub-sector's name
 * without spaces and case, or the industry code when no sub-sector is named; null when neither is known.
 */
export function subSectorKey(leading: {
  subSector?: string | null;
  industryCode?: string | null;
}): string | null {
  const name = (leading.subSector ?? '').replace(/\s+/g, '').toLowerCase();
  if (name) return `s:${name}`;
  return leading.industryCode ? `c:${leading.industryCode}` : null;
}

/** For each declaration, the others that share its sub-sector (only those with at least one). */
export function subSectorDuplicates(
  items: readonly { id: string; subSector?: string | null; industryCode?: string | null }[],
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const key = subSectorKey(item);
    if (key) groups.set(key, [...(groups.get(key) ?? []), item.id]);
  }
  const out = new Map<string, string[]>();
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    for (const id of ids)
      out.set(
        id,
        ids.filter((x) => x !== id),
      );
  }
  return out;
}

/** Identified clusters are valid three years: from the publication date to the day before its third anniversary. */
export function validityPeriod(publishedOn: string): { validFrom: string; validTo: string } {
  const [y, m, d] = publishedOn.split('-').map(Number) as [number, number, number];
  // 29 February rolls to 1 March in a common year, then the day before is 28 February.
  const end = new Date(Date.UTC(y + 3, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return { validFrom: publishedOn, validTo: end.toISOString().slice(0, 10) };
}

/** Whether the public may object on `today` (Beijing date): from the first to the last day of 公示. */
export const objectionsOpen = (today: string, period: { startsOn: string; endsOn: string }) =>
  today >= period.startsOn && today <= period.endsOn;
