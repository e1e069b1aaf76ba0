import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PanelDetailDto, PanelSummaryDto } from '../../../domain/ministry-contract.ts';
import {
  type DeclarationToStaff,
  distributeToPanels,
  nextPhase,
  type PanelExpert,
  type PanelPhase,
  staffDeclarations,
} from '../../../domain/panels.ts';
import { type Aggregation, aggregateScores, DEFAULT_WEIGHTS } from '../../../domain/scoring.ts';
import type { DeclarationStatus } from '../../../domain/workflow.ts';
import {
  declarations,
  divisions,
  expertAssignments,
  expertScores,
  panelDeclarations,
  panelMembers,
  panels,
  units,
  users,
} from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Executor, rows } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { findCampaign } from '../campaigns/repo.ts';
import { notifyExpertAssignments } from '../notifications/events.ts';

type PanelRow = typeof panels.$inferSelect;

export async function campaignOrNotFound(db: Executor, year: number) {
  const campaign = await findCampaign(db, year);
  if (!campaign) throw notFound('No campaign for that year');
  return campaign;
}

/** The campaign's scoring weights and stated aggregation. */
export async function scoringRulesOf(
  db: Executor,
  year: number,
): Promise<{ weights: number[]; aggregation: Aggregation }> {
  const campaign = await findCampaign(db, year);
  return {
    weights: campaign?.rules.scoringWeights ?? [...DEFAULT_WEIGHTS],
    aggregation: campaign?.rules.scoringAggregation ?? 'mean',
  };
}

async function panelOrNotFound(db: Executor, id: string, lock = false): Promise<PanelRow> {
  const q = db.select().from(panels).where(eq(panels.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('No such panel');
  return row;
}

async function activeExperts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName, unitCode: users.unitCode })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.role, 'expert'), eq(users.disabled, false)));
}

async function assertExperts(db: Executor, ids: readonly string[]) {
  const found = await activeExperts(db, ids);
  const unknown = [...new Set(ids)].filter((id) => !found.some((e) => e.id === id));
  if (unknown.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Every id must be an active expert account',
      unknown.map((id) => ({ path: 'expertIds', message: `not an active expert: ${id}` })),
    );
  }
  return found;
}

async function members(db: Executor, panelId: string): Promise<(PanelExpert & { displayName: string })[]> {
  return db
    .select({ id: users.id, displayName: users.displayName, unitCode: users.unitCode })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.expertId))
    .where(eq(panelMembers.panelId, panelId))
    .orderBy(asc(panelMembers.addedAt), asc(users.displayName));
}

/**
 * Fills the panel's declarations up to its experts-per-declaration from its members, balancing the load
 * over the campaign; own-unit experts and declared conflicts are never picked. Returns the shortfalls.
 */
/** `assignedBy`: the ministry official acting, or null for an automatic refill after a declared conflict. */
export async function staffPanel(tx: Executor, panel: PanelRow, assignedBy: string | null) {
  const pool = (await members(tx, panel.id)).filter((m) => m.id);
  const decls = await tx
    .select({ id: declarations.id, unitCode: declarations.unitCode })
    .from(panelDeclarations)
    .innerJoin(declarations, eq(declarations.id, panelDeclarations.declarationId))
    .where(eq(panelDeclarations.panelId, panel.id));
  const assignments = await tx
    .select()
    .from(expertAssignments)
    .where(eq(expertAssignments.panelId, panel.id));
  const toStaff: DeclarationToStaff[] = decls.map((d) => ({
    id: d.id,
    unitCode: d.unitCode,
    assigned: assignments
      .filter((a) => a.declarationId === d.id && !a.conflictDeclaredAt)
      .map((a) => a.expertId),
    excluded: assignments
      .filter((a) => a.declarationId === d.id && a.conflictDeclaredAt)
      .map((a) => a.expertId),
  }));
  const loads = await rows<{ expertId: string; n: number }>(
    tx,
    sql`SELECT ea.expert_id AS "expertId", count(*)::int AS n FROM expert_assignments ea
        JOIN panels p ON p.id = ea.panel_id
        WHERE p.campaign_year = ${panel.campaignYear} AND ea.conflict_declared_at IS NULL
        GROUP BY ea.expert_id`,
  );
  const load = new Map(loads.map((r) => [r.expertId, Number(r.n)]));
  const result = staffDeclarations(toStaff, pool, panel.expertsPerDeclaration, load);
  if (result.assignments.length) {
    await tx
      .insert(expertAssignments)
      .values(
        result.assignments.map((a) => ({
          declarationId: a.declarationId,
          expertId: a.expertId,
          level: 'ministry',
          panelId: panel.id,
          assignedBy,
        })),
      )
      .onConflictDoNothing();
    await notifyExpertAssignments(tx, result.assignments, 'ministry');
  }
  return result;
}

export async function listPanels(db: Executor, year: number): Promise<PanelSummaryDto[]> {
  await campaignOrNotFound(db, year);
  const rows = await db
    .select()
    .from(panels)
    .where(eq(panels.campaignYear, year))
    .orderBy(asc(panels.createdAt), asc(panels.name));
  const out: PanelSummaryDto[] = [];
  for (const p of rows) out.push(await panelSummary(db, p));
  return out;
}

async function panelSummary(db: Executor, p: PanelRow): Promise<PanelSummaryDto> {
  const [counts] = await rows<{ declarations: number; assignments: number; scored: number }>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM panel_declarations WHERE panel_id = ${p.id}) AS declarations,
          (SELECT count(*)::int FROM expert_assignments WHERE panel_id = ${p.id} AND conflict_declared_at IS NULL) AS assignments,
          (SELECT count(*)::int FROM expert_assignments ea JOIN expert_scores s ON s.assignment_id = ea.id
            WHERE ea.panel_id = ${p.id} AND ea.conflict_declared_at IS NULL) AS scored`,
  );
  return {
    id: p.id,
    campaignYear: p.campaignYear,
    name: p.name,
    phase: p.phase as PanelPhase,
    expertsPerDeclaration: p.expertsPerDeclaration,
    members: (await members(db, p.id)).map((m) => ({
      id: m.id,
      displayName: m.displayName,
      unitCode: m.unitCode,
    })),
    declarationCount: Number(counts?.declarations ?? 0),
    assignmentCount: Number(counts?.assignments ?? 0),
    scoredCount: Number(counts?.scored ?? 0),
    createdAt: p.createdAt.toISOString(),
  };
}

/** The panel with every declaration, every expert's raw scores and the stated aggregate. */
export async function panelDetail(db: Executor, id: string): Promise<PanelDetailDto> {
  const p = await panelOrNotFound(db, id);
  const rules = await scoringRulesOf(db, p.campaignYear);
  const decls = await db
    .select({
      pd: panelDeclarations,
      d: declarations,
      countyName: divisions.name,
      unitName: units.name,
    })
    .from(panelDeclarations)
    .innerJoin(declarations, eq(declarations.id, panelDeclarations.declarationId))
    .innerJoin(divisions, eq(divisions.code, declarations.divisionCode))
    .innerJoin(units, eq(units.code, declarations.unitCode))
    .where(eq(panelDeclarations.panelId, id))
    .orderBy(asc(units.sortOrder), asc(declarations.clusterName));
  const assignments = await db
    .select({ a: expertAssignments, s: expertScores, name: users.displayName, unitCode: users.unitCode })
    .from(expertAssignments)
    .innerJoin(users, eq(users.id, expertAssignments.expertId))
    .leftJoin(expertScores, eq(expertScores.assignmentId, expertAssignments.id))
    .where(eq(expertAssignments.panelId, id))
    .orderBy(asc(expertAssignments.assignedAt), asc(users.displayName));
  const summary = await panelSummary(db, p);
  const phase = p.phase as PanelPhase;
  return {
    ...summary,
    weights: rules.weights,
    aggregation: rules.aggregation,
    // The consensus comes after the reveal; a final panel changes nothing but its consensus.
    allowedActions:
      phase === 'final'
        ? ['consensus']
        : phase === 'revealed'
          ? ['edit', 'assign', 'advance_phase', 'consensus']
          : ['edit', 'assign', 'advance_phase'],
    declarations: decls.map(({ pd, d, countyName, unitName }) => {
      const mine = assignments.filter((a) => a.a.declarationId === d.id);
      const active = mine.filter((a) => !a.a.conflictDeclaredAt);
      const totals = active.filter((a) => a.s).map((a) => Number(a.s!.total));
      return {
        declarationId: d.id,
        clusterName: d.clusterName,
        status: d.status as DeclarationStatus,
        unitCode: d.unitCode,
        unitName,
        countyName,
        assignments: mine.map(({ a, s, name, unitCode }) => ({
          assignmentId: a.id,
          expert: { id: a.expertId, displayName: name, unitCode },
          status: a.conflictDeclaredAt
            ? ('conflict' as const)
            : s
              ? ('scored' as const)
              : ('pending' as const),
          conflictReason: a.conflictReason,
          scores: (s?.scores as number[] | undefined) ?? null,
          total: s ? Number(s.total) : null,
          initialTotal: s?.initialTotal == null ? null : Number(s.initialTotal),
          revisionReason: s?.revisionReason ?? null,
          comment: s?.comment ?? null,
        })),
        missingExperts: Math.max(0, p.expertsPerDeclaration - active.length),
        aggregate: aggregateScores(totals, rules.aggregation),
        consensusComment: pd.consensusComment,
      };
    }),
  };
}

export async function createPanel(
  { db }: Deps,
  caller: Caller,
  year: number,
  input: { name: string; expertIds: string[]; expertsPerDeclaration: number },
  info: RequestInfo,
) {
  await campaignOrNotFound(db, year);
  const experts = await assertExperts(db, input.expertIds);
  return db.transaction(async (tx) => {
    const [p] = await tx
      .insert(panels)
      .values({
        campaignYear: year,
        name: input.name,
        expertsPerDeclaration: input.expertsPerDeclaration,
        createdBy: caller.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!p) throw new AppError('CONFLICT', `A panel named “${input.name}” already exists in ${year}`);
    await tx.insert(panelMembers).values(experts.map((e) => ({ panelId: p.id, expertId: e.id })));
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'panel.created',
      entityType: 'panel',
      entityId: p.id,
      after: {
        year,
        name: p.name,
        expertIds: experts.map((e) => e.id),
        perDeclaration: p.expertsPerDeclaration,
      },
    });
    return panelDetail(tx, p.id);
  });
}

function assertNotFinal(p: PanelRow) {
  if (p.phase === 'final') throw new AppError('INVALID_TRANSITION', 'The panel’s scores are final');
}

/** Renames, changes the members (a member with scores stays) or the experts per declaration, then refills. */
export async function updatePanel(
  { db }: Deps,
  caller: Caller,
  id: string,
  input: {
    name?: string | undefined;
    expertIds?: string[] | undefined;
    expertsPerDeclaration?: number | undefined;
  },
  info: RequestInfo,
) {
  return db
    .transaction(async (tx) => {
      const p = await panelOrNotFound(tx, id, true);
      assertNotFinal(p);
      const before = await members(tx, id);
      if (input.name !== undefined || input.expertsPerDeclaration !== undefined) {
        await tx
          .update(panels)
          .set({
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.expertsPerDeclaration !== undefined
              ? { expertsPerDeclaration: input.expertsPerDeclaration }
              : {}),
          })
          .where(eq(panels.id, id));
      }
      if (input.expertIds) {
        const experts = await assertExperts(tx, input.expertIds);
        const removed = before.filter((m) => !input.expertIds!.includes(m.id)).map((m) => m.id);
        if (removed.length) {
          const scored = await tx
            .select({ expertId: expertAssignments.expertId })
            .from(expertAssignments)
            .innerJoin(expertScores, eq(expertScores.assignmentId, expertAssignments.id))
            .where(and(eq(expertAssignments.panelId, id), inArray(expertAssignments.expertId, removed)));
          if (scored.length) {
            throw new AppError(
              'CONFLICT',
              'Members who have scored cannot leave the panel',
              [...new Set(scored.map((s) => s.expertId))].map((e) => ({
                path: 'expertIds',
                message: `has scored: ${e}`,
              })),
            );
          }
          await tx
            .delete(expertAssignments)
            .where(and(eq(expertAssignments.panelId, id), inArray(expertAssignments.expertId, removed)));
          await tx
            .delete(panelMembers)
            .where(and(eq(panelMembers.panelId, id), inArray(panelMembers.expertId, removed)));
        }
        const added = experts.filter((e) => !before.some((m) => m.id === e.id));
        if (added.length)
          await tx.insert(panelMembers).values(added.map((e) => ({ panelId: id, expertId: e.id })));
      }
      const [updated] = await tx.select().from(panels).where(eq(panels.id, id));
      await staffPanel(tx, updated!, caller.id);
      await writeAudit(tx, actorFromCaller(caller, info), {
        action: 'panel.updated',
        entityType: 'panel',
        entityId: id,
        before: { name: p.name, perDeclaration: p.expertsPerDeclaration, expertIds: before.map((m) => m.id) },
        after: input,
      });
      return panelDetail(tx, id);
    })
    .catch((err: unknown) => {
      if (
        (err as { cause?: { code?: string } }).cause?.code === '23505' ||
        (err as { code?: string }).code === '23505'
      )
        throw new AppError('CONFLICT', 'Another panel of the campaign has that name');
      throw err;
    });
}

/** Puts recommended declarations of the panel's campaign on the panel and picks their experts. */
export async function addDeclarations(
  { db }: Deps,
  caller: Caller,
  panelId: string,
  ids: string[],
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const p = await panelOrNotFound(tx, panelId, true);
    assertNotFinal(p);
    const found = await tx
      .select({
        id: declarations.id,
        status: declarations.status,
        year: declarations.campaignYear,
        panelId: panelDeclarations.panelId,
      })
      .from(declarations)
      .leftJoin(panelDeclarations, eq(panelDeclarations.declarationId, declarations.id))
      .where(inArray(declarations.id, ids));
    const details = ids.flatMap((id, i) => {
      const d = found.find((f) => f.id === id);
      const path = `declarationIds[${i}]`;
      if (!d || d.year !== p.campaignYear) return [{ path, message: 'not a declaration of this campaign' }];
      if (d.panelId === panelId) return [];
      if (d.panelId) return [{ path, message: 'already on another panel' }];
      if (d.status !== 'recommended')
        return [{ path, message: `status ${d.status}: only recommended declarations` }];
      return [];
    });
    if (details.length)
      throw new AppError('INVALID_TRANSITION', 'Some declarations cannot go to this panel', details);
    await tx
      .insert(panelDeclarations)
      .values(ids.map((declarationId) => ({ declarationId, panelId })))
      .onConflictDoNothing();
    await staffPanel(tx, p, caller.id);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'panel.declarations_added',
      entityType: 'panel',
      entityId: panelId,
      after: { declarationIds: ids },
    });
    return panelDetail(tx, panelId);
  });
}

/** Takes a declaration off the panel while nobody has scored it there. */
export async function removeDeclaration(
  { db }: Deps,
  caller: Caller,
  panelId: string,
  declarationId: string,
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const p = await panelOrNotFound(tx, panelId, true);
    assertNotFinal(p);
    const [pd] = await tx
      .select()
      .from(panelDeclarations)
      .where(and(eq(panelDeclarations.panelId, panelId), eq(panelDeclarations.declarationId, declarationId)));
    if (!pd) throw notFound('The declaration is not on this panel');
    const [scored] = await tx
      .select({ id: expertAssignments.id })
      .from(expertAssignments)
      .innerJoin(expertScores, eq(expertScores.assignmentId, expertAssignments.id))
      .where(and(eq(expertAssignments.panelId, panelId), eq(expertAssignments.declarationId, declarationId)));
    if (scored) throw new AppError('CONFLICT', 'Experts have scored this declaration on the panel');
    await tx
      .delete(expertAssignments)
      .where(and(eq(expertAssignments.panelId, panelId), eq(expertAssignments.declarationId, declarationId)));
    await tx.delete(panelDeclarations).where(eq(panelDeclarations.declarationId, declarationId));
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'panel.declaration_removed',
      entityType: 'panel',
      entityId: panelId,
      after: { declarationId },
    });
    return panelDetail(tx, panelId);
  });
}

/** Assigns one more member to a declaration by hand; own-unit experts and declared conflicts are refused. */
export async function addExpert(
  { db }: Deps,
  caller: Caller,
  panelId: string,
  declarationId: string,
  expertId: string,
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const p = await panelOrNotFound(tx, panelId, true);
    assertNotFinal(p);
    const [d] = await tx
      .select({ unitCode: declarations.unitCode })
      .from(panelDeclarations)
      .innerJoin(declarations, eq(declarations.id, panelDeclarations.declarationId))
      .where(and(eq(panelDeclarations.panelId, panelId), eq(panelDeclarations.declarationId, declarationId)));
    if (!d) throw notFound('The declaration is not on this panel');
    const member = (await members(tx, panelId)).find((m) => m.id === expertId);
    if (!member)
      throw new AppError('VALIDATION_FAILED', 'Add the expert to the panel first', [
        { path: 'expertId', message: 'not a member of this panel' },
      ]);
    if (member.unitCode === d.unitCode)
      throw new AppError('CONFLICT', 'Experts never review declarations of their own unit', [
        { path: 'expertId', message: 'same unit as the declaration' },
      ]);
    const [existing] = await tx
      .select()
      .from(expertAssignments)
      .where(
        and(
          eq(expertAssignments.declarationId, declarationId),
          eq(expertAssignments.expertId, expertId),
          eq(expertAssignments.level, 'ministry'),
        ),
      );
    if (existing?.conflictDeclaredAt)
      throw new AppError('CONFLICT', 'The expert declared a conflict of interest on this declaration');
    if (existing) throw new AppError('CONFLICT', 'The expert is already assigned');
    await tx
      .insert(expertAssignments)
      .values({ declarationId, expertId, level: 'ministry', panelId, assignedBy: caller.id });
    await notifyExpertAssignments(tx, [{ expertId, declarationId }], 'ministry');
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'panel.expert_assigned',
      entityType: 'declaration',
      entityId: declarationId,
      after: { panelId, expertId },
    });
    return panelDetail(tx, panelId);
  });
}

/** Removes an assignment nobody has scored yet (a declared conflict stays on record). */
export async function removeAssignment(
  { db }: Deps,
  caller: Caller,
  panelId: string,
  assignmentId: string,
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const p = await panelOrNotFound(tx, panelId, true);
    assertNotFinal(p);
    const [a] = await tx
      .select({ a: expertAssignments, scored: expertScores.assignmentId })
      .from(expertAssignments)
      .leftJoin(expertScores, eq(expertScores.assignmentId, expertAssignments.id))
      .where(and(eq(expertAssignments.id, assignmentId), eq(expertAssignments.panelId, panelId)));
    if (!a) throw notFound('No such assignment on this panel');
    if (a.scored) throw new AppError('CONFLICT', 'The expert has scored; the score stays on record');
    if (a.a.conflictDeclaredAt) throw new AppError('CONFLICT', 'A declared conflict stays on record');
    await tx.delete(expertAssignments).where(eq(expertAssignments.id, assignmentId));
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'panel.expert_removed',
      entityType: 'declaration',
      entityId: a.a.declarationId,
      after: { panelId, expertId: a.a.expertId },
    });
    return panelDetail(tx, panelId);
  });
}

/**
 * Spreads every recommended declaration of the campaign that is on no panel over the open panels, then
 * staffs them. Declarations no panel can review (every member from their unit) are reported.
 */
export async function autoAssign({ db }: Deps, caller: Caller, year: number, info: RequestInfo) {
  await campaignOrNotFound(db, year);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727017011, ${year})`);
    const open = await tx
      .select()
      .from(panels)
      .where(and(eq(panels.campaignYear, year), sql`${panels.phase} <> 'final'`))
      .orderBy(asc(panels.createdAt))
      .for('update');
    if (open.length === 0) throw new AppError('INVALID_TRANSITION', 'Create a panel first (none is open)');
    const waiting = await tx
      .select({ id: declarations.id, unitCode: declarations.unitCode })
      .from(declarations)
      .leftJoin(panelDeclarations, eq(panelDeclarations.declarationId, declarations.id))
      .where(
        and(
          eq(declarations.campaignYear, year),
          eq(declarations.status, 'recommended'),
          isNull(panelDeclarations.panelId),
        ),
      )
      .orderBy(asc(declarations.unitCode), asc(declarations.clusterName));
    const forDistribution = [];
    for (const p of open) {
      const [n] = await rows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM panel_declarations WHERE panel_id = ${p.id}`,
      );
      forDistribution.push({
        id: p.id,
        members: await members(tx, p.id),
        declarations: Number(n?.n ?? 0),
        perDeclaration: p.expertsPerDeclaration,
      });
    }
    const placed = distributeToPanels(waiting, forDistribution);
    if (placed.size) {
      await tx
        .insert(panelDeclarations)
        .values([...placed].map(([declarationId, panelId]) => ({ declarationId, panelId })));
    }
    let newAssignments = 0;
    const shortfalls: { declarationId: string; missing: number }[] = [];
    for (const p of open) {
      const r = await staffPanel(tx, p, caller.id);
      newAssignments += r.assignments.length;
      shortfalls.push(...r.shortfalls);
    }
    const unassigned = waiting.filter((d) => !placed.has(d.id)).map((d) => d.id);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'panels.auto_assigned',
      entityType: 'campaign',
      entityId: String(year),
      after: { placed: Object.fromEntries(placed), newAssignments, unassigned },
    });
    return { assignedDeclarations: placed.size, newAssignments, shortfalls, unassigned };
  });
}

/**
 * Moves the panel one phase on. The reveal needs every declaration fully staffed and every assignment
 * scored (independent scores all in); final needs every assignment scored (refills after a conflict too).
 */
export async function advancePhase(
  { db }: Deps,
  caller: Caller,
  panelId: string,
  to: PanelPhase,
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const p = await panelOrNotFound(tx, panelId, true);
    const next = nextPhase(p.phase as PanelPhase);
    if (next !== to) {
      throw new AppError(
        'INVALID_TRANSITION',
        `The panel is in phase ${p.phase}; the next phase is ${next ?? 'none'}`,
      );
    }
    const detail = await panelDetail(tx, panelId);
    // Each blocker in English and Chinese, with a reason code and the names, so any client can word it.
    const details: {
      path: string;
      message: string;
      messageZh: string;
      reason: string;
      [k: string]: unknown;
    }[] = [];
    if (detail.declarations.length === 0)
      details.push({
        path: 'declarations',
        message: 'the panel has no declarations',
        messageZh: '评审组尚无申报',
        reason: 'empty_panel',
      });
    for (const d of detail.declarations) {
      if (to === 'revealed' && d.missingExperts > 0)
        details.push({
          path: d.declarationId,
          message: `${d.clusterName}: ${d.missingExperts} more expert(s) needed`,
          messageZh: `${d.clusterName}：还需${d.missingExperts}名专家`,
          reason: 'missing_experts',
          clusterName: d.clusterName,
          missing: d.missingExperts,
        });
      for (const a of d.assignments.filter((x) => x.status === 'pending'))
        details.push({
          path: d.declarationId,
          message: `${d.clusterName}: ${a.expert.displayName} has not scored`,
          messageZh: `${d.clusterName}：${a.expert.displayName}尚未评分`,
          reason: 'not_scored',
          clusterName: d.clusterName,
          expertName: a.expert.displayName,
        });
    }
    if (details.length)
      throw new AppError('INVALID_TRANSITION', `The panel cannot move to ${to} yet`, details);
    await tx.update(panels).set({ phase: to }).where(eq(panels.id, panelId));
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'panel.phase_changed',
      entityType: 'panel',
      entityId: panelId,
      before: { phase: p.phase },
      after: { phase: to },
    });
    return panelDetail(tx, panelId);
  });
}

/** Records the panel's agreed comment on a declaration (after the reveal). */
export async function setConsensus(
  { db }: Deps,
  caller: Caller,
  panelId: string,
  declarationId: string,
  comment: string,
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const p = await panelOrNotFound(tx, panelId, true);
    if (p.phase === 'scoring')
      throw new AppError('INVALID_TRANSITION', 'The consensus comes after the scores are revealed');
    const updated = await tx
      .update(panelDeclarations)
      .set({ consensusComment: comment, consensusBy: caller.id, consensusAt: sql`now()` })
      .where(and(eq(panelDeclarations.panelId, panelId), eq(panelDeclarations.declarationId, declarationId)))
      .returning({ id: panelDeclarations.declarationId });
    if (!updated.length) throw notFound('The declaration is not on this panel');
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'panel.consensus',
      entityType: 'declaration',
      entityId: declarationId,
      after: { panelId, comment },
    });
    return panelDetail(tx, panelId);
  });
}
