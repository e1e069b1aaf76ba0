// Smoke test of the benchmarks (bench/): the synthetic data generator at a small scale and one scenario run
// end to end. It asserts what they produce, never how fast: timing is what `npm run bench` is for.
// Needs PostgreSQL (the generator creates its own database): BENCH_SMOKE_DATABASE_URL, else DATABASE_URL, else
// the local server at 127.0.0.1:5432; skipped with a note when none answers.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { generateBenchData } from '../bench/data.ts';
import { nationalBatch } from '../bench/scenarios/national-batch.ts';

const server = new URL(
  process.env.BENCH_SMOKE_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres',
);
// One database per process: several test runs may share the server.
server.pathname = `/jiqun_bench_smoke_${process.pid}`;
const url = server.toString();

async function reachable(): Promise<boolean> {
  const probe = new URL(url);
  probe.pathname = '/postgres';
  const client = new pg.Client({ connectionString: probe.toString(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('benchmarks (smoke)', async () => {
  const available = await reachable();
  const uploadDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-bench-smoke-'));
  after(async () => {
    await fs.rm(uploadDir, { recursive: true, force: true });
    if (!available) return;
    const admin = new URL(url);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "jiqun_bench_smoke_${process.pid}" WITH (FORCE)`);
    await client.end();
  });

  it('generates marked synthetic data deterministically and runs the national batch on it', {
    skip: !available && 'no PostgreSQL server',
  }, async () => {
    const options = { databaseUrl: url, uploadDir, countyLimit: 60, declarations: 80, clustersPerBatch: 5 };
    const first = await generateBenchData(options);
    assert.equal(first.counties, 60);
    assert.equal(first.declarations, 80);
    assert.equal(first.clusters, 20);
    assert.equal(first.users, 60 + 37 + 2);
    // Recommendations never exceed a unit's quota (the database's trigger would refuse them anyway).
    assert.ok(first.recommendations <= 37 * 8);

    const query = async (text: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text)).rows;
      } finally {
        await client.end();
      }
    };
    const names = await query(
      `SELECT cluster_name AS name FROM declarations UNION ALL SELECT name FROM clusters
       UNION ALL SELECT display_name FROM users`,
    );
    assert.ok(
      names.every((r) => String(r.name).includes('（合成）')),
      'every synthetic name is marked',
    );
    const files = await query('SELECT storage_key AS key, size FROM attachments');
    assert.ok(files.length > 0);
    for (const f of files.slice(0, 10)) {
      assert.equal((await fs.stat(path.join(uploadDir, String(f.key)))).size, Number(f.size));
    }
    const snapshot = await query('SELECT id, status, content FROM declarations ORDER BY id');

    // The same seed gives the same rows (the database is dropped and made again).
    const again = await generateBenchData(options);
    assert.deepEqual(again.byStatus, first.byStatus);
    assert.deepEqual(await query('SELECT id, status, content FROM declarations ORDER BY id'), snapshot);

    const lines: string[] = [];
    const result = await nationalBatch({
      databaseUrl: url,
      pglite: false,
      loadSeconds: 1,
      surgeCounties: 0,
      surgeSeconds: 0,
      largeUploadBytes: 0,
      log: (line) => lines.push(line),
    });
    // The ratio to the read, and the check + ranking alone on rows in memory.
    assert.equal(result.rows.length, 2);
    assert.equal(result.raw.rows, 80);
    // A time each (the batch's with what it adds to its read in brackets).
    for (const row of result.rows) assert.match(row.value, /^[\d.,]+ ms( \([+−][\d.,]+ ms\))?$/);
    assert.ok(lines.some((l) => l.includes('80 declarations')));
  });
});
