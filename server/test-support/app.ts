import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { Clock } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { LocalStorage, type Storage } from '../platform/storage.ts';
import { freshDatabase, type TestDatabase } from './database.ts';

export type TestApp = {
  url: string;
  dataDir: string;
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  storage: Storage;
  /** The server's clock: tests shift it (e.g. past a 公示 period). */
  clock: Clock;
  close(): Promise<void>;
};

/**
 * The real app on a fresh database, listening on a random local port: tests talk to it over real HTTP.
 * Demo accounts (password `demo`) exist, as in `npm start`. Files go to local disk in the test's data
 * directory unless `options.storage` gives another backend (e.g. S3 against s3rver).
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  options: { storage?: Storage } = {},
): Promise<TestApp> {
  const database = await freshDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-test-'));
  const config: Config = { ...loadConfig({ JIQUN_DATA_DIR: dataDir }), demo: true, ...overrides };
  const storage = options.storage ?? new LocalStorage(config.uploadDir);
  const clock = new Clock();
  const app = await buildApp({
    clock,
    config,
    db: database.db,
    database,
    storage,
    logger: false,
    webRoot: '/nonexistent',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    app,
    database,
    config,
    storage,
    clock,
    async close() {
      await app.close();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Session = { cookie: string; csrfToken: string; user: { id: string; role: string } };

/** Signs in over HTTP and returns what a browser would hold: the cookie and the CSRF token. */
export async function login(url: string, username: string, password = 'demo'): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string; user: { id: string; role: string } };
  return { cookie, csrfToken: body.csrfToken, user: body.user };
}

/** A fetch with the session's cookie and CSRF header, returning status and parsed JSON. */
export async function call(
  url: string,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely and assert on each one
): Promise<{ status: number; body: any; headers: Headers }> {
  const h: Record<string, string> = { ...headers };
  if (session) {
    h.cookie = session.cookie;
    if (method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = session.csrfToken;
  }
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method,
    headers: h,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (e.g. /metrics): keep the text.
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Parses a fetch response's JSON body for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely and assert on each one
export const jsonOf = async (res: Response): Promise<any> => res.json();

/** A campaign open far in the future (years ≥ 2090 never meet the clock-following demo campaign). */
export function openCampaign(year: number, overrides: Record<string, unknown> = {}) {
  return {
    year,
    noticeNo: `工信厅企业函〔${year}〕1号`,
    noticeDate: `${year}-01-05`,
    status: 'open',
    opensAt: `${year}-01-05`,
    countyDeadline: `${year}-06-30`,
    unitDeadline: `${year}-07-31`,
    quotas: { provincial: 8, separate_plan_city: 2, xpcc: 2 },
    standardsVersion: '2022',
    formVersion: '2022',
    annualReportDue: '03-31',
    rules: { onePerSubSector: false },
    listNoticeNo: null,
    identifiedCount: null,
    ...overrides,
  };
}
