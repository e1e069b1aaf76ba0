import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { othersVisible, type PanelPhase, scoreSaveKind } from '../../../domain/panels.ts';
import { aggregateScores, DEFAULT_WEIGHTS, weightedTotal } from '../../../domain/scoring.ts';
import { declarations, divisions, expertAssignments, expertScores, panels, users } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { findDeclaration } from '../declarations/repo.ts';
import { notifyExpertAssignments } from '../notifications/events.ts';
import { scoringRulesOf, staffPanel } from '../panels/service.ts';

/** The unit invites experts to score one of its declarations. */
export async function assignExperts(
  { db }: Deps,
  caller: Caller,
  declarationId: string,
  expertIds: string[],
  info: RequestInfo,
) {
  if (caller.role !== 'unit') throw forbidden('Units invite experts to their declarations');
  return db.transaction(async (tx) => {
    const d = await findDeclaration(tx, caller, declarationId);
    const experts = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, expertIds), eq(users.role, 'expert'), eq(users.disabled, false)));
    if (experts.length !== new Set(expertIds).size) {
      throw new AppError('VALIDATION_FAILED', 'Every id must be an active expert account', [
        { path: 'expertIds', message: 'unknown expert' },
      ]);
    }
    const added = await tx
      .insert(expertAssignments)
      .values(
        experts.map((e) => ({ declarationId: d.id, expertId: e.id, level: 'unit', assignedBy: caller.id })),
      )
      .onConflictDoNothing()
      .returning({ expertId: expertAssignments.expertId, declarationId: expertAssignments.declarationId });
    await notifyExpertAssignments(tx, added, 'unit');
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'experts.assigned',
      entityType: 'declaration',
      entityId: d.id,
      after: { expertIds },
    });
    return scoreSheet(tx, caller, d.id);
  });
}

/**
 * Every expert's status and score, the weights and the stated aggregation. Declared conflicts are listed
 * and excluded from the aggregate.
 */
export async function scoreSheet(db: Executor, caller: Caller, declarationId: string) {
  const d = await findDeclaration(db, caller, declarationId);
  if (caller.role === 'county' || caller.role === 'expert')
    throw forbidden('Scores are for the reviewing authorities');
  const rules = await scoringRulesOf(db, d.campaignYear);
  const rows = await db
    .select({ a: expertAssignments, s: expertScores, name: users.displayName })
    .from(expertAssignments)
    .innerJoin(users, eq(users.id, expertAssignments.expertId))
    .leftJoin(expertScores, eq(expertScores.assignmentId, expertAssignments.id))
    // The unit's own scoring; the ministry's panels have their own sheet (GET /api/v1/panels/:id).
    .where(and(eq(expertAssignments.declarationId, declarationId), eq(expertAssignments.level, 'unit')))
    .orderBy(expertAssignments.assignedAt);
  const counted = rows.filter((r) => !r.a.conflictDeclaredAt && r.s).map((r) => Number(r.s!.total));
  return {
    declarationId,
    weights: rules.weights,
    aggregation: rules.aggregation,
    experts: rows.map((r) => ({
      assignmentId: r.a.id,
      expert: { id: r.a.expertId, displayName: r.name },
      level: r.a.level as 'unit' | 'ministry',
      status: (r.a.conflictDeclaredAt ? 'conflict' : r.s ? 'scored' : 'pending') as
        | 'conflict'
        | 'scored'
        | 'pending',
      conflictReason: r.a.conflictReason,
      scores: (r.s?.scores as number[] | undefined) ?? null,
      total: r.s ? Number(r.s.total) : null,
      comment: r.s?.comment ?? null,
    })),
    aggregate: aggregateScores(counted, rules.aggregation),
  };
}

async function ownAssignment(db: Executor, caller: Caller, assignmentId: string, lock = false) {
  const q = db
    .select()
    .from(expertAssignments)
    .where(
      and(
        eq(expertAssignments.id, assignmentId),
        eq(expertAssignments.expertId, caller.id),
        isNull(expertAssignments.conflictDeclaredAt),
      ),
    );
  const [a] = lock ? await q.for('update') : await q;
  if (!a) throw notFound('No such assignment');
  return a;
}

/** An expert's own assignments (without those it declared a conflict on). */
export async function myAssignments({ db }: Deps, caller: Caller) {
  const rows = await db
    .select({
      a: expertAssignments,
      d: declarations,
      county: divisions.name,
      s: expertScores,
      panelName: panels.name,
      phase: panels.phase,
    })
    .from(expertAssignments)
    .innerJoin(declarations, eq(declarations.id, expertAssignments.declarationId))
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .leftJoin(expertScores, eq(expertScores.assignmentId, expertAssignments.id))
    .leftJoin(panels, eq(panels.id, expertAssignments.panelId))
    .where(and(eq(expertAssignments.expertId, caller.id), isNull(expertAssignments.conflictDeclaredAt)))
    .orderBy(expertAssignments.assignedAt);
  const weightsByYear = new Map<number, number[]>();
  for (const year of new Set(rows.map((r) => r.d.campaignYear))) {
    weightsByYear.set(year, (await scoringRulesOf(db, year)).weights);
  }
  return rows.map((r) => ({
    assignmentId: r.a.id,
    declarationId: r.d.id,
    clusterName: r.d.clusterName,
    countyName: r.county,
    campaignYear: r.d.campaignYear,
    level: r.a.level,
    scored: Boolean(r.s),
    total: r.s ? Number(r.s.total) : null,
    scores: (r.s?.scores as number[] | undefined) ?? null,
    comment: r.s?.comment ?? null,
    weights: weightsByYear.get(r.d.campaignYear) ?? [...DEFAULT_WEIGHTS],
    panelId: r.a.panelId,
    panelName: r.panelName,
    phase: (r.phase as PanelPhase | null) ?? null,
    saveKind: r.phase ? scoreSaveKind(r.phase as PanelPhase, Boolean(r.s)) : ('free' as const),
    initialTotal: r.s?.initialTotal == null ? null : Number(r.s.initialTotal),
    revisionReason: r.s?.revisionReason ?? null,
  }));
}

/** Records (or revises) the expert's eight area scores; the weighted total follows the campaign's weights. */
export async function submitScore(
  { db }: Deps,
  caller: Caller,
  assignmentId: string,
  input: { scores: number[]; comment: string; revisionReason?: string | undefined },
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const a = await ownAssignment(tx, caller, assignmentId, true);
    const [d] = await tx
      .select({ year: declarations.campaignYear })
      .from(declarations)
      .where(eq(declarations.id, a.declarationId));
    const rules = await scoringRulesOf(tx, d!.year);
    const total = weightedTotal(input.scores, rules.weights);
    const [existing] = await tx
      .select()
      .from(expertScores)
      .where(eq(expertScores.assignmentId, assignmentId));
    const kind = a.panelId ? scoreSaveKind(await panelPhase(tx, a.panelId), Boolean(existing)) : 'free';
    if (kind === 'locked') throw new AppError('INVALID_TRANSITION', 'The panel’s scores are final');
    const reason = input.revisionReason?.trim() ?? '';
    if (kind === 'revision' && !reason) {
      throw new AppError('VALIDATION_FAILED', 'After the scores are revealed, a change needs a reason', [
        { path: 'revisionReason', message: 'required when revising after the reveal' },
      ]);
    }
    const revision =
      kind === 'revision' && existing
        ? {
            // The independent score is kept once, from before the first revision.
            initialScores: existing.initialScores ?? existing.scores,
            initialTotal: existing.initialTotal ?? existing.total,
            revisionReason: reason,
            revisedAt: sql`now()`,
          }
        : {};
    await tx
      .insert(expertScores)
      .values({ assignmentId, scores: input.scores, total, comment: input.comment })
      .onConflictDoUpdate({
        target: expertScores.assignmentId,
        set: { scores: input.scores, total, comment: input.comment, submittedAt: sql`now()`, ...revision },
      });
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: kind === 'revision' ? 'score.revised' : 'score.submitted',
      entityType: 'declaration',
      entityId: a.declarationId,
      ...(existing ? { before: { scores: existing.scores, total: Number(existing.total) } } : {}),
      after: { assignmentId, scores: input.scores, total, ...(kind === 'revision' ? { reason } : {}) },
    });
    return { assignmentId, scores: input.scores, total, comment: input.comment };
  });
}

async function panelPhase(db: Executor, panelId: string): Promise<PanelPhase> {
  const [p] = await db.select({ phase: panels.phase }).from(panels).where(eq(panels.id, panelId));
  return (p?.phase ?? 'final') as PanelPhase;
}

/**
 * The other experts' scores of the same declaration on the same panel, under neutral labels, once the panel
 * has revealed them (403 while scoring is independent).
 */
export async function peerScores(db: Executor, caller: Caller, assignmentId: string) {
  const a = await ownAssignment(db, caller, assignmentId);
  if (!a.panelId) throw notFound('Peer scores exist for ministry panels only');
  const [p] = await db.select().from(panels).where(eq(panels.id, a.panelId));
  const phase = p!.phase as PanelPhase;
  if (!othersVisible(phase)) throw forbidden('Scores stay hidden until the panel reveals them');
  const rules = await scoringRulesOf(db, p!.campaignYear);
  const peers = await db
    .select({ a: expertAssignments, s: expertScores })
    .from(expertAssignments)
    .leftJoin(expertScores, eq(expertScores.assignmentId, expertAssignments.id))
    .where(
      and(
        eq(expertAssignments.panelId, a.panelId),
        eq(expertAssignments.declarationId, a.declarationId),
        isNull(expertAssignments.conflictDeclaredAt),
      ),
    )
    .orderBy(expertAssignments.assignedAt, expertAssignments.id);
  const totals = peers.filter((x) => x.s).map((x) => Number(x.s!.total));
  return {
    assignmentId,
    phase,
    aggregation: rules.aggregation,
    peers: peers.map((x, i) => ({
      label: `专家${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`,
      mine: x.a.id === assignmentId,
      scores: (x.s?.scores as number[] | undefined) ?? null,
      total: x.s ? Number(x.s.total) : null,
      revised: Boolean(x.s?.revisedAt),
    })),
    aggregate: aggregateScores(totals, rules.aggregation),
  };
}

/** A declared conflict of interest ends the expert's access at once and excludes any score it gave. */
export async function declareConflict(
  { db }: Deps,
  caller: Caller,
  assignmentId: string,
  reason: string,
  info: RequestInfo,
) {
  await db.transaction(async (tx) => {
    const a = await ownAssignment(tx, caller, assignmentId, true);
    await tx
      .update(expertAssignments)
      .set({ conflictDeclaredAt: sql`now()`, conflictReason: reason })
      .where(eq(expertAssignments.id, a.id));
    // On a ministry panel another member takes the place (unless the scores are final).
    if (a.panelId) {
      const [panel] = await tx.select().from(panels).where(eq(panels.id, a.panelId)).for('update');
      if (panel && panel.phase !== 'final') await staffPanel(tx, panel, null);
    }
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'conflict.declared',
      entityType: 'declaration',
      entityId: a.declarationId,
      after: { assignmentId, reason },
    });
  });
}
