// A whole national review over HTTP: recommendations → panel (auto-assigned, own-unit experts excluded,
// a conflict refilled) → independent scores → reveal → a revision with its reason → final → shortlist →
// 公示 on the working-day calendar with objections (one upheld, one dismissed) → identification → clusters.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sampleContent } from '../../db/seed/sample-content.ts';
import {
  call,
  login,
  openCampaign,
  type Session,
  startTestApp,
  type TestApp,
} from '../../test-support/app.ts';
import { tinyPdf } from '../../test-support/files.ts';
import { recommendedDeclarations } from '../../test-support/ministry.ts';

const YEAR = 2096;
// 2096-09-03 is a Monday; the published holiday data ends long before, so only weekends are off.
const STARTS_ON = '2096-09-03';
let t: TestApp;
let ministry: Session;
let ids: Record<string, string>;
const experts: Record<string, Session> = {};
const expertIds: Record<string, string> = {};
let panelId: string;

const COUNTIES = ['330281', '330282', '320581', '510104', '440306'] as const;
const content = (code: string) =>
  sampleContent(YEAR, {
    clusterName: `测试集群${code}`,
    industry: '模具',
    industryCode: '3525',
    subSector: code === '440306' ? '汽车冲压模具' : '精密注塑模具',
  });

/** Shifts the server's clock so that its Beijing date is `date`. */
function setToday(date: string) {
  const target = Date.parse(`${date}T12:00:00+08:00`);
  t.clock.setOffsetDays(Math.round((target - Date.now()) / 86_400_000));
}

async function objection(fields: Record<string, string>, file?: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file)]), '证据.pdf');
  const res = await fetch(`${t.url}/api/v1/public/objections`, { method: 'POST', body: form });
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
  return { status: res.status, body: (await res.json()) as any };
}

before(async () => {
  t = await startTestApp();
  ministry = await login(t.url, 'ministry');
  const c = await call(
    t.url,
    ministry,
    'POST',
    '/api/v1/campaigns',
    openCampaign(YEAR, {
      unitDeadline: `${YEAR}-07-31`,
      rules: { onePerSubSector: true, scoringAggregation: 'trimmed_mean' },
    }),
  );
  assert.equal(c.status, 201, JSON.stringify(c.body));
  ids = await recommendedDeclarations(t.url, YEAR, COUNTIES, content);
  const list = await call(t.url, ministry, 'GET', '/api/v1/experts');
  for (const e of list.body.items) expertIds[e.displayName.replace('评审专家 ', 'expert-')] = e.id;
  for (let i = 1; i <= 8; i++) experts[`expert-${i}`] = await login(t.url, `expert-${i}`);
});
after(() => t.close());

const panel = async () => (await call(t.url, ministry, 'GET', `/api/v1/panels/${panelId}`)).body;
const decl = (p: { declarations: { declarationId: string }[] }, code: string) =>
  p.declarations.find((d) => d.declarationId === ids[code]) as unknown as {
    assignments: { assignmentId: string; expert: { id: string; unitCode: string | null }; status: string }[];
    missingExperts: number;
    aggregate: { value: number; used: number[]; dropped: number[]; method: string };
  };
async function assignmentOf(expert: string, code: string): Promise<string | undefined> {
  const mine = await call(t.url, experts[expert]!, 'GET', '/api/v1/expert/assignments');
  return mine.body.items.find(
    (a: { declarationId: string; level: string }) => a.declarationId === ids[code] && a.level === 'ministry',
  )?.assignmentId;
}
const score = (expert: string, assignmentId: string, s: number, extra: Record<string, unknown> = {}) =>
  call(t.url, experts[expert]!, 'PUT', `/api/v1/expert/assignments/${assignmentId}/score`, {
    scores: Array(8).fill(s),
    comment: '',
    ...extra,
  });

describe('national intake', () => {
  it('shows every unit’s list with counts, regions, sections and same sub-sector flags', async () => {
    const o = await call(t.url, ministry, 'GET', `/api/v1/campaigns/${YEAR}/overview`);
    assert.equal(o.status, 200, JSON.stringify(o.body));
    assert.equal(o.body.items.length, 5);
    assert.equal(o.body.stageCounts.recommended, 5);
    const ningbo = o.body.units.find((u: { code: string }) => u.code === '330200');
    assert.deepEqual([ningbo.quota, ningbo.recommended], [2, 2]);
    assert.equal(o.body.units.length, 37);
    const west = o.body.regions.find((r: { region: string }) => r.region === 'west');
    assert.equal(west.recommended, 1);
    assert.deepEqual(o.body.sections, [{ code: 'C', name: '制造业', count: 5 }]);
    const yuyao = o.body.items.find((i: { declarationId: string }) => i.declarationId === ids['330281']);
    assert.equal(yuyao.duplicateOf.length, 3, 'four in 精密注塑模具 flag each other');
    const shenzhen = o.body.items.find((i: { declarationId: string }) => i.declarationId === ids['440306']);
    assert.deepEqual(shenzhen.duplicateOf, []);
    assert.equal(
      (await call(t.url, await login(t.url, 'unit-330200'), 'GET', `/api/v1/campaigns/${YEAR}/overview`))
        .status,
      403,
    );
  });
});

describe('expert panel', () => {
  it('auto-assigns in balance and never gives experts their own unit’s declarations', async () => {
    const created = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/panels`, {
      name: '第一评审组',
      expertIds: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => expertIds[`expert-${i}`]),
      expertsPerDeclaration: 3,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    panelId = created.body.id;
    const dup = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/panels`, {
      name: '第一评审组',
      expertIds: [expertIds['expert-9']],
      expertsPerDeclaration: 1,
    });
    assert.equal(dup.status, 409);
    const auto = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/panels/auto-assign`);
    assert.equal(auto.status, 200, JSON.stringify(auto.body));
    assert.deepEqual([auto.body.assignedDeclarations, auto.body.newAssignments], [5, 15]);
    assert.deepEqual(auto.body.shortfalls, []);
    const p = await panel();
    const loads = new Map<string, number>();
    for (const d of p.declarations) {
      assert.equal(d.assignments.length, 3);
      for (const a of d.assignments) {
        assert.notEqual(a.expert.unitCode, d.unitCode, 'own-unit expert assigned');
        loads.set(a.expert.id, (loads.get(a.expert.id) ?? 0) + 1);
      }
    }
    assert.ok(Math.max(...loads.values()) - Math.min(...loads.values()) <= 1, 'balanced load');
    // expert-1 works for 宁波: it sees neither 宁波 declaration.
    assert.equal(await assignmentOf('expert-1', '330281'), undefined);
    assert.equal(
      (await call(t.url, experts['expert-1']!, 'GET', `/api/v1/declarations/${ids['330281']}`)).status,
      404,
    );
    // Manual assignment of an own-unit expert is refused.
    const own = await call(
      t.url,
      ministry,
      'POST',
      `/api/v1/panels/${panelId}/declarations/${ids['330281']}/experts`,
      {
        expertId: expertIds['expert-1'],
      },
    );
    assert.equal(own.status, 409);
  });

  it('keeps others’ scores hidden while scoring, refills after a declared conflict, and will not reveal early', async () => {
    const p = await panel();
    const yuyao = decl(p, '330281');
    const first = yuyao.assignments[0]!;
    const firstExpert = Object.keys(expertIds).find((k) => expertIds[k] === first.expert.id)!;
    assert.equal(
      (
        await call(
          t.url,
          experts[firstExpert]!,
          'GET',
          `/api/v1/expert/assignments/${first.assignmentId}/peers`,
        )
      ).status,
      403,
    );
    const conflict = await call(
      t.url,
      experts[firstExpert]!,
      'POST',
      `/api/v1/expert/assignments/${first.assignmentId}/conflict`,
      {
        reason: '曾为该集群提供咨询服务',
      },
    );
    assert.equal(conflict.status, 204);
    const after = decl(await panel(), '330281');
    assert.equal(after.assignments.length, 4);
    assert.equal(after.missingExperts, 0, 'refilled');
    assert.equal(after.assignments.filter((a) => a.status === 'conflict').length, 1);
    assert.equal(
      (await call(t.url, experts[firstExpert]!, 'GET', `/api/v1/declarations/${ids['330281']}`)).status,
      404,
    );

    const early = await call(t.url, ministry, 'POST', `/api/v1/panels/${panelId}/phase`, {
      phase: 'revealed',
    });
    assert.equal(early.status, 409);
    assert.ok(early.body.error.details.length >= 15, 'every pending score is listed');
  });

  it('reveals after every independent score, takes revisions only with a reason, then locks', async () => {
    // Scores: per declaration the experts give 60/70/80 (+ a county-specific offset).
    const offsets: Record<string, number> = {
      '330281': 10,
      '330282': 0,
      '320581': 5,
      '510104': -10,
      '440306': 2,
    };
    for (const code of COUNTIES) {
      const d = decl(await panel(), code);
      const active = d.assignments.filter((a) => a.status !== 'conflict');
      for (const [i, a] of active.entries()) {
        const expert = Object.keys(expertIds).find((k) => expertIds[k] === a.expert.id)!;
        const r = await score(expert, a.assignmentId, 60 + 10 * i + offsets[code]!);
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
    }
    const revealed = await call(t.url, ministry, 'POST', `/api/v1/panels/${panelId}/phase`, {
      phase: 'revealed',
    });
    assert.equal(revealed.status, 200, JSON.stringify(revealed.body));

    const d = decl(revealed.body, '320581');
    const a = d.assignments.find((x) => x.status === 'scored')!;
    const expert = Object.keys(expertIds).find((k) => expertIds[k] === a.expert.id)!;
    const peers = await call(
      t.url,
      experts[expert]!,
      'GET',
      `/api/v1/expert/assignments/${a.assignmentId}/peers`,
    );
    assert.equal(peers.status, 200);
    assert.equal(peers.body.peers.length, 3);
    assert.equal(peers.body.peers.filter((x: { mine: boolean }) => x.mine).length, 1);
    assert.ok(!JSON.stringify(peers.body).includes('评审专家'), 'names stay hidden');

    const noReason = await score(expert, a.assignmentId, 90);
    assert.equal(noReason.status, 400);
    const revised = await score(expert, a.assignmentId, 90, { revisionReason: '复核佐证材料后上调' });
    assert.equal(revised.status, 200);
    const after = decl(await panel(), '320581').assignments.find(
      (x) => x.assignmentId === a.assignmentId,
    ) as unknown as {
      total: number;
      initialTotal: number;
      revisionReason: string;
    };
    assert.equal(after.total, 90);
    assert.ok(after.initialTotal < 90);
    assert.equal(after.revisionReason, '复核佐证材料后上调');

    const consensus = await call(
      t.url,
      ministry,
      'PUT',
      `/api/v1/panels/${panelId}/declarations/${ids['320581']}/consensus`,
      {
        comment: '专家组一致认为该集群细分领域优势突出。',
      },
    );
    assert.equal(consensus.status, 200);
    const final = await call(t.url, ministry, 'POST', `/api/v1/panels/${panelId}/phase`, { phase: 'final' });
    assert.equal(final.status, 200, JSON.stringify(final.body));
    assert.equal((await score(expert, a.assignmentId, 50, { revisionReason: 'x' })).status, 409);
  });

  it('ranks by the stated aggregate (trimmed mean) with the raw totals, excluding the conflicted expert', async () => {
    const r = await call(t.url, ministry, 'GET', `/api/v1/campaigns/${YEAR}/results`);
    assert.equal(r.status, 200);
    assert.equal(r.body.aggregation, 'trimmed_mean');
    const byCode = (code: string) =>
      r.body.items.find((i: { declarationId: string }) => i.declarationId === ids[code]);
    assert.deepEqual(byCode('330281').rawTotals, [90, 80, 70]);
    assert.equal(byCode('330281').aggregate.value, 80);
    assert.deepEqual(byCode('330281').aggregate.dropped, [70, 90]);
    assert.equal(r.body.items[0].declarationId, ids['320581'], 'raised by its revision');
    assert.equal(r.body.items[1].declarationId, ids['330281']);
    assert.equal(r.body.items.at(-1).declarationId, ids['510104']);
    assert.equal(byCode('320581').consensusComment, '专家组一致认为该集群细分领域优势突出。');
    // Units can no longer take declarations under review off their lists.
    const ningbo = await login(t.url, 'unit-330200');
    const put = await call(t.url, ningbo, 'PUT', `/api/v1/units/330200/recommendations/${YEAR}`, {
      items: [{ declarationId: ids['330281'], rank: 1 }],
    });
    assert.equal(put.status, 409);
  });
});

describe('shortlist, 公示, objections and identification', () => {
  it('shortlists and publishes for five working days counted past the weekend', async () => {
    const shortlisted = ['330281', '320581', '330282', '440306'].map((c) => ids[c]);
    const s = await call(t.url, ministry, 'PUT', `/api/v1/campaigns/${YEAR}/shortlist`, {
      declarationIds: shortlisted,
    });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    assert.equal(s.body.items.filter((i: { status: string }) => i.status === 'shortlisted').length, 4);
    const p = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/publicity`, {
      declarationIds: shortlisted,
      startsOn: '2096-09-05', // a Wednesday: Wed, Thu, Fri, Mon, Tue
      workingDays: 5,
    });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    assert.equal(p.body.endsOn, '2096-09-11');
    assert.equal(p.body.items.length, 4);
    const again = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/publicity`, {
      declarationIds: [ids['510104']],
      startsOn: STARTS_ON,
      workingDays: 5,
    });
    assert.equal(again.status, 409, 'only shortlisted declarations');
  });

  it('counts a 公示 across National Day 2025 on the official calendar (holidays off, 调休 Saturday on)', async () => {
    const s = await call(t.url, ministry, 'PUT', `/api/v1/campaigns/${YEAR}/shortlist`, {
      declarationIds: [ids['510104']],
    });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    const p = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/publicity`, {
      declarationIds: [ids['510104']],
      startsOn: '2025-09-29', // Mon, Tue, (1–8 Oct off), Thu 9, Fri 10, Sat 11 Oct (调休)
      workingDays: 5,
    });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    assert.equal(p.body.endsOn, '2025-10-11');
    assert.equal(p.body.provisional, false);
  });

  it('takes real-name objections with evidence only during the period', async () => {
    setToday('2096-09-04');
    const before = await objection({
      declarationId: ids['330282']!,
      realName: '张三',
      contact: '13800000000',
      reason: '该集群2095年发生较大安全生产事故。',
    });
    assert.equal(before.status, 404, 'not yet started');
    setToday('2096-09-06');
    const pub = await call(t.url, null, 'GET', '/api/v1/public/publicity');
    assert.equal(pub.body.items[0].open, true);
    assert.equal(pub.body.items[0].items.length, 4);
    const incomplete = await objection({
      declarationId: ids['330282']!,
      realName: '',
      contact: '',
      reason: '',
    });
    assert.equal(incomplete.status, 400);
    assert.deepEqual(incomplete.body.error.details.map((d: { path: string }) => d.path).sort(), [
      'contact',
      'realName',
      'reason',
    ]);
    const evidence = tinyPdf('事故通报');
    const upheld = await objection(
      {
        declarationId: ids['330282']!,
        realName: '张三',
        contact: '13800000000',
        reason: '该集群2095年发生较大安全生产事故。',
      },
      evidence,
    );
    assert.equal(upheld.status, 201, JSON.stringify(upheld.body));
    const dismissed = await objection({
      declarationId: ids['330281']!,
      realName: '李四',
      contact: 'lisi@example.cn',
      reason: '该集群主导产业产值数据可能有误。',
    });
    assert.equal(dismissed.status, 201);
    assert.equal(
      (
        await objection({
          declarationId: ids['510104']!,
          realName: '王五',
          contact: '13900000000',
          reason: '公示期已结束的集群。',
        })
      ).status,
      409,
    );

    const list = await call(t.url, ministry, 'GET', `/api/v1/campaigns/${YEAR}/objections`);
    assert.equal(list.body.items.length, 2);
    const withFile = list.body.items.find(
      (o: { declarationId: string }) => o.declarationId === ids['330282'],
    );
    assert.equal(withFile.evidence.sha256, createHash('sha256').update(evidence).digest('hex'));
    const file = await fetch(`${t.url}/api/v1/objections/${withFile.id}/evidence`, {
      headers: { cookie: ministry.cookie },
    });
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), evidence);
    assert.equal((await fetch(`${t.url}/api/v1/objections/${withFile.id}/evidence`)).status, 401);
  });

  it('refuses identification while 公示 runs or an objection is open; upheld removes the cluster', async () => {
    const early = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/identification`, {
      declarationIds: ['330281', '320581', '330282', '440306'].map((c) => ids[c]),
      noticeNo: `工信部企业函〔${YEAR}〕9号`,
      publishedOn: '2096-09-20',
    });
    assert.equal(early.status, 409);
    assert.ok(early.body.error.details.some((d: { message: string }) => d.message.includes('2096-09-11')));
    assert.ok(early.body.error.details.some((d: { message: string }) => d.message.includes('objection')));

    const objections = (
      await call(t.url, ministry, 'GET', `/api/v1/campaigns/${YEAR}/objections?status=open`)
    ).body.items;
    for (const o of objections) {
      const decision = o.declarationId === ids['330282'] ? 'upheld' : 'dismissed';
      const r = await call(t.url, ministry, 'POST', `/api/v1/objections/${o.id}/resolve`, {
        decision,
        reason: decision === 'upheld' ? '经核实，事故属实。' : '经核实，数据有统计部门证明。',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, decision);
    }
    const d = await call(t.url, ministry, 'GET', `/api/v1/declarations/${ids['330282']}`);
    assert.equal(d.body.status, 'not_identified');
    const pub = await call(t.url, null, 'GET', '/api/v1/public/publicity');
    assert.equal(pub.body.items[0].items.length, 3, 'the upheld cluster left the public list');
    setToday('2096-09-12');
    assert.equal(
      (
        await objection({
          declarationId: ids['330281']!,
          realName: '李四',
          contact: 'lisi@example.cn',
          reason: '补充异议材料，请再次核实。',
        })
      ).status,
      409,
      'closed after the last day',
    );
  });

  it('identifies the list: clusters valid three years, the rest not identified, owners notified', async () => {
    setToday('2096-09-20');
    const listed = ['330281', '320581', '440306'].map((c) => ids[c]);
    const r = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/identification`, {
      declarationIds: listed,
      noticeNo: `工信部企业函〔${YEAR}〕9号`,
      publishedOn: '2096-09-18',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.clusters.length, 3);
    for (const c of r.body.clusters) {
      assert.equal(c.validFrom, '2096-09-18');
      assert.equal(c.validTo, '2099-09-17');
      assert.equal(c.status, 'valid');
      assert.equal(c.noticeNo, `工信部企业函〔${YEAR}〕9号`);
    }
    assert.deepEqual(r.body.notIdentified, [ids['510104']]);
    const campaign = await call(t.url, null, 'GET', `/api/v1/campaigns/${YEAR}`);
    assert.deepEqual(
      [campaign.body.listNoticeNo, campaign.body.identifiedCount, campaign.body.status],
      [`工信部企业函〔${YEAR}〕9号`, 3, 'closed'],
    );
    const status = async (code: string) =>
      (await call(t.url, ministry, 'GET', `/api/v1/declarations/${ids[code]}`)).body.status;
    assert.equal(await status('330281'), 'identified');
    assert.equal(await status('510104'), 'not_identified');

    const yuyao = await login(t.url, 'county-330281');
    const inbox = await call(t.url, yuyao, 'GET', '/api/v1/notifications');
    assert.ok(inbox.body.items.some((n: { kind: string }) => n.kind === 'identified'));
    assert.ok(inbox.body.unread >= 2);
    const first = inbox.body.items[0];
    assert.equal((await call(t.url, yuyao, 'POST', `/api/v1/notifications/${first.id}/read`)).status, 204);
    assert.equal(
      (await call(t.url, yuyao, 'GET', '/api/v1/notifications')).body.unread,
      inbox.body.unread - 1,
    );
    const other = await login(t.url, 'county-320581');
    assert.equal((await call(t.url, other, 'POST', `/api/v1/notifications/${first.id}/read`)).status, 404);
    const unit = await login(t.url, 'unit-330200');
    const unitInbox = (await call(t.url, unit, 'GET', '/api/v1/notifications')).body.items.map(
      (n: { kind: string }) => n.kind,
    );
    assert.ok(unitInbox.includes('identified') && unitInbox.includes('objection_upheld'));

    const notices = await call(t.url, null, 'GET', '/api/v1/public/notices');
    assert.deepEqual(
      notices.body.items.map((n: { kind: string }) => n.kind),
      ['identification', 'publicity', 'publicity'],
    );
    assert.ok(notices.body.items[1].publicityId);
    const again = await call(t.url, ministry, 'POST', `/api/v1/campaigns/${YEAR}/identification`, {
      declarationIds: listed,
      noticeNo: 'x',
      publishedOn: '2096-09-19',
    });
    assert.equal(again.status, 409);
    setToday(new Date().toISOString().slice(0, 10));
  });
});
