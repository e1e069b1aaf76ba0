// Background jobs on the real database: run once, retries with backoff, singletons, daily schedules on the
// injectable clock, and — on PostgreSQL — two workers with their own connection pools sharing one queue
// (and one mail outbox): every job runs once, every mail is sent once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { freshDatabase, type TestDatabase } from '../test-support/database.ts';
import { Clock } from './clock.ts';
import { type Database, openDatabase } from './db.ts';
import { type Job, JobRunner, queueDepth, sendJob } from './jobs.ts';
import { deliverOutbox, type Mailer } from './mail.ts';
import { rows } from './sql.ts';

const silent = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let database: TestDatabase;
before(async () => {
  database = await freshDatabase();
});
after(async () => {
  await database?.drop();
});

const stateOf = async (id: number) =>
  (
    await rows<{ state: string; attempts: number; error: string | null }>(
      database.db,
      sql`SELECT state, attempts, last_error AS error FROM jobs WHERE id = ${id}`,
    )
  )[0];

describe('jobs', () => {
  it('run once, and are then completed', async () => {
    const runner = new JobRunner(database.db, new Clock(), silent);
    const seen: Job[] = [];
    runner.work('test.once', async (job) => {
      seen.push(job);
    });
    const id = await runner.send('test.once', { n: 1 });
    assert.ok(id);
    assert.equal(await runner.runDue(), 1);
    assert.equal(await runner.runDue(), 0);
    assert.deepEqual(
      seen.map((j) => j.data),
      [{ n: 1 }],
    );
    assert.equal((await stateOf(id))?.state, 'completed');
  });

  it('are retried with backoff after a failure, then failed for good', async () => {
    const runner = new JobRunner(database.db, new Clock(), silent);
    let calls = 0;
    runner.work(
      'test.flaky',
      async () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
      { maxAttempts: 3, backoffSeconds: 3600 },
    );
    const id = (await runner.send('test.flaky'))!;
    assert.equal(await runner.runDue(), 1);
    assert.deepEqual(
      { ...(await stateOf(id)), error: undefined },
      { state: 'queued', attempts: 1, error: undefined },
    );
    assert.match((await stateOf(id))?.error ?? '', /boom 1/);
    assert.equal(await runner.runDue(), 0, 'not before the backoff');
    for (let i = 0; i < 2; i++) {
      await database.db.execute(sql`UPDATE jobs SET run_after = now() WHERE id = ${id}`);
      assert.equal(await runner.runDue(), 1);
    }
    assert.equal(calls, 3);
    assert.equal((await stateOf(id))?.state, 'failed');
    assert.equal((await queueDepth(database.db)).jobsFailed, 1);
  });

  it('recovers a job whose worker died (its lock expired)', async () => {
    const runner = new JobRunner(database.db, new Clock(), silent);
    let ran = 0;
    runner.work('test.orphaned', async () => {
      ran++;
    });
    const id = (await runner.send('test.orphaned'))!;
    await database.db.execute(
      sql`UPDATE jobs SET state = 'active', attempts = 1, locked_until = now() - interval '1 second' WHERE id = ${id}`,
    );
    assert.equal(await runner.runDue(), 1);
    assert.equal(ran, 1);
    assert.deepEqual(
      { ...(await stateOf(id)), error: null },
      { state: 'completed', attempts: 2, error: null },
    );
  });

  it('with a singleton key are enqueued once', async () => {
    assert.ok(await sendJob(database.db, 'test.single', {}, { singletonKey: 'k' }));
    assert.equal(await sendJob(database.db, 'test.single', {}, { singletonKey: 'k' }), null);
    assert.ok(await sendJob(database.db, 'test.single', {}, { singletonKey: 'other' }));
  });

  it('scheduled daily are enqueued once per day of the server clock', async () => {
    const clock = new Clock();
    const runner = new JobRunner(database.db, clock, silent);
    const dates: unknown[] = [];
    runner.work('test.daily', async (job) => {
      dates.push(job.data.date);
    });
    runner.daily('test.daily', 0);
    assert.equal(await runner.tick(), 1);
    assert.equal(await runner.tick(), 0, 'same day: nothing more');
    clock.setOffsetDays(1);
    assert.equal(await runner.tick(), 1, 'the next day');
    assert.equal(dates.length, 2);
    assert.notEqual(dates[0], dates[1]);
    // A schedule whose hour has not come does not enqueue (hour 24 never comes).
    const late = new JobRunner(database.db, clock, silent).daily('test.never', 24);
    assert.equal(await late.enqueueDue(), 0);
  });

  it('start polling and stop gracefully, waiting for the job in progress', async () => {
    const runner = new JobRunner(database.db, new Clock(), silent, 20);
    let finished = false;
    runner.work('test.slow', async () => {
      await sleep(150);
      finished = true;
    });
    await runner.send('test.slow');
    runner.start();
    await sleep(60);
    await runner.stop();
    assert.equal(finished, true);
  });
});

describe('two workers on one PostgreSQL', {
  skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (PostgreSQL)',
}, () => {
  let other: Database;
  before(async () => {
    other = await openDatabase({ engine: 'postgres', url: database.url!, poolSize: 5 });
  });
  after(async () => {
    await other?.close();
  });

  it('run each job once', async () => {
    const runs = new Map<number, number>();
    const make = (db: Database) =>
      new JobRunner(db.db, new Clock(), silent).work('test.shared', async (job) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        await sleep(2);
      });
    const [a, b] = [make(database), make(other)];
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push((await sendJob(database.db, 'test.shared', { i }))!);
    const [ranA, ranB] = await Promise.all([a.runDue(100), b.runDue(100)]);
    assert.equal(ranA + ranB, 40);
    assert.ok(ranA > 0 && ranB > 0, `both worked (${ranA}, ${ranB})`);
    assert.deepEqual(
      ids.map((id) => runs.get(id)),
      ids.map(() => 1),
    );
  });

  it('enqueue a daily job once', async () => {
    const make = (db: Database) =>
      new JobRunner(db.db, new Clock(), silent).work('test.daily2', async () => {}).daily('test.daily2', 0);
    const results = await Promise.all([
      make(database).enqueueDue(),
      make(other).enqueueDue(),
      make(database).enqueueDue(),
      make(other).enqueueDue(),
    ]);
    assert.equal(
      results.reduce((x, y) => x + y, 0),
      1,
    );
  });

  it('send each mail of the outbox once', async () => {
    await database.db.execute(
      sql`INSERT INTO mail_outbox (kind, to_address, subject, body)
          SELECT 'test', 'u' || g || '@example.test', 'subject ' || g, 'body' FROM generate_series(1, 60) g`,
    );
    const sent: string[] = [];
    const mailer: Mailer = {
      mode: 'smtp',
      async send(m) {
        await sleep(1);
        sent.push(m.to);
        return { messageId: m.to };
      },
      close() {},
    };
    const drain = async (db: Database) => {
      let n = 0;
      for (;;) {
        const r = await deliverOutbox(db.db, mailer, { publicUrl: 'http://x', batch: 7 });
        if (r.sent === 0) return n;
        n += r.sent;
      }
    };
    const [na, nb] = await Promise.all([drain(database), drain(other)]);
    assert.equal(na + nb, 60);
    assert.equal(new Set(sent).size, 60);
    assert.equal(sent.length, 60);
  });
});
