import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../platform/db.ts';
import { projectPath } from '../platform/paths.ts';

export const MIGRATIONS_DIR = projectPath('server', 'db', 'migrations');

export type Migration = { name: string; sql: string; checksum: string };

/** Reads numbered *.sql files in order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await fs.readdir(dir)).filter((n) => /^\d{4}_[a-z0-9_]+\.sql$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations, each in its own transaction. A session advisory lock makes concurrent
 * starts of several processes safe; an edited, already-applied migration stops the start.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  return database.withConnection(async (raw) => {
    await raw.query('SELECT pg_advisory_lock(727017001)');
    try {
      await raw.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const applied = new Map(
        (
          await raw.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')
        ).map((r) => [r.name, r.checksum]),
      );
      const done: string[] = [];
      for (const m of migrations) {
        const known = applied.get(m.name);
        if (known !== undefined) {
          if (known !== m.checksum) {
            throw new Error(
              `Migration ${m.name} was changed after it was applied; add a new migration instead.`,
            );
          }
          continue;
        }
        const escaped = m.name.replaceAll("'", "''");
        await raw.exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (name, checksum) VALUES ('${escaped}', '${m.checksum}');\nCOMMIT;`,
        );
        done.push(m.name);
      }
      return done;
    } catch (err) {
      await raw.exec('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await raw.query('SELECT pg_advisory_unlock(727017001)');
    }
  });
}
