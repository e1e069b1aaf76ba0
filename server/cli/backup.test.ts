import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import { seedDemoCampaign, seedDemoDeclarations } from '../db/seed/demo-declarations.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { type Database, openDatabase } from '../platform/db.ts';
import { projectPath } from '../platform/paths.ts';
import { LocalStorage } from '../platform/storage.ts';
import { freshDatabase, withDatabase } from '../test-support/database.ts';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from './backup.ts';
import { copyDatabase } from './pglite-to-postgres.ts';

const PG_URL = process.env.DATABASE_URL;
let tmp: string;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-backup-'));
});
after(() => fs.rm(tmp, { recursive: true, force: true }));

const admin = (args: string[], env: Record<string, string>) =>
  promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', projectPath('server', 'cli', 'admin.ts'), ...args],
    {
      cwd: projectPath(),
      env: { ...process.env, DATABASE_URL: '', ...env },
    },
  );

/** A small embedded database on disk with one table, closed again. */
async function pgliteWith(dataDir: string, values: number[]): Promise<void> {
  const db = await openDatabase({ engine: 'pglite', dataDir });
  await db.raw.exec('DROP TABLE IF EXISTS t; CREATE TABLE t (x int)');
  for (const v of values) await db.raw.query('INSERT INTO t VALUES ($1)', [v]);
  await db.close();
}
async function pgliteValues(dataDir: string): Promise<number[]> {
  const db = await openDatabase({ engine: 'pglite', dataDir });
  try {
    return (await db.raw.query<{ x: number }>('SELECT x FROM t ORDER BY x')).map((r) => r.x);
  } finally {
    await db.close();
  }
}

describe('embedded database backup', () => {
  it('dumps and restores the data directory, keeping the replaced one beside it', async () => {
    const dataDir = path.join(tmp, 'a', 'db');
    await pgliteWith(dataDir, [1, 2, 3]);
    const file = path.join(tmp, 'a.pglite.tar.gz');
    await backupPglite(dataDir, file);
    await pgliteWith(dataDir, [9]);
    const { previous } = await restorePglite(dataDir, file);
    assert.deepEqual(await pgliteValues(dataDir), [1, 2, 3]);
    assert.ok(previous);
    assert.deepEqual(await pgliteValues(previous), [9]);
  });

  it('refuses while a server holds the data directory, and refuses a file that is not a backup', async () => {
    const dataDir = path.join(tmp, 'b', 'db');
    await pgliteWith(dataDir, [5]);
    const file = path.join(tmp, 'b.pglite.tar.gz');
    await backupPglite(dataDir, file);
    // A live process (our parent) named in the lock file, as a running server would be.
    await fs.writeFile(`${dataDir}.lock`, String(process.ppid));
    await assert.rejects(
      backupPglite(dataDir, path.join(tmp, 'x.tar.gz')),
      /in use by another Jiqun process/,
    );
    await assert.rejects(restorePglite(dataDir, file), /in use by another Jiqun process/);
    await fs.rm(`${dataDir}.lock`);
    const junk = path.join(tmp, 'junk.tar.gz');
    await fs.writeFile(junk, 'not a tarball');
    await assert.rejects(restorePglite(dataDir, junk), /not a PGlite backup/);
    assert.deepEqual(await pgliteValues(dataDir), [5], 'untouched');
    await assert.rejects(fs.access(path.join(tmp, 'x.tar.gz')), 'no partial file is left');
  });

  it('works from the admin command line (restore asks unless --yes)', async () => {
    const dataRoot = path.join(tmp, 'cli');
    await pgliteWith(path.join(dataRoot, 'db'), [7]);
    const file = path.join(tmp, 'cli.pglite.tar.gz');
    const env = { JIQUN_DATA_DIR: dataRoot };
    const out = await admin(['backup', file], env);
    assert.match(out.stdout, /Backup written/);
    await pgliteWith(path.join(dataRoot, 'db'), [8]);
    await assert.rejects(admin(['restore', file], env), /answer yes, or pass --yes/);
    const restored = await admin(['restore', file, '--yes'], env);
    assert.match(restored.stdout, /previous database is kept/);
    assert.deepEqual(await pgliteValues(path.join(dataRoot, 'db')), [7]);
  });
});

describe('PostgreSQL backup', { skip: PG_URL ? false : 'needs DATABASE_URL' }, () => {
  it('pg_dump -Fc and pg_restore --clean bring the database back as it was', async () => {
    const db = await freshDatabase();
    try {
      const url = db.url!;
      const name = async () =>
        (await db.raw.query<{ d: string }>("SELECT display_name AS d FROM users WHERE username = 'admin'"))[0]
          ?.d;
      const before = await name();
      const file = path.join(tmp, 'pg.pgdump');
      await backupPostgres(url, file);
      await db.raw.query("UPDATE users SET display_name = 'changed' WHERE username = 'admin'");
      await db.raw.query('DELETE FROM audit_log');
      await restorePostgres(url, file);
      assert.equal(await name(), before);
      assert.equal((await verifyAuditChain(db.db)).ok, true);
    } finally {
      await db.drop();
    }
  });

  it('names what is missing when the backup file is not there', async () => {
    await assert.rejects(restorePostgres(PG_URL!, path.join(tmp, 'missing.pgdump')), /ENOENT/);
  });
});

describe('PGlite to PostgreSQL', { skip: PG_URL ? false : 'needs DATABASE_URL' }, () => {
  it('copies every row of a demo database exactly, and the audit chain still verifies', async () => {
    // The source is an embedded database whatever engine the suite runs on.
    delete process.env.DATABASE_URL;
    const source = await freshDatabase();
    process.env.DATABASE_URL = PG_URL;
    const name = `jiqun_t_move_${process.pid}`;
    const server = new pg.Client({ connectionString: PG_URL });
    await server.connect();
    await server.query(`DROP DATABASE IF EXISTS ${name}`);
    await server.query(`CREATE DATABASE ${name}`);
    const target = await openDatabase({ engine: 'postgres', url: withDatabase(PG_URL!, name), poolSize: 2 });
    try {
      const year = (await seedDemoCampaign(source.db)) ?? new Date().getFullYear();
      assert.ok((await seedDemoDeclarations(source.db, new LocalStorage(path.join(tmp, 'up')), year)) > 0);
      const copied = await copyDatabase(source, target);
      const fingerprint = async (db: Database, table: string) => {
        await db.raw.exec("SET TimeZone = 'UTC'");
        const [r] = await db.raw.query<{ n: number; h: string }>(
          `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`,
        );
        return r;
      };
      for (const { table, rows } of copied) {
        const [a, b] = [await fingerprint(source, table), await fingerprint(target, table)];
        assert.deepEqual(b, a, table);
        assert.equal(rows, a?.n, table);
      }
      assert.ok(copied.find((c) => c.table === 'declarations')!.rows > 0);
      assert.equal((await verifyAuditChain(target.db)).ok, true);
      // Sequences continue after the copied ids.
      const serials = await target.raw.query<{ t: string; c: string; seq: string }>(
        `SELECT table_name AS t, column_name AS c, pg_get_serial_sequence(table_name, column_name) AS seq
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
      );
      assert.ok(serials.length > 0);
      for (const s of serials) {
        const [r] = await target.raw.query<{ ok: boolean }>(
          `SELECT nextval($1::regclass) > coalesce((SELECT max("${s.c}") FROM "${s.t}"), 0) AS ok`,
          [s.seq],
        );
        assert.equal(r?.ok, true, `${s.t}.${s.c}`);
      }
      await assert.rejects(copyDatabase(source, target), /already has users/);
    } finally {
      await source.close();
      await target.close();
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
    }
  });
});
