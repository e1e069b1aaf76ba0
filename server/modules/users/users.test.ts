import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, login, type Session, startTestApp, type TestApp } from '../../test-support/app.ts';
import { generatePassword } from './service.ts';

let t: TestApp;
let admin: Session;
before(async () => {
  t = await startTestApp();
  admin = await login(t.url, 'admin');
});
after(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

async function idOf(username: string): Promise<string> {
  const r = await call(t.url, admin, 'GET', `/api/v1/users?q=${encodeURIComponent(username)}`);
  const found = r.body.items.find((u: { username: string }) => u.username === username);
  assert.ok(found, `user ${username}`);
  return found.id;
}

async function auditOf(id: string): Promise<{ action: string; before: unknown; after: unknown }[]> {
  return t.database.raw.query(
    'SELECT action, before, after FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id',
    ['user', id],
  );
}

describe('GET /api/v1/users (filters for the administrator)', () => {
  it('filters by unit and by disabled, and shows e-mail addresses to the admin only', async () => {
    const r = await call(t.url, admin, 'GET', '/api/v1/users?unitCode=330200&limit=500');
    assert.equal(r.status, 200);
    assert.ok(r.body.total > 1);
    assert.ok(r.body.items.every((u: { unitCode?: string }) => u.unitCode === '330200'));
    assert.ok(r.body.items.some((u: { role: string }) => u.role === 'county'));
    assert.ok(r.body.items.every((u: { email?: unknown }) => 'email' in u));
    const none = await call(t.url, admin, 'GET', '/api/v1/users?disabled=true');
    assert.equal(none.body.total, 0);
    const ministry = await login(t.url, 'ministry');
    const seen = await call(t.url, ministry, 'GET', '/api/v1/users?unitCode=330200');
    assert.equal(seen.status, 200);
    assert.ok(seen.body.items.every((u: { email?: unknown }) => !('email' in u)));
    const bad = await call(t.url, admin, 'GET', '/api/v1/users?unitCode=ningbo&disabled=maybe');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
  });
});

describe('POST /api/v1/users', () => {
  it('creates an expert with a home unit, refuses an unknown unit', async () => {
    const body = {
      username: 'expert-new-1',
      displayName: '新专家',
      role: 'expert',
      unitCode: '330200',
      password: 'Expert-passw0rd-1',
    };
    const created = await call(t.url, admin, 'POST', '/api/v1/users', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.unitCode, '330200');
    const unknown = await call(t.url, admin, 'POST', '/api/v1/users', {
      ...body,
      username: 'expert-new-2',
      unitCode: '999900',
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.details[0].path, 'unitCode');
  });
});

describe('PATCH /api/v1/users/:id', () => {
  it('changes the name and e-mail, audited with before and after', async () => {
    const id = await idOf('county-330282');
    const r = await call(t.url, admin, 'PATCH', `/api/v1/users/${id}`, {
      displayName: '  慈溪市工信局（新）  ',
      email: 'cixi@example.gov.cn',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.displayName, '慈溪市工信局（新）');
    assert.equal(r.body.email, 'cixi@example.gov.cn');
    assert.equal(r.body.disabled, false);
    const cleared = await call(t.url, admin, 'PATCH', `/api/v1/users/${id}`, { email: '' });
    assert.equal(cleared.body.email, null);
    const trail = await auditOf(id);
    const updates = trail.filter((e) => e.action === 'user.updated');
    assert.equal(updates.length, 2);
    assert.deepEqual(updates[1]!.before, { email: 'cixi@example.gov.cn' });
    assert.deepEqual(updates[1]!.after, { email: null });
    // Nothing changed: nothing audited.
    await call(t.url, admin, 'PATCH', `/api/v1/users/${id}`, { email: null });
    assert.equal((await auditOf(id)).length, trail.length);
  });

  it('refuses bad input with VALIDATION_FAILED naming the field', async () => {
    const id = await idOf('county-330282');
    for (const [body, path] of [
      [{}, 'body'],
      [{ displayName: '   ' }, 'body.displayName'],
      [{ email: 'not-an-address' }, 'body.email'],
      [{ disabled: 'yes' }, 'body.disabled'],
      [{ role: 'admin' }, 'body'],
    ] as const) {
      const r = await call(t.url, admin, 'PATCH', `/api/v1/users/${id}`, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.code, 'VALIDATION_FAILED');
      assert.ok(
        r.body.error.details.some((d: { path: string }) => d.path.startsWith(path)),
        `${JSON.stringify(body)} → ${JSON.stringify(r.body.error.details)}`,
      );
    }
    const notUuid = await call(t.url, admin, 'PATCH', '/api/v1/users/nope', { disabled: true });
    assert.equal(notUuid.status, 400);
  });

  it('is for the admin only (403), and a missing account is 404', async () => {
    const id = await idOf('county-330282');
    for (const who of ['ministry', 'unit-330200', 'county-330282']) {
      const s = await login(t.url, who);
      const r = await call(t.url, s, 'PATCH', `/api/v1/users/${id}`, { displayName: 'x' });
      assert.equal(r.status, 403, who);
      assert.equal(r.body.error.code, 'FORBIDDEN');
    }
    const missing = await call(t.url, admin, 'PATCH', `/api/v1/users/${MISSING}`, { displayName: 'x' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'NOT_FOUND');
  });

  it('disabling ends the sessions, revokes API tokens and refuses sign-in; enabling lets the user back', async () => {
    const username = 'county-320582';
    const s = await login(t.url, username);
    const token = await call(t.url, s, 'POST', '/api/v1/auth/tokens', { name: 'script' });
    const bearer = { authorization: `Bearer ${token.body.token}` };
    assert.equal((await call(t.url, null, 'GET', '/api/v1/auth/me', undefined, bearer)).status, 200);
    const id = s.user.id;

    const r = await call(t.url, admin, 'PATCH', `/api/v1/users/${id}`, { disabled: true });
    assert.equal(r.status, 200);
    assert.equal(r.body.disabled, true);
    assert.equal((await call(t.url, s, 'GET', '/api/v1/auth/me')).status, 401, 'the session is over');
    assert.equal((await call(t.url, null, 'GET', '/api/v1/auth/me', undefined, bearer)).status, 401);
    const refused = await call(t.url, null, 'POST', '/api/v1/auth/login', { username, password: 'demo' });
    assert.equal(refused.status, 401);
    const listed = await call(t.url, admin, 'GET', '/api/v1/users?disabled=true');
    assert.deepEqual(
      listed.body.items.map((u: { username: string }) => u.username),
      [username],
    );

    const enabled = await call(t.url, admin, 'PATCH', `/api/v1/users/${id}`, { disabled: false });
    assert.equal(enabled.body.disabled, false);
    await login(t.url, username);
    assert.equal(
      (await call(t.url, null, 'GET', '/api/v1/auth/me', undefined, bearer)).status,
      401,
      'a revoked token stays revoked',
    );
    const actions = (await auditOf(id)).map((e) => e.action);
    assert.ok(actions.includes('user.disabled') && actions.includes('user.enabled'));
  });

  it('an admin cannot disable their own account', async () => {
    const r = await call(t.url, admin, 'PATCH', `/api/v1/users/${admin.user.id}`, { disabled: true });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'CONFLICT');
    assert.equal(r.body.error.details[0].path, 'disabled');
    assert.equal((await call(t.url, admin, 'GET', '/api/v1/auth/me')).status, 200);
  });
});

describe('POST /api/v1/users/:id/password', () => {
  it('sets the given password: old sessions end, the old password fails, the new one works', async () => {
    const username = 'unit-320000';
    const s = await login(t.url, username);
    const id = s.user.id;
    const weak = await call(t.url, admin, 'POST', `/api/v1/users/${id}/password`, { password: 'short' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.details[0].path, 'password');
    assert.equal((await call(t.url, s, 'GET', '/api/v1/auth/me')).status, 200, 'a refusal changes nothing');

    const r = await call(t.url, admin, 'POST', `/api/v1/users/${id}/password`, {
      password: 'Jiangsu-reset-2026',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { generatedPassword: null });
    assert.equal((await call(t.url, s, 'GET', '/api/v1/auth/me')).status, 401);
    const old = await call(t.url, null, 'POST', '/api/v1/auth/login', { username, password: 'demo' });
    assert.equal(old.status, 401);
    await login(t.url, username, 'Jiangsu-reset-2026');
    const actions = (await auditOf(id)).map((e) => e.action);
    assert.deepEqual(actions.slice(-3), ['user.password_reset', 'auth.login_failed', 'auth.login']);
  });

  it('generates a password shown once, which signs the user in', async () => {
    const s = await login(t.url, 'expert-5');
    const r = await call(t.url, admin, 'POST', `/api/v1/users/${s.user.id}/password`, { generate: true });
    assert.equal(r.status, 200);
    const password: string = r.body.generatedPassword;
    assert.match(password, /^[A-Za-z2-9]{16}$/);
    assert.equal((await call(t.url, s, 'GET', '/api/v1/auth/me')).status, 401);
    await login(t.url, 'expert-5', password);
    const entry = (await auditOf(s.user.id)).find((e) => e.action === 'user.password_reset');
    assert.ok(!JSON.stringify(entry).includes(password), 'the password is not in the audit log');
  });

  it('refuses a body with neither or both, a non-admin (403) and a missing account (404)', async () => {
    const id = await idOf('expert-6');
    for (const body of [{}, { generate: false }, { password: 'Some-passw0rd-x', generate: true }]) {
      const r = await call(t.url, admin, 'POST', `/api/v1/users/${id}/password`, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.code, 'VALIDATION_FAILED');
    }
    const ministry = await login(t.url, 'ministry');
    const forbidden = await call(t.url, ministry, 'POST', `/api/v1/users/${id}/password`, { generate: true });
    assert.equal(forbidden.status, 403);
    const missing = await call(t.url, admin, 'POST', `/api/v1/users/${MISSING}/password`, {
      generate: true,
    });
    assert.equal(missing.status, 404);
  });

  it("keeps the admin's own current session when the admin resets their own password", async () => {
    const own = await login(t.url, 'admin');
    const other = await login(t.url, 'admin');
    const r = await call(t.url, own, 'POST', `/api/v1/users/${own.user.id}/password`, {
      password: 'Chief-new-passw0rd',
    });
    assert.equal(r.status, 200);
    assert.equal((await call(t.url, own, 'GET', '/api/v1/auth/me')).status, 200);
    assert.equal((await call(t.url, other, 'GET', '/api/v1/auth/me')).status, 401);
  });

  it('the audit chain still verifies after all of it', async () => {
    const s = await login(t.url, 'admin', 'Chief-new-passw0rd');
    const r = await call(t.url, s, 'GET', '/api/v1/audit/verify');
    assert.equal(r.body.ok, true);
  });
});

describe('generatePassword', () => {
  it('always passes the password rules', () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword('someone');
      assert.match(p, /[0-9]/);
      assert.match(p, /[A-Za-z]/);
      assert.equal(p.length, 16);
    }
  });
});
