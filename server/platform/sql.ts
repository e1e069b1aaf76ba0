import type { SQL } from 'drizzle-orm';
import type { Db } from './db.ts';
import { AppError } from './errors.ts';

/** A database handle or an open transaction: repos take either, services decide which. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** Runs a raw SQL fragment and returns its rows (both drivers return `{ rows }`). */
export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Keyset pagination cursors are opaque to clients: base64url of the last key. */
export const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

/**
 * The key of a cursor this server made, or 400: anything else (not base64url, not UTF-8, a NUL byte that
 * PostgreSQL refuses in text) would otherwise reach the database and fail there as a 500.
 */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor) || encodeCursor(key) !== cursor || key.includes('\u0000')) {
    throw new AppError('VALIDATION_FAILED', 'Malformed cursor: pass back the nextCursor of a page', [
      { path: 'querystring.cursor', message: 'invalid' },
    ]);
  }
  return key;
}
