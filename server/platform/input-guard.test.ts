import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, login, type Session, startTestApp, type TestApp } from '../test-support/app.ts';
import { nulPath } from './input-guard.ts';

let t: TestApp;
let ministry: Session;
before(async () => {
  t = await startTestApp();
  ministry = await login(t.url, 'ministry');
});
after(() => t.close());

describe('NUL characters', () => {
  it('are found anywhere in a value', () => {
    assert.equal(nulPath({ a: ['x', { b: 'y\u0000' }] }), 'a[1].b');
    assert.equal(nulPath({ 'k\u0000': 1 }), 'k\u0000');
    assert.equal(nulPath({ a: 'fine', n: 1, z: null }), null);
  });
  it('are refused with 400 in a query or a JSON body, on both engines (PostgreSQL cannot store them)', async () => {
    const q = await call(t.url, ministry, 'GET', '/api/v1/users?q=%e2%80%ae%00%0d%0a');
    assert.equal(q.status, 400, JSON.stringify(q.body));
    assert.equal(q.body.error.details[0].path, 'query.q');
    const b = await call(t.url, ministry, 'POST', '/api/v1/notices', {
      kind: 'other',
      title: 'a\u0000b',
      publishedOn: '2026-01-01',
    });
    assert.equal(b.status, 400);
    assert.equal(b.body.error.details[0].path, 'body.title');
    assert.equal((await call(t.url, ministry, 'GET', '/api/v1/users?q=%e2%80%ae')).status, 200);
  });
});
