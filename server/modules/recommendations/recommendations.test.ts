import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { sampleContent } from '../../db/seed/sample-content.ts';
import {
  call,
  login,
  openCampaign,
  type Session,
  startTestApp,
  type TestApp,
} from '../../test-support/app.ts';
import { submitComplete } from '../../test-support/declarations.ts';
import { libreOfficeSkipReason, rowsInLibreOffice } from '../../test-support/libreoffice.ts';

const YEAR = 2097;
let t: TestApp;
let ministry: Session;
let ningbo: Session;
let zhejiang: Session;
let sichuan: Session;
const counties: Record<string, Session> = {};
const ids: Record<string, string> = {};

before(async () => {
  t = await startTestApp();
  ministry = await login(t.url, 'ministry');
  const c = await call(
    t.url,
    ministry,
    'POST',
    '/api/v1/campaigns',
    openCampaign(YEAR, { countyDeadline: '2097-12-30', unitDeadline: '2097-12-31' }),
  );
  assert.equal(c.status, 201, JSON.stringify(c.body));
  [ningbo, zhejiang, sichuan] = (await Promise.all(
    ['unit-330200', 'unit-330000', 'unit-510000'].map((u) => login(t.url, u)),
  )) as [Session, Session, Session];
  for (const code of ['330281', '330282', '330213', '330206', '510104', '330681'])
    counties[code] = await login(t.url, `county-${code}`);
  for (const code of ['330281', '330282', '330213', '330206'])
    ids[code] = await submitComplete(t.url, counties[code]!, YEAR);
});
after(() => t.close());

const act = (s: Session, id: string, action: string, comment?: string) =>
  call(
    t.url,
    s,
    'POST',
    `/api/v1/declarations/${id}/actions/${action}`,
    comment === undefined ? {} : { comment },
  );
const put = (s: Session, unit: string, items: unknown[]) =>
  call(t.url, s, 'PUT', `/api/v1/units/${unit}/recommendations/${YEAR}`, { items });

describe('intake', () => {
  it('the unit sees its counties’ submitted declarations, never their drafts; other units get 404', async () => {
    const draft = await call(t.url, counties['330281']!, 'POST', '/api/v1/declarations', {
      campaignYear: YEAR,
    });
    const list = await call(t.url, ningbo, 'GET', `/api/v1/declarations?campaignYear=${YEAR}&limit=100`);
    const seen = list.body.items.map((d: { id: string }) => d.id);
    for (const code of ['330281', '330282', '330213', '330206']) assert.ok(seen.includes(ids[code]), code);
    assert.ok(!seen.includes(draft.body.id));
    assert.equal((await call(t.url, ningbo, 'GET', `/api/v1/declarations/${draft.body.id}`)).status, 404);
    const yuyaoOnly = await call(
      t.url,
      ningbo,
      'GET',
      `/api/v1/declarations?campaignYear=${YEAR}&divisionCode=330281`,
    );
    assert.ok(yuyaoOnly.body.items.every((d: { divisionCode: string }) => d.divisionCode === '330281'));
    assert.equal(yuyaoOnly.body.items[0].standardsOverall, 'pass');
    assert.equal(yuyaoOnly.body.items[0].leadingIndustry.name, '模具');
    assert.equal((await call(t.url, zhejiang, 'GET', `/api/v1/declarations/${ids['330281']}`)).status, 404);
    assert.equal((await act(zhejiang, ids['330281']!, 'accept')).status, 404);
  });
  it('returns with reasons; the county fixes and resubmits; the unit accepts', async () => {
    const id = ids['330206']!;
    assert.equal((await act(ningbo, id, 'return')).status, 400, 'reasons are required');
    const returned = await act(ningbo, id, 'return', '请补充近三年产值的统计部门证明');
    assert.equal(returned.status, 200);
    assert.equal(returned.body.status, 'returned');
    assert.equal((await act(counties['330206']!, id, 'withdraw')).status, 409);
    const seen = await call(t.url, counties['330206']!, 'GET', `/api/v1/declarations/${id}`);
    assert.equal(seen.body.unitDecision.action, 'return');
    assert.equal(seen.body.unitDecision.comment, '请补充近三年产值的统计部门证明');
    assert.equal(seen.body.unitDecision.by, '宁波市中小企业主管部门');
    const hist = await call(t.url, counties['330206']!, 'GET', `/api/v1/declarations/${id}/history`);
    assert.equal(hist.body.items.at(-1).comment, '请补充近三年产值的统计部门证明');
    const v = returned.body.version;
    assert.equal(
      (
        await call(
          t.url,
          counties['330206']!,
          'PATCH',
          `/api/v1/declarations/${id}`,
          { landAreaKm2: 60 },
          { 'if-match': String(v) },
        )
      ).status,
      200,
    );
    assert.equal((await act(counties['330206']!, id, 'submit')).body.status, 'submitted');
    assert.equal((await act(ningbo, id, 'accept')).body.status, 'accepted');
    assert.equal((await act(ningbo, id, 'accept')).status, 409, 'not twice');
    assert.equal((await act(counties['330206']!, id, 'accept')).status, 403, 'a county cannot accept');
  });
  it('rejects with reasons visible to the county', async () => {
    const id = await submitComplete(t.url, counties['330681']!, YEAR);
    assert.equal((await act(zhejiang, id, 'reject', '不符合认定条件')).body.status, 'rejected');
    const seen = await call(t.url, counties['330681']!, 'GET', `/api/v1/declarations/${id}/history`);
    assert.equal(seen.body.items.at(-1).comment, '不符合认定条件');
  });
});

describe('recommendation under quota', () => {
  it('refuses more than the quota with 409 QUOTA_EXCEEDED and changes nothing', async () => {
    for (const code of ['330281', '330282', '330213'])
      assert.equal((await act(ningbo, ids[code]!, 'accept')).status, 200);
    const three = ['330281', '330282', '330213'].map((c, i) => ({ declarationId: ids[c], rank: i + 1 }));
    const over = await put(ningbo, '330200', three);
    assert.equal(over.status, 409);
    assert.equal(over.body.error.code, 'QUOTA_EXCEEDED');
    const list = await call(t.url, ningbo, 'GET', `/api/v1/units/330200/recommendations/${YEAR}`);
    assert.equal(list.body.quota, 2);
    assert.equal(list.body.used, 0);
  });
  it('replaces the ranked list atomically and moves statuses with it', async () => {
    const ok = await put(ningbo, '330200', [
      { declarationId: ids['330282'], rank: 1 },
      { declarationId: ids['330281'], rank: 2 },
    ]);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(
      ok.body.items.map((i: { declarationId: string }) => i.declarationId),
      [ids['330282'], ids['330281']],
    );
    assert.equal(
      (await call(t.url, ningbo, 'GET', `/api/v1/declarations/${ids['330281']}`)).body.status,
      'recommended',
    );
    const swapped = await put(ningbo, '330200', [
      { declarationId: ids['330213'], rank: 1 },
      { declarationId: ids['330282'], rank: 2 },
    ]);
    assert.equal(swapped.status, 200);
    assert.equal(
      (await call(t.url, ningbo, 'GET', `/api/v1/declarations/${ids['330281']}`)).body.status,
      'accepted',
    );
    assert.equal(
      (await call(t.url, ningbo, 'GET', `/api/v1/declarations/${ids['330213']}`)).body.status,
      'recommended',
    );
    // The county sees the outcome too, and cannot withdraw any more.
    assert.equal((await act(counties['330213']!, ids['330213']!, 'withdraw')).status, 409);
  });
  it('refuses declarations that are not accepted, bad rankings, and other units’ lists', async () => {
    const submittedOnly = await submitComplete(t.url, counties['330281']!, YEAR);
    const r = await put(ningbo, '330200', [{ declarationId: submittedOnly, rank: 1 }]);
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'INVALID_TRANSITION');
    assert.equal((await put(ningbo, '330200', [{ declarationId: ids['330213'], rank: 2 }])).status, 400);
    assert.equal((await put(zhejiang, '330200', [])).status, 404, 'Zhejiang may not touch Ningbo’s list');
    assert.equal(
      (await call(t.url, zhejiang, 'GET', `/api/v1/units/330200/recommendations/${YEAR}`)).status,
      404,
    );
    assert.equal(
      (await put(zhejiang, '330000', [{ declarationId: ids['330281'], rank: 1 }])).status,
      404,
      'a Ningbo declaration is not Zhejiang’s',
    );
    assert.equal(
      (await call(t.url, ministry, 'GET', `/api/v1/units/330200/recommendations/${YEAR}`)).body.used,
      2,
    );
    assert.equal((await put(ministry, '330200', [])).status, 403);
  });
  it('lets only a western unit recommend a declaration below the thresholds, with a written justification', async () => {
    const low = {
      ...sampleContent(YEAR),
      indicators: { ...sampleContent(YEAR).indicators, output: [30, 35, 39] },
    };
    const chengdu = await submitComplete(t.url, counties['510104']!, YEAR, low);
    assert.equal((await act(sichuan, chengdu, 'accept')).status, 200);
    const bare = await put(sichuan, '510000', [{ declarationId: chengdu, rank: 1 }]);
    assert.equal(bare.status, 409);
    assert.equal(bare.body.error.details[0].message, 'justification_required');
    const justified = await put(sichuan, '510000', [
      { declarationId: chengdu, rank: 1, westernRelaxationJustification: '民族地区特色产业，带动就业显著' },
    ]);
    assert.equal(justified.status, 200);
    assert.deepEqual(justified.body.items[0].westernRelaxation, {
      justification: '民族地区特色产业，带动就业显著',
    });
    assert.equal(justified.body.items[0].standardsOverall, 'fail');
    // An eastern unit cannot, whatever it writes.
    const east = await submitComplete(t.url, counties['330206']!, YEAR, low);
    await act(ningbo, east, 'accept');
    const refused = await put(ningbo, '330200', [
      { declarationId: east, rank: 1, westernRelaxationJustification: '理由' },
    ]);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.details[0].message, 'fails_standards');
  });
  it('never holds more than the quota under concurrent replacements', async () => {
    const pool = [ids['330281'], ids['330282'], ids['330213']];
    const lists = Array.from({ length: 40 }, (_, i) => {
      const n = (i % 3) + 1; // 1, 2 or 3 items: a third of them over quota
      return Array.from({ length: n }, (_, k) => ({ declarationId: pool[(i + k) % 3], rank: k + 1 }));
    });
    const results = await Promise.all(lists.map((l) => put(ningbo, '330200', l)));
    for (const [i, r] of results.entries())
      assert.equal(r.status, lists[i]!.length > 2 ? 409 : 200, `request ${i}`);
    const [row] = await t.database.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM recommendations WHERE unit_code = '330200' AND campaign_year = ${YEAR}`,
    );
    assert.ok(Number(row!.n) <= 2);
    const statuses = await t.database.raw.query<{ status: string; listed: boolean }>(
      `SELECT d.status, r.declaration_id IS NOT NULL AS listed FROM declarations d
       LEFT JOIN recommendations r ON r.declaration_id = d.id WHERE d.id = ANY($1::uuid[])`,
      [pool],
    );
    for (const s of statuses) assert.equal(s.status, s.listed ? 'recommended' : 'accepted');
  });
  it('the database itself refuses a rank above the quota', async () => {
    await assert.rejects(
      t.database.raw.query(
        `INSERT INTO recommendations (campaign_year, unit_code, rank, declaration_id) VALUES (${YEAR}, '330200', 3, $1)`,
        [ids['330206']],
      ),
      /exceeds the quota/,
    );
  });
});

describe('outputs', () => {
  it('downloads the Recommendation Summary Table as XLSX in rank order', async () => {
    await put(ningbo, '330200', [
      { declarationId: ids['330282'], rank: 1 },
      { declarationId: ids['330281'], rank: 2 },
    ]);
    const res = await fetch(`${t.url}/api/v1/units/330200/recommendations/${YEAR}.xlsx`, {
      headers: { cookie: ningbo.cookie },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('推荐汇总表')!;
    assert.match(String(ws.getRow(1).getCell(1).value), /宁波市 2097年度中小企业特色产业集群推荐汇总表/);
    assert.equal(ws.getRow(3).getCell(1).value, '推荐排序');
    assert.equal(ws.getRow(4).getCell(1).value, 1);
    assert.equal(ws.getRow(4).getCell(4).value, '330282');
    assert.equal(ws.getRow(5).getCell(4).value, '330281');
    assert.equal(
      (
        await fetch(`${t.url}/api/v1/units/330200/recommendations/${YEAR}.xlsx`, {
          headers: { cookie: zhejiang.cookie },
        })
      ).status,
      404,
    );
  });
  it('the summary table opens in LibreOffice with the ranked rows in order', async (ctx) => {
    const skip = libreOfficeSkipReason();
    if (skip) return ctx.skip(skip);
    await put(ningbo, '330200', [
      { declarationId: ids['330282'], rank: 1 },
      { declarationId: ids['330281'], rank: 2 },
    ]);
    const res = await fetch(`${t.url}/api/v1/units/330200/recommendations/${YEAR}.xlsx`, {
      headers: { cookie: ningbo.cookie },
    });
    assert.equal(res.status, 200);
    const rows = await rowsInLibreOffice(new Uint8Array(await res.arrayBuffer()), 'xlsx');
    assert.match(rows[0]?.[0] ?? '', /宁波市 2097年度中小企业特色产业集群推荐汇总表/);
    assert.equal(rows[2]?.[0], '推荐排序');
    const ranked = rows.slice(3).filter((r) => /^\d+$/.test(r[0] ?? ''));
    assert.deepEqual(
      ranked.map((r) => [r[0], r[3]]),
      [
        ['1', '330282'],
        ['2', '330281'],
      ],
      'one row per recommended cluster, in rank order',
    );
  });
  it('renders the recommendation letter with the ranked table as PDF', async (ctx) => {
    const res = await fetch(`${t.url}/api/v1/units/330200/recommendations/${YEAR}.pdf`, {
      headers: { cookie: ningbo.cookie },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    const file = path.join(os.tmpdir(), `jiqun-letter-${process.pid}.pdf`);
    await fs.writeFile(file, bytes);
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    } catch {
      ctx.skip('pdftotext (poppler-utils) is not installed; .ci/run installs it');
      return;
    } finally {
      await fs.rm(file, { force: true });
    }
    const flat = text.replace(/\s+/g, ''); // lines wrap anywhere in Chinese text
    assert.match(flat, /宁波市关于推荐2097年度中小企业特色产业集群的函/);
    assert.match(flat, /工信厅企业函〔2097〕1号/);
    assert.match(flat, /现推荐2个集群（推荐名额2个）/);
    assert.match(flat, /慈溪市/, 'the rank-1 county is listed');
    assert.match(flat, /盖章/);
  });
  it('summarises the unit’s campaign on its dashboard', async () => {
    const d = await call(t.url, ningbo, 'GET', `/api/v1/units/330200/dashboard/${YEAR}`);
    assert.equal(d.status, 200);
    assert.equal(d.body.quota, 2);
    assert.equal(d.body.used, 2);
    assert.equal(d.body.byStatus.recommended, 2);
  });
  it('refuses changes after the unit deadline', async () => {
    await call(t.url, ministry, 'PATCH', `/api/v1/campaigns/${YEAR}`, {
      countyDeadline: '2026-01-01',
      unitDeadline: '2026-01-02',
      noticeDate: null,
      opensAt: null,
    });
    const late = await put(ningbo, '330200', []);
    assert.equal(late.status, 409, JSON.stringify(late.body));
    assert.equal(late.body.error.code, 'DEADLINE_PASSED');
  });
});
