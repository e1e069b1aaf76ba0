import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { migrate } from '../db/migrate.ts';
import { seedDemoCampaign, seedDemoDeclarations } from '../db/seed/demo-declarations.ts';
import { freshDatabase, type TestDatabase } from '../test-support/database.ts';
import { authPlugin } from './auth/plugin.ts';
import { openDatabase } from './db.ts';
import { prepareDatabase } from './startup.ts';
import { LocalStorage } from './storage.ts';

let db: TestDatabase;
before(async () => {
  db = await freshDatabase();
});
after(() => db.drop());

const count = async (sql: string) => Number((await db.raw.query<{ n: number }>(sql))[0]?.n);

describe('start-up preparation', () => {
  it('is idempotent: a second start changes nothing', async () => {
    const users = await count('SELECT count(*)::int AS n FROM users');
    const divisions = await count('SELECT count(*)::int AS n FROM divisions');
    await prepareDatabase(db, { demo: true });
    assert.equal(await count('SELECT count(*)::int AS n FROM users'), users);
    assert.equal(await count('SELECT count(*)::int AS n FROM divisions'), divisions);
    assert.equal(divisions, 3348);
  });
  it('creates one demo account per county and unit, plus ministry, admin and 30 experts', async () => {
    assert.equal(await count("SELECT count(*)::int AS n FROM users WHERE is_demo AND role = 'unit'"), 37);
    // The demo campaign's city tier (四川): one account per city, e.g. city-5101 for 成都.
    assert.equal(
      await count("SELECT count(*)::int AS n FROM users WHERE is_demo AND role = 'city'"),
      await count(
        "SELECT count(*)::int AS n FROM divisions WHERE level = 'prefecture' AND unit_code = '510000'",
      ),
    );
    assert.equal(
      await count(
        "SELECT count(*)::int AS n FROM users WHERE username = 'city-5101' AND division_code = '510100' AND unit_code = '510000'",
      ),
      1,
    );
    assert.equal(
      await count("SELECT count(*)::int AS n FROM users WHERE is_demo AND role = 'county'"),
      await count("SELECT count(*)::int AS n FROM divisions WHERE level = 'county'"),
    );
    assert.equal(await count("SELECT count(*)::int AS n FROM users WHERE is_demo AND role = 'expert'"), 30);
    // Hashed once: every demo account shares one argon2id hash.
    assert.equal(await count('SELECT count(DISTINCT password_hash)::int AS n FROM users WHERE is_demo'), 1);
    const [hash] = await db.raw.query<{ password_hash: string }>('SELECT password_hash FROM users LIMIT 1');
    assert.match(hash!.password_hash, /^\$argon2id\$/);
  });
  it('removes every demo account when started outside demo mode, keeping real ones', async () => {
    await db.raw.query(
      "INSERT INTO users (username, display_name, role, password_hash) VALUES ('real-admin', 'Real', 'admin', 'x')",
    );
    await prepareDatabase(db, { demo: false });
    assert.equal(await count('SELECT count(*)::int AS n FROM users WHERE is_demo'), 0);
    assert.equal(await count("SELECT count(*)::int AS n FROM users WHERE username = 'real-admin'"), 1);
  });
  it('refuses to start when an applied migration was edited', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-mig-'));
    await fs.writeFile(path.join(dir, '0001_x.sql'), 'CREATE TABLE mig_probe (id int);');
    assert.deepEqual(await migrate(db, dir), ['0001_x.sql']);
    assert.deepEqual(await migrate(db, dir), []);
    await fs.writeFile(path.join(dir, '0001_x.sql'), 'CREATE TABLE mig_probe (id bigint);');
    await assert.rejects(migrate(db, dir), /0001_x\.sql was changed/);
    await fs.rm(dir, { recursive: true });
  });
  it('rolls back a failing migration completely', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-mig-'));
    await fs.writeFile(
      path.join(dir, '0001_bad.sql'),
      'CREATE TABLE half_done (id int); SELECT no_such_function();',
    );
    await assert.rejects(migrate(db, dir));
    assert.equal(await count("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'"), 0);
    assert.equal(
      await count("SELECT count(*)::int AS n FROM schema_migrations WHERE name = '0001_bad.sql'"),
      0,
    );
    await fs.rm(dir, { recursive: true });
  });
});

describe('demo campaign and sample declarations', () => {
  it('opens a demo campaign for the current year and moves its deadlines forward once they pass', async () => {
    const year = await seedDemoCampaign(db.db, new Date('2026-11-29T08:00:00Z'));
    assert.equal(year, 2026);
    const [c] = await db.raw.query<{ status: string; is_demo: boolean; county_deadline: string }>(
      "SELECT status, is_demo, to_char(county_deadline, 'YYYY-MM-DD') AS county_deadline FROM campaigns WHERE year = 2026",
    );
    assert.equal(c!.status, 'open');
    assert.equal(c!.is_demo, true);
    assert.ok(c!.county_deadline > '2026-11-29');
    await db.raw.query("UPDATE campaigns SET county_deadline = '2026-02-01' WHERE year = 2026");
    await seedDemoCampaign(db.db, new Date('2026-11-29T08:00:00Z'));
    const [moved] = await db.raw.query<{ d: string }>(
      "SELECT to_char(county_deadline, 'YYYY-MM-DD') AS d FROM campaigns WHERE year = 2026",
    );
    assert.ok(moved!.d > '2026-11-29');
    // A real campaign for a year is never touched.
    assert.equal(await seedDemoCampaign(db.db, new Date('2023-05-01T08:00:00Z')), null);
  });
  it('creates sample declarations in every county-side state, with evidence files, once', async () => {
    await prepareDatabase(db, { demo: true });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-demo-'));
    const storage = new LocalStorage(dir);
    assert.equal(await seedDemoDeclarations(db.db, storage, 2026), 17);
    assert.equal(await seedDemoDeclarations(db.db, storage, 2026), 0);
    const statuses = (
      await db.raw.query<{ status: string }>('SELECT DISTINCT status FROM declarations ORDER BY 1')
    ).map((r) => r.status);
    assert.deepEqual(statuses, [
      'accepted',
      'draft',
      'recommended',
      'rejected',
      'returned',
      'submitted',
      'withdrawn',
    ]);
    assert.equal(await count('SELECT count(*)::int AS n FROM attachments'), 15 * 7);
    // 四川's city tier: 德阳 put forward the recommended sample, 成都 one of its three submitted ones.
    assert.deepEqual(
      (
        await db.raw.query<{ city_code: string; rank: number }>(
          'SELECT city_code, rank FROM city_recommendations ORDER BY city_code',
        )
      ).map((r) => [r.city_code, r.rank]),
      [
        ['5101', 1],
        ['5106', 1],
      ],
    );
    await fs.rm(dir, { recursive: true });
  });
});

describe('declared access', () => {
  it('refuses to build an app with an /api/v1 route that declares no access', async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(authPlugin, { db: db.db, demo: true });
    assert.throws(() => app.get('/api/v1/forgotten', async () => 'oops'), /must declare config\.access/);
    await app.close();
  });
});

describe('embedded database lock', () => {
  it('refuses a second process on the same data directory and frees it on close', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-lock-'));
    const dataDir = path.join(dir, 'db');
    await fs.mkdir(dir, { recursive: true });
    // Pretend a live process holds it: our parent's pid is alive.
    await fs.writeFile(`${dataDir}.lock`, String(process.ppid));
    await assert.rejects(openDatabase({ engine: 'pglite', dataDir }), /in use by another Jiqun process/);
    // A stale lock (dead pid) is taken over.
    await fs.writeFile(`${dataDir}.lock`, '999999999');
    const first = await openDatabase({ engine: 'pglite', dataDir });
    assert.equal(await fs.readFile(`${dataDir}.lock`, 'utf8'), String(process.pid));
    await first.close();
    await assert.rejects(fs.access(`${dataDir}.lock`));
    await fs.rm(dir, { recursive: true });
  });
});
