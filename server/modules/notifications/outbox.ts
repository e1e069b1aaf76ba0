import { and, desc, eq, type SQL } from 'drizzle-orm';
import { mailOutbox } from '../../db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { mailMode, renderMail } from '../../platform/mail.ts';

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'captured', 'skipped'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

type Row = typeof mailOutbox.$inferSelect;

const present = (m: Row) => ({
  id: m.id,
  kind: m.kind,
  to: m.toAddress,
  subject: m.subject,
  status: m.status as MailStatus,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  finishedAt: m.finishedAt?.toISOString() ?? null,
});

/** The latest mails of the outbox, newest first: what was sent, captured, is waiting or failed. */
export async function listMail(
  { db, config }: Deps,
  query: { status?: MailStatus | undefined; to?: string | undefined; limit: number },
) {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(mailOutbox.status, query.status));
  if (query.to) conditions.push(eq(mailOutbox.toAddress, query.to));
  const found = await db
    .select()
    .from(mailOutbox)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(query.limit);
  return { mode: mailMode(config), items: found.map(present) };
}

/** One mail with its text as sent (or as it would be sent). */
export async function getMail({ db, config }: Deps, id: string) {
  const [m] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!m) throw notFound('No such mail');
  return { ...present(m), text: renderMail(m, config.publicUrl), link: m.link, messageId: m.messageId };
}
