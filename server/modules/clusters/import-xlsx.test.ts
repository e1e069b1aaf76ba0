// Importing a published list kept as an Excel workbook: the server reads the XLSX itself (recognised by its
// bytes), resolves the same way as CSV and never imports twice. A fresh database, so all 44 rows are new.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { csvRecords } from '../../../domain/cluster-import.ts';
import { clusters } from '../../db/schema.ts';
import { projectPath } from '../../platform/paths.ts';
import { call, jsonOf, login, type Session, startTestApp, type TestApp } from '../../test-support/app.ts';
import { tinyPdf } from '../../test-support/files.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let ministry: Session;
let ningbo: Session;
let knownXlsx: Buffer;

/** A workbook of these rows (header first) on its first sheet, with a second sheet that is not read. */
async function workbook(records: readonly (readonly (string | number | Date)[])[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of records) ws.addRow([...r]);
  wb.addWorksheet('说明').addRow(['year', 'province', 'cluster_name_zh', 'county', 'leading_industry']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function postFile(s: Session | null, bytes: Buffer, filename: string, type = XLSX) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  return fetch(`${t.url}/api/v1/clusters/import`, {
    method: 'POST',
    headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    body: form,
  });
}

const count = async () =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(clusters))[0]!.n;

before(async () => {
  t = await startTestApp();
  [ministry, ningbo] = (await Promise.all(['ministry', 'unit-330200'].map((u) => login(t.url, u)))) as [
    Session,
    Session,
  ];
  const csv = await fs.readFile(projectPath('reference', 'clusters-known.csv'), 'utf8');
  const records = csvRecords(csv).map((r, i) => (i === 0 ? r : r.map((v, j) => (j === 0 ? Number(v) : v))));
  knownXlsx = await workbook(records);
});
after(() => t?.close());

describe('XLSX import of published lists', () => {
  it('imports reference/clusters-known.csv saved as a workbook: all 44 rows resolve', async () => {
    const before = await count();
    const res = await postFile(ministry, knownXlsx, '已认定集群名单.xlsx');
    const body = await jsonOf(res);
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.format, 'xlsx');
    assert.equal(body.rows, 44);
    assert.equal(body.imported, 44);
    assert.deepEqual(body.unresolved, []);
    assert.equal((await count()) - before, 44);
    const longgang = body.items.find(
      (i: { name: string }) => i.name === '深圳市龙岗区高端智能车载设备产业集群',
    );
    assert.deepEqual([longgang.divisionCode, longgang.unitCode], ['440307', '440300']);
  });

  it('changes nothing when the same workbook comes again, as a raw XLSX body this time', async () => {
    const before = await count();
    const res = await fetch(`${t.url}/api/v1/clusters/import`, {
      method: 'POST',
      headers: { 'content-type': XLSX, cookie: ministry.cookie, 'x-csrf-token': ministry.csrfToken },
      body: new Uint8Array(knownXlsx),
    });
    const body = await jsonOf(res);
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.imported, 0);
    assert.equal(body.alreadyPresent.length, 44);
    assert.deepEqual(body.unresolved, []);
    assert.equal(await count(), before);
  });

  it('reads dates, numbers and blank rows as the sheet shows them and reports unresolved rows by sheet row', async () => {
    const res = await postFile(
      ministry,
      await workbook([
        [
          'year',
          'province',
          'cluster_name_zh',
          'county',
          'leading_industry',
          'published_on',
          'industry_code',
        ],
        [
          2024,
          '浙江省',
          '余姚市光电产业集群（表格导入）',
          '余姚市',
          '光电',
          new Date('2024-11-20T00:00:00Z'),
          3976,
        ],
        [],
        [2024, '江苏省', '鼓楼区表格测试产业集群', '鼓楼区', '测试'],
      ]),
      'list.xlsx',
    );
    const body = await jsonOf(res);
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.imported, 1);
    assert.equal(body.items[0].row, 2);
    assert.equal(body.items[0].validFrom, '2024-11-20');
    assert.equal(body.items[0].validityBasis, 'row');
    assert.deepEqual(
      body.unresolved.map((u: { row: number; code: string }) => [u.row, u.code]),
      [[4, 'COUNTY_AMBIGUOUS']],
    );
  });

  it('judges the file by its bytes: a PDF named .xlsx, a Word document or a plain ZIP is 415', async () => {
    const pdf = await postFile(ministry, tinyPdf('list'), 'list.xlsx');
    assert.equal(pdf.status, 415);
    assert.equal((await jsonOf(pdf)).error.code, 'UNSUPPORTED_FILE_TYPE');
    // A workbook's bytes with the wrong entries: a ZIP that is not a spreadsheet.
    const zip = Buffer.from(knownXlsx);
    for (let p = zip.indexOf('xl/'); p >= 0; p = zip.indexOf('xl/', p + 1)) zip.write('zl/', p, 'latin1');
    assert.equal((await postFile(ministry, zip, 'list.xlsx')).status, 415);
    assert.equal((await postFile(ministry, Buffer.from([0, 1, 2, 3, 0, 5]), 'list.csv')).status, 415);
  });

  it('refuses a workbook without the columns (400), other roles (403) and strangers (401)', async () => {
    const noColumns = await postFile(
      ministry,
      await workbook([
        ['year', 'name'],
        [2024, 'x'],
      ]),
      'x.xlsx',
    );
    assert.equal(noColumns.status, 400);
    assert.ok(
      (await jsonOf(noColumns)).error.details.some((d: { path: string }) => d.path === 'columns.county'),
    );
    assert.equal((await postFile(ningbo, knownXlsx, 'list.xlsx')).status, 403);
    assert.equal((await postFile(null, knownXlsx, 'list.xlsx')).status, 401);
    const spec = await call(t.url, null, 'GET', '/api/v1/openapi.json');
    const op = spec.body.paths['/api/v1/clusters/import'].post;
    assert.ok(Object.keys(op.requestBody.content).includes(XLSX), 'the OpenAPI schema names XLSX');
  });
});
