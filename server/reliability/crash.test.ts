// Crash survival: the real server as a child process takes 100 uploads and submissions at once and is
// killed with SIGKILL in the middle; after a restart every acknowledged write is there, nothing is half
// written (a submitted declaration without its snapshot, a record without its file), the audit chain still
// verifies, and the orphan cleanup (cleanupOrphans) leaves exactly the files records refer to. On PGlite (the embedded
// database in the data directory) and on PostgreSQL (a fresh database of the test run).
// JIQUN_CRASH_CYCLES sets how many kill -9 cycles run (default 2).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EVIDENCE_CATEGORIES } from '../../domain/declaration-form.ts';
import { sampleContent } from '../db/seed/sample-content.ts';
import { type Database, openDatabase } from '../platform/db.ts';
import { cleanupOrphans } from '../platform/orphans.ts';
import type { Storage } from '../platform/storage.ts';
import { LocalStorage } from '../platform/storage.ts';
import { call, login, openCampaign, type Session } from '../test-support/app.ts';
import { freshDatabase, pgliteTemplate, TEST_ENGINE, type TestDatabase } from '../test-support/database.ts';
import { tinyPdf, upload } from '../test-support/files.ts';
import { type ChildServer, childServer } from './child-server.ts';
import { filesUnder, report } from './support.ts';

const YEAR = 2089;
const OPERATIONS = 100;
const CYCLES = Math.max(1, Number(process.env.JIQUN_CRASH_CYCLES) || 2);
const REQUIRED = EVIDENCE_CATEGORIES.filter((c) => c.required);

let dataDir: string;
let uploadDir: string;
let server: ChildServer;
let pgDatabase: TestDatabase | null = null;

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-crash-'));
  uploadDir = path.join(dataDir, 'uploads');
  // One county uploads hundreds of files here: well beyond a person's hourly upload limit.
  const env: Record<string, string> = {
    JIQUN_DATA_DIR: dataDir,
    JIQUN_DEMO: '1',
    JIQUN_UPLOADS_PER_HOUR: '100000',
  };
  if (TEST_ENGINE === 'postgres') {
    pgDatabase = await freshDatabase();
    env.DATABASE_URL = pgDatabase.url!;
  } else {
    // Seeded from the test template, so the first start does not spend half a minute loading reference data.
    const seeded = await openDatabase({
      engine: 'pglite',
      dataDir: path.join(dataDir, 'db'),
      loadDataDir: await pgliteTemplate(),
    });
    await seeded.close();
  }
  server = await childServer(env);
  await server.start();
  const ministry = await login(server.url, 'ministry');
  const c = await call(server.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR));
  assert.equal(c.status, 201, JSON.stringify(c.body));
});

after(async () => {
  await server?.stop();
  await pgDatabase?.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** The database the child uses, opened by the test while the child is stopped (PGlite allows one process). */
async function withDatabase<T>(use: (db: Database) => Promise<T>): Promise<T> {
  if (pgDatabase) return use(pgDatabase);
  const db = await openDatabase({ engine: 'pglite', dataDir: path.join(dataDir, 'db') });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

type Ack =
  | { kind: 'upload'; declarationId: string; id: string; sha256: string }
  | { kind: 'submit'; id: string };

async function prepare(county: Session) {
  const create = async (body: Record<string, unknown>) => {
    const d = await call(server.url, county, 'POST', '/api/v1/declarations', { campaignYear: YEAR, ...body });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    return d.body.id as string;
  };
  const ready = await Promise.all(
    Array.from({ length: 10 }, async () => {
      const id = await create(sampleContent(YEAR));
      for (const c of REQUIRED) {
        const r = await upload(server.url, county, id, { name: `${c.key}.pdf`, data: tinyPdf(c.key) }, c.key);
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      return id;
    }),
  );
  const drafts = await Promise.all([1, 2, 3].map(() => create({})));
  return { ready, drafts };
}

/** Fires the operations six at a time and kills the server once half of them were acknowledged. */
async function crashRun(county: Session, ready: string[], drafts: string[], cycle: number): Promise<Ack[]> {
  const ops: (() => Promise<Ack | null>)[] = [];
  for (const id of ready) {
    ops.push(async () => {
      const r = await call(server.url, county, 'POST', `/api/v1/declarations/${id}/actions/submit`, {});
      return r.status === 200 ? { kind: 'submit', id } : null;
    });
  }
  for (let i = ops.length; i < OPERATIONS; i++) {
    const declarationId = drafts[i % drafts.length]!;
    const data = tinyPdf(`cycle ${cycle} upload ${i} ${'x'.repeat(i * 997)}`);
    ops.push(async () => {
      const r = await upload(server.url, county, declarationId, { name: `crash-${i}.pdf`, data }, 'other');
      return r.status === 201
        ? { kind: 'upload', declarationId, id: String(r.body.id), sha256: String(r.body.sha256) }
        : null;
    });
  }
  ops.sort(() => Math.random() - 0.5);
  const acks: Ack[] = [];
  let killed: Promise<void> | null = null;
  let next = 0;
  const worker = async () => {
    while (next < ops.length) {
      const op = ops[next++]!;
      try {
        const ack = await op();
        if (ack && !killed) acks.push(ack);
        else if (ack) acks.push(ack); // answered before the socket died: acknowledged all the same
      } catch {
        // cut off by the kill: not acknowledged
      }
      if (!killed && acks.length >= OPERATIONS / 2) killed = server.kill9();
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  await (killed ?? server.kill9());
  return acks;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe(`crash survival (${TEST_ENGINE})`, () => {
  it(`keeps every acknowledged write and no half records through ${CYCLES} kill -9 cycles`, async () => {
    let acknowledged = 0;
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const county = await login(server.url, 'county-330281');
      const { ready, drafts } = await prepare(county);
      const acks = await crashRun(county, ready, drafts, cycle);
      assert.ok(acks.length >= OPERATIONS / 2, `only ${acks.length} acknowledged before the kill`);
      acknowledged += acks.length;

      await server.start();
      const after = await login(server.url, 'county-330281');
      for (const ack of acks) {
        if (ack.kind === 'submit') {
          const d = await call(server.url, after, 'GET', `/api/v1/declarations/${ack.id}`);
          assert.equal(d.body.status, 'submitted', `acknowledged submit of ${ack.id} lost`);
          const v = await call(
            server.url,
            after,
            'GET',
            `/api/v1/declarations/${ack.id}/versions/${d.body.submittedVersion}`,
          );
          assert.equal(v.status, 200, `snapshot of ${ack.id}`);
        } else {
          const res = await fetch(
            `${server.url}/api/v1/declarations/${ack.declarationId}/attachments/${ack.id}`,
            {
              headers: { cookie: after.cookie },
            },
          );
          assert.equal(res.status, 200, `acknowledged upload ${ack.id} lost`);
          assert.equal(sha256(Buffer.from(await res.arrayBuffer())), ack.sha256, `upload ${ack.id} altered`);
        }
      }
      const admin = await login(server.url, 'admin');
      const verify = await call(server.url, admin, 'GET', '/api/v1/audit/verify');
      assert.deepEqual(verify.body.ok, true, `audit chain after the crash: ${JSON.stringify(verify.body)}`);
    }

    // The database is checked and the orphan cleanup run with the server stopped (PGlite is one process).
    await server.stop();
    const outcome = await withDatabase(async (db) => {
      const half = await db.raw.query<{ id: string }>(
        `SELECT d.id FROM declarations d
           WHERE d.status = 'submitted' AND (d.submitted_version IS NULL OR NOT EXISTS (
             SELECT 1 FROM declaration_versions v WHERE v.declaration_id = d.id AND v.version = d.submitted_version))`,
      );
      assert.deepEqual(half, [], 'submitted declarations without their snapshot');
      const missing: string[] = [];
      for (const { storage_key } of await db.raw.query<{ storage_key: string }>(
        'SELECT storage_key FROM attachments WHERE deleted_at IS NULL',
      )) {
        if (!(await exists(path.join(uploadDir, storage_key)))) missing.push(storage_key);
      }
      assert.deepEqual(missing, [], 'attachment records whose file is gone');
      const cleaned = await cleanup(db, new LocalStorage(uploadDir));
      const referenced = new Set(
        (
          await db.raw.query<{ k: string }>(
            `SELECT storage_key AS k FROM attachments UNION SELECT storage_key FROM inspection_files
               UNION SELECT evidence_key FROM objections WHERE evidence_key IS NOT NULL`,
          )
        ).map((r) => path.join(uploadDir, r.k)),
      );
      const stray = (await filesUnder(uploadDir)).filter((f) => !referenced.has(f));
      assert.deepEqual(stray, [], 'files no record refers to, after the cleanup');
      return cleaned;
    });
    report(
      `crash survival (${TEST_ENGINE}): ${CYCLES} kill -9 cycles × ${OPERATIONS} uploads and submissions, ` +
        `${acknowledged} acknowledged writes all present, 0 half records, ${outcome.removed} orphan files ` +
        `removed by ${outcome.source}`,
    );
  });
});

const exists = (p: string) =>
  fs.access(p).then(
    () => true,
    () => false,
  );

/** The daily orphan cleanup (server/platform/orphans.ts), with no grace period: the server is stopped. */
async function cleanup(db: Database, storage: Storage): Promise<{ removed: number; source: string }> {
  const r = await cleanupOrphans({ db: db.db, storage }, { olderThanMinutes: 0 });
  return { removed: r.removed + r.tmpRemoved, source: 'cleanupOrphans' };
}
