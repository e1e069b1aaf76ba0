import { eq, sql } from 'drizzle-orm';
import { notificationPreferences, users } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/sql.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { KIND_KEYS, type NotificationKind } from './kinds.ts';

export type NotificationPreferences = { email: string | null; kinds: Record<NotificationKind, boolean> };

async function load(db: Executor, userId: string): Promise<NotificationPreferences> {
  const [u] = await db
    .select({ email: users.email, optOuts: notificationPreferences.emailOptOuts })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, userId));
  const off = new Set(u?.optOuts ?? []);
  return {
    email: u?.email || null,
    kinds: Object.fromEntries(KIND_KEYS.map((k) => [k, !off.has(k)])) as Record<NotificationKind, boolean>,
  };
}

/** The caller's e-mail address and which kinds of notification it receives by e-mail. */
export function getPreferences({ db }: Deps, caller: Caller): Promise<NotificationPreferences> {
  return load(db, caller.id);
}

/** Changes the caller's address (null: no e-mail at all) and/or kinds; kinds not sent stay as they were. */
export async function putPreferences(
  { db }: Deps,
  caller: Caller,
  input: {
    email?: string | null | undefined;
    kinds?: Partial<Record<NotificationKind, boolean | undefined>>;
  },
  info: RequestInfo,
): Promise<NotificationPreferences> {
  return db.transaction(async (tx) => {
    const before = await load(tx, caller.id);
    if (input.email !== undefined) {
      await tx
        .update(users)
        .set({ email: input.email, updatedAt: sql`now()` as unknown as Date })
        .where(eq(users.id, caller.id));
    }
    if (input.kinds) {
      const kinds = { ...before.kinds };
      for (const k of KIND_KEYS) {
        const v = input.kinds[k];
        if (v !== undefined) kinds[k] = v;
      }
      const optOuts = KIND_KEYS.filter((k) => !kinds[k]);
      await tx
        .insert(notificationPreferences)
        .values({ userId: caller.id, emailOptOuts: optOuts })
        .onConflictDoUpdate({
          target: notificationPreferences.userId,
          set: { emailOptOuts: optOuts, updatedAt: sql`now()` as unknown as Date },
        });
    }
    const after = await load(tx, caller.id);
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: 'user.notification_preferences_changed',
      entityType: 'user',
      entityId: caller.id,
      before,
      after,
    });
    return after;
  });
}
