// `admin pglite-to-postgres`: moves everything in an embedded database (a demo or a small office's first
// months) into an empty PostgreSQL database. pg_dump cannot be used for this: PGlite is PostgreSQL 18
// inside and offers no socket for it, and a dump from 18 does not load into an older server.
import { migrate } from '../db/migrate.ts';
import type { Database, RawSql } from '../platform/db.ts';

const BATCH_ROWS = 2000;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

type TableCopy = { table: string; rows: number };

/** Tables parents first, by their foreign keys; a table's references to itself are copied in one statement. */
async function tablesInOrder(raw: RawSql): Promise<{ order: string[]; selfReferencing: Set<string> }> {
  const tables = (
    await raw.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
        ORDER BY 1`,
    )
  ).map((r) => r.name);
  const edges = await raw.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`,
  );
  const selfReferencing = new Set(edges.filter((e) => e.child === e.parent).map((e) => e.child));
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...(parents.get(t) ?? [])].every((p) => done.has(p)));
    if (ready.length === 0)
      throw new Error('The tables reference each other in a cycle; cannot order the copy');
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return { order, selfReferencing };
}

/**
 * Copies every row of `source` into `target`, which must be empty. Both are first brought to the current
 * migrations. Rows travel as JSON text (never parsed here), so every type keeps its exact value. The copy
 * is one transaction on the target, with the tables' own triggers off (the rows were checked when written).
 */
export async function copyDatabase(source: Database, target: Database): Promise<TableCopy[]> {
  await migrate(source);
  await migrate(target);
  const [users] = await target.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((users?.n ?? 0) > 0) {
    throw new Error('The target database already has users: copy only into a new, empty database');
  }
  const { order, selfReferencing } = await tablesInOrder(target.raw);
  const copied: TableCopy[] = [];
  await target.withConnection(async (to) => {
    await to.exec('BEGIN');
    try {
      for (const t of order) await to.exec(`ALTER TABLE ${quote(t)} DISABLE TRIGGER USER`);
      // Migrations may have inserted rows of their own; the source has them too.
      await to.exec(`TRUNCATE ${order.map(quote).join(', ')} RESTART IDENTITY`);
      for (const t of order) {
        const columns = (
          await to.query<{ name: string }>(
            `SELECT column_name AS name FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name = $1 AND is_generated <> 'ALWAYS'
              ORDER BY ordinal_position`,
            [t],
          )
        ).map((r) => quote(r.name));
        const list = columns.join(', ');
        const batch = selfReferencing.has(t) ? Number.MAX_SAFE_INTEGER : BATCH_ROWS;
        let rows = 0;
        for (let offset = 0; ; offset += batch) {
          const [page] = await source.raw.query<{ json: string; n: number }>(
            `SELECT coalesce(json_agg(r), '[]')::text AS json, count(*)::int AS n
               FROM (SELECT * FROM ${quote(t)} ORDER BY ctid LIMIT ${batch === Number.MAX_SAFE_INTEGER ? 'ALL' : batch} OFFSET ${offset}) r`,
          );
          if (!page || page.n === 0) break;
          await to.query(
            `INSERT INTO ${quote(t)} (${list}) OVERRIDING SYSTEM VALUE
             SELECT ${list} FROM json_populate_recordset(NULL::${quote(t)}, $1::json)`,
            [page.json],
          );
          rows += page.n;
          if (page.n < batch) break;
        }
        copied.push({ table: t, rows });
      }
      // Sequences continue after the copied ids.
      const serials = await to.query<{ t: string; c: string; seq: string }>(
        `SELECT table_name AS t, column_name AS c, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
      );
      for (const s of serials) {
        if (!s.seq) continue;
        await to.query(
          `SELECT setval($1::regclass, coalesce((SELECT max(${quote(s.c)}) FROM ${quote(s.t)}), 0) + 1, false)`,
          [s.seq],
        );
      }
      for (const t of order) await to.exec(`ALTER TABLE ${quote(t)} ENABLE TRIGGER USER`);
      await to.exec('COMMIT');
    } catch (err) {
      await to.exec('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
  return copied;
}
