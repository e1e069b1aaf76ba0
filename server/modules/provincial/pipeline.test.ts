// A unit's provincial round through the national pipeline one tier down, over HTTP: candidates scored by the
// experts the unit invites → the unit's own 公示 (working days, public list in its name, an objection upheld
// by the unit) → identification only after the 公示 ended. Other units see none of it (404).
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

const YEAR = 2094;
// 2096-09-03 is a Monday past the published holiday data: five working days end on Friday 09-07.
const STARTS_ON = '2096-09-03';
const path = '/api/v1/units/330000/provincial-campaigns';
let t: TestApp;
let ministry: Session;
let zhejiang: Session;
let ningbo: Session;
let e1: Session;
let e2: Session;
const expertIds: string[] = [];
let a: string;
let b: string;

function setToday(date: string) {
  const target = Date.parse(`${date}T12:00:00+08:00`);
  t.clock.setOffsetDays(Math.round((target - Date.now()) / 86_400_000));
}

async function objection(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${t.url}/api/v1/public/objections`, { method: 'POST', body: form });
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
  return { status: res.status, body: (await res.json()) as any };
}

before(async () => {
  t = await startTestApp();
  [ministry, zhejiang, ningbo, e1, e2] = (await Promise.all(
    ['ministry', 'unit-330000', 'unit-330200', 'expert-1', 'expert-2'].map((u) => login(t.url, u)),
  )) as [Session, Session, Session, Session, Session];
  const c = await call(t.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR));
  assert.equal(c.status, 201, JSON.stringify(c.body));
  const ids: string[] = [];
  for (const code of ['330681', '330782']) {
    const id = await submitComplete(t.url, await login(t.url, `county-${code}`), YEAR);
    const accepted = await call(t.url, zhejiang, 'POST', `/api/v1/declarations/${id}/actions/accept`, {});
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    ids.push(id);
  }
  [a, b] = ids as [string, string];
  expertIds.push(e1.user.id, e2.user.id);
  setToday('2096-08-20');
});
after(() => t?.close());

describe('a provincial round one tier down', () => {
  it('opens a round with the unit’s own standards version', async () => {
    const created = await call(t.url, zhejiang, 'POST', path, {
      year: 2096,
      title: '浙江省2096年省级中小企业特色产业集群',
      standardsVersion: '2022-provincial-example',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.allowedActions, ['assign_experts', 'publicize', 'identify']);
    assert.equal(created.body.publicity, null);
  });

  it('has the experts the unit invites score its candidates, in their own task lists', async () => {
    const invite = (s: Session, body: object) => call(t.url, s, 'POST', `${path}/2096/experts`, body);
    assert.equal((await invite(ningbo, { declarationId: a, expertIds })).status, 404);
    assert.equal((await invite(e1, { declarationId: a, expertIds })).status, 403);
    assert.equal(
      (await invite(zhejiang, { declarationId: a, expertIds: [zhejiang.user.id] })).status,
      400,
      'not an expert',
    );
    assert.equal(
      (await invite(zhejiang, { declarationId: '00000000-0000-4000-8000-000000000000', expertIds })).status,
      404,
    );
    const invited = await invite(zhejiang, { declarationId: a, expertIds });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    assert.deepEqual(
      invited.body.items[0].experts.map((e: { status: string }) => e.status),
      ['pending', 'pending'],
    );
    for (const [s, score] of [
      [e1, 80],
      [e2, 90],
    ] as const) {
      const mine = await call(t.url, s, 'GET', '/api/v1/expert/assignments');
      const task = mine.body.items.find((i: { declarationId: string }) => i.declarationId === a);
      assert.equal(task.level, 'provincial');
      const saved = await call(t.url, s, 'PUT', `/api/v1/expert/assignments/${task.assignmentId}/score`, {
        scores: Array(8).fill(score),
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
    }
    const scores = await call(t.url, zhejiang, 'GET', `${path}/2096/scores`);
    assert.equal(scores.body.items[0].aggregate, 85);
    assert.equal((await call(t.url, ningbo, 'GET', `${path}/2096/scores`)).status, 404);
    assert.equal((await call(t.url, ministry, 'GET', `${path}/2096/scores`)).status, 200);
    const candidates = await call(t.url, zhejiang, 'GET', `${path}/2096/candidates`);
    const ca = candidates.body.items.find((i: { declarationId: string }) => i.declarationId === a);
    assert.deepEqual([ca.experts, ca.scored, ca.aggregate, ca.inPublicity], [2, 2, 85, false]);
  });

  it('identifies declarations only through a 公示', async () => {
    const early = await call(t.url, zhejiang, 'POST', `${path}/2096/identification`, {
      noticeNo: '浙经信〔2096〕1号',
      publishedOn: '2096-08-20',
      declarations: [{ declarationId: a, justification: '专家评审通过' }],
    });
    assert.equal(early.status, 400);
    assert.match(JSON.stringify(early.body.error.details), /公示/);
  });

  it('publishes the unit’s 公示 on the working-day calendar, in its name, once', async () => {
    const body = { declarationIds: [a, b], startsOn: STARTS_ON, workingDays: 5 };
    assert.equal((await call(t.url, ningbo, 'POST', `${path}/2096/publicity`, body)).status, 404);
    const p = await call(t.url, zhejiang, 'POST', `${path}/2096/publicity`, body);
    assert.equal(p.status, 201, JSON.stringify(p.body));
    assert.equal(p.body.endsOn, '2096-09-07');
    assert.equal(p.body.unitName, '浙江省');
    assert.equal(p.body.items.length, 2);
    assert.equal((await call(t.url, zhejiang, 'POST', `${path}/2096/publicity`, body)).status, 409);
    const experts = await call(t.url, zhejiang, 'POST', `${path}/2096/experts`, {
      declarationId: b,
      expertIds,
    });
    assert.equal(experts.status, 409, 'experts score before the 公示');
    const round = await call(t.url, zhejiang, 'GET', path);
    assert.deepEqual(round.body.items[0].allowedActions, []);
    assert.equal(round.body.items[0].publicity.endsOn, '2096-09-07');
    assert.equal((await call(t.url, ningbo, 'GET', `${path}/2096/publicity`)).status, 404);
  });

  it('lists it publicly during the period and takes the public’s objections, which the unit resolves', async () => {
    setToday('2096-09-04');
    const pub = await call(t.url, null, 'GET', '/api/v1/public/provincial-publicity');
    assert.equal(pub.status, 200);
    const mine = pub.body.items.find((i: { unitCode: string }) => i.unitCode === '330000');
    assert.equal(mine.unitName, '浙江省');
    assert.equal(mine.open, true);
    assert.deepEqual(
      mine.items.map((i: { declarationId: string }) => i.declarationId),
      [a, b],
    );
    const national = await call(t.url, null, 'GET', '/api/v1/public/publicity');
    assert.ok(!JSON.stringify(national.body).includes(a), 'not in the national 公示');
    const filed = await objection({
      declarationId: b,
      realName: '李四',
      contact: '13900000000',
      reason: '该集群主导产业占比不实。',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const during = await call(t.url, zhejiang, 'POST', `${path}/2096/identification`, {
      noticeNo: '浙经信〔2096〕1号',
      publishedOn: '2096-09-04',
      declarations: [{ declarationId: a, justification: '专家评审通过' }],
    });
    assert.equal(during.status, 400, 'not while the 公示 runs');

    const list = await call(t.url, zhejiang, 'GET', `${path}/2096/objections`);
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 1);
    const id = list.body.items[0].id;
    assert.equal((await call(t.url, ningbo, 'GET', `${path}/2096/objections`)).status, 404);
    const national2 = await call(t.url, ministry, 'GET', `/api/v1/campaigns/${YEAR}/objections`);
    assert.equal(national2.body.items?.length ?? national2.body.length, 0, 'not the ministry’s objection');
    assert.equal(
      (
        await call(t.url, ministry, 'POST', `/api/v1/objections/${id}/resolve`, {
          decision: 'upheld',
          reason: 'x',
        })
      ).status,
      404,
    );
    assert.equal(
      (
        await call(t.url, ningbo, 'POST', `${path}/2096/objections/${id}/resolve`, {
          decision: 'upheld',
          reason: 'x',
        })
      ).status,
      404,
    );
    setToday('2096-09-08');
    const withOpen = await call(t.url, zhejiang, 'POST', `${path}/2096/identification`, {
      noticeNo: '浙经信〔2096〕1号',
      publishedOn: '2096-09-08',
      declarations: [
        { declarationId: a, justification: '专家评审通过' },
        { declarationId: b, justification: '专家评审通过' },
      ],
    });
    assert.equal(withOpen.status, 400);
    assert.match(JSON.stringify(withOpen.body.error.details), /未处理的公示异议/);
    const upheld = await call(t.url, zhejiang, 'POST', `${path}/2096/objections/${id}/resolve`, {
      decision: 'upheld',
      reason: '经核实，主导产业占比不足。',
    });
    assert.equal(upheld.status, 200, JSON.stringify(upheld.body));
    assert.equal(upheld.body.status, 'upheld');
  });

  it('identifies after the 公示 ended, without the cluster an upheld objection removed', async () => {
    const withB = await call(t.url, zhejiang, 'POST', `${path}/2096/identification`, {
      noticeNo: '浙经信〔2096〕1号',
      publishedOn: '2096-09-08',
      declarations: [
        { declarationId: a, justification: '专家评审通过' },
        { declarationId: b, justification: '专家评审通过' },
      ],
    });
    assert.equal(withB.status, 400);
    assert.match(JSON.stringify(withB.body.error.details), /异议成立/);
    const done = await call(t.url, zhejiang, 'POST', `${path}/2096/identification`, {
      noticeNo: '浙经信〔2096〕1号',
      publishedOn: '2096-09-08',
      declarations: [{ declarationId: a, justification: '专家评审通过' }],
    });
    assert.equal(done.status, 201, JSON.stringify(done.body));
    assert.equal(done.body.clusters[0].level, 'provincial');
    assert.equal(done.body.clusters[0].validFrom, '2096-09-08');
    const pub = await call(t.url, null, 'GET', '/api/v1/public/provincial-publicity');
    const mine = pub.body.items.find((i: { unitCode: string }) => i.unitCode === '330000');
    assert.deepEqual(
      mine.items.map((i: { declarationId: string }) => i.declarationId),
      [a],
      'the public list no longer shows the removed cluster',
    );
    const declB = await call(t.url, zhejiang, 'GET', `/api/v1/declarations/${b}`);
    assert.equal(declB.body.status, 'accepted', 'its national status is untouched');
  });
});
