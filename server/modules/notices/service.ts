import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { NoticeAttachmentDto, NoticeDto } from '../../../domain/ministry-contract.ts';
import { noticeAttachments, notices, publicityPeriods, units } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { decodeCursor, type Executor, encodeCursor } from '../../platform/sql.ts';
import type { StoredFile } from '../../platform/uploads.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { findCampaign } from '../campaigns/repo.ts';

type NoticeRow = typeof notices.$inferSelect;
type AttachmentRow = typeof noticeAttachments.$inferSelect;

const presentAttachment = (a: AttachmentRow): NoticeAttachmentDto => ({
  id: a.id,
  filename: a.filename,
  size: Number(a.size),
  sha256: a.sha256,
  contentType: a.contentType,
});

/** Shapes notices with their attachments, authoring unit and the 公示 they announce. */
async function present(db: Executor, found: NoticeRow[]): Promise<NoticeDto[]> {
  if (found.length === 0) return [];
  const ids = found.map((n) => n.id);
  const files = await db
    .select()
    .from(noticeAttachments)
    .where(inArray(noticeAttachments.noticeId, ids))
    .orderBy(asc(noticeAttachments.createdAt));
  const periods = await db
    .select({ id: publicityPeriods.id, noticeId: publicityPeriods.noticeId })
    .from(publicityPeriods)
    .where(inArray(publicityPeriods.noticeId, ids));
  const unitCodes = [...new Set(found.map((n) => n.unitCode).filter((c): c is string => c !== null))];
  const unitNames = unitCodes.length
    ? await db
        .select({ code: units.code, name: units.name })
        .from(units)
        .where(inArray(units.code, unitCodes))
    : [];
  return found.map((n) => ({
    id: n.id,
    kind: n.kind as NoticeDto['kind'],
    campaignYear: n.campaignYear,
    noticeNo: n.noticeNo,
    title: n.title,
    titleEn: n.titleEn,
    unitCode: n.unitCode,
    unitName: unitNames.find((u) => u.code === n.unitCode)?.name ?? null,
    body: n.body,
    publishedOn: n.publishedOn,
    publicityId: periods.find((p) => p.noticeId === n.id)?.id ?? null,
    attachments: files.filter((f) => f.noticeId === n.id).map(presentAttachment),
  }));
}

export type NoticeInput = {
  kind: NoticeDto['kind'];
  campaignYear: number | null;
  noticeNo: string | null;
  title: string;
  titleEn?: string | null;
  body: string;
  publishedOn: string;
};

/** Inserts a notice inside the caller's transaction (publicity and identification publish one too). */
export async function insertNotice(
  tx: Executor,
  caller: Caller,
  input: NoticeInput,
  unitCode: string | null = null,
): Promise<NoticeRow> {
  const [row] = await tx
    .insert(notices)
    .values({ ...input, titleEn: input.titleEn ?? null, unitCode, createdBy: caller.id })
    .returning();
  return row!;
}

/** Units publish their own notices (e.g. their province's recommendation notice); the ministry the rest. */
const UNIT_KINDS: readonly NoticeDto['kind'][] = ['recommendation', 'other'];

/** The ministry, or a recommending unit for itself, publishes a notice on the public site. */
export async function createNotice(deps: Deps, caller: Caller, input: NoticeInput, info: RequestInfo) {
  if (caller.role === 'unit' && !UNIT_KINDS.includes(input.kind)) {
    throw forbidden('Units publish recommendation notices and other notices of their own');
  }
  if (input.campaignYear !== null && !(await findCampaign(deps.db, input.campaignYear))) {
    throw new AppError('VALIDATION_FAILED', 'No campaign for that year', [
      { path: 'campaignYear', message: 'unknown campaign' },
    ]);
  }
  const unitCode = caller.role === 'unit' ? (caller.unitCode ?? null) : null;
  return deps.db.transaction(async (tx) => {
    const row = await insertNotice(tx, caller, input, unitCode);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'notice.published',
      entityType: 'notice',
      entityId: row.id,
      after: {
        kind: row.kind,
        title: row.title,
        noticeNo: row.noticeNo,
        publishedOn: row.publishedOn,
        unitCode,
      },
    });
    return (await present(tx, [row]))[0]!;
  });
}

/** A notice the caller authored (the ministry: its own and generated ones; a unit: its unit's), or 404. */
async function ownNotice(db: Executor, caller: Caller, id: string): Promise<NoticeRow> {
  const [n] = await db.select().from(notices).where(eq(notices.id, id));
  const mine =
    n &&
    (caller.role === 'unit'
      ? n.unitCode !== null && n.unitCode === caller.unitCode
      : (caller.role === 'ministry' || caller.role === 'admin') && n.unitCode === null);
  if (!mine) throw notFound('No such notice');
  return n;
}

export async function assertCanAttach(db: Executor, caller: Caller, noticeId: string): Promise<void> {
  await ownNotice(db, caller, noticeId);
}

/** Records an attachment stored by the upload pipeline (inside its transaction's callback). */
export async function recordNoticeAttachment(
  deps: Deps,
  caller: Caller,
  noticeId: string,
  file: StoredFile,
  info: RequestInfo,
): Promise<NoticeAttachmentDto> {
  return deps.db.transaction(async (tx) => {
    await ownNotice(tx, caller, noticeId);
    const [a] = await tx
      .insert(noticeAttachments)
      .values({
        noticeId,
        filename: file.filename,
        storageKey: file.key,
        size: file.size,
        sha256: file.sha256,
        contentType: file.type.mime,
        createdBy: caller.id,
      })
      .returning();
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'notice.attachment_added',
      entityType: 'notice',
      entityId: noticeId,
      after: { attachmentId: a!.id, filename: a!.filename, sha256: a!.sha256 },
    });
    return presentAttachment(a!);
  });
}

export async function removeNoticeAttachment(
  deps: Deps,
  caller: Caller,
  noticeId: string,
  attachmentId: string,
  info: RequestInfo,
): Promise<void> {
  const key = await deps.db.transaction(async (tx) => {
    await ownNotice(tx, caller, noticeId);
    const [a] = await tx
      .delete(noticeAttachments)
      .where(and(eq(noticeAttachments.id, attachmentId), eq(noticeAttachments.noticeId, noticeId)))
      .returning();
    if (!a) throw notFound('No such attachment');
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'notice.attachment_removed',
      entityType: 'notice',
      entityId: noticeId,
      before: { attachmentId, filename: a.filename, sha256: a.sha256 },
    });
    return a.storageKey;
  });
  // After the commit; a crash here leaves a file the orphan cleanup removes.
  await deps.storage.remove(key).catch(() => undefined);
}

const visibleOn = (today: string): SQL => sql`${notices.publishedOn} <= ${today}`;

/** Published notices, newest first; notices dated in the future are not shown yet. */
export async function listPublicNotices(
  { db }: Deps,
  q: {
    limit: number;
    cursor?: string | undefined;
    kind?: NoticeDto['kind'] | undefined;
    unitCode?: string | undefined;
    today: string;
  },
) {
  const after = decodeCursor(q.cursor);
  const [publishedOn, id] = after ? after.split('|') : [];
  const visible = and(
    visibleOn(q.today),
    q.kind ? eq(notices.kind, q.kind) : undefined,
    q.unitCode === undefined
      ? undefined
      : q.unitCode === 'ministry'
        ? sql`${notices.unitCode} IS NULL`
        : eq(notices.unitCode, q.unitCode),
  );
  const page = await db
    .select()
    .from(notices)
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
  const items = await present(db, page.slice(0, q.limit));
  const last = items.at(-1);
  return {
    items,
    nextCursor: page.length > q.limit && last ? encodeCursor(`${last.publishedOn}|${last.id}`) : null,
    total: Number(total?.n ?? 0),
  };
}

export async function getPublicNotice({ db }: Deps, id: string, today: string): Promise<NoticeDto> {
  const [n] = await db
    .select()
    .from(notices)
    .where(and(eq(notices.id, id), visibleOn(today)));
  if (!n) throw notFound('No such notice');
  return (await present(db, [n]))[0]!;
}

/** An attachment of a published notice, for anyone. */
export async function openPublicAttachment(
  deps: Deps,
  noticeId: string,
  attachmentId: string,
  today: string,
) {
  const [a] = await deps.db
    .select({ a: noticeAttachments })
    .from(noticeAttachments)
    .innerJoin(notices, eq(notices.id, noticeAttachments.noticeId))
    .where(and(eq(noticeAttachments.id, attachmentId), eq(notices.id, noticeId), visibleOn(today)));
  if (!a) throw notFound('No such attachment');
  return { attachment: a.a, stream: deps.storage.open(a.a.storageKey) };
}
