// Who hears of what, over HTTP on a real database: the county of a recommendation, the experts of their
// unit-level invitations and of the ministry's panel staffing (including the refill after a conflict).
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
import { recommendedDeclarations } from '../../test-support/ministry.ts';

const YEAR = 2095;
let t: TestApp;
let ministry: Session;
let ids: Record<string, string>;

/** What the caller's inbox holds of a kind. */
const inbox = async (s: Session, kind: string) =>
  (await call(t.url, s, 'GET', '/api/v1/notifications')).body.items.filter(
    (n: { kind: string }) => n.kind === kind,
  ) as { title: string; body: string; link: string }[];

before(async () => {
  t = await startTestApp();
  ministry = await login(t.url, 'ministry');
  const c = await call(t.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR));
  assert.equal(c.status, 201, JSON.stringify(c.body));
  ids = await recommendedDeclarations(t.url, YEAR, ['330281', '320581']);
});
after(() => t.close());

describe('workflow notifications', () => {
  it('tell the county its declaration was recommended to MIIT (and the unit of each submission)', async () => {
    const yuyao = await login(t.url, 'county-330281');
    const got = await inbox(yuyao, 'recommend');
    assert.equal(got.length, 1);
    assert.match(got[0]!.title, /已推荐至工业和信息化部/);
    assert.equal(got[0]!.link, `/declarations/${ids['330281']}`);
    const accepted = await inbox(yuyao, 'accept');
    assert.equal(accepted.length, 1);
    const ningbo = await login(t.url, 'unit-330200');
    const submitted = await inbox(ningbo, 'submit');
    assert.equal(submitted.length, 1);
    assert.equal(submitted[0]!.link, `/review/${ids['330281']}`);
    // Another county hears nothing of it.
    assert.equal((await inbox(await login(t.url, 'county-330282'), 'recommend')).length, 0);
  });

  it('tell an expert invited by the unit, once', async () => {
    const cixi = await login(t.url, 'county-330282');
    const ningbo = await login(t.url, 'unit-330200');
    const id = await submitComplete(t.url, cixi, YEAR);
    const expert = await login(t.url, 'expert-20');
    for (let i = 0; i < 2; i++) {
      const r = await call(t.url, ningbo, 'POST', `/api/v1/declarations/${id}/experts`, {
        expertIds: [expert.user.id],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    const got = await inbox(expert, 'expert_assignment');
    assert.equal(got.length, 1, 'a second invitation adds nothing');
    assert.match(got[0]!.title, /新的评审任务/);
    assert.match(got[0]!.body, /推荐单位邀请您评审/);
  });

  it('tell the experts the ministry’s panel assigns, and the one a conflict brings in', async () => {
    const experts = await Promise.all([1, 2, 3, 4].map((i) => login(t.url, `expert-${i + 10}`)));
    const created = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/panels`, {
      name: '通知测试组',
      expertIds: experts.map((e) => e.user.id),
      expertsPerDeclaration: 2,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const auto = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/panels/auto-assign`);
    assert.equal(auto.status, 200, JSON.stringify(auto.body));
    assert.equal(auto.body.newAssignments, 4);
    const told = await Promise.all(experts.map((e) => inbox(e, 'expert_assignment')));
    // Four assignments over four experts: each heard once, of what it was given.
    const assigned = await Promise.all(
      experts.map(async (e) => (await call(t.url, e, 'GET', '/api/v1/expert/assignments')).body.items),
    );
    for (const [i, items] of assigned.entries()) {
      const ministryItems = items.filter((a: { level: string }) => a.level === 'ministry');
      assert.equal(told[i]!.length, ministryItems.length > 0 ? 1 : 0);
    }
    // One of them declares a conflict: the panel is refilled by someone who is told.
    const i = assigned.findIndex((items) => items.some((a: { level: string }) => a.level === 'ministry'));
    const a = assigned[i]!.find((x: { level: string }) => x.level === 'ministry');
    const before = await Promise.all(experts.map((e) => inbox(e, 'expert_assignment')));
    const conflict = await call(
      t.url,
      experts[i]!,
      'POST',
      `/api/v1/expert/assignments/${a.assignmentId}/conflict`,
      {
        reason: '曾为该集群提供咨询服务',
      },
    );
    assert.equal(conflict.status, 204);
    const afterwards = await Promise.all(experts.map((e) => inbox(e, 'expert_assignment')));
    const newlyTold = afterwards.filter((n, k) => n.length > before[k]!.length);
    assert.equal(newlyTold.length, 1, 'the refill expert');
    assert.equal(afterwards[i]!.length, before[i]!.length, 'not the one who declared the conflict');
  });
});
