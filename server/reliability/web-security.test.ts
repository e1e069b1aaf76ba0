// Web security: CSRF on every cookie-authenticated change (generated from the route table), session fixation,
// cookie flags behind TLS, security headers, throttled sign-ins and uploads, narrative HTML stored and served
// inert, SQL injection strings in every filter of every list, the password policy and hashed API tokens.
// server/modules/auth/auth.test.ts has the basic CSRF, lockout and token cases.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ZodObject } from 'zod';
import { sampleContent } from '../db/seed/sample-content.ts';
import { call, login, type Session, startTestApp, type TestApp } from '../test-support/app.ts';
import { tinyPdf, upload } from '../test-support/files.ts';
import { MATRIX } from './authorization-matrix.ts';
import {
  apiRoutes,
  assertErrorBody,
  buildFixture,
  type Fixture,
  isWrite,
  PARTIES,
  type RouteInfo,
  report,
  withRouteTable,
} from './support.ts';

const YEAR = 2086;
let t: TestApp;
let routes: RouteInfo[];
let f: Fixture;
const counts = { csrf: 0, sqli: 0, headers: 0 };

before(async () => {
  const built = await withRouteTable(() =>
    startTestApp({
      login: { maxFailures: 5, maxFailuresPerIp: 1000, windowMinutes: 15 },
      uploadsPerHour: 40,
    }),
  );
  t = built.result;
  routes = apiRoutes(built.routes);
  f = await buildFixture(t, YEAR);
});
after(() => t?.close());

/** The party that passes the route's role check, from the authorization matrix. */
function allowedParty(route: RouteInfo) {
  const tokens = MATRIX[route.key]!.expect.trim().split(/\s+/);
  const i = tokens.findIndex((tk, n) => n > 0 && tk !== '401' && tk !== '403');
  return i > 0 ? PARTIES[i]! : null;
}

describe('web security', () => {
  it('refuses every cookie-authenticated change without the CSRF token, or with another session’s', async () => {
    for (const route of routes.filter((r) => isWrite(r) && r.access !== 'public' && MATRIX[r.key])) {
      const party = allowedParty(route);
      if (!party) continue;
      const other = f.sessions[party === 'admin' ? 'countyB' : 'admin']!.csrfToken;
      const s = f.sessions[party]!;
      const probe = MATRIX[route.key]!;
      for (const token of [undefined, other, '']) {
        const headers: Record<string, string> = { cookie: s.cookie, 'content-type': 'application/json' };
        if (token !== undefined) headers['x-csrf-token'] = token;
        const res = await fetch(`${t.url}${probe.path(f)}`, {
          method: route.method,
          headers: { ...probe.headers, ...headers },
          body: JSON.stringify(probe.body?.(f) ?? {}),
        });
        const body = await res.json();
        assert.equal(res.status, 403, `${route.key} as ${party} with csrf ${JSON.stringify(token)}`);
        assertErrorBody(body, route.key);
        counts.csrf++;
      }
    }
  });

  it('gives a new session id at sign-in, whatever session cookie the browser already had', async () => {
    const planted = 'attacker-chosen-session-id';
    const res = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `jiqun_session=${planted}` },
      body: JSON.stringify({ username: 'county-330281', password: 'demo' }),
    });
    assert.equal(res.status, 200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    assert.match(cookie, /^jiqun_session=.{32,}/);
    assert.notEqual(cookie, `jiqun_session=${planted}`);
    const fixed = await call(
      t.url,
      { cookie: `jiqun_session=${planted}`, csrfToken: '', user: f.sessions.countyA!.user },
      'GET',
      '/api/v1/auth/me',
    );
    assert.equal(fixed.status, 401, 'the planted id is not a session');
    const again = await login(t.url, 'county-330281');
    assert.notEqual(again.cookie, cookie, 'each sign-in gets its own id');
    assert.notEqual(again.csrfToken, f.sessions.countyA!.csrfToken);
    // The stored id is a hash: the cookie value is nowhere in the database.
    const raw = decodeURIComponent(cookie.slice('jiqun_session='.length));
    const [row] = await t.database.raw.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions WHERE id = $1',
      [raw],
    );
    assert.equal(Number(row!.n), 0);
  });

  it('sets the session cookie httpOnly, SameSite=Lax, and Secure behind TLS', async () => {
    const plain = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    const c = plain.headers.get('set-cookie') ?? '';
    assert.match(c, /HttpOnly/i);
    assert.match(c, /SameSite=Lax/i);
    assert.match(c, /Path=\//i);
    const tls = await startTestApp({ cookieSecure: true });
    try {
      const res = await fetch(`${tls.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'demo' }),
      });
      const secure = res.headers.get('set-cookie') ?? '';
      assert.match(secure, /;\s*Secure/i);
      assert.match(secure, /HttpOnly/i);
    } finally {
      await tls.close();
    }
  });

  it('sends security headers: a CSP without inline scripts, nosniff, no framing, no referrer leaks', async () => {
    for (const path of [
      '/api/v1/units',
      '/healthz',
      '/api/v1/nope',
      `/api/v1/declarations/${f.submittedId}/form.pdf`,
    ]) {
      const res = await fetch(`${t.url}${path}`, { headers: { cookie: f.sessions.countyA!.cookie } });
      const h = (n: string) => res.headers.get(n) ?? '';
      const csp = h('content-security-policy');
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
      assert.ok(script.includes("'self'"), `${path}: script-src ${script}`);
      assert.doesNotMatch(script, /unsafe-inline|unsafe-eval|\*/, `${path}: ${csp}`);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(h('x-content-type-options'), 'nosniff', path);
      assert.ok(h('x-frame-options'), path);
      assert.ok(h('referrer-policy'), path);
      assert.equal(h('x-powered-by'), '', path);
      counts.headers++;
    }
    const file = await fetch(
      `${t.url}/api/v1/declarations/${f.submittedId}/attachments/${f.submittedAttachmentId}`,
      { headers: { cookie: f.sessions.countyA!.cookie } },
    );
    assert.match(
      file.headers.get('content-disposition') ?? '',
      /^attachment;/,
      'evidence downloads, never renders',
    );
    assert.match(file.headers.get('cache-control') ?? '', /no-store/);
  });

  it('locks sign-in after repeated failures (429 with Retry-After, even with the right password)', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await call(t.url, null, 'POST', '/api/v1/auth/login', {
        username: 'county-330282',
        password: `wrong-${i}`,
      });
      assert.equal(r.status, 401);
    }
    const locked = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county-330282', password: 'demo' }),
    });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assertErrorBody(await locked.json(), 'lockout');
  });

  it('throttles uploads per account (429 with Retry-After) before storing anything', async () => {
    const s = await login(t.url, 'unit-330200');
    const county = f.sessions.countyA!;
    let last = 0;
    let accepted = 0;
    for (let i = 0; i < 45 && last !== 429; i++) {
      const r = await upload(
        t.url,
        county,
        f.draftId,
        { name: `p${i}.pdf`, data: tinyPdf(String(i)) },
        'other',
      );
      last = r.status;
      if (r.status === 201) accepted++;
    }
    assert.equal(last, 429, 'the 41st upload within the hour is refused');
    assert.ok(accepted <= 40);
    const [row] = await t.database.raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM attachments WHERE declaration_id = $1 AND category = 'other'",
      [f.draftId],
    );
    assert.equal(Number(row!.n), accepted, 'nothing stored for refused uploads');
    assert.ok(s.cookie, 'other accounts are not affected');
  });

  it('stores narrative HTML and script exactly as typed and serves it only as inert JSON or PDF text', async () => {
    const hostile =
      '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>"\'><svg/onload=alert(1)>';
    const created = await call(t.url, f.sessions.countyA!, 'POST', '/api/v1/declarations', {
      campaignYear: YEAR,
      ...sampleContent(YEAR),
      clusterName: `${hostile}集群`,
      narratives: { ...(sampleContent(YEAR).narratives as object), competitiveness: hostile },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const res = await fetch(`${t.url}/api/v1/declarations/${created.body.id}`, {
      headers: { cookie: f.sessions.countyA!.cookie },
    });
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const d = (await res.json()) as { narratives: Record<string, string> };
    assert.equal(d.narratives.competitiveness, hostile, 'nothing typed is lost or rewritten');
    const pdf = await fetch(`${t.url}/api/v1/declarations/${created.body.id}/form.pdf`, {
      headers: { cookie: f.sessions.countyA!.cookie },
    });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const list = await fetch(`${t.url}/api/v1/declarations?q=${encodeURIComponent('<script>')}`, {
      headers: { cookie: f.sessions.countyA!.cookie },
    });
    assert.match(list.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('treats SQL injection strings in every filter of every list as plain values', async () => {
    const INJECTIONS = [
      "' OR '1'='1",
      "1' OR 1=1 --",
      "'; DROP TABLE users; --",
      '" OR ""="',
      '%',
      '_',
      "\\'",
      '1; SELECT pg_sleep(5)',
    ];
    const baseline = await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    // Routes still without a matrix row fail the matrix test; here they are left out.
    for (const route of routes.filter((r) => r.method === 'GET' && MATRIX[r.key])) {
      const query = (route.schema as { querystring?: ZodObject } | undefined)?.querystring;
      const keys = query && 'shape' in query ? Object.keys((query as ZodObject).shape) : [];
      if (!keys.length) continue;
      const party = route.access === 'public' ? 'anonymous' : allowedParty(route);
      if (!party) continue;
      const s: Session | null = f.sessions[party];
      const path = MATRIX[route.key]!.path(f).split('?')[0]!;
      for (const key of keys) {
        for (const value of INJECTIONS) {
          const started = Date.now();
          const r = await call(t.url, s, 'GET', `${path}?${key}=${encodeURIComponent(value)}`);
          counts.sqli++;
          assert.ok(r.status < 500, `${route.key} ?${key}=${value}: ${r.status} ${JSON.stringify(r.body)}`);
          assert.ok(Date.now() - started < 4000, `${route.key} ?${key}=${value}: slow (injected sleep?)`);
          if (r.status >= 400) assertErrorBody(r.body, `${route.key} ?${key}`);
          else if (key === 'q' && Array.isArray(r.body?.items) && value.includes('OR')) {
            assert.equal(r.body.items.length, 0, `${route.key} ?q=${value} matched rows`);
          }
        }
      }
    }
    const after = await t.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    assert.deepEqual(after, baseline, 'users intact');
  });

  it('enforces the password policy on new accounts and changes', async () => {
    const admin = f.sessions.admin!;
    for (const password of ['short', 'password123', 'aaaaaaaaaaaaaaaa', 'county-new-1']) {
      const r = await call(t.url, admin, 'POST', '/api/v1/users', {
        username: 'county-new-1',
        displayName: '新账号',
        role: 'county',
        divisionCode: '330281',
        password,
      });
      assert.equal(r.status, 400, `${password}: ${JSON.stringify(r.body)}`);
      assertErrorBody(r.body, password);
    }
    const s = await login(t.url, 'expert-5');
    const weak = await call(t.url, s, 'POST', '/api/v1/auth/password', {
      currentPassword: 'demo',
      newPassword: '123456',
    });
    assert.equal(weak.status, 400);
  });

  it('stores API tokens hashed: the token shown once is nowhere in the database', async () => {
    const s = f.sessions.ministry!;
    const created = await call(t.url, s, 'POST', '/api/v1/auth/tokens', { name: 'hash check' });
    assert.equal(created.status, 201);
    const token: string = created.body.token;
    assert.ok(token.length >= 32);
    const rows = await t.database.raw.query<Record<string, unknown>>(
      'SELECT * FROM api_tokens WHERE id = $1',
      [created.body.id],
    );
    const stored = JSON.stringify(rows);
    assert.ok(!stored.includes(token), 'plaintext token at rest');
    assert.ok(stored.includes(createHash('sha256').update(token).digest('hex')), 'sha256 of the token');
    const listed = await call(t.url, s, 'GET', '/api/v1/auth/tokens');
    assert.ok(!JSON.stringify(listed.body).includes(token), 'never shown again');
    report(
      `web security: CSRF refused on ${counts.csrf} route × token cases, ${counts.sqli} SQL-injection filter ` +
        `values, security headers on ${counts.headers} answers, session fixation, cookie flags, lockout, upload ` +
        'throttle, inert HTML, password policy, hashed tokens',
    );
  });
});
