// One cluster through three annual reports, a change report, a re-review and an extension; another revoked for a
// missing re-review; the public registry shows both. Years advance with the server clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { daysFrom } from '../../../domain/cluster-lifecycle.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import { clusters } from '../../db/schema.ts';
import { seedDemoClusters } from '../../db/seed/demo-clusters.ts';
import { sampleContent } from '../../db/seed/sample-content.ts';
import { rows } from '../../platform/sql.ts';
import { call, login, type Session, startTestApp, type TestApp } from '../../test-support/app.ts';
import { tinyPdf } from '../../test-support/files.ts';

let t: TestApp;
let ministry: Session;
let ningbo: Session;
let zhejiang: Session;
let yuyao: Session;
let zhuji: Session;
let a: string;
let b: string;

/** Moves the server clock to a Beijing date. */
const setToday = (date: string) => t.clock.setOffsetDays(daysFrom(chinaDate(new Date()), date));

async function insertCluster(name: string, divisionCode: string, unitCode: string) {
  const [row] = await t.database.db
    .insert(clusters)
    .values({
      name,
      campaignYear: 2022,
      divisionCode,
      unitCode,
      leadingIndustry: '模具',
      noticeNo: '工信部企业函〔2023〕3号',
      validFrom: '2023-01-15',
      validTo: '2026-01-14',
    })
    .returning({ id: clusters.id });
  return row!.id;
}

const figures = (output: number) => ({
  output,
  outputGrowth: 11.5,
  smeOutput: output * 0.8,
  leadingIndustryOutput: output * 0.75,
  enterprises: { total: 900, sme: 880, singleChampion: 1, littleGiant: 3, specializedSme: 40 },
  validInventionPatents: 320,
  rdSpending: 12.5,
  industrialInternetPenetration: 45,
  energyPerOutputReduction: 3.2,
  narratives: { summary: '年度发展情况综述（测试）' },
  noSeriousIncidents: true,
});

before(async () => {
  t = await startTestApp();
  const sessions = await Promise.all(
    ['ministry', 'unit-330200', 'unit-330000', 'county-330281', 'county-330681'].map((u) => login(t.url, u)),
  );
  [ministry, ningbo, zhejiang, yuyao, zhuji] = sessions as [Session, Session, Session, Session, Session];
  a = await insertCluster('测试余姚模具产业集群', '330281', '330200');
  b = await insertCluster('测试诸暨袜业产业集群', '330681', '330000');
});
after(() => t?.close());

describe('a cluster through its validity', () => {
  it('records identification in the history and keeps other parties out', async () => {
    const h = await call(t.url, yuyao, 'GET', `/api/v1/clusters/${a}/history`);
    assert.equal(h.status, 200);
    assert.equal(h.body.items[0].kind, 'imported');
    for (const [who, path] of [
      [zhuji, `/api/v1/clusters/${a}`],
      [zhejiang, `/api/v1/clusters/${a}/annual-reports`],
      [zhuji, `/api/v1/clusters/${a}/history`],
    ] as const) {
      assert.equal((await call(t.url, who, 'GET', path)).status, 404, path);
    }
  });

  it('files three annual reports, one a year, through the unit', async () => {
    for (const [today, year, due] of [
      ['2024-02-01', 2023, '2024-03-31'],
      ['2025-02-01', 2024, '2025-03-31'],
      ['2026-01-05', 2025, '2026-03-31'],
    ] as const) {
      setToday(today);
      const list = await call(t.url, yuyao, 'GET', `/api/v1/clusters/${a}/annual-reports`);
      assert.equal(list.status, 200);
      assert.equal(list.body.items[0].year, year);
      assert.equal(list.body.items[0].dueOn, due);
      assert.equal(list.body.items[0].status, 'not_started');
      assert.deepEqual(list.body.items[0].allowedActions, ['edit']);
      const path = `/api/v1/clusters/${a}/annual-reports/${year}`;
      const draft = await call(t.url, yuyao, 'PUT', path, { content: { output: 100 } });
      assert.equal(draft.status, 200, JSON.stringify(draft.body));
      const early = await call(t.url, yuyao, 'POST', `${path}/actions/submit`, {});
      assert.equal(early.status, 400);
      assert.ok(
        early.body.error.details.some((d: { path: string }) => d.path === 'content.narratives.summary'),
      );
      const stale = await call(t.url, yuyao, 'PUT', path, { content: figures(100) }, { 'if-match': '0' });
      assert.equal(stale.body.error?.code, 'VERSION_CONFLICT');
      const full = await call(
        t.url,
        yuyao,
        'PUT',
        path,
        { content: figures(100 + (year - 2023) * 20) },
        {
          'if-match': String(draft.body.version),
        },
      );
      assert.equal(full.status, 200);
      assert.deepEqual(full.body.missing, []);
      const submitted = await call(t.url, yuyao, 'POST', `${path}/actions/submit`, {});
      assert.equal(submitted.body.status, 'submitted');
      assert.equal((await call(t.url, yuyao, 'POST', `${path}/actions/forward`, {})).status, 403);
      if (year === 2024) {
        const noReason = await call(t.url, ningbo, 'POST', `${path}/actions/return`, {});
        assert.equal(noReason.status, 400);
        const back = await call(t.url, ningbo, 'POST', `${path}/actions/return`, { comment: '请核实产值' });
        assert.equal(back.body.status, 'returned');
        await call(t.url, yuyao, 'POST', `${path}/actions/submit`, {});
      }
      const fwd = await call(t.url, ningbo, 'POST', `${path}/actions/forward`, {});
      assert.equal(fwd.status, 200, JSON.stringify(fwd.body));
      assert.equal(fwd.body.status, 'forwarded');
      assert.deepEqual(fwd.body.allowedActions, []);
    }
    const trends = await call(t.url, ministry, 'GET', `/api/v1/clusters/${a}/trends`);
    assert.deepEqual(
      trends.body.years.map((y: { year: number; values: { output: number } }) => [y.year, y.values.output]),
      [
        [2023, 100],
        [2024, 120],
        [2025, 140],
      ],
    );
    const completion = await call(t.url, ministry, 'GET', '/api/v1/annual-reports/completion/2025');
    const nb = completion.body.units.find((u: { unitCode: string }) => u.unitCode === '330200');
    assert.equal(nb.forwarded, 1);
    const zj = completion.body.units.find((u: { unitCode: string }) => u.unitCode === '330000');
    assert.equal(zj.notStarted, 1);
    const totals = await call(t.url, ningbo, 'GET', '/api/v1/annual-reports/totals');
    assert.equal(totals.body.items.length, 3);
  });

  it('keeps a plan whose progress comes from the reports, and records policy support', async () => {
    const plan = await call(t.url, yuyao, 'GET', `/api/v1/clusters/${a}/plan`);
    assert.equal(plan.body.version, 0);
    const saved = await call(
      t.url,
      yuyao,
      'PUT',
      `/api/v1/clusters/${a}/plan`,
      {
        ...plan.body.content,
        startYear: 2023,
        endYear: 2025,
        targets: [
          { indicator: 'output', year: 2024, value: 110 },
          { indicator: 'output', year: 2025, value: 150 },
        ],
      },
      { 'if-match': '0' },
    );
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(
      saved.body.progress.map((p: { state: string }) => p.state),
      ['achieved', 'not_achieved'],
    );
    const support = await call(t.url, ningbo, 'POST', `/api/v1/clusters/${a}/support`, {
      kind: 'fiscal',
      title: '专项资金',
      amount: 0.5,
      grantedOn: '2025-06-01',
    });
    assert.equal(support.status, 201);
    assert.equal(
      (await call(t.url, yuyao, 'POST', `/api/v1/clusters/${a}/support`, support.body)).status,
      403,
    );
    const totals = await call(t.url, ministry, 'GET', '/api/v1/policy-support/totals');
    assert.equal(totals.body.items[0].amount, 0.5);
  });

  it('takes a change report with evidence, which the ministry acknowledges', async () => {
    const created = await call(t.url, yuyao, 'POST', `/api/v1/clusters/${a}/change-reports`, {
      kind: 'operating_body',
      description: '运营主体由促进中心变更为行业协会',
      beforeValue: '集群发展促进中心',
      afterValue: '余姚市模具行业协会',
    });
    assert.equal(created.status, 201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(tinyPdf('evidence'))]), '变更证明.pdf');
    const up = await fetch(`${t.url}/api/v1/clusters/${a}/change-reports/${created.body.id}/files`, {
      method: 'POST',
      headers: { cookie: yuyao.cookie, 'x-csrf-token': yuyao.csrfToken },
      body: form,
    });
    assert.equal(up.status, 201);
    const ack = await call(
      t.url,
      ministry,
      'POST',
      `/api/v1/clusters/${a}/change-reports/${created.body.id}/actions/acknowledge`,
      {},
    );
    assert.equal(ack.body.status, 'acknowledged');
    assert.equal(ack.body.files.length, 1);
    const after = await call(t.url, yuyao, 'GET', `/api/v1/clusters/${a}`);
    assert.equal(after.body.operatingBody, '余姚市模具行业协会', 'the acknowledged value is the cluster’s');
  });

  it('changes the leading industry once a reviewed change is confirmed, with the report as source', async () => {
    const path = `/api/v1/clusters/${a}/change-reports`;
    const created = await call(t.url, yuyao, 'POST', path, {
      kind: 'leading_industry',
      description: '主导产业由模具调整为精密模具及注塑件',
      beforeValue: '模具',
      afterValue: '精密模具',
      effectiveOn: '2025-07-01',
    });
    assert.equal(created.status, 201);
    const act = (who: Session, action: string, body: object) =>
      call(t.url, who, 'POST', `${path}/${created.body.id}/actions/${action}`, body);
    assert.equal((await act(yuyao, 'acknowledge', {})).status, 403, 'the county cannot accept its own');
    assert.equal((await call(t.url, zhuji, 'GET', `${path}/${created.body.id}`)).status, 404);
    assert.equal((await act(ministry, 'open_review', {})).status, 400, 'a review needs a reason');
    assert.equal((await act(ministry, 'open_review', { comment: '核查产业调整情况' })).status, 200);
    const unchanged = await call(t.url, yuyao, 'GET', `/api/v1/clusters/${a}`);
    assert.equal(unchanged.body.leadingIndustry, '模具', 'not while under review');
    const closed = await act(ministry, 'close', { comment: '核查属实', confirmed: true });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');
    const changed = await call(t.url, ningbo, 'GET', `/api/v1/clusters/${a}`);
    assert.equal(changed.body.leadingIndustry, '精密模具');
    const history = await call(t.url, yuyao, 'GET', `/api/v1/clusters/${a}/history`);
    const recorded = history.body.items.filter((e: { kind: string }) => e.kind === 'record_changed');
    assert.deepEqual(
      recorded.map((e: { data: { field: string; before: string; after: string }; refId: string }) => [
        e.data.field,
        e.data.before,
        e.data.after,
      ]),
      [
        ['operatingBody', null, '余姚市模具行业协会'],
        ['leadingIndustry', '模具', '精密模具'],
      ],
    );
    assert.equal(recorded[1].refId, created.body.id);
    assert.equal(recorded[1].onDate, '2025-07-01');
    const audit = await rows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE entity_id = ${a} AND action = 'cluster.record_changed'`,
    );
    assert.equal(audit.length, 2);
    const pub = await call(t.url, null, 'GET', `/api/v1/public/clusters/${a}`);
    assert.equal(pub.body.leadingIndustry, '精密模具', 'the registry shows the cluster’s current industry');
  });

  it('passes re-review and is extended by three years', async () => {
    setToday('2026-01-06');
    const due = await call(t.url, ministry, 'GET', '/api/v1/re-reviews/due');
    assert.deepEqual(
      due.body.items.map((i: { cluster: { id: string } }) => i.cluster.id).sort(),
      [a, b].sort(),
    );
    const started = await call(t.url, yuyao, 'PUT', `/api/v1/clusters/${a}/re-review`, { form: {} });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.form.content.indicators.output[2], 140, 'prefilled from the 2025 report');
    const content = sampleContent(2026);
    const filled = await call(t.url, yuyao, 'PUT', `/api/v1/clusters/${a}/re-review`, {
      form: { content, planSelfAssessment: '产值目标基本完成', summary: '三年培育情况良好' },
    });
    assert.deepEqual(filled.body.missing, []);
    const submitted = await call(t.url, yuyao, 'POST', `/api/v1/clusters/${a}/re-review/actions/submit`, {});
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(submitted.body.standards.overall, 'pass');
    const noReason = await call(t.url, ningbo, 'POST', `/api/v1/clusters/${a}/re-review/actions/verify`, {
      passed: false,
      items: [{ code: 'output_each_year', result: 'fail' }],
    });
    assert.equal(noReason.status, 400);
    const verified = await call(t.url, ningbo, 'POST', `/api/v1/clusters/${a}/re-review/actions/verify`, {
      passed: true,
      items: [{ code: 'output_each_year', result: 'pass' }],
      inspection: { date: '2026-01-06', team: '宁波市经信局', findings: '现场核查属实' },
    });
    assert.equal(verified.body.status, 'verified');
    assert.equal(
      (
        await call(t.url, ningbo, 'POST', `/api/v1/clusters/${a}/re-review/actions/decide`, {
          decision: 'extend',
        })
      ).status,
      403,
    );
    const decided = await call(t.url, ministry, 'POST', `/api/v1/clusters/${a}/re-review/actions/decide`, {
      decision: 'extend',
    });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.decision.newValidTo, '2029-01-14');
    const cluster = await call(t.url, yuyao, 'GET', `/api/v1/clusters/${a}`);
    assert.equal(cluster.body.status, 'extended');
    assert.equal(cluster.body.validTo, '2029-01-14');
  });

  it('revokes the other cluster when its validity ends without a re-review', async () => {
    setToday('2026-01-20');
    const zhujiView = await call(t.url, zhuji, 'GET', `/api/v1/clusters/${b}`);
    assert.equal(zhujiView.body.status, 'expired');
    const due = await call(t.url, ministry, 'GET', '/api/v1/re-reviews/due');
    const lapsed = due.body.items.filter((i: { lapsed: boolean }) => i.lapsed);
    assert.deepEqual(
      lapsed.map((i: { cluster: { id: string } }) => i.cluster.id),
      [b],
    );
    assert.equal(
      (await call(t.url, zhejiang, 'POST', '/api/v1/re-reviews/revoke-lapsed', {})).body.revoked.length,
      0,
    );
    const revoked = await call(t.url, ministry, 'POST', '/api/v1/re-reviews/revoke-lapsed', {});
    assert.deepEqual(
      revoked.body.revoked.map((r: { id: string }) => r.id),
      [b],
    );
    const view = await call(t.url, zhuji, 'GET', `/api/v1/clusters/${b}`);
    assert.equal(view.body.status, 'revoked');
    assert.equal(view.body.revocationReason, 're_review_missing');
    assert.deepEqual(view.body.allowedActions, []);
    const history = await call(t.url, ministry, 'GET', `/api/v1/clusters/${a}/history`);
    assert.deepEqual(
      history.body.items.map((e: { kind: string }) => e.kind).filter((k: string) => !k.startsWith('annual')),
      [
        'imported',
        'plan_updated',
        'support_recorded',
        'change_reported',
        'change_acknowledged',
        'record_changed',
        'change_reported',
        'change_review_opened',
        'change_closed',
        'record_changed',
        're_review_submitted',
        're_review_verified',
        'extended',
      ],
    );
  });

  it('shows both correctly in the public registry', async () => {
    const res = await call(t.url, null, 'GET', '/api/v1/public/clusters?q=测试');
    assert.equal(res.status, 200);
    const byId = new Map(res.body.items.map((i: { id: string }) => [i.id, i]));
    assert.deepEqual(
      [byId.get(a), byId.get(b)].map((i) => {
        const x = i as { status: string; validTo: string };
        return [x.status, x.validTo];
      }),
      [
        ['extended', '2029-01-14'],
        ['revoked', '2026-01-14'],
      ],
    );
  });
});

describe('revocation for a serious incident', () => {
  it('records ground, explanation and evidence that only the cluster’s parties see', async () => {
    const c = await insertCluster('测试余姚塑料产业集群', '330281', '330200');
    assert.equal(
      (await call(t.url, yuyao, 'GET', `/api/v1/clusters/${c}/revocation`)).status,
      404,
      'not revoked',
    );
    assert.equal(
      (
        await call(t.url, ningbo, 'POST', `/api/v1/clusters/${c}/actions/revoke`, {
          reason: 'other',
          explanation: 'x',
        })
      ).status,
      403,
      'the ministry revokes national clusters',
    );
    const revoked = await call(t.url, ministry, 'POST', `/api/v1/clusters/${c}/actions/revoke`, {
      reason: 'serious_incident',
      explanation: '集群内企业发生较大安全生产事故',
      effectiveOn: '2026-01-20',
    });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    const upload = (who: Session) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(tinyPdf('incident'))]), '事故调查报告.pdf');
      return fetch(`${t.url}/api/v1/clusters/${c}/revocation/files`, {
        method: 'POST',
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
        body: form,
      });
    };
    assert.equal((await upload(ningbo)).status, 403);
    assert.equal((await upload(zhejiang)).status, 404, 'another unit does not see the cluster');
    const up = await upload(ministry);
    assert.equal(up.status, 201);
    const file = (await up.json()) as { id: string };
    for (const who of [ministry, ningbo, yuyao]) {
      const res = await call(t.url, who, 'GET', `/api/v1/clusters/${c}/revocation`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.reason, 'serious_incident');
      assert.equal(res.body.revokedOn, '2026-01-20');
      assert.equal(res.body.explanation, '集群内企业发生较大安全生产事故');
      assert.deepEqual(
        res.body.files.map((f: { filename: string }) => f.filename),
        ['事故调查报告.pdf'],
      );
      assert.deepEqual(res.body.allowedActions, who === ministry ? ['add_file'] : []);
      const dl = await fetch(`${t.url}/api/v1/clusters/${c}/files/${file.id}`, {
        headers: { cookie: who.cookie },
      });
      assert.equal(dl.status, 200);
      assert.equal(dl.headers.get('content-type'), 'application/pdf');
    }
    for (const who of [zhuji, zhejiang]) {
      assert.equal((await call(t.url, who, 'GET', `/api/v1/clusters/${c}/revocation`)).status, 404);
      const dl = await fetch(`${t.url}/api/v1/clusters/${c}/files/${file.id}`, {
        headers: { cookie: who.cookie },
      });
      assert.equal(dl.status, 404);
    }
    assert.equal((await call(t.url, null, 'GET', `/api/v1/clusters/${c}/revocation`)).status, 401);
    assert.equal((await fetch(`${t.url}/api/v1/clusters/${c}/files/${file.id}`)).status, 401);
    const pub = await call(t.url, null, 'GET', `/api/v1/public/clusters/${c}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.status, 'revoked');
    assert.equal(pub.body.revocationReason, 'serious_incident');
    assert.equal(pub.body.revokedOn, '2026-01-20');
    const text = JSON.stringify(pub.body);
    assert.ok(!text.includes('事故调查报告') && !text.includes(file.id), 'evidence stays non-public');
    assert.ok(!text.includes('较大安全生产事故'), 'the explanation stays non-public');
    const listed = await call(t.url, null, 'GET', '/api/v1/public/clusters?status=revoked&q=测试余姚塑料');
    assert.deepEqual(
      listed.body.items.map((i: { id: string; status: string }) => [i.id, i.status]),
      [[c, 'revoked']],
    );
  });
});

describe('provincial-level clusters', () => {
  it('a unit runs its own round with its standards and the clusters appear as provincial', async () => {
    const path = '/api/v1/units/330000/provincial-campaigns';
    assert.equal(
      (await call(t.url, zhejiang, 'POST', path, { year: 2026, title: '省级集群', standardsVersion: 'nope' }))
        .status,
      400,
    );
    const created = await call(t.url, zhejiang, 'POST', path, {
      year: 2026,
      title: '浙江省2026年省级中小企业特色产业集群',
      standardsVersion: '2022-provincial-example',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await call(t.url, ningbo, 'GET', path)).status, 404);
    assert.equal(
      (
        await call(t.url, ningbo, 'POST', `${path}/2026/identification`, {
          noticeNo: 'x',
          publishedOn: '2026-02-01',
          entries: [{ name: 'x', divisionCode: '330281', leadingIndustry: 'x' }],
        })
      ).status,
      404,
    );
    const candidates = await call(t.url, zhejiang, 'GET', `${path}/2026/candidates`);
    assert.equal(candidates.status, 200);
    const outside = await call(t.url, zhejiang, 'POST', `${path}/2026/identification`, {
      noticeNo: '浙经信〔2026〕1号',
      publishedOn: '2026-02-01',
      entries: [{ name: '测试余姚省级集群', divisionCode: '330281', leadingIndustry: '模具' }],
    });
    assert.equal(outside.status, 400, 'a 宁波 county is not in the 浙江 unit');
    const identified = await call(t.url, zhejiang, 'POST', `${path}/2026/identification`, {
      noticeNo: '浙经信〔2026〕1号',
      publishedOn: '2026-02-01',
      entries: [{ name: '测试诸暨省级袜业集群', divisionCode: '330681', leadingIndustry: '袜业' }],
    });
    assert.equal(identified.status, 201, JSON.stringify(identified.body));
    assert.equal(identified.body.campaign.status, 'closed');
    const [c] = identified.body.clusters;
    assert.equal(c.level, 'provincial');
    assert.equal(c.validTo, '2029-01-31');
    assert.ok(c.allowedActions.includes('revoke'), 'the unit revokes its provincial clusters');
    const pub = await call(t.url, null, 'GET', '/api/v1/public/clusters?level=provincial&q=测试');
    assert.deepEqual(
      pub.body.items.map((i: { name: string; level: string }) => [i.name, i.level]),
      [['测试诸暨省级袜业集群', 'provincial']],
    );
    const history = await call(t.url, zhuji, 'GET', `/api/v1/clusters/${c.id}/history`);
    assert.equal(history.body.items[0].kind, 'identified');
  });
});

describe('demo seed', () => {
  it('imports clusters-known.csv once, with two annual reports of a 2024 cluster', async () => {
    setToday('2026-06-01');
    const deps = {
      config: t.config,
      db: t.database.db,
      database: t.database,
      storage: t.storage,
      clock: t.clock,
    };
    assert.equal(await seedDemoClusters(deps), 44);
    assert.equal(await seedDemoClusters(deps), 0);
    const list = await call(t.url, ministry, 'GET', '/api/v1/annual-reports?status=forwarded&year=2024');
    const seeded = list.body.items.filter((i: { clusterId: string }) => i.clusterId !== a);
    assert.equal(seeded.length, 1);
    const reg = await call(t.url, null, 'GET', '/api/v1/public/clusters?year=2022');
    assert.ok(
      reg.body.items.every((i: { status: string }) => ['expired', 'revoked', 'extended'].includes(i.status)),
    );
  });
});
