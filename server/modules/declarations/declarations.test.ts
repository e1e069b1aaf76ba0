import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EVIDENCE_CATEGORIES } from '../../../domain/declaration-form.ts';
import { sampleContent } from '../../db/seed/sample-content.ts';
import { call, login, type Session, startTestApp, type TestApp } from '../../test-support/app.ts';
import { submitComplete } from '../../test-support/declarations.ts';
import { tinyDocx, tinyPdf, tinyPng, tinyXlsx, upload, zipBombXlsx } from '../../test-support/files.ts';

// Far from any real or demo campaign year (the demo one follows the clock).
const YEAR = 2098;
let t: TestApp;
let yuyao: Session;
let yuyao2: Session; // a second staff account of the same county
let cixi: Session;
let ningbo: Session;
let jiangsu: Session;
let ministry: Session;

before(async () => {
  t = await startTestApp({ maxUploadBytes: 256 * 1024 });
  ministry = await login(t.url, 'ministry');
  const campaign = {
    year: YEAR,
    noticeNo: '工信厅企业函〔2098〕1号',
    noticeDate: '2098-01-05',
    status: 'open',
    opensAt: '2098-01-05',
    countyDeadline: '2098-12-30',
    unitDeadline: '2098-12-31',
    quotas: { provincial: 8, separate_plan_city: 2, xpcc: 2 },
    standardsVersion: '2022',
    formVersion: '2022',
    annualReportDue: '03-31',
    rules: { onePerSubSector: false },
    listNoticeNo: null,
    identifiedCount: null,
  };
  assert.equal((await call(t.url, ministry, 'POST', '/api/v1/campaigns', campaign)).status, 201);
  const admin = await login(t.url, 'admin');
  const created = await call(t.url, admin, 'POST', '/api/v1/users', {
    username: 'yuyao-staff-2',
    displayName: '余姚市经信局 李四',
    role: 'county',
    divisionCode: '330281',
    password: 'Second-staff-2027',
  });
  assert.equal(created.status, 201);
  [yuyao, yuyao2, cixi, ningbo, jiangsu] = await Promise.all([
    login(t.url, 'county-330281'),
    login(t.url, 'yuyao-staff-2', 'Second-staff-2027'),
    login(t.url, 'county-330282'),
    login(t.url, 'unit-330200'),
    login(t.url, 'unit-320000'),
  ]);
});
after(() => t.close());

const create = async (s: Session, body: Record<string, unknown> = {}) => {
  const r = await call(t.url, s, 'POST', '/api/v1/declarations', { campaignYear: YEAR, ...body });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
};

const uploadsOnDisk = async () => {
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else found.push(p);
    }
  };
  await walk(path.join(t.dataDir, 'uploads'));
  return found.sort();
};

describe('drafts', () => {
  it('creates a draft from partial content, taking the county from the caller', async () => {
    const d = await create(yuyao, {
      clusterName: '余姚市模具产业集群',
      divisionCode: '320581',
      status: 'submitted',
    });
    assert.equal(d.status, 'draft');
    assert.equal(d.version, 1);
    assert.equal(d.divisionCode, '330281', 'never from the body');
    assert.equal(d.unitCode, '330200');
    assert.equal(d.unitName, '宁波市');
    assert.equal(d.clusterName, '余姚市模具产业集群');
    assert.deepEqual(d.indicators.years, [2095, 2096, 2097]);
    assert.ok(d.missing.length > 20);
    assert.ok(d.allowedActions.includes('submit'));
  });
  it('refuses declarations from other roles and in closed or unknown campaigns', async () => {
    assert.equal(
      (await call(t.url, ningbo, 'POST', '/api/v1/declarations', { campaignYear: YEAR })).status,
      403,
    );
    const closed = await call(t.url, yuyao, 'POST', '/api/v1/declarations', { campaignYear: 2023 });
    assert.equal(closed.status, 409);
    assert.equal(closed.body.error.code, 'INVALID_TRANSITION');
    assert.equal(
      (await call(t.url, yuyao, 'POST', '/api/v1/declarations', { campaignYear: 2031 })).status,
      400,
    );
  });
  it('saves merge patches with If-Match; a stale save gets 409 with the current version to merge', async () => {
    const d = await create(yuyao);
    const a = await call(
      t.url,
      yuyao,
      'PATCH',
      `/api/v1/declarations/${d.id}`,
      { leadingIndustry: { name: '模具' } },
      { 'if-match': '1' },
    );
    assert.equal(a.status, 200);
    assert.equal(a.body.version, 2);
    assert.equal(a.headers.get('etag'), '"2"');
    // The colleague (another staff account of the same county) still holds version 1.
    const b = await call(
      t.url,
      yuyao2,
      'PATCH',
      `/api/v1/declarations/${d.id}`,
      { landAreaKm2: 50 },
      { 'if-match': '1' },
    );
    assert.equal(b.status, 409);
    assert.equal(b.body.error.code, 'VERSION_CONFLICT');
    assert.equal(b.body.error.details[0].currentVersion, 2);
    assert.equal(b.body.error.details[0].current.leadingIndustry.name, '模具');
    const merged = await call(
      t.url,
      yuyao2,
      'PATCH',
      `/api/v1/declarations/${d.id}`,
      { landAreaKm2: 50 },
      { 'if-match': '2' },
    );
    assert.equal(merged.status, 200);
    assert.equal(merged.body.landAreaKm2, 50);
    assert.equal(merged.body.leadingIndustry.name, '模具', 'nested fields merge');
    assert.equal(
      (await call(t.url, yuyao, 'PATCH', `/api/v1/declarations/${d.id}`, { landAreaKm2: 1 })).status,
      400,
      'If-Match required',
    );
  });
  it('accepts partial data but rejects wrong types with paths', async () => {
    const d = await create(yuyao);
    const bad = await call(
      t.url,
      yuyao,
      'PATCH',
      `/api/v1/declarations/${d.id}`,
      { landAreaKm2: -3, indicators: { output: [1, 'x', null] } },
      { 'if-match': '1' },
    );
    assert.equal(bad.status, 400);
    const paths = bad.body.error.details.map((x: { path: string }) => x.path).sort();
    assert.deepEqual(paths, ['indicators.output[1]', 'landAreaKm2']);
    const kept = await call(t.url, yuyao, 'GET', `/api/v1/declarations/${d.id}`);
    assert.equal(kept.body.version, 1, 'nothing half-written');
  });
});

describe('scope', () => {
  it('another county gets 404 for the declaration, its history and its attachments; units see only their counties', async () => {
    const d = await create(yuyao, { clusterName: '仅余姚可见' });
    const file = await upload(t.url, yuyao, d.id, { name: '产值.pdf', data: tinyPdf() });
    assert.equal(file.status, 201);
    for (const p of [
      `/api/v1/declarations/${d.id}`,
      `/api/v1/declarations/${d.id}/history`,
      `/api/v1/declarations/${d.id}/attachments/${file.body.id}`,
    ]) {
      assert.equal((await call(t.url, cixi, 'GET', p)).status, 404, p);
      assert.equal((await call(t.url, jiangsu, 'GET', p)).status, 404, p);
    }
    assert.equal(
      (
        await call(
          t.url,
          cixi,
          'PATCH',
          `/api/v1/declarations/${d.id}`,
          { clusterName: 'x' },
          { 'if-match': '1' },
        )
      ).status,
      404,
    );
    assert.equal((await upload(t.url, cixi, d.id, { name: 'x.pdf', data: tinyPdf() })).status, 404);
    assert.equal(
      (await call(t.url, cixi, 'DELETE', `/api/v1/declarations/${d.id}/attachments/${file.body.id}`)).status,
      404,
    );
    assert.equal(
      (await call(t.url, cixi, 'POST', `/api/v1/declarations/${d.id}/actions/submit`, {})).status,
      404,
    );
    const cixiList = await call(t.url, cixi, 'GET', '/api/v1/declarations?limit=500');
    assert.ok(!cixiList.body.items.some((x: { id: string }) => x.id === d.id));
    // Its unit does not see the county's draft at all; once submitted, it reads it but cannot edit it.
    assert.equal((await call(t.url, ningbo, 'GET', `/api/v1/declarations/${d.id}`)).status, 404);
    const submitted = await submitComplete(t.url, yuyao, YEAR);
    assert.equal((await call(t.url, ningbo, 'GET', `/api/v1/declarations/${submitted}`)).status, 200);
    const edit = await call(
      t.url,
      ningbo,
      'PATCH',
      `/api/v1/declarations/${submitted}`,
      { clusterName: 'x' },
      { 'if-match': '1' },
    );
    assert.equal(edit.status, 403);
    const ningboList = await call(
      t.url,
      ningbo,
      'GET',
      `/api/v1/declarations?campaignYear=${YEAR}&limit=500`,
    );
    const listed = ningboList.body.items.map((x: { id: string }) => x.id);
    assert.ok(listed.includes(submitted));
    assert.ok(!listed.includes(d.id));
    assert.equal((await call(t.url, ministry, 'GET', `/api/v1/declarations/${d.id}`)).status, 200);
  });
});

describe('evidence uploads', () => {
  it('stores files streamed, hashed, recognised by content; downloads them byte-identical with the Chinese name', async () => {
    const d = await create(yuyao);
    const data = tinyPdf('byte-identical');
    const r = await upload(t.url, yuyao, d.id, {
      name: '余姚市2024年产值统计.pdf',
      data,
      type: 'text/plain',
    });
    assert.equal(r.status, 201);
    assert.equal(r.body.filename, '余姚市2024年产值统计.pdf');
    assert.equal(r.body.contentType, 'application/pdf', 'from the bytes, not the client');
    assert.equal(r.body.sha256, createHash('sha256').update(data).digest('hex'));
    assert.equal(r.body.size, data.length);
    const res = await fetch(`${t.url}/api/v1/declarations/${d.id}/attachments/${r.body.id}`, {
      headers: { cookie: yuyao.cookie },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), data);
    assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E4%BD%99%E5%A7%9A/);
    for (const [name, bytes, type] of [
      ['scan.png', tinyPng(), 'image/png'],
      ['名单.docx', tinyDocx(), 'wordprocessingml'],
      ['名单.xlsx', tinyXlsx(), 'spreadsheetml'],
    ] as const) {
      const ok = await upload(t.url, yuyao, d.id, { name, data: bytes }, 'enterprise_list');
      assert.equal(ok.status, 201, name);
      assert.match(String(ok.body.contentType), new RegExp(type));
    }
  });
  it('refuses wrong content (415), an executable named .pdf, a zip bomb, oversize (413) and empty files, leaving nothing behind', async () => {
    const d = await create(yuyao);
    const before = await uploadsOnDisk();
    const cases: [string, Buffer, number, string][] = [
      ['notes.pdf', Buffer.from('just text, not a PDF'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['setup.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['bomb.xlsx', zipBombXlsx(), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['big.pdf', Buffer.concat([tinyPdf(), Buffer.alloc(300 * 1024, 0x20)]), 413, 'PAYLOAD_TOO_LARGE'],
      ['empty.pdf', Buffer.alloc(0), 400, 'VALIDATION_FAILED'],
    ];
    for (const [name, data, status, code] of cases) {
      const r = await upload(t.url, yuyao, d.id, { name, data });
      assert.equal(r.status, status, name);
      assert.equal(r.body.error?.code, code, name);
    }
    const unknownCategory = await upload(t.url, yuyao, d.id, { name: 'a.pdf', data: tinyPdf() }, 'selfie');
    assert.equal(unknownCategory.status, 400);
    const got = await call(t.url, yuyao, 'GET', `/api/v1/declarations/${d.id}`);
    assert.equal(got.body.attachments.length, 0, 'no record');
    assert.deepEqual(await uploadsOnDisk(), before, 'no file, not even a temporary one');
  });
  it('leaves no record and no file when the client disconnects mid-upload', async () => {
    const d = await create(yuyao);
    const before = await uploadsOnDisk();
    const boundary = '----jiqun-abort';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\noutput_statistics\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    await new Promise<void>((resolve) => {
      const { port } = new URL(t.url);
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/declarations/${d.id}/attachments`,
        headers: {
          cookie: yuyao.cookie,
          'x-csrf-token': yuyao.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + 200_000),
        },
      });
      req.on('error', () => resolve());
      req.write(head);
      req.write(Buffer.concat([tinyPdf(), Buffer.alloc(50_000, 0x20)]));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
    await new Promise((r) => setTimeout(r, 500));
    const got = await call(t.url, yuyao, 'GET', `/api/v1/declarations/${d.id}`);
    assert.equal(got.body.attachments.length, 0);
    assert.deepEqual(await uploadsOnDisk(), before);
  });
  it('deletes evidence while editable; the file goes when no submitted version refers to it', async () => {
    const d = await create(yuyao);
    const r = await upload(t.url, yuyao, d.id, { name: 'x.pdf', data: tinyPdf('to delete') });
    const files = await uploadsOnDisk();
    assert.equal(
      (await call(t.url, yuyao, 'DELETE', `/api/v1/declarations/${d.id}/attachments/${r.body.id}`)).status,
      204,
    );
    assert.equal((await uploadsOnDisk()).length, files.length - 1);
    assert.equal(
      (await call(t.url, yuyao, 'GET', `/api/v1/declarations/${d.id}/attachments/${r.body.id}`)).status,
      404,
    );
  });
});

describe('submission', () => {
  it('lists every missing item at once, then submits a complete declaration and freezes a snapshot', async () => {
    const d = await create(yuyao, { clusterName: '待补全' });
    const missing = await call(t.url, yuyao, 'POST', `/api/v1/declarations/${d.id}/actions/submit`, {});
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'VALIDATION_FAILED');
    const paths = missing.body.error.details.map((x: { path: string }) => x.path);
    assert.ok(paths.includes('leadingIndustry.industryCode'));
    assert.ok(paths.includes('indicators.output[2]'));
    assert.ok(paths.includes('integrityPledge.noSeriousIncidents'));
    for (const c of EVIDENCE_CATEGORIES.filter((c) => c.required))
      assert.ok(paths.includes(`attachments.${c.key}`), c.key);

    const full = await call(t.url, yuyao, 'PATCH', `/api/v1/declarations/${d.id}`, sampleContent(YEAR), {
      'if-match': '1',
    });
    assert.equal(full.status, 200);
    for (const c of EVIDENCE_CATEGORIES.filter((c) => c.required)) {
      assert.equal(
        (await upload(t.url, yuyao, d.id, { name: `${c.key}.pdf`, data: tinyPdf(c.key) }, c.key)).status,
        201,
      );
    }
    const submitted = await call(t.url, yuyao, 'POST', `/api/v1/declarations/${d.id}/actions/submit`, {});
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(submitted.body.status, 'submitted');
    assert.equal(submitted.body.submittedVersion, 2);
    assert.deepEqual(submitted.body.allowedActions, ['download_pdf', 'withdraw']);
    // Frozen: no more edits or evidence changes; a second submit is refused.
    assert.equal(
      (
        await call(
          t.url,
          yuyao,
          'PATCH',
          `/api/v1/declarations/${d.id}`,
          { clusterName: 'x' },
          { 'if-match': '2' },
        )
      ).status,
      409,
    );
    assert.equal((await upload(t.url, yuyao, d.id, { name: 'late.pdf', data: tinyPdf() })).status, 409);
    const again = await call(t.url, yuyao, 'POST', `/api/v1/declarations/${d.id}/actions/submit`, {});
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'INVALID_TRANSITION');

    // Withdraw, change, resubmit: both submitted versions stay and can be compared.
    assert.equal(
      (await call(t.url, yuyao, 'POST', `/api/v1/declarations/${d.id}/actions/withdraw`, {})).body.status,
      'withdrawn',
    );
    const edited = await call(
      t.url,
      yuyao,
      'PATCH',
      `/api/v1/declarations/${d.id}`,
      { landAreaKm2: 70 },
      { 'if-match': '2' },
    );
    assert.equal(edited.status, 200);
    assert.equal(
      (await call(t.url, yuyao, 'POST', `/api/v1/declarations/${d.id}/actions/submit`, {})).body
        .submittedVersion,
      3,
    );
    const hist = await call(t.url, yuyao, 'GET', `/api/v1/declarations/${d.id}/history`);
    assert.deepEqual(
      hist.body.versions.map((v: { version: number }) => v.version),
      [2, 3],
    );
    const actions = hist.body.items.map((e: { action: string }) => e.action);
    for (const a of ['created', 'edited', 'attachment_added', 'submit', 'withdraw'])
      assert.ok(actions.includes(a), a);
    const diff = await call(t.url, yuyao, 'GET', `/api/v1/declarations/${d.id}/diff?from=2&to=3`);
    assert.deepEqual(diff.body.changes, [{ path: 'landAreaKm2', before: 68.5, after: 70 }]);
    const v2 = await call(t.url, ningbo, 'GET', `/api/v1/declarations/${d.id}/versions/2`);
    assert.equal(v2.status, 200);
    assert.equal(v2.body.content.landAreaKm2, 68.5);
    assert.equal(v2.body.attachments.length, 7);
  });
  it('exactly one of two simultaneous submits wins', async () => {
    const d = await create(yuyao);
    await call(t.url, yuyao, 'PATCH', `/api/v1/declarations/${d.id}`, sampleContent(YEAR), {
      'if-match': '1',
    });
    for (const c of EVIDENCE_CATEGORIES.filter((c) => c.required))
      await upload(t.url, yuyao, d.id, { name: 'e.pdf', data: tinyPdf() }, c.key);
    const results = await Promise.all(
      [1, 2, 3].map(() => call(t.url, yuyao, 'POST', `/api/v1/declarations/${d.id}/actions/submit`, {})),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409]);
    const hist = await call(t.url, yuyao, 'GET', `/api/v1/declarations/${d.id}/history`);
    assert.equal(hist.body.items.filter((e: { action: string }) => e.action === 'submit').length, 1);
  });
  it('refuses submission after the county deadline (409 DEADLINE_PASSED)', async () => {
    // Reopen the 2025 campaign, start a declaration, then let its county deadline lie in the past.
    const open = await call(t.url, ministry, 'PATCH', '/api/v1/campaigns/2025', {
      status: 'open',
      countyDeadline: '2099-01-01',
    });
    assert.equal(open.status, 200, JSON.stringify(open.body));
    const d = (await call(t.url, yuyao, 'POST', '/api/v1/declarations', { campaignYear: 2025 })).body;
    assert.equal(d.status, 'draft');
    assert.equal(
      (await call(t.url, ministry, 'PATCH', '/api/v1/campaigns/2025', { countyDeadline: '2025-06-30' }))
        .status,
      200,
    );
    try {
      const r = await call(t.url, yuyao, 'POST', `/api/v1/declarations/${d.id}/actions/submit`, {});
      assert.equal(r.status, 409, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'DEADLINE_PASSED');
      assert.equal(
        (await call(t.url, yuyao, 'POST', '/api/v1/declarations', { campaignYear: 2025 })).body.error.code,
        'DEADLINE_PASSED',
      );
    } finally {
      await call(t.url, ministry, 'PATCH', '/api/v1/campaigns/2025', {
        status: 'closed',
        countyDeadline: null,
      });
    }
  });
  it('writes every change and its audit entry together, and the chain verifies', async () => {
    const [row] = await t.database.raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'declaration.%' OR action LIKE 'attachment.%'",
    );
    assert.ok(Number(row!.n) > 20);
    const admin = await login(t.url, 'admin');
    assert.equal((await call(t.url, admin, 'GET', '/api/v1/audit/verify')).body.ok, true);
  });
});

describe('standards check and printable form', () => {
  it('evaluates the standards on the saved content', async () => {
    const d = await create(yuyao, sampleContent(YEAR));
    const r = await call(t.url, yuyao, 'GET', `/api/v1/declarations/${d.id}/standards`);
    assert.equal(r.status, 200);
    assert.equal(r.body.standardsVersion, '2022');
    assert.equal(r.body.overall, 'pass');
    const growth = r.body.items.find((i: { code: string }) => i.code === 'output_growth');
    assert.equal(growth.result, 'pass');
    assert.equal(growth.operator, '>');
    const low = await call(
      t.url,
      yuyao,
      'PATCH',
      `/api/v1/declarations/${d.id}`,
      { indicators: { output: [39.99, 468, 560] } },
      { 'if-match': '1' },
    );
    assert.equal(low.status, 200);
    const after = await call(t.url, yuyao, 'GET', `/api/v1/declarations/${d.id}/standards`);
    assert.equal(after.body.overall, 'fail');
    assert.equal(
      after.body.items.find((i: { code: string }) => i.code === 'output_each_year').result,
      'fail',
    );
    assert.equal((await call(t.url, cixi, 'GET', `/api/v1/declarations/${d.id}/standards`)).status, 404);
  });
  it('renders the Declaration Form as a PDF whose text has the cluster name', async (ctx) => {
    const d = await create(
      yuyao,
      sampleContent(YEAR, {
        clusterName: '余姚市光电产业集群PDF测试',
        industry: '光电',
        industryCode: '3976',
        subSector: '光学镜头',
      }),
    );
    const res = await fetch(`${t.url}/api/v1/declarations/${d.id}/form.pdf`, {
      headers: { cookie: yuyao.cookie },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.equal(
      (await fetch(`${t.url}/api/v1/declarations/${d.id}/form.pdf`, { headers: { cookie: cixi.cookie } }))
        .status,
      404,
    );
    let text: string;
    try {
      const file = path.join(os.tmpdir(), `jiqun-form-${d.id}.pdf`);
      await fs.writeFile(file, bytes);
      text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      await fs.rm(file);
    } catch {
      ctx.skip('pdftotext (poppler-utils) is not installed; .ci/run installs it');
      return;
    }
    assert.match(text, /余姚市光电产业集群PDF测试/);
    assert.match(text, /盖章/);
  });
});
