import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/sql.ts';
import { call, login, type Session, startTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
let ningbo: Session;
let clusterId: string;

before(async () => {
  t = await startTestApp();
  ningbo = await login(t.url, 'unit-330200');
  const [c] = await rows<{ id: string }>(
    t.database.db,
    sql`INSERT INTO clusters (name, campaign_year, division_code, unit_code, leading_industry, valid_from, valid_to)
        VALUES ('余姚市公开集群', 2023, '330281', '330200', '模具', '2023-08-01', '2026-07-31') RETURNING id`,
  );
  clusterId = c!.id;
  const content = {
    output: 512.5,
    outputGrowth: 11.2,
    enterprises: { total: 1800, sme: 1750, littleGiant: 6 },
    rdSpending: 9.8,
  };
  await t.database.db.execute(
    sql`INSERT INTO annual_reports (cluster_id, year, status, content, due_on)
        VALUES (${clusterId}, 2023, 'forwarded', ${JSON.stringify(content)}::jsonb, '2024-03-31'),
               (${clusterId}, 2024, 'submitted', ${JSON.stringify(content)}::jsonb, '2025-03-31')`,
  );
});
after(() => t.close());

describe('the registry by province', () => {
  it('folds a separate-plan city into its province (宁波 in 浙江) and no other', async () => {
    const zj = await call(t.url, null, 'GET', '/api/v1/public/clusters?province=330000');
    assert.equal(zj.status, 200);
    assert.deepEqual(
      zj.body.items.map((c: { name: string }) => c.name),
      ['余姚市公开集群'],
    );
    const js = await call(t.url, null, 'GET', '/api/v1/public/clusters?province=320000');
    assert.equal(js.body.total, 0);
    const stats = await call(t.url, null, 'GET', '/api/v1/public/stats?province=330000');
    assert.equal(stats.body.total, 1);
    assert.equal((await call(t.url, null, 'GET', '/api/v1/public/clusters?province=330200')).status, 400);
  });
});

describe('a cluster’s public page', () => {
  it('shows the registry row and public history, and figures only once the unit publishes them', async () => {
    const before = await call(t.url, null, 'GET', `/api/v1/public/clusters/${clusterId}`);
    assert.equal(before.status, 200, JSON.stringify(before.body));
    assert.equal(before.body.name, '余姚市公开集群');
    assert.deepEqual(before.body.figures, []);
    assert.deepEqual(
      before.body.history.map((h: { kind: string }) => h.kind),
      ['imported'],
      'the insert trigger records how the cluster came in',
    );
    const pub = await call(
      t.url,
      ningbo,
      'PUT',
      `/api/v1/clusters/${clusterId}/annual-reports/2023/publication`,
      { public: true },
    );
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    const after = await call(t.url, null, 'GET', `/api/v1/public/clusters/${clusterId}`);
    assert.equal(after.body.figures.length, 1);
    assert.deepEqual(
      [after.body.figures[0].year, after.body.figures[0].output, after.body.figures[0].littleGiants],
      [2023, 512.5, 6],
    );
    assert.equal(after.body.figures[0].specializedSmes, null, 'a missing figure stays empty');
  });

  it('lets only the cluster’s unit publish, and only forwarded reports', async () => {
    const path = `/api/v1/clusters/${clusterId}/annual-reports`;
    assert.equal(
      (await call(t.url, ningbo, 'PUT', `${path}/2024/publication`, { public: true })).status,
      409,
    );
    const zhejiang = await login(t.url, 'unit-330000');
    assert.equal(
      (await call(t.url, zhejiang, 'PUT', `${path}/2023/publication`, { public: false })).status,
      404,
    );
    const yuyao = await login(t.url, 'county-330281');
    assert.equal(
      (await call(t.url, yuyao, 'PUT', `${path}/2023/publication`, { public: false })).status,
      403,
    );
    assert.equal(
      (await call(t.url, null, 'GET', '/api/v1/public/clusters/00000000-0000-4000-8000-000000000000')).status,
      404,
    );
  });
});
