// Two server processes on one PostgreSQL database: a session works across them (read, write, logout), the
// recommendation quota holds under 200 concurrent replacements sent to both, and the e-mails those changes
// cause are each delivered once although both processes run the delivery job. PostgreSQL only (PGlite is one
// process by design).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openCampaign } from '../server/test-support/app.ts';
import { type RunningServer, startServer } from './support/server.ts';

const adminUrl = process.env.DATABASE_URL;
const YEAR = 2095;

type Session = { cookie: string; csrfToken: string };

async function login(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  assert.equal(res.status, 200, `login ${username}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken: body.csrfToken };
}

async function send(url: string, s: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('two server processes on one PostgreSQL', {
  skip: adminUrl ? false : 'needs DATABASE_URL (PostgreSQL)',
}, () => {
  let a: RunningServer;
  let b: RunningServer;
  let dbUrl: string;
  let dbName: string;

  before(async () => {
    dbName = `jiqun_two_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(adminUrl!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    // Both start at once: migrations and seeding must be safe when they race.
    // 200 requests queue on one unit's list: give them time to wait for a connection rather than 503.
    const env = {
      DATABASE_URL: dbUrl,
      JIQUN_DEMO: '1',
      JIQUN_DB_POOL_SIZE: '20',
      JIQUN_DB_CONNECT_TIMEOUT_MS: '120000',
    };
    [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
    // The Ningbo counties get an address, so that the recommendations below send them e-mail (demo: captured).
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    await client.query(
      `UPDATE users SET email = username || '@example.cn' WHERE username IN ('county-330281', 'county-330282', 'county-330213')`,
    );
    await client.end();
  });

  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('a session opened on one process works on the other, for reads, writes (CSRF) and logout', async () => {
    const s = await login(a.url, 'unit-330200');
    const me = await send(b.url, s, 'GET', '/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.username, 'unit-330200');
    // A write on the other process: its CSRF token is the session's, not the process's.
    const prefs = await send(b.url, s, 'PUT', '/api/v1/me/notification-preferences', {
      email: 'ningbo@example.cn',
    });
    assert.equal(prefs.status, 200, JSON.stringify(prefs.body));
    assert.equal(
      (await send(a.url, s, 'GET', '/api/v1/me/notification-preferences')).body.email,
      'ningbo@example.cn',
    );
    // Logging out on one process ends the session on both.
    assert.equal((await send(b.url, s, 'POST', '/api/v1/auth/logout')).status, 204);
    assert.equal((await send(a.url, s, 'GET', '/api/v1/auth/me')).status, 401);
  });

  it('200 concurrent replacements across both never leave more than the quota', async () => {
    const ministry = await login(a.url, 'ministry');
    const campaign = await send(
      a.url,
      ministry,
      'POST',
      '/api/v1/campaigns',
      openCampaign(YEAR, { countyDeadline: `${YEAR}-12-30`, unitDeadline: `${YEAR}-12-31` }),
    );
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    // Three accepted Ningbo declarations, placed straight into the database (the API path is tested elsewhere).
    const client = new pg.Client({ connectionString: dbUrl });
    client.on('error', () => undefined); // the database is dropped with FORCE after the suite
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO declarations (campaign_year, division_code, unit_code, form_version, standards_version, status, content, submitted_version)
       SELECT $1, code, '330200', '2022', '2022', 'accepted', (SELECT content FROM declarations WHERE is_demo AND status = 'accepted' LIMIT 1), 1
       FROM unnest(ARRAY['330281', '330282', '330213']) AS code RETURNING id`,
        [YEAR],
      );
      const pool = rows.map((r) => r.id);
      const ningbo = await login(b.url, 'unit-330200');
      const requests = Array.from({ length: 200 }, (_, i) => {
        const n = (i % 3) + 1;
        const items = Array.from({ length: n }, (_, k) => ({
          declarationId: pool[(i + k) % 3],
          rank: k + 1,
        }));
        return send(i % 2 ? a.url : b.url, ningbo, 'PUT', `/api/v1/units/330200/recommendations/${YEAR}`, {
          items,
        });
      });
      const results = await Promise.all(requests);
      const statuses = results.map((r) => r.status);
      assert.ok(
        statuses.every((s) => s === 200 || s === 409),
        `only 200 and 409: ${[...new Set(statuses)].join(',')}`,
      );
      assert.ok(statuses.filter((s) => s === 200).length > 0);
      const count = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM recommendations WHERE unit_code = $1 AND campaign_year = $2',
        ['330200', YEAR],
      );
      assert.ok(count.rows[0]!.n <= 2, `${count.rows[0]!.n} recommendations`);
      const mismatched = await client.query(
        `SELECT d.id FROM declarations d LEFT JOIN recommendations r ON r.declaration_id = d.id
       WHERE d.id = ANY($1::uuid[]) AND (d.status = 'recommended') <> (r.declaration_id IS NOT NULL)`,
        [pool],
      );
      assert.equal(mismatched.rowCount, 0, 'statuses follow the list');
    } finally {
      await client.end();
    }
  });

  it('each e-mail those recommendations caused is delivered once, by one of the two processes', async () => {
    const client = new pg.Client({ connectionString: dbUrl });
    client.on('error', () => undefined);
    await client.connect();
    try {
      type Row = { status: string; attempts: number; n: number };
      let byState: Row[] = [];
      // Both processes run the delivery loop every few seconds; wait until nothing is left to send.
      for (let i = 0; i < 120; i++) {
        byState = (
          await client.query<Row>(
            `SELECT status, attempts, count(*)::int AS n FROM mail_outbox WHERE kind = 'recommend' GROUP BY 1, 2`,
          )
        ).rows;
        if (byState.length > 0 && byState.every((r) => r.status !== 'queued' && r.status !== 'sending'))
          break;
        await new Promise((r) => setTimeout(r, 500));
      }
      assert.ok(byState.length > 0, 'the recommendations queued e-mail');
      assert.deepEqual(
        byState.map((r) => [r.status, r.attempts]),
        [['captured', 1]],
        `every mail captured in exactly one attempt: ${JSON.stringify(byState)}`,
      );
    } finally {
      await client.end();
    }
  });
});
