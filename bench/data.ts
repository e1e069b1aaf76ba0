/**
 * `npm run bench:data`: national-scale SYNTHETIC data for the benchmarks, in its own database
 * (jiqun_bench, dropped and re-created). Deterministic: the same seed gives the same rows everywhere.
 * Every name carries （合成） and nothing here describes a real cluster or declaration.
 *
 *   - accounts: the ministry, an admin, the 37 units and every county-level division (county-<code>),
 *     all with one password hashed once;
 *   - 3,000 declarations in the 2025 campaign across the 37 units (indicators drawn from plausible
 *     distributions, so some fail the standards), with evidence files, events and submitted snapshots;
 *   - each unit's recommendations within its quota, 100 of them identified;
 *   - 400 identified clusters (2022–2025, 100 a batch);
 *   - an open synthetic 2026 campaign for the deadline-surge benchmark.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { type DeclarationContent, EVIDENCE_CATEGORIES } from '../domain/declaration-form.ts';
import { recommendationEligibility } from '../domain/recommendation.ts';
import { checkStandards } from '../domain/standards.ts';
import type { Region } from '../domain/units.ts';
import { sampleContent } from '../server/db/seed/sample-content.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { type Database, openDatabase } from '../server/platform/db.ts';
import { projectPath } from '../server/platform/paths.ts';
import { prepareDatabase } from '../server/platform/startup.ts';
import {
  BATCH_YEAR,
  BENCH_DATABASE_URL,
  BENCH_PASSWORD,
  BENCH_VAR,
  Prng,
  SURGE_YEAR,
  SYNTHETIC,
} from './lib/common.ts';

export type GenerateOptions = {
  databaseUrl?: string;
  /** Evidence files of the synthetic declarations (the server's JIQUN_UPLOAD_DIR in the benchmarks). */
  uploadDir?: string;
  seed?: number;
  declarations?: number;
  clustersPerBatch?: number;
  /** Only the first N counties get accounts (the smoke test); all of them by default. */
  countyLimit?: number;
  /** Drop and re-create the database first (default true). */
  recreate?: boolean;
  log?: (line: string) => void;
};

export type GenerateSummary = {
  seed: number;
  database: string;
  counties: number;
  units: number;
  users: number;
  declarations: number;
  byStatus: Record<string, number>;
  attachments: number;
  recommendations: number;
  clusters: number;
  annualReports: string;
  surgeCampaign: number;
  ms: number;
};

const DEFAULT_SEED = 20_261_129;
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
/** Dates the list notices of each batch came out (approximately), from which clusters are valid 3 years. */
const BATCH_VALID_FROM: Record<number, string> = {
  2022: '2023-01-06',
  2023: '2023-11-20',
  2024: '2024-11-25',
  2025: '2025-12-15',
};

const dbName = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));

/** Drops and re-creates the benchmark database; refuses any name that is not clearly a bench database. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = dbName(url);
  if (!/bench/.test(name) || name === 'postgres')
    throw new Error(`Refusing to drop "${name}": the benchmark database's name must contain "bench"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

type County = { code: string; name: string; unitCode: string; place: string; province: string };
type Unit = { code: string; name: string; kind: string; region: Region; sortOrder: number };
type Industry = { code: string; name: string };

async function loadPlaces(database: Database, countyLimit?: number) {
  const units = (
    await database.raw.query<{
      code: string;
      name: string;
      kind: string;
      region: string;
      sort_order: number;
    }>('SELECT code, name, kind, region, sort_order FROM units ORDER BY sort_order')
  ).map((u) => ({ ...u, region: u.region as Region, sortOrder: u.sort_order }));
  const rows = await database.raw.query<{
    code: string;
    name: string;
    unit_code: string;
    p: string | null;
    g: string | null;
  }>(
    `SELECT d.code, d.name, d.unit_code, p.name AS p, g.name AS g
     FROM divisions d LEFT JOIN divisions p ON p.code = d.parent_code LEFT JOIN divisions g ON g.code = p.parent_code
     WHERE d.level = 'county' ORDER BY d.code`,
  );
  const counties: County[] = rows.slice(0, countyLimit ?? rows.length).map((r) => {
    const parts = [r.g, r.p].filter((n): n is string => n !== null && !PLACEHOLDERS.has(n));
    return {
      code: r.code,
      name: r.name,
      unitCode: r.unit_code,
      place: [...parts, r.name].join(''),
      province: parts[0] ?? r.name,
    };
  });
  const industries = await database.raw.query<Industry>(
    `SELECT code, name FROM industries WHERE level = 'class' ORDER BY sort_order`,
  );
  return { units: units as Unit[], counties, industries };
}

/** Inserts rows through one jsonb_to_recordset per chunk: one round trip per few hundred rows. */
async function bulkInsert(
  database: Database,
  table: string,
  columns: Record<string, string>,
  items: Record<string, unknown>[],
  chunk = 500,
): Promise<void> {
  const names = Object.keys(columns);
  const defs = names.map((n) => `"${n}" ${columns[n]}`).join(', ');
  const cols = names.map((n) => n.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join(', ');
  for (let i = 0; i < items.length; i += chunk) {
    await database.raw.query(
      `INSERT INTO ${table} (${cols}) SELECT ${names.map((n) => `"${n}"`).join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS x(${defs})`,
      [JSON.stringify(items.slice(i, i + chunk))],
    );
  }
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A Declaration Form with indicators drawn from plausible distributions (some fail the standards). */
function syntheticContent(
  rnd: Prng,
  year: number,
  clusterName: string,
  industry: Industry,
): { content: DeclarationContent; growth: number } {
  const subSector = `${industry.name}细分领域${rnd.int(1, 9)}`;
  const base = sampleContent(year, {
    clusterName,
    industry: industry.name,
    industryCode: industry.code,
    subSector,
  });
  const latest = rnd.logNormal(110, 0.75);
  const growth = rnd.normal(0.13, 0.045);
  const baseYear = latest / (1 + growth) ** 3;
  const output = [1, 2, 3].map((k, i) =>
    round2(i === 2 ? latest : baseYear * (1 + growth) ** k * (1 + rnd.normal(0, 0.01))),
  );
  const smeShare = clamp(rnd.normal(0.8, 0.07), 0.45, 0.98);
  const leadShare = clamp(rnd.normal(0.8, 0.07), 0.45, 0.98);
  const total = Math.round(rnd.logNormal(700, 0.6));
  const content: DeclarationContent = {
    ...base,
    landAreaKm2: round2(rnd.logNormal(55, 0.5)),
    indicators: {
      ...base.indicators,
      baseYearOutput: round2(baseYear),
      output,
      smeOutput: output.map((v) => round2(v * smeShare)),
      leadingIndustryOutput: output.map((v) => round2(v * leadShare)),
      enterprises: {
        total,
        sme: Math.round(total * clamp(rnd.normal(0.96, 0.02), 0.8, 1)),
        singleChampion: Math.max(0, Math.round(rnd.normal(0.6, 1))),
        littleGiant: Math.max(0, Math.round(rnd.normal(3, 2.5))),
        specializedSme: Math.max(0, Math.round(rnd.logNormal(25, 0.7))),
        innovativeSme: Math.max(0, Math.round(rnd.logNormal(50, 0.7))),
        highTech: Math.max(0, Math.round(rnd.logNormal(60, 0.7))),
      },
      smeRdSpending: output.map((v) => round2(v * clamp(rnd.normal(0.03, 0.01), 0.005, 0.08))),
      industrialInternetPenetration: round2(clamp(rnd.normal(55, 15), 5, 99)),
      standardsParticipated: rnd.int(0, 40),
    },
  };
  return { content, growth };
}

/** A small, valid-looking PDF standing in for a scanned evidence document. */
const evidencePdf = (label: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% synthetic benchmark evidence ${label}\n` +
      `trailer<</Root 1 0 R>>\n%%EOF\n`,
  );

/** Runs `fn` over `items` with at most `limit` at once. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/**
 * Three years (2023–2025) of annual reports per cluster, when the annual_reports table exists (issue #6).
 * The content follows domain/annual-report.ts, loaded at run time so the generator still works on a tree
 * without it.
 */
async function writeAnnualReports(
  database: Database,
  rnd: Prng,
  clusters: Record<string, unknown>[],
  countyUser: Map<string, string>,
): Promise<string> {
  const [table] = await database.raw.query<{ t: string | null }>(
    `SELECT to_regclass('annual_reports')::text AS t`,
  );
  if (!table?.t) return 'not generated: no annual_reports table yet (issue #6)';
  const domain = await import(pathToFileURL(projectPath('domain', 'annual-report.ts')).href).catch(
    () => null,
  );
  if (!domain?.emptyAnnualReportContent) return 'not generated: domain/annual-report.ts not found';
  const reports: Record<string, unknown>[] = [];
  for (const c of clusters) {
    let output = rnd.logNormal(120, 0.7);
    for (const year of [2023, 2024, 2025]) {
      const growth = rnd.normal(9, 5);
      output *= 1 + growth / 100;
      const total = Math.round(rnd.logNormal(700, 0.6));
      const content = {
        ...domain.emptyAnnualReportContent(),
        output: round2(output),
        outputGrowth: round2(growth),
        smeOutput: round2(output * 0.8),
        leadingIndustryOutput: round2(output * 0.78),
        enterprises: {
          total,
          sme: Math.round(total * 0.95),
          singleChampion: rnd.int(0, 2),
          littleGiant: rnd.int(0, 8),
          specializedSme: rnd.int(5, 60),
          innovativeSme: rnd.int(10, 120),
          highTech: rnd.int(10, 150),
        },
        rdSpending: round2(output * 0.03),
        noSeriousIncidents: true,
      };
      const filed = year < 2025 || rnd.next() < 0.7;
      reports.push({
        id: rnd.uuid(),
        clusterId: c.id,
        year,
        status: filed ? (year < 2025 ? 'forwarded' : 'submitted') : 'draft',
        content,
        dueOn: `${year + 1}-03-31`,
        submittedAt: filed ? `${year + 1}-03-${String(rnd.int(1, 28)).padStart(2, '0')}T02:00:00Z` : null,
        submittedLate: filed ? false : null,
        createdBy: countyUser.get(c.divisionCode as string) ?? null,
      });
    }
  }
  await bulkInsert(
    database,
    'annual_reports',
    {
      id: 'uuid',
      clusterId: 'uuid',
      year: 'int',
      status: 'text',
      content: 'jsonb',
      dueOn: 'date',
      submittedAt: 'timestamptz',
      submittedLate: 'boolean',
      createdBy: 'uuid',
    },
    reports,
  );
  return `${reports.length} (2023–2025 for each cluster)`;
}

/** Generates the whole synthetic data set; see the file comment. */
export async function generateBenchData(opts: GenerateOptions = {}): Promise<GenerateSummary> {
  const t0 = performance.now();
  const url = opts.databaseUrl ?? BENCH_DATABASE_URL;
  const uploadDir = opts.uploadDir ?? path.join(BENCH_VAR, 'uploads');
  const seed = opts.seed ?? DEFAULT_SEED;
  const nDeclarations = opts.declarations ?? 3000;
  const clustersPerBatch = opts.clustersPerBatch ?? 100;
  const log = opts.log ?? (() => undefined);
  const rnd = new Prng(seed);

  if (opts.recreate ?? true) await recreateDatabase(url);
  await fs.rm(uploadDir, { recursive: true, force: true });
  const database = await openDatabase({ engine: 'postgres', url, poolSize: 4 });
  try {
    await prepareDatabase(database, { demo: false });
    log('schema and reference data ready');
    const { units, counties, industries } = await loadPlaces(database, opts.countyLimit);
    const unitByCode = new Map(units.map((u) => [u.code, u]));

    // --- accounts ------------------------------------------------------------------------------------
    const hash = await hashPassword(BENCH_PASSWORD);
    const users: Record<string, unknown>[] = [];
    const addUser = (u: {
      username: string;
      displayName: string;
      role: string;
      divisionCode?: string;
      unitCode?: string;
    }) => {
      const id = rnd.uuid();
      users.push({
        id,
        username: u.username,
        displayName: `${u.displayName}${SYNTHETIC}`,
        role: u.role,
        divisionCode: u.divisionCode ?? null,
        unitCode: u.unitCode ?? null,
        passwordHash: hash,
      });
      return id;
    };
    addUser({ username: 'bench-ministry', displayName: '工业和信息化部中小企业局', role: 'ministry' });
    addUser({ username: 'bench-admin', displayName: '系统管理员', role: 'admin' });
    const unitUser = new Map<string, string>();
    for (const u of units)
      unitUser.set(
        u.code,
        addUser({
          username: `unit-${u.code}`,
          displayName: `${u.name}中小企业主管部门`,
          role: 'unit',
          unitCode: u.code,
        }),
      );
    const countyUser = new Map<string, string>();
    for (const c of counties)
      countyUser.set(
        c.code,
        addUser({
          username: `county-${c.code}`,
          displayName: `${c.place}中小企业主管部门`,
          role: 'county',
          divisionCode: c.code,
          unitCode: c.unitCode,
        }),
      );
    await bulkInsert(
      database,
      'users',
      {
        id: 'uuid',
        username: 'text',
        displayName: 'text',
        role: 'text',
        divisionCode: 'text',
        unitCode: 'text',
        passwordHash: 'text',
      },
      users,
      1000,
    );
    log(`${users.length} accounts`);

    // --- the open campaign the deadline surge declares in --------------------------------------------
    const today = new Date();
    const plusDays = (d: number) => new Date(today.getTime() + d * 86_400_000).toISOString().slice(0, 10);
    await database.raw.query(
      `INSERT INTO campaigns (year, notice_no, notice_date, status, opens_at, county_deadline, unit_deadline, quotas,
         standards_version, form_version, annual_report_due, rules, is_demo)
       VALUES ($1, $2, $3, 'open', $3, $4, $5, $6, '2022', '2022', '03-31', '{"onePerSubSector": false}', true)
       ON CONFLICT (year) DO UPDATE SET status = 'open', county_deadline = excluded.county_deadline,
         unit_deadline = excluded.unit_deadline, is_demo = true`,
      [
        SURGE_YEAR,
        `基准测试批次${SYNTHETIC}`,
        `${SURGE_YEAR}-01-02`,
        plusDays(120),
        plusDays(150),
        JSON.stringify({ provincial: 8, separate_plan_city: 2, xpcc: 2 }),
      ],
    );

    // --- 3,000 declarations in the 2025 campaign -----------------------------------------------------
    const [campaign] = await database.raw.query<{ quotas: Record<string, number> }>(
      'SELECT quotas FROM campaigns WHERE year = $1',
      [BATCH_YEAR],
    );
    const quotas = campaign!.quotas;
    const countiesOf = new Map<string, County[]>();
    for (const c of counties) countiesOf.set(c.unitCode, [...(countiesOf.get(c.unitCode) ?? []), c]);
    // Units declare in proportion to their counties, the east somewhat more (as in the published lists).
    const weighted: County[] = [];
    for (const c of counties) {
      const region = unitByCode.get(c.unitCode)?.region;
      weighted.push(c);
      if (region === 'east' && rnd.next() < 0.5) weighted.push(c);
    }
    const manufacturing = industries.filter((i) => /^(1[3-9]|[23]\d|4[0-3])/.test(i.code));
    const pickIndustry = () => (rnd.next() < 0.85 ? rnd.pick(manufacturing) : rnd.pick(industries));

    type Decl = {
      id: string;
      county: County;
      content: DeclarationContent;
      growth: number;
      status: string;
      version: number;
      createdAt: string;
      submittedAt: string | null;
    };
    const decls: Decl[] = [];
    for (let i = 0; i < nDeclarations; i++) {
      const county = rnd.pick(weighted);
      const industry = pickIndustry();
      const name = `${county.place}${industry.name}产业集群${SYNTHETIC}${String(i + 1).padStart(4, '0')}`;
      const { content, growth } = syntheticContent(rnd, BATCH_YEAR, name, industry);
      const r = rnd.next();
      const status =
        r < 0.04
          ? 'draft'
          : r < 0.06
            ? 'withdrawn'
            : r < 0.14
              ? 'submitted'
              : r < 0.18
                ? 'returned'
                : r < 0.24
                  ? 'rejected'
                  : 'accepted';
      const day = rnd.int(0, 90);
      const created = new Date(Date.UTC(BATCH_YEAR, 2, 10) + day * 86_400_000);
      decls.push({
        id: rnd.uuid(),
        county,
        content,
        growth,
        status,
        version: rnd.int(2, 14),
        createdAt: created.toISOString(),
        submittedAt:
          status === 'draft' ? null : new Date(created.getTime() + rnd.int(2, 30) * 86_400_000).toISOString(),
      });
    }

    // Each unit ranks its accepted, eligible declarations by growth and recommends up to its quota.
    const recommendations: Record<string, unknown>[] = [];
    const recommended: Decl[] = [];
    for (const u of units) {
      const mine = decls
        .filter((d) => d.county.unitCode === u.code && d.status === 'accepted')
        .filter((d) => recommendationEligibility(checkStandards(d.content, '2022'), u.region, null).ok)
        .sort((a, b) => b.growth - a.growth)
        .slice(0, quotas[u.kind] ?? 0);
      mine.forEach((d, i) => {
        d.status = 'recommended';
        recommended.push(d);
        recommendations.push({
          campaignYear: BATCH_YEAR,
          unitCode: u.code,
          rank: i + 1,
          declarationId: d.id,
          createdBy: unitUser.get(u.code),
        });
      });
    }
    // The ministry identified 100 of them (the largest), the rest were not identified.
    const identified = [...recommended]
      .sort((a, b) => (b.content.indicators.output[2] ?? 0) - (a.content.indicators.output[2] ?? 0))
      .slice(0, clustersPerBatch);
    for (const d of recommended) d.status = identified.includes(d) ? 'identified' : 'not_identified';

    // Evidence: every submitted declaration has its seven required files; drafts some.
    const required = EVIDENCE_CATEGORIES.filter((c) => c.required).map((c) => c.key);
    const files: { key: string; body: Buffer }[] = [];
    const attachmentRows: Record<string, unknown>[] = [];
    const attachmentsOf = new Map<string, Record<string, unknown>[]>();
    for (const d of decls) {
      const cats = d.status === 'draft' ? required.slice(0, rnd.int(0, 3)) : required;
      const mine: Record<string, unknown>[] = [];
      for (const category of cats) {
        const id = rnd.uuid();
        const key = `${BATCH_YEAR}/0${rnd.int(3, 6)}/${rnd.uuid()}`;
        const body = evidencePdf(`${d.id} ${category}`);
        files.push({ key, body });
        const row = {
          id,
          declarationId: d.id,
          category,
          filename: `${category}${SYNTHETIC}.pdf`,
          storageKey: key,
          size: body.length,
          sha256: createHash('sha256').update(body).digest('hex'),
          contentType: 'application/pdf',
          createdBy: countyUser.get(d.county.code),
          createdAt: d.createdAt,
        };
        attachmentRows.push(row);
        mine.push(row);
      }
      attachmentsOf.set(d.id, mine);
    }
    await pool(files, 32, async (f) => {
      const target = path.join(uploadDir, f.key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, f.body);
    });

    await bulkInsert(
      database,
      'declarations',
      {
        id: 'uuid',
        campaignYear: 'int',
        divisionCode: 'text',
        unitCode: 'text',
        formVersion: 'text',
        standardsVersion: 'text',
        status: 'text',
        version: 'int',
        content: 'jsonb',
        clusterName: 'text',
        submittedVersion: 'int',
        submittedAt: 'timestamptz',
        isDemo: 'boolean',
        createdBy: 'uuid',
        updatedBy: 'uuid',
        createdAt: 'timestamptz',
        updatedAt: 'timestamptz',
      },
      decls.map((d) => ({
        id: d.id,
        campaignYear: BATCH_YEAR,
        divisionCode: d.county.code,
        unitCode: d.county.unitCode,
        formVersion: '2022',
        standardsVersion: '2022',
        status: d.status,
        version: d.version,
        content: d.content,
        clusterName: d.content.clusterName,
        submittedVersion: d.submittedAt ? d.version : null,
        submittedAt: d.submittedAt,
        isDemo: true,
        createdBy: countyUser.get(d.county.code),
        updatedBy: countyUser.get(d.county.code),
        createdAt: d.createdAt,
        updatedAt: d.submittedAt ?? d.createdAt,
      })),
    );
    await bulkInsert(
      database,
      'attachments',
      {
        id: 'uuid',
        declarationId: 'uuid',
        category: 'text',
        filename: 'text',
        storageKey: 'text',
        size: 'bigint',
        sha256: 'text',
        contentType: 'text',
        createdBy: 'uuid',
        createdAt: 'timestamptz',
      },
      attachmentRows,
      2000,
    );
    const submitted = decls.filter((d) => d.submittedAt);
    await bulkInsert(
      database,
      'declaration_versions',
      {
        declarationId: 'uuid',
        version: 'int',
        status: 'text',
        content: 'jsonb',
        attachments: 'jsonb',
        createdBy: 'uuid',
        createdAt: 'timestamptz',
      },
      submitted.map((d) => ({
        declarationId: d.id,
        version: d.version,
        status: 'submitted',
        content: d.content,
        attachments: (attachmentsOf.get(d.id) ?? []).map((a) => ({
          id: a.id,
          category: a.category,
          filename: a.filename,
          size: a.size,
          sha256: a.sha256,
          contentType: a.contentType,
          uploadedAt: a.createdAt,
          uploadedBy: null,
        })),
        createdBy: countyUser.get(d.county.code),
        createdAt: d.submittedAt,
      })),
    );
    const decision: Record<string, [string, string]> = {
      returned: ['return', 'returned'],
      rejected: ['reject', 'rejected'],
      withdrawn: ['withdraw', 'withdrawn'],
      accepted: ['accept', 'accepted'],
      recommended: ['accept', 'accepted'],
      identified: ['accept', 'accepted'],
      not_identified: ['accept', 'accepted'],
    };
    const events: Record<string, unknown>[] = [];
    for (const d of decls) {
      const county = countyUser.get(d.county.code);
      const ev = (action: string, from: string | null, to: string, at: string, actor = county) =>
        events.push({
          declarationId: d.id,
          action,
          fromStatus: from,
          toStatus: to,
          version: d.version,
          actorId: actor,
          at,
        });
      ev('created', null, 'draft', d.createdAt);
      if (!d.submittedAt) continue;
      ev('submit', 'draft', 'submitted', d.submittedAt);
      const step = decision[d.status];
      if (step) {
        const actor = step[0] === 'withdraw' ? county : unitUser.get(d.county.unitCode);
        ev(step[0], 'submitted', step[1], d.submittedAt, actor);
      }
      if (['recommended', 'identified', 'not_identified'].includes(d.status))
        ev('recommend', 'accepted', 'recommended', d.submittedAt, unitUser.get(d.county.unitCode));
    }
    await bulkInsert(
      database,
      'declaration_events',
      {
        declarationId: 'uuid',
        action: 'text',
        fromStatus: 'text',
        toStatus: 'text',
        version: 'int',
        actorId: 'uuid',
        at: 'timestamptz',
      },
      events,
      2000,
    );
    await bulkInsert(
      database,
      'recommendations',
      { campaignYear: 'int', unitCode: 'text', rank: 'int', declarationId: 'uuid', createdBy: 'uuid' },
      recommendations,
    );
    log(
      `${decls.length} declarations, ${attachmentRows.length} evidence files, ${recommendations.length} recommendations`,
    );

    // --- 400 identified clusters: 2022–2024 drawn afresh, 2025 from the identified declarations -------
    const notices = new Map(
      (
        await database.raw.query<{ year: number; list_notice_no: string | null }>(
          'SELECT year, list_notice_no FROM campaigns',
        )
      ).map((c) => [c.year, c.list_notice_no]),
    );
    const clusters: Record<string, unknown>[] = [];
    const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
    for (const year of [2022, 2023, 2024]) {
      for (let i = 0; i < clustersPerBatch; i++) {
        const county = rnd.pick(weighted);
        const industry = pickIndustry();
        const validFrom = BATCH_VALID_FROM[year]!;
        // The first batch has been through its three-year re-review: most extended, a few revoked.
        const r = rnd.next();
        const status = year === 2022 ? (r < 0.06 ? 'revoked' : r < 0.8 ? 'extended' : 'valid') : 'valid';
        clusters.push({
          id: rnd.uuid(),
          declarationId: null,
          name: `${county.place}${industry.name}产业集群${SYNTHETIC}${year}-${String(i + 1).padStart(3, '0')}`,
          campaignYear: year,
          divisionCode: county.code,
          unitCode: county.unitCode,
          leadingIndustry: industry.name,
          industryCode: industry.code,
          subSector: null,
          noticeNo: notices.get(year) ?? `认定通告${SYNTHETIC}`,
          validFrom,
          validTo: addYears(validFrom, 3),
          status,
        });
      }
    }
    for (const d of identified) {
      const validFrom = BATCH_VALID_FROM[BATCH_YEAR]!;
      clusters.push({
        id: rnd.uuid(),
        declarationId: d.id,
        name: d.content.clusterName,
        campaignYear: BATCH_YEAR,
        divisionCode: d.county.code,
        unitCode: d.county.unitCode,
        leadingIndustry: d.content.leadingIndustry.name,
        industryCode: d.content.leadingIndustry.industryCode,
        subSector: d.content.leadingIndustry.subSector,
        noticeNo: notices.get(BATCH_YEAR) ?? `认定通告${SYNTHETIC}`,
        validFrom,
        validTo: addYears(validFrom, 3),
        status: 'valid',
      });
    }
    // Later migrations (cluster lifecycle) record when a cluster was revoked; fill it when the column exists.
    const [hasRevokedOn] = await database.raw.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'clusters' AND column_name = 'revoked_on'`,
    );
    for (const c of clusters) if (hasRevokedOn) c.revokedOn = c.status === 'revoked' ? '2026-01-10' : null;
    await bulkInsert(
      database,
      'clusters',
      {
        ...(hasRevokedOn ? { revokedOn: 'date' } : {}),
        id: 'uuid',
        declarationId: 'uuid',
        name: 'text',
        campaignYear: 'int',
        divisionCode: 'text',
        unitCode: 'text',
        leadingIndustry: 'text',
        industryCode: 'text',
        subSector: 'text',
        noticeNo: 'text',
        validFrom: 'date',
        validTo: 'date',
        status: 'text',
      },
      clusters,
    );
    const annualReports = await writeAnnualReports(database, rnd, clusters, countyUser);
    await database.raw.query('ANALYZE');
    log(`${clusters.length} clusters; annual reports: ${annualReports}`);

    const byStatus: Record<string, number> = {};
    for (const d of decls) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    return {
      seed,
      database: dbName(url),
      counties: counties.length,
      units: units.length,
      users: users.length,
      declarations: decls.length,
      byStatus,
      attachments: attachmentRows.length,
      recommendations: recommendations.length,
      clusters: clusters.length,
      annualReports,
      surgeCampaign: SURGE_YEAR,
      ms: Math.round(performance.now() - t0),
    };
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const summary = await generateBenchData({
    ...(arg('seed') ? { seed: Number(arg('seed')) } : {}),
    ...(arg('declarations') ? { declarations: Number(arg('declarations')) } : {}),
    log: (line) => console.log(`bench:data  ${line}`),
  });
  await fs.mkdir(BENCH_VAR, { recursive: true });
  await fs.writeFile(path.join(BENCH_VAR, 'data.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `bench:data  SYNTHETIC data ready in ${summary.database} (${(summary.ms / 1000).toFixed(1)} s)`,
  );
  console.log(JSON.stringify(summary, null, 2));
}
