import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { NoticeDto } from '../../../domain/ministry-contract.ts';
import { notices, publicityPeriods } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, type Executor, encodeCursor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { findCampaign } from '../campaigns/repo.ts';

type NoticeRow = typeof notices.$inferSelect;

function present(n: NoticeRow, publicityId: string | null): NoticeDto {
  return {
    id: n.id,
    kind: n.kind as NoticeDto['kind'],
    campaignYear: n.campaignYear,
    noticeNo: n.noticeNo,
    title: n.title,
    body: n.body,
    publishedOn: n.publishedOn,
    publicityId,
  };
}

export type NoticeInput = {
  kind: NoticeDto['kind'];
  campaignYear: number | null;
  noticeNo: string | null;
  title: string;
  body: string;
  publishedOn: string;
};

/** Inserts a notice inside the caller's transaction (publicity and identification publish one too). */
export async function insertNotice(tx: Executor, caller: Caller, input: NoticeInput): Promise<NoticeRow> {
  const [row] = await tx
    .insert(notices)
    .values({ ...input, createdBy: caller.id })
    .returning();
  return row!;
}

/** The ministry publishes a notice (e.g. the year's recommendation notice) on the public site. */
export async function createNotice(deps: Deps, caller: Caller, input: NoticeInput, info: RequestInfo) {
  if (input.campaignYear !== null && !(await findCampaign(deps.db, input.campaignYear))) {
    throw new AppError('VALIDATION_FAILED', 'No campaign for that year', [
      { path: 'campaignYear', message: 'unknown campaign' },
    ]);
  }
  return deps.db.transaction(async (tx) => {
    const row = await insertNotice(tx, caller, input);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'notice.published',
      entityType: 'notice',
      entityId: row.id,
      after: { kind: row.kind, title: row.title, noticeNo: row.noticeNo, publishedOn: row.publishedOn },
    });
    return present(row, null);
  });
}

/** Published notices, newest first; notices dated in the future are not shown yet. */
export async function listPublicNotices(
  { db }: Deps,
  q: { limit: number; cursor?: string | undefined; kind?: NoticeDto['kind'] | undefined; today: string },
) {
  const after = decodeCursor(q.cursor);
  const [publishedOn, id] = after ? after.split('|') : [];
  const visible = and(
    sql`${notices.publishedOn} <= ${q.today}`,
    q.kind ? eq(notices.kind, q.kind) : undefined,
  );
  const page = await db
    .select({ n: notices, publicityId: publicityPeriods.id })
    .from(notices)
    .leftJoin(publicityPeriods, eq(publicityPeriods.noticeId, notices.id))
    .where(
      and(
        visible,
        publishedOn && id
          ? or(
              lt(notices.publishedOn, publishedOn),
              and(eq(notices.publishedOn, publishedOn), lt(notices.id, id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notices.publishedOn), desc(notices.id))
    .limit(q.limit + 1);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(notices).where(visible);
  const items = page.slice(0, q.limit).map((r) => present(r.n, r.publicityId));
  const last = items.at(-1);
  return {
    items,
    nextCursor: page.length > q.limit && last ? encodeCursor(`${last.publishedOn}|${last.id}`) : null,
    total: Number(total?.n ?? 0),
  };
}

export async function getPublicNotice({ db }: Deps, id: string, today: string): Promise<NoticeDto> {
  const [r] = await db
    .select({ n: notices, publicityId: publicityPeriods.id })
    .from(notices)
    .leftJoin(publicityPeriods, eq(publicityPeriods.noticeId, notices.id))
    .where(and(eq(notices.id, id), sql`${notices.publishedOn} <= ${today}`));
  if (!r) throw notFound('No such notice');
  return present(r.n, r.publicityId);
}
