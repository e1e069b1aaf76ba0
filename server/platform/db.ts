import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from '../db/schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

export type Row = Record<string, unknown>;

/** Raw access for what Drizzle does not cover: multi-statement migration files and parameterised SQL. */
export type RawSql = {
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements in one call (no parameters), as migration files need. */
  exec(text: string): Promise<void>;
};

export type Database = {
  engine: Engine;
  db: Db;
  raw: RawSql;
  /** Runs fn on one connection (needed for session-level advisory locks on PostgreSQL). */
  withConnection<T>(fn: (raw: RawSql) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | {
      engine: 'postgres';
      url: string;
      poolSize?: number;
      connectTimeoutMs?: number;
      onError?: (err: Error) => void;
    }
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob; client?: PGlite };

/** Opens PGlite (embedded; in memory when dataDir is undefined) or a PostgreSQL pool. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.engine === 'postgres' ? openPostgres(options) : openPglite(options);
}

/**
 * PGlite allows one process per data directory; a second one would corrupt it. A pid file next to the
 * directory refuses a second opener with a clear message (a stale file from a crash is taken over).
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rm(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(await fs.readFile(lockFile, 'utf8').catch(() => ''));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new Error(
          `The embedded database ${dataDir} is in use by another Jiqun process (pid ${pid}). ` +
            'Stop it first, or use a PostgreSQL server (DATABASE_URL) to run several processes.',
        );
      }
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob;
  client?: PGlite;
}): Promise<Database> {
  let unlock = async () => {};
  if (options.dataDir) {
    await fs.mkdir(options.dataDir, { recursive: true });
    unlock = await lockDataDir(options.dataDir);
  }
  let client: PGlite;
  try {
    client =
      options.client ??
      (await PGlite.create({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      }));
  } catch (err) {
    await unlock();
    throw err;
  }
  const raw: RawSql = {
    async query<T extends Row>(text: string, params: unknown[] = []) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
  };
  let closed = false;
  return {
    engine: 'pglite',
    db: drizzlePglite({ client, schema }) as unknown as Db,
    raw,
    withConnection: (fn) => fn(raw),
    async ping() {
      await client.query('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      await unlock();
    },
  };
}

async function openPostgres(options: {
  url: string;
  poolSize?: number;
  connectTimeoutMs?: number;
  onError?: (err: Error) => void;
}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 15_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', (err) => options.onError?.(err));
  // Nor one that is checked out (a transaction between two queries): pg-pool listens only to idle clients,
  // so without this the server's "terminating connection" is an uncaught exception that ends the process.
  // The request in flight gets the error as a 503, and the pool drops the client when it is released.
  pool.on('connect', (client) => {
    client.on('error', (err) => options.onError?.(err));
  });
  const rawOf = (c: pg.Pool | pg.PoolClient): RawSql => ({
    async query<T extends Row>(text: string, params: unknown[] = []) {
      const result = await c.query<T>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      await c.query(text);
    },
  });
  let closed = false;
  return {
    engine: 'postgres',
    db: drizzlePg({ client: pool, schema }) as unknown as Db,
    raw: rawOf(pool),
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(rawOf(client));
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
