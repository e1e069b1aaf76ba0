// Shared helpers of the reliability suite: the route table of a built app, the nine parties of the
// authorization matrix with records that belong to some of them, database fingerprints ("nothing was
// written") and the counts each test file prints.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Database } from '../platform/db.ts';
import { call, login, openCampaign, type Session, type TestApp } from '../test-support/app.ts';
import { submitComplete } from '../test-support/declarations.ts';
import { tinyPdf, tinyPng, upload } from '../test-support/files.ts';

/** Prints one line of the suite's summary (`reliability: …`), picked up from the test output by people and CI logs. */
export function report(line: string): void {
  console.log(`reliability: ${line}`);
}

/** How many generated cases each fuzzed route gets; JIQUN_FUZZ_RUNS raises it for a long run. */
export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.JIQUN_FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export type RouteInfo = {
  method: string;
  url: string;
  access: unknown;
  schema: RouteOptions['schema'];
  /** `GET /api/v1/declarations/:id`: the key of the matrix table. */
  key: string;
};

/**
 * Runs `build` while listening to Fastify's `fastify.initialization` diagnostics channel, and adds an
 * `onRoute` hook to the instance it creates: every route the app registers is recorded, exactly as the
 * auth plugin sees it (HEAD routes Fastify adds for GET are left out).
 */
export async function withRouteTable<T>(
  build: () => Promise<T>,
): Promise<{ result: T; routes: RouteInfo[] }> {
  const routes: RouteInfo[] = [];
  const channel = diagnostics.channel('fastify.initialization');
  const onInit = (message: unknown) => {
    const app = (message as { fastify: FastifyInstance }).fastify;
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        const config = route.config as { access?: unknown } | undefined;
        routes.push({
          method,
          url: route.url,
          access: config?.access,
          schema: route.schema,
          key: `${method} ${route.url}`,
        });
      }
    });
  };
  channel.subscribe(onInit);
  try {
    const result = await build();
    return { result, routes: dedupe(routes) };
  } finally {
    channel.unsubscribe(onInit);
  }
}

function dedupe(routes: RouteInfo[]): RouteInfo[] {
  const seen = new Map<string, RouteInfo>();
  for (const r of routes) if (!seen.has(r.key)) seen.set(r.key, r);
  return [...seen.values()];
}

/** The API's routes: /api/v1 and the operational endpoints, without the docs UI's static files. */
export const apiRoutes = (routes: RouteInfo[]) =>
  routes.filter((r) => r.url.startsWith('/api/v1') || ['/healthz', '/readyz', '/metrics'].includes(r.url));

export const isWrite = (r: Pick<RouteInfo, 'method'>) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method);

/** Asserts the standard error body `{"error": {"code", "message", "details"}}` and no stack trace. */
export function assertErrorBody(body: unknown, context: string): void {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  assert.ok(
    e && typeof e === 'object',
    `${context}: no error object in ${JSON.stringify(body)?.slice(0, 300)}`,
  );
  assert.match(String(e.code), /^[A-Z][A-Z_]+$/, `${context}: error.code`);
  assert.equal(typeof e.message, 'string', `${context}: error.message`);
  assert.ok(Array.isArray(e.details), `${context}: error.details`);
  assert.doesNotMatch(JSON.stringify(body), /\n\s+at |node_modules|\.ts:\d+/, `${context}: stack trace`);
}

// --- the nine parties ---------------------------------------------------------------------------------

/** The parties of the matrix, in the order of its columns. */
export const PARTIES = [
  'anonymous',
  'countyA',
  'countyB',
  'unitA',
  'unitB',
  'expertAssigned',
  'expertOther',
  'ministry',
  'admin',
] as const;
export type Party = (typeof PARTIES)[number];

/**
 * County A (余姚) owns the records; county B (慈溪) is its neighbour in the same unit; unit A (宁波) is A's
 * recommending unit, unit B (浙江) another one; expert-2 is invited to score A's submitted declaration,
 * expert-3 is not.
 */
export const ACCOUNTS: Record<Exclude<Party, 'anonymous'>, string> = {
  countyA: 'county-330281',
  countyB: 'county-330282',
  unitA: 'unit-330200',
  unitB: 'unit-330000',
  expertAssigned: 'expert-2',
  expertOther: 'expert-3',
  ministry: 'ministry',
  admin: 'admin',
};

export type Fixture = {
  year: number;
  sessions: Record<Party, Session | null>;
  userIds: Record<Exclude<Party, 'anonymous'>, string>;
  /** County A's draft, with one attachment. */
  draftId: string;
  draftAttachmentId: string;
  /** County A's submitted declaration (complete, with evidence), scored by expertAssigned. */
  submittedId: string;
  submittedAttachmentId: string;
  /** expertAssigned's unit-level assignment on the submitted declaration. */
  assignmentId: string;
  /** Unit A's inspection of the submitted declaration, with one photo. */
  inspectionId: string;
  inspectionFileId: string;
  /** A ministry panel of the campaign. */
  panelId: string;
  /** County A's API token (id). */
  tokenId: string;
  /** A notification addressed to county A. */
  notificationId: string;
  /** An identified cluster of county A. */
  clusterId: string;
  /** A published notice. */
  noticeId: string;
};

/** Signs every party in (fresh sessions), e.g. after a test logged some out. */
export async function signInAll(url: string): Promise<Record<Party, Session | null>> {
  const entries = await Promise.all(
    PARTIES.map(async (p) => [p, p === 'anonymous' ? null : await login(url, ACCOUNTS[p])] as const),
  );
  return Object.fromEntries(entries) as Record<Party, Session | null>;
}

const ok = (r: { status: number; body: unknown }, what: string, status = [200, 201, 204]) =>
  assert.ok(status.includes(r.status), `${what}: ${r.status} ${JSON.stringify(r.body)}`);

/** Builds the records of the matrix on a running test app (about five seconds). */
export async function buildFixture(t: TestApp, year = 2093): Promise<Fixture> {
  const { url } = t;
  const sessions = await signInAll(url);
  const s = (p: Exclude<Party, 'anonymous'>) => sessions[p]!;
  const userIds = Object.fromEntries(
    Object.keys(ACCOUNTS).map((p) => [p, sessions[p as Party]!.user.id]),
  ) as Fixture['userIds'];
  ok(await call(url, s('ministry'), 'POST', '/api/v1/campaigns', openCampaign(year)), 'campaign');

  const draft = await call(url, s('countyA'), 'POST', '/api/v1/declarations', {
    campaignYear: year,
    clusterName: '余姚市矩阵测试集群',
  });
  ok(draft, 'draft');
  const draftFile = await upload(url, s('countyA'), draft.body.id, { name: '草稿证据.pdf', data: tinyPdf() });
  ok(draftFile, 'draft attachment');

  const submittedId = await submitComplete(url, s('countyA'), year);
  const submitted = await call(url, s('countyA'), 'GET', `/api/v1/declarations/${submittedId}`);
  const invited = await call(url, s('unitA'), 'POST', `/api/v1/declarations/${submittedId}/experts`, {
    expertIds: [userIds.expertAssigned],
  });
  ok(invited, 'invite expert');

  const inspection = await call(url, s('unitA'), 'POST', '/api/v1/inspections', {
    declarationId: submittedId,
    plannedOn: `${year}-05-20`,
    place: '余姚市经济开发区',
    team: [{ name: '王强', role: '组长', affiliation: '宁波市经信局' }],
  });
  ok(inspection, 'inspection');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), '现场.png');
  const photoRes = await fetch(`${url}/api/v1/inspections/${inspection.body.id}/files`, {
    method: 'POST',
    headers: { cookie: s('unitA').cookie, 'x-csrf-token': s('unitA').csrfToken },
    body: form,
  });
  const photo = (await photoRes.json()) as { id: string };
  assert.equal(photoRes.status, 201, JSON.stringify(photo));

  const panel = await call(url, s('ministry'), 'POST', `/api/v1/campaigns/${year}/panels`, {
    name: '矩阵评审组',
    expertIds: [userIds.expertOther],
    expertsPerDeclaration: 1,
  });
  ok(panel, 'panel');
  const token = await call(url, s('countyA'), 'POST', '/api/v1/auth/tokens', { name: 'matrix' });
  ok(token, 'token');
  const notice = await call(url, s('ministry'), 'POST', '/api/v1/notices', {
    kind: 'other',
    title: '矩阵测试通知',
    body: '正文',
    publishedOn: '2024-02-01',
  });

  const raw = t.database.raw;
  const [notification] = await raw.query<{ id: string }>(
    `INSERT INTO notifications (division_code, kind, title, body) VALUES ('330281', 'test', '矩阵', '')
     RETURNING id`,
  );
  const [cluster] = await raw.query<{ id: string }>(
    `SELECT id FROM clusters WHERE division_code = '330281' LIMIT 1`,
  );
  const clusterId = cluster?.id ?? (await insertCluster(raw, year));
  ok(notice, 'notice');
  const noticeId = String(notice.body.id);

  const attachments = submitted.body.attachments as { id: string }[];
  return {
    year,
    sessions,
    userIds,
    draftId: draft.body.id,
    draftAttachmentId: String(draftFile.body.id),
    submittedId,
    submittedAttachmentId: attachments[0]!.id,
    assignmentId: invited.body.experts[0].assignmentId,
    inspectionId: inspection.body.id,
    inspectionFileId: photo.id,
    panelId: panel.body.id,
    tokenId: token.body.id,
    notificationId: notification!.id,
    clusterId,
    noticeId,
  };
}

async function insertCluster(raw: Database['raw'], year: number): Promise<string> {
  const cols = await raw.query<{ column_name: string; is_nullable: string; column_default: string | null }>(
    `SELECT column_name, is_nullable, column_default FROM information_schema.columns
     WHERE table_name = 'clusters' ORDER BY ordinal_position`,
  );
  const values: Record<string, unknown> = {
    name: '余姚市矩阵集群',
    campaign_year: year,
    division_code: '330281',
    unit_code: '330200',
    leading_industry: '模具',
    valid_from: `${year}-01-01`,
    valid_to: `${year + 3}-01-01`,
    status: 'valid',
  };
  const missing = cols.filter(
    (c) => c.is_nullable === 'NO' && c.column_default === null && !(c.column_name in values),
  );
  assert.deepEqual(missing, [], 'clusters has new required columns: extend insertCluster');
  const keys = Object.keys(values).filter((k) => cols.some((c) => c.column_name === k));
  const [row] = await raw.query<{ id: string }>(
    `INSERT INTO clusters (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    keys.map((k) => values[k]),
  );
  return row!.id;
}

// --- "nothing was written" ------------------------------------------------------------------------------

/** Tables whose rows change on reads (sign-in bookkeeping), left out of fingerprints. */
const VOLATILE = new Set(['sessions', 'api_tokens', 'rate_limits', 'schema_migrations']);

/** A hash of every row of every business table: equal fingerprints mean nothing was written. */
export async function fingerprint(raw: Database['raw']): Promise<string> {
  const tables = await raw.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const h = createHash('sha256');
  for (const { tablename } of tables) {
    if (VOLATILE.has(tablename) || tablename.startsWith('pgboss')) continue;
    const [row] = await raw.query<{ n: number; x: string | null }>(
      `SELECT count(*)::int AS n, sum(hashtext(t::text)::bigint)::text AS x FROM "${tablename}" t`,
    );
    h.update(`${tablename}:${row?.n}:${row?.x};`);
  }
  return h.digest('hex');
}

/** Every file under a directory (uploads, temporary files), sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else found.push(p);
    }
  };
  await walk(dir);
  return found.sort();
}
