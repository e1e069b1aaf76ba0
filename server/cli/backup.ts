// `admin backup` and `admin restore`: pg_dump/pg_restore on PostgreSQL, PGlite's data directory dump on the
// embedded database. Uploaded files are not in these backups (see docs/deploy.md, Backups).
import { spawn } from 'node:child_process';
import { createWriteStream, openAsBlob } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../platform/config.ts';
import { lockDataDir } from '../platform/db.ts';

const stamp = (d = new Date()) => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

/** Where `backup` writes when no file is named: <data dir>/backups/jiqun-<UTC time>.<pgdump|pglite.tar.gz>. */
export function defaultBackupFile(config: Pick<Config, 'dataDir' | 'databaseUrl'>, now = new Date()): string {
  const ext = config.databaseUrl ? 'pgdump' : 'pglite.tar.gz';
  return path.join(config.dataDir, 'backups', `jiqun-${stamp(now)}.${ext}`);
}

/**
 * A PostgreSQL client program, the newest found: pg_dump refuses servers newer than itself, and Debian
 * installs every version's programs under /usr/lib/postgresql/<major>/bin with only one on PATH.
 */
export async function findPgProgram(name: 'pg_dump' | 'pg_restore'): Promise<string> {
  const candidates: { file: string; major: number }[] = [];
  const versions = await fs.readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  for (const v of versions)
    candidates.push({ file: path.join('/usr/lib/postgresql', v, 'bin', name), major: Number(v) || 0 });
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean))
    candidates.push({ file: path.join(dir, name), major: -1 });
  candidates.sort((a, b) => b.major - a.major);
  for (const c of candidates) {
    try {
      await fs.access(c.file, fs.constants.X_OK);
      return c.file;
    } catch {
      // next
    }
  }
  throw new Error(
    `${name} was not found on PATH or in /usr/lib/postgresql/*/bin. Install the PostgreSQL client programs ` +
      '(Debian/Ubuntu: apt-get install postgresql-client) of the server’s major version or newer.',
  );
}

/** The URL without its password, and the password for PGPASSWORD: nothing secret in the process list. */
function connection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(program)} failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}

/** Writes to `<file>.partial` and renames at the end: a failed backup never looks like a good one. */
async function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  try {
    await write(tmp);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** pg_dump in its custom format (compressed, restorable table by table). */
export async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  const pgDump = await findPgProgram('pg_dump');
  const c = connection(databaseUrl);
  await writeAtomically(file, (tmp) =>
    run(pgDump, ['--format=custom', '--no-password', `--file=${tmp}`, `--dbname=${c.url}`], c.env),
  );
}

/**
 * pg_restore into the configured database, replacing the objects the dump holds, in one transaction: a
 * failed restore changes nothing. Stop the application processes first.
 */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  await fs.access(file);
  const pgRestore = await findPgProgram('pg_restore');
  const c = connection(databaseUrl);
  await run(
    pgRestore,
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      '--no-password',
      `--dbname=${c.url}`,
      file,
    ],
    c.env,
  );
}

/** PGlite's own dump of its data directory (a gzipped tarball); the server must be stopped. */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  const unlock = await lockDataDir(dataDir);
  try {
    await fs.access(path.join(dataDir, 'PG_VERSION')).catch(() => {
      throw new Error(`No embedded database in ${dataDir}`);
    });
    const client = await PGlite.create({ dataDir });
    try {
      const dump = await client.dumpDataDir('gzip');
      await writeAtomically(file, (tmp) =>
        pipeline(Readable.fromWeb(dump.stream() as WebReadableStream), createWriteStream(tmp)),
      );
    } finally {
      await client.close();
    }
  } finally {
    await unlock();
  }
}

/**
 * Replaces the embedded database with a dump from `backupPglite`. The dump is checked in memory first; the
 * current data directory is kept beside it (returned) until you delete it. The server must be stopped.
 */
export async function restorePglite(dataDir: string, file: string): Promise<{ previous: string | null }> {
  const blob = await openAsBlob(file);
  const unlock = await lockDataDir(dataDir);
  try {
    const check = await PGlite.create({ loadDataDir: blob }).catch((err: Error) => {
      throw new Error(`${file} is not a PGlite backup: ${err.message}`);
    });
    try {
      await check.query('SELECT 1');
    } finally {
      await check.close();
    }
    let previous: string | null = null;
    if ((await fs.readdir(dataDir).catch(() => [])).length > 0) {
      previous = `${dataDir}.before-restore-${stamp()}`;
      await fs.rename(dataDir, previous);
    }
    try {
      await fs.mkdir(dataDir, { recursive: true });
      const client = await PGlite.create({ dataDir, loadDataDir: blob });
      try {
        await client.query('SELECT 1');
      } finally {
        await client.close();
      }
    } catch (err) {
      // Put the previous database back rather than leave a half-written one.
      if (previous) {
        await fs.rm(dataDir, { recursive: true, force: true });
        await fs.rename(previous, dataDir);
      }
      throw err;
    }
    return { previous };
  } finally {
    await unlock();
  }
}
