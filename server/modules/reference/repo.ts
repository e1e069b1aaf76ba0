import { type SQL, sql } from 'drizzle-orm';
import { decodeCursor, type Executor, encodeCursor, rows } from '../../platform/sql.ts';
import type { DivisionDto, IndustryDto, UnitDto } from './schemas.ts';

type Page<T> = { items: T[]; nextCursor: string | null; total: number };

const where = (conds: SQL[]) => (conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``);

/** Escapes LIKE wildcards so a search for "100%" means the characters, not a pattern. */
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listUnits(db: Executor, code?: string): Promise<UnitDto[]> {
  return rows<UnitDto>(
    db,
    sql`SELECT u.code, u.name, u.name_en AS "nameEn", u.kind, u.region,
          (SELECT count(*)::int FROM divisions d WHERE d.unit_code = u.code AND d.level = 'county') AS "countyCount"
        FROM units u ${code === undefined ? sql`` : sql`WHERE u.code = ${code}`}
        ORDER BY u.sort_order`,
  );
}

const divisionSelect = sql`SELECT d.code, d.name, d.level, d.parent_code AS "parentCode", d.unit_code AS "unitCode",
    p.code AS p_code, p.name AS p_name, g.code AS g_code, g.name AS g_name
  FROM divisions d
  LEFT JOIN divisions p ON p.code = d.parent_code
  LEFT JOIN divisions g ON g.code = p.parent_code`;

type DivisionRow = Omit<DivisionDto, 'path'> & {
  p_code: string | null;
  p_name: string | null;
  g_code: string | null;
  g_name: string | null;
};

function presentDivision(r: DivisionRow): DivisionDto {
  const path: DivisionDto['path'] = [];
  if (r.g_code && r.g_name) path.push({ code: r.g_code, name: r.g_name });
  if (r.p_code && r.p_name) path.push({ code: r.p_code, name: r.p_name });
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, unitCode: r.unitCode, path };
}

export async function getDivision(db: Executor, code: string): Promise<DivisionDto | null> {
  const [r] = await rows<DivisionRow>(db, sql`${divisionSelect} WHERE d.code = ${code}`);
  return r ? presentDivision(r) : null;
}

export type DivisionFilter = {
  parent?: string | undefined;
  q?: string | undefined;
  level?: DivisionDto['level'] | undefined;
  unitCode?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

export async function listDivisions(db: Executor, f: DivisionFilter): Promise<Page<DivisionDto>> {
  const conds: SQL[] = [];
  if (f.parent !== undefined) conds.push(sql`d.parent_code = ${f.parent}`);
  if (f.level !== undefined) conds.push(sql`d.level = ${f.level}`);
  if (f.unitCode !== undefined) conds.push(sql`d.unit_code = ${f.unitCode}`);
  if (f.q) {
    const pattern = `%${likeEscape(f.q)}%`;
    conds.push(sql`(d.name LIKE ${pattern} OR d.code LIKE ${`${likeEscape(f.q)}%`})`);
  }
  const [count] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM divisions d ${where(conds)}`,
  );
  const after = decodeCursor(f.cursor);
  if (after !== undefined) conds.push(sql`d.code > ${after}`);
  const found = await rows<DivisionRow>(
    db,
    sql`${divisionSelect} ${where(conds)} ORDER BY d.code LIMIT ${f.limit + 1}`,
  );
  const page = found.slice(0, f.limit).map(presentDivision);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: found.length > f.limit && last ? encodeCursor(last.code) : null,
    total: Number(count?.n ?? 0),
  };
}

export type IndustryFilter = {
  parent?: string | undefined;
  q?: string | undefined;
  level?: IndustryDto['level'] | undefined;
  limit: number;
  cursor?: string | undefined;
};

export async function getIndustry(db: Executor, code: string): Promise<IndustryDto | null> {
  const [r] = await rows<IndustryDto>(
    db,
    sql`SELECT code, name, level, parent_code AS "parentCode" FROM industries WHERE code = ${code}`,
  );
  return r ?? null;
}

export async function listIndustries(db: Executor, f: IndustryFilter): Promise<Page<IndustryDto>> {
  const conds: SQL[] = [];
  if (f.parent !== undefined) conds.push(sql`parent_code = ${f.parent}`);
  if (f.level !== undefined) conds.push(sql`level = ${f.level}`);
  if (f.q) {
    conds.push(
      sql`(name LIKE ${`%${likeEscape(f.q)}%`} OR code LIKE ${`${likeEscape(f.q.toUpperCase())}%`})`,
    );
  }
  const [count] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM industries ${where(conds)}`,
  );
  const after = Number(decodeCursor(f.cursor) ?? 0);
  if (after > 0) conds.push(sql`sort_order > ${after}`);
  const found = await rows<IndustryDto & { sortOrder: number }>(
    db,
    sql`SELECT code, name, level, parent_code AS "parentCode", sort_order AS "sortOrder"
        FROM industries ${where(conds)} ORDER BY sort_order LIMIT ${f.limit + 1}`,
  );
  const page = found.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortOrder: _, ...i }) => i),
    nextCursor: found.length > f.limit && last ? encodeCursor(String(last.sortOrder)) : null,
    total: Number(count?.n ?? 0),
  };
}
