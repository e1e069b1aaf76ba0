import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, login, type Session, startTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
let yuyao: Session; // county 330281, unit 宁波 330200
let cixi: Session; // county 330282, also 宁波
let changshu: Session; // county 320581, unit 江苏 320000
let ningbo: Session;
let zhejiang: Session;
let jiangsu: Session;
let ministry: Session;
let expert: Session;

before(async () => {
  t = await startTestApp();
  [yuyao, cixi, changshu, ningbo, zhejiang, jiangsu, ministry, expert] = (await Promise.all(
    [
      'county-330281',
      'county-330282',
      'county-320581',
      'unit-330200',
      'unit-330000',
      'unit-320000',
      'ministry',
      'expert-1',
    ].map((u) => login(t.url, u)),
  )) as Session[] as [Session, Session, Session, Session, Session, Session, Session, Session];
});
after(() => t.close());

const profile = {
  authorityName: '余姚市经济和信息化局',
  address: '浙江省余姚市阳明西路 1 号',
  postalCode: '315400',
  contactName: '王芳',
  contactPhone: '0574-62000000',
  contactEmail: 'sme@yuyao.example.cn',
};

describe('county profile scope', () => {
  it('the county reads and edits its own profile, with optimistic concurrency', async () => {
    const first = await call(t.url, yuyao, 'GET', '/api/v1/counties/330281/profile');
    assert.equal(first.status, 200);
    assert.equal(first.body.version, 0);
    assert.deepEqual(first.body.allowedActions, ['read', 'update']);
    const saved = await call(t.url, yuyao, 'PUT', '/api/v1/counties/330281/profile', profile, {
      'if-match': '0',
    });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.version, 1);
    assert.equal(saved.body.contactName, '王芳');
    // A colleague editing the version it read earlier gets 409 with the current data to merge.
    const stale = await call(
      t.url,
      yuyao,
      'PUT',
      '/api/v1/counties/330281/profile',
      { ...profile, contactName: '李雷' },
      { 'if-match': '0' },
    );
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    assert.equal(stale.body.error.details[0].current.contactName, '王芳');
    const noIfMatch = await call(t.url, yuyao, 'PUT', '/api/v1/counties/330281/profile', profile);
    assert.equal(noIfMatch.status, 400);
  });
  it('another county cannot read or change it: 404, as if it did not exist', async () => {
    for (const other of [cixi, changshu]) {
      const read = await call(t.url, other, 'GET', '/api/v1/counties/330281/profile');
      assert.equal(read.status, 404);
      assert.equal(read.body.error.code, 'NOT_FOUND');
      const write = await call(t.url, other, 'PUT', '/api/v1/counties/330281/profile', profile, {
        'if-match': '1',
      });
      assert.equal(write.status, 404);
    }
    const unchanged = await call(t.url, yuyao, 'GET', '/api/v1/counties/330281/profile');
    assert.equal(unchanged.body.version, 1);
  });
  it("its own unit reads it but may not change it; other units get 404 (Zhejiang does not see Ningbo's counties)", async () => {
    const read = await call(t.url, ningbo, 'GET', '/api/v1/counties/330281/profile');
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.allowedActions, ['read']);
    const write = await call(t.url, ningbo, 'PUT', '/api/v1/counties/330281/profile', profile, {
      'if-match': '1',
    });
    assert.equal(write.status, 403);
    for (const other of [zhejiang, jiangsu]) {
      assert.equal((await call(t.url, other, 'GET', '/api/v1/counties/330281/profile')).status, 404);
    }
    // Jiangsu sees its own county.
    assert.equal((await call(t.url, jiangsu, 'GET', '/api/v1/counties/320581/profile')).status, 200);
  });
  it('the ministry reads every county; experts are refused by role; anonymous callers must sign in', async () => {
    assert.equal((await call(t.url, ministry, 'GET', '/api/v1/counties/330281/profile')).status, 200);
    assert.equal((await call(t.url, expert, 'GET', '/api/v1/counties/330281/profile')).status, 403);
    assert.equal((await call(t.url, null, 'GET', '/api/v1/counties/330281/profile')).status, 401);
  });
  it('404s codes that are not counties', async () => {
    assert.equal((await call(t.url, ministry, 'GET', '/api/v1/counties/330200/profile')).status, 404);
    assert.equal((await call(t.url, ministry, 'GET', '/api/v1/counties/130171/profile')).status, 404);
  });
  it('writes the change and its audit entry together', async () => {
    const entries = await t.database.raw.query<{
      action: string;
      before: { version: number };
      after: { contactName: string };
    }>("SELECT action, before, after FROM audit_log WHERE entity_type = 'county' AND entity_id = '330281'");
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.action, 'county_profile.updated');
    assert.equal(entries[0]!.before.version, 0);
    assert.equal(entries[0]!.after.contactName, '王芳');
  });
});

describe('user list scope', () => {
  const usernames = (body: { items: { username: string }[] }) => body.items.map((u) => u.username);
  it('a county sees only its own accounts', async () => {
    const r = await call(t.url, yuyao, 'GET', '/api/v1/users?limit=500');
    assert.deepEqual(usernames(r.body), ['county-330281']);
  });
  it("a unit sees its own and its counties' accounts, nothing of other units", async () => {
    const r = await call(t.url, ningbo, 'GET', '/api/v1/users?limit=500');
    assert.equal(r.body.total, 11); // the unit + 10 counties
    assert.ok(usernames(r.body).includes('county-330281'));
    assert.ok(!usernames(r.body).includes('county-320581'));
    const zj = await call(t.url, zhejiang, 'GET', '/api/v1/users?limit=500');
    assert.ok(!usernames(zj.body).includes('county-330281'));
    const changshuId = (await call(t.url, changshu, 'GET', '/api/v1/auth/me')).body.user.id;
    assert.equal((await call(t.url, ningbo, 'GET', `/api/v1/users/${changshuId}`)).status, 404);
    assert.equal((await call(t.url, jiangsu, 'GET', `/api/v1/users/${changshuId}`)).status, 200);
  });
  it('the ministry sees everyone; experts may not list accounts', async () => {
    const r = await call(t.url, ministry, 'GET', '/api/v1/users?limit=1');
    assert.ok(r.body.total > 2800);
    assert.equal((await call(t.url, expert, 'GET', '/api/v1/users')).status, 403);
  });
});

describe('campaign editing', () => {
  it('only the ministry edits campaigns, and impossible settings are refused', async () => {
    assert.equal(
      (await call(t.url, ningbo, 'PATCH', '/api/v1/campaigns/2025', { status: 'open' })).status,
      403,
    );
    const bad = await call(t.url, ministry, 'PATCH', '/api/v1/campaigns/2025', {
      quotas: { provincial: 0, separate_plan_city: 2, xpcc: 2 },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].path, 'quotas.provincial');
    const ok = await call(t.url, ministry, 'PATCH', '/api/v1/campaigns/2025', { unitDeadline: '2025-07-31' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.unitDeadline, '2025-07-31');
    const created = await call(t.url, ministry, 'POST', '/api/v1/campaigns', {
      ...ok.body,
      year: 2099,
      noticeNo: '工信厅企业函〔2099〕1号',
      noticeDate: '2099-03-01',
      status: 'draft',
      unitDeadline: '2099-07-31',
      listNoticeNo: null,
      identifiedCount: null,
    });
    assert.equal(created.status, 201);
    const dup = await call(t.url, ministry, 'POST', '/api/v1/campaigns', created.body);
    assert.equal(dup.status, 409);
  });
});
