import { sql } from 'drizzle-orm';
import type { DemoAccountDto } from '../../../domain/api-contract.ts';
import { NOT_A_CITY_PREFECTURE_NAMES } from '../../../domain/city-tier.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Db } from '../../platform/db.ts';
import { rows } from '../../platform/sql.ts';

export const DEMO_PASSWORD = 'demo';
export const DEMO_EXPERTS = 30;
/** Home units of demo experts 1–10 (宁波 first, so its own declarations show the exclusion); the rest are national. */
const EXPERT_HOME_UNITS = [
  '330200',
  '330000',
  '320000',
  '440000',
  '370000',
  '510000',
  '650000',
  '110000',
  '420000',
  '210000',
];

/**
 * The demo campaign's city tier (domain/city-tier.ts): 四川 has each city put forward at most two of its
 * counties' declarations first. Every real city of the unit gets a demo account `city-<four digits>`.
 */
export const DEMO_CITY_TIER = [{ unitCode: '510000', perCity: 2 }] as const;

/** Shown on the login page and printed at start in demo mode. */
export const DEMO_ACCOUNTS_HINT: DemoAccountDto[] = [
  { username: 'ministry', role: 'ministry', description: '工业和信息化部中小企业局 MIIT SME Bureau' },
  { username: 'admin', role: 'admin', description: '系统管理员 Administrator' },
  { username: 'unit-330200', role: 'unit', description: '宁波市 (one of 37: unit-<unit code>)' },
  { username: 'county-330281', role: 'county', description: '余姚市 (every county: county-<division code>)' },
  {
    username: 'city-5101',
    role: 'city',
    description: '成都市 city tier (every city of 四川: city-<first four digits>)',
  },
  { username: 'expert-1', role: 'expert', description: '评审专家 expert-1 … expert-30' },
];

// Prefecture rows that are placeholders in GB/T 2260, not names anyone writes in an address.
const PLACEHOLDER_PREFECTURES = new Set<string>(NOT_A_CITY_PREFECTURE_NAMES);

type DemoUser = {
  username: string;
  displayName: string;
  role: string;
  divisionCode: string | null;
  unitCode: string | null;
};

async function demoUsers(db: Db): Promise<DemoUser[]> {
  const units = await rows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM units ORDER BY sort_order`,
  );
  const counties = await rows<{
    code: string;
    name: string;
    unit_code: string;
    p_name: string | null;
    g_name: string | null;
  }>(
    db,
    sql`SELECT d.code, d.name, d.unit_code, p.name AS p_name, g.name AS g_name
        FROM divisions d LEFT JOIN divisions p ON p.code = d.parent_code LEFT JOIN divisions g ON g.code = p.parent_code
        WHERE d.level = 'county' ORDER BY d.code`,
  );
  const users: DemoUser[] = [
    {
      username: 'ministry',
      displayName: '工业和信息化部中小企业局',
      role: 'ministry',
      divisionCode: null,
      unitCode: null,
    },
    { username: 'admin', displayName: '系统管理员', role: 'admin', divisionCode: null, unitCode: null },
  ];
  for (const u of units) {
    users.push({
      username: `unit-${u.code}`,
      displayName: `${u.name}中小企业主管部门`,
      role: 'unit',
      divisionCode: null,
      unitCode: u.code,
    });
  }
  for (const c of counties) {
    const place = [c.g_name, c.p_name]
      .filter((n): n is string => n !== null && !PLACEHOLDER_PREFECTURES.has(n))
      .concat(c.name)
      .join('');
    users.push({
      username: `county-${c.code}`,
      displayName: `${place}中小企业主管部门`,
      role: 'county',
      divisionCode: c.code,
      unitCode: c.unit_code,
    });
  }
  const tierUnits = DEMO_CITY_TIER.map((e) => e.unitCode);
  const cities = await rows<{ code: string; name: string; unit_code: string; unit_name: string }>(
    db,
    sql`SELECT d.code, d.name, d.unit_code, u.name AS unit_name FROM divisions d JOIN units u ON u.code = d.unit_code
        WHERE d.level = 'prefecture' ORDER BY d.code`,
  );
  for (const c of cities) {
    if (!tierUnits.includes(c.unit_code as (typeof tierUnits)[number]) || PLACEHOLDER_PREFECTURES.has(c.name))
      continue;
    users.push({
      username: `city-${c.code.slice(0, 4)}`,
      displayName: `${c.unit_name}${c.name}中小企业主管部门`,
      role: 'city',
      divisionCode: c.code,
      unitCode: c.unit_code,
    });
  }
  for (let i = 1; i <= DEMO_EXPERTS; i++) {
    users.push({
      username: `expert-${i}`,
      displayName: `评审专家 ${i}`,
      role: 'expert',
      divisionCode: null,
      // The first ten work for a recommending unit (never reviewing its declarations at the ministry).
      unitCode: EXPERT_HOME_UNITS[i - 1] ?? null,
    });
  }
  return users;
}

/**
 * Creates the demo accounts (password `demo`, hashed once for all of them). Idempotent: existing
 * accounts are kept, missing ones added. Returns how many were added.
 */
export async function seedDemoAccounts(db: Db): Promise<number> {
  const users = await demoUsers(db);
  const [have] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM users WHERE is_demo`);
  if (Number(have?.n ?? 0) >= users.length) return 0;
  const hash = await hashPassword(DEMO_PASSWORD);
  const inserted = await rows<{ id: string }>(
    db,
    sql`INSERT INTO users (username, display_name, role, division_code, unit_code, password_hash, is_demo)
        SELECT username, "displayName", role, "divisionCode", "unitCode", ${hash}, true
        FROM json_to_recordset(${JSON.stringify(users)}::json)
          AS x(username text, "displayName" text, role text, "divisionCode" text, "unitCode" text)
        ON CONFLICT (lower(username)) DO NOTHING
        RETURNING id`,
  );
  return inserted.length;
}

/** Outside demo mode no demo account may exist: remove any left from an earlier demo start. */
export async function removeDemoAccounts(db: Db): Promise<number> {
  return (await rows<{ id: string }>(db, sql`DELETE FROM users WHERE is_demo RETURNING id`)).length;
}
