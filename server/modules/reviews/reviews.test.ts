import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  login,
  openCampaign,
  type Session,
  startTestApp,
  type TestApp,
} from '../../test-support/app.ts';
import { submitComplete } from '../../test-support/declarations.ts';

const YEAR = 2096;
let t: TestApp;
let ningbo: Session;
let zhejiang: Session;
let yuyao: Session;
let cixi: Session;

before(async () => {
  t = await startTestApp();
  const ministry = await login(t.url, 'ministry');
  assert.equal((await call(t.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR))).status, 201);
  [ningbo, zhejiang, yuyao, cixi] = (await Promise.all(
    ['unit-330200', 'unit-330000', 'county-330281', 'county-330282'].map((u) => login(t.url, u)),
  )) as [Session, Session, Session, Session];
});
after(() => t.close());

describe('preliminary review', () => {
  it('shows automatic checks beside each item and records the reviewer’s judgement with who and when', async () => {
    const id = await submitComplete(t.url, yuyao, YEAR);
    const first = await call(t.url, ningbo, 'GET', `/api/v1/declarations/${id}/review`);
    assert.equal(first.status, 200);
    assert.equal(first.body.version, 0);
    const auto = Object.fromEntries(
      first.body.items.map((i: { key: string; auto: unknown }) => [i.key, i.auto]),
    );
    assert.equal((auto.completeness as { result: string }).result, 'pass');
    assert.equal((auto.standards as { result: string }).result, 'pass');
    assert.equal(auto.authenticity, null, 'a person judges authenticity');
    const body = {
      checklist: {
        completeness: { ok: true, note: '' },
        authenticity: { ok: true, note: '已核对统计局证明原件' },
      },
      result: 'pass',
      notes: '同意受理',
    };
    const saved = await call(t.url, ningbo, 'PUT', `/api/v1/declarations/${id}/review`, body, {
      'if-match': '0',
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.version, 1);
    assert.equal(saved.body.reviewedBy.displayName, '宁波市中小企业主管部门');
    assert.ok(saved.body.reviewedAt);
    const stale = await call(t.url, ningbo, 'PUT', `/api/v1/declarations/${id}/review`, body, {
      'if-match': '0',
    });
    assert.equal(stale.status, 409);
    // Nobody else: the county (403 by role), another unit (404), another county (404).
    assert.equal((await call(t.url, yuyao, 'GET', `/api/v1/declarations/${id}/review`)).status, 403);
    assert.equal((await call(t.url, zhejiang, 'GET', `/api/v1/declarations/${id}/review`)).status, 404);
    assert.equal(
      (await call(t.url, zhejiang, 'PUT', `/api/v1/declarations/${id}/review`, body, { 'if-match': '1' }))
        .status,
      404,
    );
  });
});

describe('bulk actions', () => {
  it('accepts several at once, reporting each result on its own', async () => {
    const a = await submitComplete(t.url, yuyao, YEAR);
    const b = await submitComplete(t.url, cixi, YEAR);
    const draft = (await call(t.url, yuyao, 'POST', '/api/v1/declarations', { campaignYear: YEAR })).body.id;
    const r = await call(t.url, ningbo, 'POST', '/api/v1/declarations/bulk-actions/accept', {
      ids: [a, b, draft],
    });
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.results.map((x: { ok: boolean; status: string | null; error: { code: string } | null }) => [
        x.ok,
        x.status ?? x.error?.code,
      ]),
      [
        [true, 'accepted'],
        [true, 'accepted'],
        [false, 'NOT_FOUND'],
      ],
    );
    const returned = await call(t.url, ningbo, 'POST', '/api/v1/declarations/bulk-actions/return', {
      ids: [a],
    });
    assert.equal(returned.body.results[0].error.code, 'VALIDATION_FAILED', 'reasons required in bulk too');
  });
});

describe('audit trail per declaration', () => {
  it('shows the ministry and the declaration’s own unit who did what; others get 404', async () => {
    const id = await submitComplete(t.url, yuyao, YEAR);
    await call(t.url, ningbo, 'POST', `/api/v1/declarations/${id}/actions/accept`, {});
    const trail = await call(t.url, ningbo, 'GET', `/api/v1/audit?entity=declaration:${id}`);
    assert.equal(trail.status, 200);
    const actions = trail.body.items.map((e: { action: string }) => e.action);
    assert.equal(actions[0], 'declaration.accept', 'newest first');
    for (const a of ['declaration.created', 'attachment.added', 'declaration.submit'])
      assert.ok(actions.includes(a), a);
    assert.equal(trail.body.items[0].actor.name, 'unit-330200');
    assert.equal(trail.body.items[0].actor.displayName, '宁波市中小企业主管部门');
    assert.equal((await call(t.url, zhejiang, 'GET', `/api/v1/audit?entity=declaration:${id}`)).status, 404);
    assert.equal(
      (await call(t.url, ningbo, 'GET', '/api/v1/audit')).status,
      400,
      'units read one record at a time',
    );
    assert.equal((await call(t.url, yuyao, 'GET', `/api/v1/audit?entity=declaration:${id}`)).status, 403);
    const ministry = await login(t.url, 'ministry');
    const all = await call(t.url, ministry, 'GET', '/api/v1/audit?limit=5');
    assert.equal(all.body.items.length, 5);
    const next = await call(t.url, ministry, 'GET', `/api/v1/audit?limit=5&cursor=${all.body.nextCursor}`);
    assert.ok(next.body.items[0].id < all.body.items[4].id);
  });
});
