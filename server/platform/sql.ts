import type { SQL } from 'drizzle-orm';
import type { Db } from './db.ts';

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
export const decodeCursor = (cursor: string | undefined) =>
  cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
