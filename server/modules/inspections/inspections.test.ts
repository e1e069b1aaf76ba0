import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { INSPECTION_CHECK_KEYS } from '../../../domain/inspection.ts';
import {
  call,
  jsonOf,
  login,
  openCampaign,
  type Session,
  startTestApp,
  type TestApp,
} from '../../test-support/app.ts';
import { submitComplete } from '../../test-support/declarations.ts';
import { tinyPng } from '../../test-support/files.ts';

const YEAR = 2094;
let t: TestApp;
let ningbo: Session;
let zhejiang: Session;
let yuyao: Session;
let ministry: Session;
let declarationId: string;

before(async () => {
  t = await startTestApp();
  ministry = await login(t.url, 'ministry');
  assert.equal((await call(t.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR))).status, 201);
  [ningbo, zhejiang, yuyao] = (await Promise.all(
    ['unit-330200', 'unit-330000', 'county-330281'].map((u) => login(t.url, u)),
  )) as [Session, Session, Session];
  declarationId = await submitComplete(t.url, yuyao, YEAR);
});
after(() => t.close());

const photo = async (s: Session, id: string) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), '现场照片1.png');
  const res = await fetch(`${t.url}/api/v1/inspections/${id}/files`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    body: form,
  });
  return { status: res.status, body: await jsonOf(res) };
};

describe('on-site inspections', () => {
  it('plans, records findings and photos, and signs off; then the record is final', async () => {
    const planned = await call(t.url, ningbo, 'POST', '/api/v1/inspections', {
      declarationId,
      plannedOn: `${YEAR}-05-20`,
      place: '余姚市经济开发区',
      team: [
        { name: '王强', role: '组长', affiliation: '宁波市经信局' },
        { name: '刘敏', role: '专家', affiliation: '宁波大学' },
      ],
    });
    assert.equal(planned.status, 201, JSON.stringify(planned.body));
    const id = planned.body.id;
    assert.equal(planned.body.status, 'planned');
    assert.equal(planned.body.clusterName, '浙江省宁波市余姚市模具产业集群（演示）');
    const early = await call(t.url, ningbo, 'POST', `/api/v1/inspections/${id}/sign-off`, {});
    assert.equal(early.status, 400);
    assert.ok(early.body.error.details.some((d: { path: string }) => d.path === 'verdict'));
    const checklist = Object.fromEntries(
      INSPECTION_CHECK_KEYS.map((k) => [k, { ok: true, finding: '现场核实一致' }]),
    );
    const recorded = await call(
      t.url,
      ningbo,
      'PATCH',
      `/api/v1/inspections/${id}`,
      { checklist, verdict: 'pass', status: 'done' },
      { 'if-match': '1' },
    );
    assert.equal(recorded.status, 200);
    assert.equal(
      (await call(t.url, ningbo, 'PATCH', `/api/v1/inspections/${id}`, { notes: 'x' }, { 'if-match': '1' }))
        .status,
      409,
    );
    const file = await photo(ningbo, id);
    assert.equal(file.status, 201);
    assert.equal(file.body.filename, '现场照片1.png');
    assert.equal(file.body.contentType, 'image/png');
    const signed = await call(t.url, ningbo, 'POST', `/api/v1/inspections/${id}/sign-off`, {});
    assert.equal(signed.status, 200);
    assert.equal(signed.body.status, 'signed_off');
    assert.ok(signed.body.signedOffAt);
    assert.equal(
      (
        await call(
          t.url,
          ningbo,
          'PATCH',
          `/api/v1/inspections/${id}`,
          { notes: 'late' },
          { 'if-match': String(signed.body.version) },
        )
      ).status,
      409,
    );
    assert.equal((await photo(ningbo, id)).status, 409);
    const download = await fetch(`${t.url}/api/v1/inspections/${id}/files/${file.body.id}`, {
      headers: { cookie: ningbo.cookie },
    });
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), tinyPng());
  });
  it('lists the unit’s inspections as a calendar; other units and counties get 404; the ministry reads all', async () => {
    const list = await call(t.url, ningbo, 'GET', `/api/v1/inspections?from=${YEAR}-05-01&to=${YEAR}-05-31`);
    assert.equal(list.body.items.length, 1);
    const id = list.body.items[0].id;
    assert.equal((await call(t.url, zhejiang, 'GET', `/api/v1/inspections/${id}`)).status, 404);
    assert.equal((await call(t.url, zhejiang, 'GET', '/api/v1/inspections')).body.items.length, 0);
    assert.equal((await call(t.url, yuyao, 'GET', `/api/v1/inspections/${id}`)).status, 403);
    assert.equal((await call(t.url, ministry, 'GET', `/api/v1/inspections/${id}`)).status, 200);
    const other = await call(t.url, zhejiang, 'POST', '/api/v1/inspections', {
      declarationId,
      plannedOn: `${YEAR}-06-01`,
      place: 'x',
      team: [{ name: 'a', role: 'b', affiliation: 'c' }],
    });
    assert.equal(other.status, 404, 'Zhejiang cannot inspect a Ningbo declaration');
  });
});

describe('inspections for re-review and the unit-wide list', () => {
  let clusterId: string;
  let reReviewId: string;
  before(async () => {
    const [c] = await t.database.raw.query<{ id: string }>(
      `INSERT INTO clusters (name, campaign_year, division_code, unit_code, leading_industry, notice_no, valid_from, valid_to)
       VALUES ('测试余姚模具产业集群', 2022, '330281', '330200', '模具', '工信部企业函〔2023〕3号', '2023-01-15', '2026-01-14')
       RETURNING id`,
    );
    clusterId = c!.id;
    const [r] = await t.database.raw.query<{ id: string }>(
      `INSERT INTO re_reviews (cluster_id, period_end, status, form, standards_version)
       VALUES ($1, '2026-01-14', 'submitted', '{}'::jsonb, '2022') RETURNING id`,
      [clusterId],
    );
    reReviewId = r!.id;
  });

  it('schedules an inspection of a cluster under re-review, linked to its re-review', async () => {
    const planned = await call(t.url, ningbo, 'POST', '/api/v1/inspections', {
      clusterId,
      plannedOn: `${YEAR}-06-10`,
      place: '余姚市模具城',
      team: [{ name: '王强', role: '组长', affiliation: '宁波市经信局' }],
    });
    assert.equal(planned.status, 201, JSON.stringify(planned.body));
    assert.equal(planned.body.purpose, 're_review');
    assert.equal(planned.body.clusterId, clusterId);
    assert.equal(planned.body.reReviewId, reReviewId);
    assert.equal(planned.body.declarationId, null);
    assert.equal(planned.body.clusterName, '测试余姚模具产业集群');
    assert.equal(planned.body.countyName, '余姚市');
    // Another unit's cluster is out of scope: 404, as if it did not exist; a county may not plan at all.
    const body = {
      clusterId,
      plannedOn: `${YEAR}-06-11`,
      place: 'x',
      team: [{ name: 'a', role: '', affiliation: '' }],
    };
    assert.equal((await call(t.url, zhejiang, 'POST', '/api/v1/inspections', body)).status, 404);
    assert.equal((await call(t.url, yuyao, 'POST', '/api/v1/inspections', body)).status, 403);
    assert.equal(
      (await call(t.url, ningbo, 'POST', '/api/v1/inspections', { ...body, declarationId })).status,
      400,
      'either a declaration or a cluster, not both',
    );
    const { declarationId: _d, ...neither } = { ...body, declarationId, clusterId: undefined };
    assert.equal((await call(t.url, ningbo, 'POST', '/api/v1/inspections', neither)).status, 400);
    const audit = await t.database.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'inspection.planned' AND entity_id = $1`,
      [clusterId],
    );
    assert.equal(audit[0]!.n, 1);
  });

  it('lists all of the unit’s inspections across declarations and re-reviews, filtered by status, month and purpose', async () => {
    const all = await call(t.url, ningbo, 'GET', '/api/v1/inspections');
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.items.map((i: { purpose: string; status: string }) => [i.purpose, i.status]),
      [
        ['declaration', 'signed_off'],
        ['re_review', 'planned'],
      ],
    );
    const planned = await call(t.url, ningbo, 'GET', '/api/v1/inspections?status=planned,done');
    assert.equal(planned.body.items.length, 1);
    assert.equal(planned.body.items[0].clusterId, clusterId);
    const june = await call(t.url, ningbo, 'GET', `/api/v1/inspections?from=${YEAR}-06-01&to=${YEAR}-06-30`);
    assert.equal(june.body.items.length, 1);
    const reReview = await call(t.url, ningbo, 'GET', '/api/v1/inspections?purpose=re_review');
    assert.equal(reReview.body.items.length, 1);
    assert.equal((await call(t.url, ningbo, 'GET', '/api/v1/inspections?status=nonsense')).status, 400);
    // Zhejiang sees none of Ningbo's; a county may not list inspections.
    assert.equal((await call(t.url, zhejiang, 'GET', '/api/v1/inspections')).body.items.length, 0);
    assert.equal((await call(t.url, yuyao, 'GET', '/api/v1/inspections')).status, 403);
    assert.equal(
      (await call(t.url, ministry, 'GET', '/api/v1/inspections?purpose=re_review')).body.items.length,
      1,
    );
  });

  it('refuses an inspection of a revoked cluster', async () => {
    await t.database.raw.query(
      `UPDATE clusters SET status = 'revoked', revoked_on = '2026-02-01', revocation_reason = 'test' WHERE id = $1`,
      [clusterId],
    );
    const res = await call(t.url, ningbo, 'POST', '/api/v1/inspections', {
      clusterId,
      plannedOn: `${YEAR}-07-01`,
      place: 'x',
      team: [{ name: 'a', role: '', affiliation: '' }],
    });
    assert.equal(res.status, 409);
  });
});
