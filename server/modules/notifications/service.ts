import { randomUUID } from 'node:crypto';
import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { NotificationDto } from '../../../domain/ministry-contract.ts';
import { mailOutbox, notificationReads, notifications } from '../../db/schema.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { type Executor, rows } from '../../platform/sql.ts';
import { composeMail } from './kinds.ts';

export type NotificationInput = {
  /** Exactly one addressee: a user, every account of a unit, or every account of a county. */
  to: { userId: string } | { unitCode: string } | { divisionCode: string };
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
};

/**
 * Queues in-app notifications inside the caller's transaction (they exist only if the change commits), and
 * with each one an e-mail to every addressed user who has an address and has not turned that kind off.
 * The mails wait in the outbox; the delivery job sends them after the commit, outside the request.
 */
export async function notify(tx: Executor, items: readonly NotificationInput[]): Promise<void> {
  if (items.length === 0) return;
  const withIds = items.map((n) => ({ ...n, id: randomUUID() }));
  await tx.insert(notifications).values(
    withIds.map((n) => ({
      id: n.id,
      userId: 'userId' in n.to ? n.to.userId : null,
      unitCode: 'unitCode' in n.to ? n.to.unitCode : null,
      divisionCode: 'divisionCode' in n.to ? n.to.divisionCode : null,
      kind: n.kind,
      title: n.title,
      body: n.body ?? '',
      link: n.link ?? null,
    })),
  );
  const recipients = await emailRecipients(tx, withIds);
  if (recipients.length === 0) return;
  await tx.insert(mailOutbox).values(
    recipients.map((r) => {
      const n = withIds[r.idx]!;
      return {
        notificationId: n.id,
        userId: r.userId,
        kind: n.kind,
        toAddress: r.email,
        ...composeMail(n),
        link: n.link ?? null,
      };
    }),
  );
}

/**
 * Who gets each item by e-mail: the same accounts the inbox shows it to (a unit's notifications reach its
 * unit accounts, a county's its county accounts), active, with an address, not opted out of the kind.
 */
async function emailRecipients(
  tx: Executor,
  items: readonly (NotificationInput & { id: string })[],
): Promise<{ idx: number; userId: string; email: string }[]> {
  const values = sql.join(
    items.map(
      (n, i) =>
        sql`(${i}::int, ${'userId' in n.to ? n.to.userId : null}::uuid, ${'unitCode' in n.to ? n.to.unitCode : null}::text,
             ${'divisionCode' in n.to ? n.to.divisionCode : null}::text, ${n.kind}::text)`,
    ),
    sql`, `,
  );
  return rows(
    tx,
    sql`SELECT x.idx, u.id AS "userId", u.email
        FROM (VALUES ${values}) AS x (idx, user_id, unit_code, division_code, kind)
        JOIN users u ON NOT u.disabled AND coalesce(u.email, '') <> '' AND (
          u.id = x.user_id
          OR (u.role = 'unit' AND u.unit_code = x.unit_code)
          OR (u.role = 'county' AND u.division_code = x.division_code))
        WHERE NOT EXISTS (SELECT 1 FROM notification_preferences p
                          WHERE p.user_id = u.id AND x.kind = ANY (p.email_opt_outs))
        ORDER BY x.idx, u.username`,
  );
}

/** Notifications addressed to the caller, its unit (unit accounts) or its county (county accounts). */
function addressedTo(caller: Caller): SQL {
  const mine: SQL[] = [eq(notifications.userId, caller.id)];
  if (caller.role === 'unit' && caller.unitCode) mine.push(eq(notifications.unitCode, caller.unitCode));
  if (caller.role === 'county' && caller.divisionCode)
    mine.push(eq(notifications.divisionCode, caller.divisionCode));
  return or(...mine)!;
}

export async function listNotifications(
  { db }: Deps,
  caller: Caller,
): Promise<{ items: NotificationDto[]; unread: number }> {
  const found = await db
    .select({ n: notifications, readAt: notificationReads.readAt })
    .from(notifications)
    .leftJoin(
      notificationReads,
      and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, caller.id)),
    )
    .where(addressedTo(caller))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(100);
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        addressedTo(caller),
        sql`NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = ${notifications.id} AND r.user_id = ${caller.id})`,
      ),
    );
  return {
    items: found.map(({ n, readAt }) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      read: readAt !== null,
    })),
    unread: Number(unread?.n ?? 0),
  };
}

/** Marks one notification read for the caller; someone else's is 404. */
export async function markRead({ db }: Deps, caller: Caller, id: string): Promise<void> {
  const [n] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), addressedTo(caller)));
  if (!n) throw notFound('No such notification');
  await db.insert(notificationReads).values({ notificationId: id, userId: caller.id }).onConflictDoNothing();
}

/** Marks everything addressed to the caller read. */
export async function markAllRead({ db }: Deps, caller: Caller): Promise<void> {
  await db.execute(
    sql`INSERT INTO notification_reads (notification_id, user_id)
        SELECT id, ${caller.id} FROM notifications WHERE ${addressedTo(caller)}
        ON CONFLICT DO NOTHING`,
  );
}
