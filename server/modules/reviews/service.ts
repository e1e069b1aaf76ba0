import { eq, sql } from 'drizzle-orm';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import { automaticChecks, REVIEW_ITEMS, type ReviewItemKey } from '../../../domain/review.ts';
import { evaluateStandards } from '../../../domain/standards.ts';
import { preliminaryReviews } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { displayNameOf, findDeclaration, liveAttachments } from '../declarations/repo.ts';

export type ReviewInput = {
  checklist: Partial<Record<ReviewItemKey, { ok: boolean | null; note: string }>>;
  result: 'pass' | 'fail' | null;
  notes: string;
};

async function present(
  db: Executor,
  declarationId: string,
  content: DeclarationContent,
  standardsVersion: string,
) {
  const [row] = await db
    .select()
    .from(preliminaryReviews)
    .where(eq(preliminaryReviews.declarationId, declarationId));
  const files = await liveAttachments(db, declarationId);
  const auto = automaticChecks(
    content,
    files.map((f) => f.category),
    evaluateStandards(content, standardsVersion),
  );
  const saved = (row?.checklist ?? {}) as ReviewInput['checklist'];
  return {
    declarationId,
    items: REVIEW_ITEMS.map((item) => ({
      key: item.key,
      zh: item.zh,
      en: item.en,
      auto: auto[item.key] ?? null,
      ok: saved[item.key]?.ok ?? null,
      note: saved[item.key]?.note ?? '',
    })),
    result: (row?.result ?? null) as 'pass' | 'fail' | null,
    notes: row?.notes ?? '',
    version: row?.version ?? 0,
    reviewedAt: row?.reviewedAt.toISOString() ?? null,
    reviewedBy: row?.reviewedBy
      ? { id: row.reviewedBy, displayName: (await displayNameOf(db, row.reviewedBy)) ?? '' }
      : null,
  };
}

/** The preliminary review of a declaration: the unit's checklist with the automatic checks beside it. */
export async function getReview({ db }: Deps, caller: Caller, id: string) {
  const d = await findDeclaration(db, caller, id);
  if (caller.role === 'county') throw forbidden('The preliminary review is the unit’s working record');
  return present(db, d.id, d.content as DeclarationContent, d.standardsVersion);
}

/** Records the unit's review (who and when), with If-Match on its version so two reviewers don't overwrite. */
export async function saveReview(
  { db }: Deps,
  caller: Caller,
  id: string,
  input: ReviewInput,
  expectedVersion: number,
  info: RequestInfo,
) {
  return db.transaction(async (tx) => {
    const d = await findDeclaration(tx, caller, id, true);
    if (caller.role !== 'unit') throw forbidden('Only the recommending unit reviews');
    const current = await present(tx, d.id, d.content as DeclarationContent, d.standardsVersion);
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_CONFLICT', 'Someone else saved this review meanwhile', [
        { message: 'stale version', currentVersion: current.version, current },
      ]);
    }
    await tx
      .insert(preliminaryReviews)
      .values({
        declarationId: d.id,
        checklist: input.checklist,
        result: input.result,
        notes: input.notes,
        reviewedBy: caller.id,
      })
      .onConflictDoUpdate({
        target: preliminaryReviews.declarationId,
        set: {
          checklist: input.checklist,
          result: input.result,
          notes: input.notes,
          reviewedBy: caller.id,
          reviewedAt: sql`now()`,
          version: sql`${preliminaryReviews.version} + 1`,
        },
      });
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'review.saved',
      entityType: 'declaration',
      entityId: d.id,
      before: { result: current.result, version: current.version },
      after: { result: input.result, checklist: input.checklist, notes: input.notes },
    });
    return present(tx, d.id, d.content as DeclarationContent, d.standardsVersion);
  });
}
