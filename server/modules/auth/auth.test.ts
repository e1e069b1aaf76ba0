import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, jsonOf, login, startTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const post = (path: string, body: unknown) => call(t.url, null, 'POST', path, body);

describe('login', () => {
  it('signs in with the demo password, sets an httpOnly SameSite=Lax cookie and returns the scope', async () => {
    const res = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county-330281', password: 'demo' }),
    });
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^jiqun_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    const body = await jsonOf(res);
    assert.equal(body.user.role, 'county');
    assert.equal(body.user.divisionCode, '330281');
    assert.equal(body.user.unitCode, '330200');
    assert.equal(body.scope.division.name, '余姚市');
    assert.equal(body.scope.unit.name, '宁波市');
    assert.equal(typeof body.csrfToken, 'string');
    assert.ok(!('passwordHash' in body.user));
  });
  it('answers a wrong password and an unknown user alike: 401 with the standard error body', async () => {
    const wrong = await post('/api/v1/auth/login', { username: 'unit-320000', password: 'nope' });
    const unknown = await post('/api/v1/auth/login', { username: 'nobody-here', password: 'nope' });
    for (const r of [wrong, unknown]) {
      assert.equal(r.status, 401);
      assert.deepEqual(r.body, {
        error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password', details: [] },
      });
    }
  });
  it('rejects a malformed body with VALIDATION_FAILED naming the field', async () => {
    const r = await post('/api/v1/auth/login', { username: 'x' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'VALIDATION_FAILED');
    assert.ok(r.body.error.details.some((d: { path: string }) => d.path === 'body.password'));
    const notJson = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    assert.equal(notJson.status, 400);
    assert.equal((await jsonOf(notJson)).error.code, 'VALIDATION_FAILED');
  });
  it('locks an account after 20 rapid failures: 429 with Retry-After, even for the right password', async () => {
    const username = 'county-320581';
    for (let i = 0; i < 20; i++) {
      const r = await post('/api/v1/auth/login', { username, password: `wrong-${i}` });
      assert.equal(r.status, 401, `attempt ${i + 1}`);
    }
    const locked = await post('/api/v1/auth/login', { username, password: 'wrong-again' });
    assert.equal(locked.status, 429);
    assert.equal(locked.body.error.code, 'RATE_LIMITED');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    const right = await post('/api/v1/auth/login', { username, password: 'demo' });
    assert.equal(right.status, 429, 'the lockout holds until the window passes');
    // Other accounts are unaffected.
    assert.equal(
      (await post('/api/v1/auth/login', { username: 'county-320582', password: 'demo' })).status,
      200,
    );
  });
});

describe('session', () => {
  it('GET /auth/me needs a session and returns the user', async () => {
    assert.equal((await call(t.url, null, 'GET', '/api/v1/auth/me')).status, 401);
    const s = await login(t.url, 'unit-330200');
    const me = await call(t.url, s, 'GET', '/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.username, 'unit-330200');
    assert.equal(me.body.scope.unit.countyCount, 10);
    assert.equal(me.body.csrfToken, s.csrfToken);
  });
  it('refuses a cookie-authenticated change without the CSRF token (403) or with a wrong one', async () => {
    const s = await login(t.url, 'ministry');
    const missing = await call(t.url, s, 'POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': '' });
    assert.equal(missing.status, 403);
    assert.equal(missing.body.error.code, 'FORBIDDEN');
    const noHeader = await fetch(`${t.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie },
    });
    assert.equal(noHeader.status, 403);
    const wrong = await call(t.url, s, 'POST', '/api/v1/auth/logout', undefined, {
      'x-csrf-token': 'forged',
    });
    assert.equal(wrong.status, 403);
    // Still signed in: nothing happened.
    assert.equal((await call(t.url, s, 'GET', '/api/v1/auth/me')).status, 200);
  });
  it('logout ends the session', async () => {
    const s = await login(t.url, 'expert-1');
    assert.equal((await call(t.url, s, 'POST', '/api/v1/auth/logout')).status, 204);
    assert.equal((await call(t.url, s, 'GET', '/api/v1/auth/me')).status, 401);
  });
  it('ignores a forged session cookie', async () => {
    const r = await fetch(`${t.url}/api/v1/auth/me`, { headers: { cookie: 'jiqun_session=forged' } });
    assert.equal(r.status, 401);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, authenticates with Bearer without CSRF, and revokes it', async () => {
    const s = await login(t.url, 'unit-320000');
    const created = await call(t.url, s, 'POST', '/api/v1/auth/tokens', { name: 'nightly export' });
    assert.equal(created.status, 201);
    const token: string = created.body.token;
    assert.match(token, /^jq_/);
    const listed = await call(t.url, s, 'GET', '/api/v1/auth/tokens');
    assert.equal(listed.body.items.length, 1);
    assert.ok(!('token' in listed.body.items[0]), 'the secret is never listed');

    const bearer = { authorization: `Bearer ${token}` };
    const me = await call(t.url, null, 'GET', '/api/v1/auth/me', undefined, bearer);
    assert.equal(me.status, 200);
    assert.equal(me.body.user.username, 'unit-320000');
    assert.equal(me.body.csrfToken, null);

    // Another user cannot revoke it: 404, not 403.
    const other = await login(t.url, 'unit-330200');
    assert.equal((await call(t.url, other, 'DELETE', `/api/v1/auth/tokens/${created.body.id}`)).status, 404);

    assert.equal((await call(t.url, s, 'DELETE', `/api/v1/auth/tokens/${created.body.id}`)).status, 204);
    const after = await call(t.url, null, 'GET', '/api/v1/auth/me', undefined, bearer);
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'UNAUTHENTICATED');
  });
  it('rejects malformed Authorization headers', async () => {
    const r = await call(t.url, null, 'GET', '/api/v1/units', undefined, { authorization: 'Basic abc' });
    assert.equal(r.status, 401);
  });
});

describe('password change', () => {
  it('needs the current password, enforces the rules, and ends other sessions', async () => {
    const a = await login(t.url, 'expert-2');
    const b = await login(t.url, 'expert-2');
    const weak = await call(t.url, a, 'POST', '/api/v1/auth/password', {
      currentPassword: 'demo',
      newPassword: 'short',
    });
    assert.equal(weak.status, 400);
    const wrong = await call(t.url, a, 'POST', '/api/v1/auth/password', {
      currentPassword: 'x',
      newPassword: 'Long-enough-2026',
    });
    assert.equal(wrong.status, 400);
    const ok = await call(t.url, a, 'POST', '/api/v1/auth/password', {
      currentPassword: 'demo',
      newPassword: 'Long-enough-2026',
    });
    assert.equal(ok.status, 204);
    assert.equal((await call(t.url, a, 'GET', '/api/v1/auth/me')).status, 200);
    assert.equal((await call(t.url, b, 'GET', '/api/v1/auth/me')).status, 401);
    await login(t.url, 'expert-2', 'Long-enough-2026');
  });
});

describe('audit', () => {
  it('records sign-ins in a hash chain that verifies', async () => {
    const s = await login(t.url, 'admin');
    const r = await call(t.url, s, 'GET', '/api/v1/audit/verify');
    assert.equal(r.status, 200);
    assert.equal(r.body.ok, true);
    assert.ok(r.body.entries > 5);
    const county = await login(t.url, 'county-330281');
    assert.equal((await call(t.url, county, 'GET', '/api/v1/audit/verify')).status, 403);
  });
  it('names the first tampered entry', async () => {
    const [row] = await t.database.raw.query<{ id: string }>(
      "SELECT id FROM audit_log WHERE action = 'auth.login' ORDER BY id LIMIT 1 OFFSET 1",
    );
    await t.database.raw.query("UPDATE audit_log SET actor_name = 'someone-else' WHERE id = $1", [row!.id]);
    const s = await login(t.url, 'ministry');
    const r = await call(t.url, s, 'GET', '/api/v1/audit/verify');
    assert.equal(r.body.ok, false);
    assert.equal(r.body.firstBadEntry, Number(row!.id));
  });
});
