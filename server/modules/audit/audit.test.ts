import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clusters } from '../../db/schema.ts';
import { call, login, type Session, startTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
let ministry: Session;
let admin: Session;
let ningbo: Session;
let zhejiang: Session;
let yuyao: Session;
let clusterId: string;
let reportId: string;

before(async () => {
  t = await startTestApp();
  [ministry, admin, ningbo, zhejiang, yuyao] = (await Promise.all(
    ['ministry', 'admin', 'unit-330200', 'unit-330000', 'county-330281'].map((u) => login(t.url, u)),
  )) as [Session, Session, Session, Session, Session];
  const [row] = await t.database.db
    .insert(clusters)
    .values({
      name: '测试余姚模具产业集群',
      campaignYear: 2022,
      divisionCode: '330281',
      unitCode: '330200',
      leadingIndustry: '模具',
      noticeNo: '工信部企业函〔2023〕3号',
      validFrom: '2023-01-15',
      validTo: '2026-01-14',
    })
    .returning({ id: clusters.id });
  clusterId = row!.id;
  const created = await call(t.url, yuyao, 'POST', `/api/v1/clusters/${clusterId}/change-reports`, {
    kind: 'operating_body',
    description: '运营主体由促进中心变更为行业协会',
    beforeValue: '集群发展促进中心',
    afterValue: '余姚市模具行业协会',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  reportId = created.body.id;
  const ack = await call(
    t.url,
    ministry,
    'POST',
    `/api/v1/clusters/${clusterId}/change-reports/${reportId}/actions/acknowledge`,
    {},
  );
  assert.equal(ack.status, 200, JSON.stringify(ack.body));
});
after(() => t.close());

describe('audit trail of one cluster', () => {
  it('holds the entries of the cluster’s own records, also those that name only the record', async () => {
    const trail = await call(t.url, ministry, 'GET', `/api/v1/audit?cluster=${clusterId}`);
    assert.equal(trail.status, 200, JSON.stringify(trail.body));
    const actions = trail.body.items.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('change_report.created'), actions.join());
    assert.ok(
      trail.body.items.some(
        (e: { entityType: string; entityId: string; action: string }) =>
          e.entityType === 'change_report' && e.entityId === reportId && e.action !== 'change_report.created',
      ),
      `the acknowledgement (which names only the report) is there: ${actions.join()}`,
    );
  });

  it('is the cluster’s unit’s to read, not another unit’s (404), not a county’s (403)', async () => {
    assert.equal((await call(t.url, ningbo, 'GET', `/api/v1/audit?cluster=${clusterId}`)).status, 200);
    assert.equal((await call(t.url, zhejiang, 'GET', `/api/v1/audit?cluster=${clusterId}`)).status, 404);
    assert.equal((await call(t.url, yuyao, 'GET', `/api/v1/audit?cluster=${clusterId}`)).status, 403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    assert.equal((await call(t.url, ningbo, 'GET', `/api/v1/audit?cluster=${unknown}`)).status, 404);
  });
});

describe('the whole log, for the ministry and admins', () => {
  it('filters by record type and by account; units may not list it', async () => {
    const byType = await call(t.url, admin, 'GET', '/api/v1/audit?entityType=change_report');
    assert.equal(byType.status, 200);
    assert.ok(byType.body.items.length >= 2);
    assert.ok(byType.body.items.every((e: { entityType: string }) => e.entityType === 'change_report'));
    const byActor = await call(t.url, ministry, 'GET', '/api/v1/audit?actor=county-330281');
    assert.ok(byActor.body.items.length >= 1);
    assert.ok(byActor.body.items.every((e: { actor: { name: string } }) => e.actor.name === 'county-330281'));
    assert.equal((await call(t.url, ningbo, 'GET', '/api/v1/audit?entityType=change_report')).status, 400);
  });
});
