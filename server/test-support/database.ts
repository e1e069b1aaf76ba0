import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { readMigrations } from '../db/migrate.ts';
import { type Database, openDatabase } from '../platform/db.ts';
import { projectPath } from '../platform/paths.ts';
import { prepareDatabase } from '../platform/startup.ts';

/** Which engine the tests run on: PostgreSQL when DATABASE_URL is set, else PGlite (as `npm start`). */
export const TEST_ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A fingerprint of everything that shapes a fresh database; a changed migration or reference file makes a new template. */
async function templateKey(): Promise<string> {
  const h = createHash('sha256');
  for (const m of await readMigrations()) h.update(m.name).update(m.checksum);
  for (const f of ['divisions.csv', 'industries.csv', 'campaigns.json'])
    h.update(await fs.readFile(projectPath('reference', f)));
  // Everything start-up runs: the units, every seed loader, and the start-up sequence itself.
  const seedDir = projectPath('server', 'db', 'seed');
  const seeds = (await fs.readdir(seedDir)).sort().map((f) => path.join(seedDir, f));
  for (const f of [
    projectPath('domain', 'units.ts'),
    projectPath('server', 'platform', 'startup.ts'),
    ...seeds,
  ]) {
    h.update(await fs.readFile(f));
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * A PGlite data directory dump with migrations, reference data and demo accounts, built once and
 * cached in var/test-cache so each test file starts from a copy in about a second.
 */
async function buildPgliteTemplate(key: string): Promise<Blob> {
  const dir = projectPath('var', 'test-cache');
  const file = path.join(dir, `pglite-${key}.tar.gz`);
  try {
    return new Blob([await fs.readFile(file)]);
  } catch {
    const client = await PGlite.create();
    const database = await openDatabase({ engine: 'pglite', client });
    await prepareDatabase(database, { demo: true });
    const dump = await client.dumpDataDir('gzip');
    await database.close();
    await fs.mkdir(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await fs.rename(tmp, file);
    return dump;
  }
}

/** The current PGlite template (migrated, seeded, demo accounts) as a data directory dump. */
export async function pgliteTemplate(): Promise<Blob> {
  return buildPgliteTemplate(await templateKey());
}

/** Creates (once per fingerprint) a PostgreSQL template database; test databases are copies of it. */
async function postgresTemplate(url: string, key: string): Promise<string> {
  const name = `jiqun_tpl_${key}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(727017003)');
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const database = await openDatabase({
        engine: 'postgres',
        url: withDatabase(url, building),
        poolSize: 2,
      });
      try {
        await prepareDatabase(database, { demo: true });
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    await admin.query('SELECT pg_advisory_unlock(727017003)');
    return name;
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export type TestDatabase = Database & { url: string | null; drop(): Promise<void> };

/** A fresh database for one test file, with migrations, reference data and demo accounts loaded. */
export async function freshDatabase(): Promise<TestDatabase> {
  const key = await templateKey();
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ engine: 'pglite', loadDataDir: await buildPgliteTemplate(key) });
    return { ...database, url: null, drop: () => database.close() };
  }
  const template = await postgresTemplate(url, key);
  const name = `jiqun_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const dbUrl = withDatabase(url, name);
  const database = await openDatabase({ engine: 'postgres', url: dbUrl, poolSize: 5 });
  return {
    ...database,
    url: dbUrl,
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
