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

const YEAR = 2093;
let t: TestApp;
let ningbo: Session;
let yuyao: Session;
const experts: Session[] = [];
let declarationId: string;

before(async () => {
  t = await startTestApp();
  const ministry = await login(t.url, 'ministry');
  const campaign = openCampaign(YEAR, {
    rules: { onePerSubSector: false, scoringAggregation: 'trimmed_mean' },
  });
  assert.equal((await call(t.url, ministry, 'POST', '/api/v1/campaigns', campaign)).status, 201);
  ningbo = await login(t.url, 'unit-330200');
  yuyao = await login(t.url, 'county-330281');
  for (let i = 1; i <= 5; i++) experts.push(await login(t.url, `expert-${i}`));
  declarationId = await submitComplete(t.url, yuyao, YEAR);
});
after(() => t.close());

describe('expert scoring', () => {
  it('experts see only their assignments; the aggregate drops the highest and lowest as the campaign says', async () => {
    const before = await call(t.url, experts[0]!, 'GET', `/api/v1/declarations/${declarationId}`);
    assert.equal(before.status, 404, 'not assigned yet');
    const ids = experts.slice(0, 4).map((e) => e.user.id);
    const assigned = await call(t.url, ningbo, 'POST', `/api/v1/declarations/${declarationId}/experts`, {
      expertIds: ids,
    });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.equal(assigned.body.experts.length, 4);
    assert.equal(
      (await call(t.url, experts[4]!, 'GET', `/api/v1/declarations/${declarationId}`)).status,
      404,
      'unassigned expert',
    );
    assert.equal(
      (await call(t.url, experts[0]!, 'GET', `/api/v1/declarations/${declarationId}`)).status,
      200,
    );
    assert.equal(
      (await call(t.url, experts[0]!, 'GET', `/api/v1/declarations/${declarationId}/scores`)).status,
      403,
      'experts do not see each other’s scores here',
    );
    const areaScores = [
      [90, 90, 90, 90, 90, 90, 90, 90],
      [80, 80, 80, 80, 80, 80, 80, 80],
      [70, 70, 70, 70, 70, 70, 70, 70],
      [60, 60, 60, 60, 60, 60, 60, 60],
    ];
    for (const [i, e] of experts.slice(0, 4).entries()) {
      const mine = await call(t.url, e, 'GET', '/api/v1/expert/assignments');
      assert.equal(mine.body.items.length, 1);
      assert.equal(mine.body.items[0].scores, null);
      assert.equal(mine.body.items[0].weights.length, 8);
      const r = await call(
        t.url,
        e,
        'PUT',
        `/api/v1/expert/assignments/${mine.body.items[0].assignmentId}/score`,
        { scores: areaScores[i], comment: '' },
      );
      assert.equal(r.status, 200);
    }
    const revisit = await call(t.url, experts[1]!, 'GET', '/api/v1/expert/assignments');
    assert.deepEqual(
      revisit.body.items[0].scores,
      areaScores[1],
      'an expert can reopen and revise its scores',
    );
    const sheet = await call(t.url, ningbo, 'GET', `/api/v1/declarations/${declarationId}/scores`);
    assert.equal(sheet.body.aggregation, 'trimmed_mean');
    assert.deepEqual(sheet.body.aggregate, {
      value: 75,
      method: 'trimmed_mean',
      used: [70, 80],
      dropped: [60, 90],
    });
  });
  it('a declared conflict removes access at once and excludes the score', async () => {
    const e = experts[0]!;
    const mine = await call(t.url, e, 'GET', '/api/v1/expert/assignments');
    const aid = mine.body.items[0].assignmentId;
    assert.equal(
      (
        await call(t.url, e, 'POST', `/api/v1/expert/assignments/${aid}/conflict`, {
          reason: '曾为该集群龙头企业提供咨询',
        })
      ).status,
      204,
    );
    assert.equal((await call(t.url, e, 'GET', `/api/v1/declarations/${declarationId}`)).status, 404);
    assert.equal(
      (
        await call(t.url, e, 'PUT', `/api/v1/expert/assignments/${aid}/score`, {
          scores: [0, 0, 0, 0, 0, 0, 0, 0],
        })
      ).status,
      404,
    );
    const sheet = await call(t.url, ningbo, 'GET', `/api/v1/declarations/${declarationId}/scores`);
    const conflicted = sheet.body.experts.find((x: { expert: { id: string } }) => x.expert.id === e.user.id);
    assert.equal(conflicted.status, 'conflict');
    assert.deepEqual(sheet.body.aggregate.used, [70]);
    assert.equal(sheet.body.aggregate.value, 70);
  });
  it('lists expert accounts by name and home unit for units to invite; counties may not', async () => {
    const list = await call(t.url, ningbo, 'GET', '/api/v1/experts');
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 30);
    assert.deepEqual(Object.keys(list.body.items[0]).sort(), ['displayName', 'id', 'unitCode']);
    const homes = list.body.items.map((e: { unitCode: string | null }) => e.unitCode);
    assert.ok(homes.includes('330200'), 'a demo expert works for 宁波');
    assert.ok(homes.includes(null), 'national experts have no home unit');
    assert.equal((await call(t.url, yuyao, 'GET', '/api/v1/experts')).status, 403);
  });
  it('refuses non-expert ids and other units', async () => {
    const zhejiang = await login(t.url, 'unit-330000');
    assert.equal(
      (
        await call(t.url, zhejiang, 'POST', `/api/v1/declarations/${declarationId}/experts`, {
          expertIds: [experts[4]!.user.id],
        })
      ).status,
      404,
    );
    assert.equal(
      (
        await call(t.url, ningbo, 'POST', `/api/v1/declarations/${declarationId}/experts`, {
          expertIds: [yuyao.user.id],
        })
      ).status,
      400,
    );
  });
});
