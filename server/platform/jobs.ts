/**
 * Background jobs on a `jobs` table of our own, the same on PGlite and PostgreSQL.
 *
 * Decision (instead of pg-boss 10, which is installed): what Jiqun needs is small — send a job, run it once
 * with retries and backoff, a few daily schedules, a short loop that delivers the mail outbox — and our
 * table gives it with FOR UPDATE SKIP LOCKED (a job runs in one process) and a unique singleton key (a daily
 * job is enqueued once, however many processes tick). pg-boss would add: a second schema migrated outside
 * our migrations; a cron evaluated on the database's clock, while reminders must follow the injectable
 * clock (`deps.clock`: demo and training installations and tests shift it); and on PGlite (one embedded
 * connection, every query blocking the event loop) its polling and maintenance compete with requests. One
 * code path, tested on both engines, was judged more reliable than two.
 */

import { sql } from 'drizzle-orm';
import { chinaDate } from '../../domain/workflow.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db.ts';
import type { Deps } from './deps.ts';
import { jobsRun, type QueueDepth } from './metrics.ts';
import { cleanupOrphans } from './orphans.ts';
import { type Executor, rows } from './sql.ts';

export type JobLog = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type Job = { id: number; name: string; data: Record<string, unknown>; attempts: number };
/** A job's work; what it returns (a count, a summary) is logged with its completion. */
export type JobHandler = (job: Job) => Promise<unknown>;

type Registered = {
  handler: JobHandler;
  maxAttempts: number;
  backoffSeconds: number;
  timeoutSeconds: number;
};

export type SendOptions = {
  /** With the same name, a second send with this key is ignored (returns null). */
  singletonKey?: string;
  /** Not before this many seconds from now. */
  delaySeconds?: number;
  maxAttempts?: number;
};

export type WorkOptions = {
  /** Runs in all (first run + retries); default 5. */
  maxAttempts?: number;
  /** First retry delay, doubling with each attempt; default 60 s. */
  backoffSeconds?: number;
  /** A run taking longer is presumed dead (its process crashed) and is taken up again; default 10 min. */
  timeoutSeconds?: number;
};

/** Enqueues a job (inside the caller's transaction when given one). Null: the singleton already exists. */
export async function sendJob(
  db: Executor,
  name: string,
  data: Record<string, unknown> = {},
  options: SendOptions = {},
): Promise<number | null> {
  const [row] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO jobs (name, data, singleton_key, max_attempts, run_after)
        VALUES (${name}, ${JSON.stringify(data)}::jsonb, ${options.singletonKey ?? null}, ${options.maxAttempts ?? 5},
                now() + make_interval(secs => ${options.delaySeconds ?? 0}))
        ON CONFLICT (name, singleton_key) DO NOTHING
        RETURNING id`,
  );
  return row ? Number(row.id) : null;
}

/** Queued outbox mails and pending/failed jobs, for /metrics. */
export async function queueDepth(db: Executor): Promise<QueueDepth> {
  const [r] = await rows<{ mail: number; pending: number; failed: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM mail_outbox WHERE status IN ('queued', 'sending')) AS mail,
               (SELECT count(*)::int FROM jobs WHERE state IN ('queued', 'active')) AS pending,
               (SELECT count(*)::int FROM jobs WHERE state = 'failed') AS failed`,
  );
  return {
    mailQueued: Number(r?.mail ?? 0),
    jobsPending: Number(r?.pending ?? 0),
    jobsFailed: Number(r?.failed ?? 0),
  };
}

/**
 * One process's worker: runs registered jobs, enqueues daily schedules when their hour comes on the
 * injectable clock (Beijing time) and runs short per-process loops. Start it in the server process; tests
 * drive it step by step (`tick`).
 */
export class JobRunner {
  private readonly handlers = new Map<string, Registered>();
  private readonly schedules: { name: string; hour: number }[] = [];
  private readonly loops: { name: string; everyMs: number; fn: () => Promise<void> }[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly enqueuedOn = new Map<string, string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: JobLog,
    private readonly pollMs = 5_000,
  ) {}

  /** Registers the handler of a job name. */
  work(name: string, handler: JobHandler, options: WorkOptions = {}): this {
    this.handlers.set(name, {
      handler,
      maxAttempts: options.maxAttempts ?? 5,
      backoffSeconds: options.backoffSeconds ?? 60,
      timeoutSeconds: options.timeoutSeconds ?? 600,
    });
    return this;
  }

  /** Enqueues `name` once per Beijing day, from `hour` o'clock on the server's clock. */
  daily(name: string, hour = 6): this {
    this.schedules.push({ name, hour });
    return this;
  }

  /**
   * Runs fn every `everyMs` in this process (no job rows): for work that claims its own rows safely,
   * like the mail outbox.
   */
  every(name: string, everyMs: number, fn: () => Promise<void>): this {
    this.loops.push({ name, everyMs, fn });
    return this;
  }

  send(name: string, data: Record<string, unknown> = {}, options: SendOptions = {}): Promise<number | null> {
    const registered = this.handlers.get(name);
    return sendJob(this.db, name, data, { maxAttempts: registered?.maxAttempts, ...options });
  }

  /** Enqueues the daily jobs due now (idempotent: the Beijing date is the singleton key). */
  async enqueueDue(): Promise<number> {
    const now = this.clock.now();
    const today = chinaDate(now);
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Shanghai',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(now),
    );
    let added = 0;
    for (const s of this.schedules) {
      // Once a day per process is enough to ask; the singleton key settles races between processes.
      if (hour < s.hour || this.enqueuedOn.get(s.name) === today) continue;
      if ((await this.send(s.name, { date: today }, { singletonKey: `daily:${today}` })) !== null) added++;
      this.enqueuedOn.set(s.name, today);
    }
    return added;
  }

  /** Claims and runs due jobs one at a time until none is left (or `limit` ran); returns how many ran. */
  async runDue(limit = 50): Promise<number> {
    const names = [...this.handlers.keys()];
    if (names.length === 0) return 0;
    let ran = 0;
    while (ran < limit) {
      const [job] = await rows<Job & { maxAttempts: number }>(
        this.db,
        sql`UPDATE jobs j SET state = 'active', attempts = j.attempts + 1, started_at = now(),
              locked_until = now() + make_interval(secs => j.timeout_seconds)
            WHERE j.id = (
              SELECT id FROM jobs
              WHERE name IN (${sql.join(
                names.map((n) => sql`${n}`),
                sql`, `,
              )})
                AND ((state = 'queued' AND run_after <= now()) OR (state = 'active' AND locked_until < now()))
              ORDER BY run_after, id
              LIMIT 1
              FOR UPDATE SKIP LOCKED)
            RETURNING j.id, j.name, j.data, j.attempts, j.max_attempts AS "maxAttempts"`,
      );
      if (!job) break;
      ran++;
      await this.runOne({ ...job, id: Number(job.id) });
    }
    return ran;
  }

  private async runOne(job: Job & { maxAttempts: number }): Promise<void> {
    const registered = this.handlers.get(job.name)!;
    const started = Date.now();
    try {
      const result = await registered.handler(job);
      await this.db.execute(
        sql`UPDATE jobs SET state = 'completed', locked_until = NULL, last_error = NULL, finished_at = now()
            WHERE id = ${job.id}`,
      );
      jobsRun.inc({ name: job.name, outcome: 'completed' });
      this.log.info({ job: job.name, id: job.id, ms: Date.now() - started, result }, 'job completed');
    } catch (err) {
      const final = job.attempts >= job.maxAttempts;
      const delay = Math.min(registered.backoffSeconds * 2 ** (job.attempts - 1), 6 * 3600);
      const message = String((err as Error)?.stack ?? err).slice(0, 2000);
      await this.db.execute(
        sql`UPDATE jobs SET state = ${final ? 'failed' : 'queued'}, locked_until = NULL, last_error = ${message},
              run_after = now() + make_interval(secs => ${delay}), finished_at = ${final ? sql`now()` : null}
            WHERE id = ${job.id}`,
      );
      jobsRun.inc({ name: job.name, outcome: final ? 'failed' : 'retry' });
      this.log.error(
        { job: job.name, id: job.id, attempts: job.attempts, final, err },
        final ? 'job failed for good' : 'job failed; will retry',
      );
    }
  }

  /** One round: enqueue what is due, then run it. */
  async tick(): Promise<number> {
    await this.enqueueDue();
    return this.runDue();
  }

  /** Starts polling and the loops. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const repeat = (what: string, everyMs: number, fn: () => Promise<unknown>, first: number) => {
      const run = () => {
        const p = fn()
          .catch((err) => this.log.error({ err, what }, 'background work failed'))
          .finally(() => {
            this.inFlight.delete(p);
            if (!this.stopped) this.timers.set(what, setTimeout(run, everyMs));
          });
        this.inFlight.add(p);
      };
      this.timers.set(what, setTimeout(run, first));
    };
    repeat('jobs', this.pollMs, () => this.tick(), 0);
    for (const loop of this.loops) repeat(loop.name, loop.everyMs, loop.fn, loop.everyMs);
  }

  /** Stops timers and waits for the work in progress (for a graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.all(this.inFlight);
  }
}

/** Removes finished jobs after 30 days (failed ones stay for inspection 90 days). */
export async function pruneJobs(db: Executor): Promise<void> {
  await db.execute(
    sql`DELETE FROM jobs WHERE (state = 'completed' AND finished_at < now() - interval '30 days')
          OR (state = 'failed' AND finished_at < now() - interval '90 days')`,
  );
}

/** The platform's own daily housekeeping: old job rows and stored files no record refers to. */
export function registerPlatformJobs(runner: JobRunner, deps: Pick<Deps, 'db' | 'storage'>): void {
  runner.work('jobs.prune', () => pruneJobs(deps.db), { maxAttempts: 3 }).daily('jobs.prune', 3);
  runner
    .work('storage.orphans', () => cleanupOrphans(deps), { maxAttempts: 3, timeoutSeconds: 3600 })
    .daily('storage.orphans', 4);
}
