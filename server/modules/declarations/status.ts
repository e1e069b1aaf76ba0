import { inArray, sql } from 'drizzle-orm';
import { type DeclarationStatus, STATUS_LABELS } from '../../../domain/workflow.ts';
import { declarationEvents, declarations } from '../../db/schema.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import { AppError } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';

/**
 * Moves declarations between ministry-stage statuses in one go (shortlist, 公示, identification), with one
 * history event each. Every id must be in one of `from`, locked for the transaction; otherwise nothing
 * moves and 409 INVALID_TRANSITION lists each offender.
 */
export async function moveDeclarations(
  tx: Executor,
  caller: Caller,
  ids: readonly string[],
  step: {
    from: readonly DeclarationStatus[];
    to: DeclarationStatus;
    action: string;
    comment?: string | null;
  },
): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: declarations.id, status: declarations.status, version: declarations.version })
    .from(declarations)
    .where(inArray(declarations.id, [...ids]))
    .for('update');
  const byId = new Map(found.map((d) => [d.id, d]));
  const details = ids.flatMap((id, i) => {
    const d = byId.get(id);
    if (!d) return [{ path: `declarationIds[${i}]`, message: 'no such declaration', messageZh: '无此申报' }];
    if (!step.from.includes(d.status as DeclarationStatus))
      return [
        {
          path: `declarationIds[${i}]`,
          message: `status ${d.status}, expected ${step.from.join(' or ')}`,
          messageZh: `当前状态为“${STATUS_LABELS[d.status as DeclarationStatus]?.zh ?? d.status}”，应为“${step.from.map((s) => STATUS_LABELS[s].zh).join('”或“')}”`,
          reason: 'wrong_status',
          status: d.status,
        },
      ];
    return [];
  });
  if (details.length)
    throw new AppError('INVALID_TRANSITION', `Cannot ${step.action} these declarations`, details);
  await tx
    .update(declarations)
    .set({ status: step.to, updatedAt: sql`now()`, updatedBy: caller.id })
    .where(inArray(declarations.id, [...ids]));
  await tx.insert(declarationEvents).values(
    ids.map((id) => ({
      declarationId: id,
      action: step.action,
      fromStatus: byId.get(id)!.status,
      toStatus: step.to,
      version: byId.get(id)!.version,
      actorId: caller.id,
      actorName: caller.username,
      comment: step.comment ?? null,
    })),
  );
}
