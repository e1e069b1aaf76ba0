import { sql } from 'drizzle-orm';
import type { Executor } from './sql.ts';
import { rows } from './sql.ts';

export type WindowState = { count: number; resetsAt: Date };

/** Counts one hit against a fixed window stored in the database, so every process shares the counter. */
export async function hitWindow(db: Executor, key: string, windowMinutes: number): Promise<WindowState> {
  const [r] = await rows<{ count: number; window_start: Date | string }>(
    db,
    sql`INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, now(), 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limits.window_start <= now() - make_interval(mins => ${windowMinutes}::int)
                       THEN 1 ELSE rate_limits.count + 1 END,
          window_start = CASE WHEN rate_limits.window_start <= now() - make_interval(mins => ${windowMinutes}::int)
                       THEN now() ELSE rate_limits.window_start END
        RETURNING count, window_start`,
  );
  return toState(r!, windowMinutes);
}

/** The current count of a window without counting a hit (0 once the window has passed). */
export async function peekWindow(db: Executor, key: string, windowMinutes: number): Promise<WindowState> {
  const [r] = await rows<{ count: number; window_start: Date | string }>(
    db,
    sql`SELECT count, window_start FROM rate_limits
        WHERE key = ${key} AND window_start > now() - make_interval(mins => ${windowMinutes}::int)`,
  );
  return r ? toState(r, windowMinutes) : { count: 0, resetsAt: new Date() };
}

export async function resetWindow(db: Executor, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}

function toState(r: { count: number; window_start: Date | string }, windowMinutes: number): WindowState {
  const start = new Date(r.window_start);
  return { count: Number(r.count), resetsAt: new Date(start.getTime() + windowMinutes * 60_000) };
}
