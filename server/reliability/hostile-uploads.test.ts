// Hostile files against every upload endpoint (declaration evidence, inspection photos, objection evidence,
// the ministry's cluster list import): each is refused with the standard error body and leaves neither a
// record nor a file (not even a temporary one). Path-traversal and control-character names cannot traverse:
// the multipart parser keeps only the base name, the display name is cleaned and storage keys are random.
// server/modules/declarations/declarations.test.ts covers the basic cases on one endpoint.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { call, login, openCampaign, type Session, startTestApp, type TestApp } from '../test-support/app.ts';
import { submitComplete } from '../test-support/declarations.ts';
import { tinyDocx, tinyPdf, tinyPng, tinyXlsx, zip, zipBombXlsx } from '../test-support/files.ts';
import { assertErrorBody, filesUnder, report } from './support.ts';

const YEAR = 2091;
const LIMIT = 256 * 1024;
let t: TestApp;
let county: Session;
let unit: Session;
let ministry: Session;
let draftId: string;
let inspectionId: string;
let inPublicity: string;

before(async () => {
  t = await startTestApp({ maxUploadBytes: LIMIT });
  [county, unit, ministry] = (await Promise.all(
    ['county-330281', 'unit-330200', 'ministry'].map((u) => login(t.url, u)),
  )) as [Session, Session, Session];
  assert.equal((await call(t.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR))).status, 201);
  draftId = (await call(t.url, county, 'POST', '/api/v1/declarations', { campaignYear: YEAR })).body.id;
  inPublicity = await submitComplete(t.url, county, YEAR);
  const planned = await call(t.url, unit, 'POST', '/api/v1/inspections', {
    declarationId: inPublicity,
    plannedOn: `${YEAR}-05-20`,
    place: '余姚市',
    team: [{ name: '王强', role: '组长', affiliation: '宁波市经信局' }],
  });
  assert.equal(planned.status, 201, JSON.stringify(planned.body));
  inspectionId = planned.body.id;
  // A 公示 period running today, straight into the database (the ministry's path is tested elsewhere).
  const [p] = await t.database.raw.query<{ id: string }>(
    `INSERT INTO publicity_periods (campaign_year, starts_on, working_days, ends_on)
     VALUES ($1, current_date - 1, 5, current_date + 30) RETURNING id`,
    [YEAR],
  );
  await t.database.raw.query(
    'INSERT INTO publicity_items (publicity_id, declaration_id, position) VALUES ($1, $2, 1)',
    [p!.id, inPublicity],
  );
});
after(() => t?.close());

type Part = { name: string; filename?: string; data: Buffer | string; type?: string };

/** A multipart body built by hand, so that names can carry bytes FormData would escape. */
function multipart(parts: Part[]): { body: Buffer; type: string } {
  const boundary = `----jiqun-hostile-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition =
      p.filename === undefined
        ? `form-data; name="${p.name}"`
        : `form-data; name="${p.name}"; filename="${p.filename}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
          `Content-Type: ${p.type ?? (p.filename === undefined ? 'text/plain' : 'application/pdf')}\r\n\r\n`,
        'utf8',
      ),
      Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

type Endpoint = {
  name: string;
  path: () => string;
  session: () => Session | null;
  /** The form fields that go before the file. */
  fields: () => Record<string, string>;
  /** Rows this endpoint writes, counted before and after. */
  rows: () => Promise<number>;
};

const count = async (sql: string) => Number((await t.database.raw.query<{ n: number }>(sql))[0]!.n);

const ENDPOINTS: Endpoint[] = [
  {
    name: 'declaration evidence',
    path: () => `/api/v1/declarations/${draftId}/attachments`,
    session: () => county,
    fields: () => ({ category: 'output_statistics' }),
    rows: () => count('SELECT count(*)::int AS n FROM attachments'),
  },
  {
    name: 'inspection file',
    path: () => `/api/v1/inspections/${inspectionId}/files`,
    session: () => unit,
    fields: () => ({}),
    rows: () => count('SELECT count(*)::int AS n FROM inspection_files'),
  },
  {
    name: 'objection evidence',
    path: () => '/api/v1/public/objections',
    session: () => null,
    fields: () => ({
      declarationId: inPublicity,
      realName: '张三',
      contact: '13800000000',
      reason: '该集群的产值数据与统计年鉴不符。',
    }),
    rows: () => count('SELECT count(*)::int AS n FROM objections'),
  },
];

async function post(e: Endpoint, file: { filename: string; data: Buffer }, extra: Part[] = []) {
  // The public endpoint throttles per address; each case here is one more objection from 127.0.0.1.
  await t.database.raw.query("DELETE FROM rate_limits WHERE key LIKE 'objection:%'");
  const { body, type } = multipart([
    ...Object.entries(e.fields()).map(([name, data]) => ({ name, data })),
    ...extra,
    { name: 'file', filename: file.filename, data: file.data },
  ]);
  const headers: Record<string, string> = { 'content-type': type };
  const s = e.session();
  if (s) Object.assign(headers, { cookie: s.cookie, 'x-csrf-token': s.csrfToken });
  const res = await fetch(`${t.url}${e.path()}`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
}

const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(500)]);
const docxBomb = zip([
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'word/document.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x41), deflate: true },
]);

/** Files that must be refused: [what, file name, bytes, status]. */
const HOSTILE: [string, string, Buffer, number][] = [
  ['0-byte file', 'empty.pdf', Buffer.alloc(0), 400],
  ['1-byte file', 'one.pdf', Buffer.from([0]), 415],
  ['3-byte file', 'three.pdf', Buffer.from('PK\u0003'), 415],
  ['plain text named .pdf', 'notes.pdf', Buffer.from('just text, not a PDF'), 415],
  ['Windows executable named .pdf', 'setup.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]), 415],
  ['ELF executable named .pdf', 'run.pdf', elf, 415],
  ['shell script named .pdf', 'install.pdf', Buffer.from('#!/bin/sh\nrm -rf /\n'), 415],
  ['HTML named .png', 'photo.png', Buffer.from('<html><script>alert(1)</script></html>'), 415],
  ['SVG with a script named .png', 'logo.png', Buffer.from('<svg onload="alert(1)"/>'), 415],
  ['PNG content named .pdf', 'scan.pdf', tinyPng(), 415],
  ['PDF content named .exe', 'report.exe', tinyPdf(), 415],
  ['PDF content named .html', 'report.html', tinyPdf(), 415],
  ['DOCX content named .xlsx', 'list.xlsx', tinyDocx(), 415],
  ['zip bomb as .xlsx', 'bomb.xlsx', zipBombXlsx(), 415],
  ['zip bomb as .docx', 'bomb.docx', docxBomb, 415],
  ['plain ZIP named .docx', 'archive.docx', zip([{ name: 'a.txt', data: Buffer.from('a') }]), 415],
  ['truncated ZIP named .xlsx', 'cut.xlsx', tinyXlsx().subarray(0, 40), 415],
  ['oversize PDF', 'big.pdf', Buffer.concat([tinyPdf(), Buffer.alloc(LIMIT + 1024, 0x20)]), 413],
];

/** Names that try to escape or to smuggle bytes into headers and logs; the content is a valid PDF. */
const NASTY_NAMES = [
  '../../../../../../tmp/jiqun-escape.pdf',
  '..\\..\\..\\tmp\\jiqun-escape.pdf',
  '/etc/passwd.pdf',
  'C:\\Windows\\System32\\jiqun-escape.pdf',
  '..',
  'a\u0000b.pdf',
  'line\r\nX-Injected: 1.pdf',
  'rtl\u202efdp.exe.pdf',
  '\u0007\u001b[31mred.pdf',
  `${'长'.repeat(400)}.pdf`,
];

describe('hostile uploads', () => {
  let refused = 0;
  let neutralised = 0;

  it('refuses every hostile file on every upload endpoint, leaving no record and no file', async () => {
    const failures: string[] = [];
    for (const e of ENDPOINTS) {
      for (const [what, filename, data, status] of HOSTILE) {
        const rows = await e.rows();
        const files = await filesUnder(t.dataDir);
        const r = await post(e, { filename, data });
        const where = `${e.name}: ${what}`;
        if (r.status !== status)
          failures.push(`${where}: ${r.status} ${r.text.slice(0, 200)}, expected ${status}`);
        else {
          assertErrorBody(r.json, where);
          refused++;
        }
        if ((await e.rows()) !== rows) failures.push(`${where}: a record was left`);
        assert.deepEqual(await filesUnder(t.dataDir), files, `${where}: a file was left`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('refuses a second file, an oversized field and a file before its fields without storing anything', async () => {
    for (const e of ENDPOINTS) {
      const rows = await e.rows();
      const files = await filesUnder(t.dataDir);
      const two = await post(e, { filename: 'b.pdf', data: tinyPdf() }, [
        { name: 'file', filename: 'a.pdf', data: tinyPdf() },
      ]);
      const bigField = await post(e, { filename: 'c.pdf', data: tinyPdf() }, [
        { name: 'note', data: 'x'.repeat(100_000) },
      ]);
      for (const [what, r] of [
        ['two files', two],
        ['oversized field', bigField],
      ] as const) {
        // Either refused outright, or the first file stored and the rest refused: never a 5xx.
        assert.ok(r.status < 500, `${e.name}: ${what}: ${r.status} ${r.text}`);
        if (r.status >= 400) assertErrorBody(r.json, `${e.name}: ${what}`);
        refused++;
      }
      const stored = (await e.rows()) - rows;
      const stray = (await filesUnder(t.dataDir)).length - files.length;
      assert.equal(stray, stored, `${e.name}: files on disk match the records written`);
    }
  });

  it('neutralises path-traversal and control-character names: nothing lands outside the upload folder', async () => {
    const outside = [
      '/tmp/jiqun-escape.pdf',
      '/etc/passwd.pdf',
      '/jiqun-escape.pdf',
      `${t.dataDir}/../jiqun-escape.pdf`,
    ];
    for (const e of ENDPOINTS) {
      for (const name of NASTY_NAMES) {
        const rows = await e.rows();
        const r = await post(e, { filename: name, data: tinyPdf(name) });
        const where = `${e.name}: ${JSON.stringify(name.slice(0, 40))}`;
        assert.ok(r.status < 500, `${where}: ${r.status} ${r.text}`);
        if (r.status >= 400) {
          assertErrorBody(r.json, where);
          assert.equal(await e.rows(), rows, `${where}: refused, yet a record was left`);
          refused++;
          continue;
        }
        neutralised++;
        const stored = await storedName(e, r.json);
        assert.doesNotMatch(stored, /[/\\\p{Cc}\p{Cf}]/u, `${where}: stored as ${JSON.stringify(stored)}`);
        assert.ok(!stored.startsWith('.'), `${where}: a hidden or relative name`);
        assert.ok(stored.length <= 200, `${where}: name not bounded`);
      }
    }
    for (const p of outside) assert.equal(fs.existsSync(p), false, `${p} was written`);
    for (const f of await filesUnder(t.dataDir)) {
      assert.ok(f.startsWith(t.dataDir), f);
      assert.doesNotMatch(f, /escape|passwd|Injected/, `${f}: a client-chosen name on disk`);
    }
  });

  it('leaves no record and no file when the client disconnects mid-upload, on every endpoint', async () => {
    for (const e of ENDPOINTS) {
      await t.database.raw.query("DELETE FROM rate_limits WHERE key LIKE 'objection:%'");
      const rows = await e.rows();
      const files = await filesUnder(t.dataDir);
      const { body, type } = multipart([
        ...Object.entries(e.fields()).map(([name, data]) => ({ name, data })),
        { name: 'file', filename: 'half.pdf', data: Buffer.concat([tinyPdf(), Buffer.alloc(100_000, 0x20)]) },
      ]);
      await new Promise<void>((resolve) => {
        const s = e.session();
        const req = http.request(`${t.url}${e.path()}`, {
          method: 'POST',
          headers: {
            'content-type': type,
            'content-length': String(body.length),
            ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {}),
          },
        });
        req.on('error', () => resolve());
        req.write(body.subarray(0, Math.floor(body.length / 2)));
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 300);
      });
      // The server notices the closed socket, aborts the stream and removes the temporary file.
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (await filesUnder(t.dataDir)).length !== files.length)
        await new Promise((r) => setTimeout(r, 100));
      assert.equal(await e.rows(), rows, `${e.name}: record left`);
      assert.deepEqual(await filesUnder(t.dataDir), files, `${e.name}: file left`);
      refused++;
    }
  });

  it('refuses hostile cluster lists (ministry import) without importing anything', async () => {
    const clusters = () => count('SELECT count(*)::int AS n FROM clusters');
    const before = await clusters();
    const bodies: [string, string | Buffer][] = [
      ['binary as text/csv', Buffer.from([0, 1, 2, 0xff, 0xfe])],
      ['zip bomb as text/csv', zipBombXlsx()],
      ['huge line', `year,province\n${'9'.repeat(1_500_000)}\n`],
    ];
    for (const [what, data] of bodies) {
      const res = await fetch(`${t.url}/api/v1/clusters/import`, {
        method: 'POST',
        headers: { cookie: ministry.cookie, 'x-csrf-token': ministry.csrfToken, 'content-type': 'text/csv' },
        body: data,
      });
      const text = await res.text();
      assert.ok(res.status < 500, `${what}: ${res.status} ${text.slice(0, 200)}`);
      if (res.status >= 400) assertErrorBody(JSON.parse(text), what);
      refused++;
    }
    assert.equal(await clusters(), before, 'nothing imported');
  });

  it('keeps a formula-shaped cluster name inert in the public CSV (no spreadsheet injection)', async () => {
    const csv =
      'year,province,cluster_name_zh,county,leading_industry\n2020,浙江省,=cmd|calc!A1,余姚市,模具\n';
    const imported = await fetch(`${t.url}/api/v1/clusters/import`, {
      method: 'POST',
      headers: { cookie: ministry.cookie, 'x-csrf-token': ministry.csrfToken, 'content-type': 'text/csv' },
      body: csv,
    });
    assert.equal(imported.status, 200, await imported.text());
    const registry = await (await fetch(`${t.url}/api/v1/public/clusters.csv?q=cmd`)).text();
    assert.match(registry, /'=cmd\|calc!A1/);
    assert.doesNotMatch(registry, /(^|,)"?=cmd/m);
    refused++;
  });

  after(() => {
    const total = HOSTILE.length * ENDPOINTS.length;
    report(
      `hostile uploads: ${HOSTILE.length} hostile files × ${ENDPOINTS.length} endpoints = ${total}, ` +
        `${refused} refusals checked in all, ${neutralised} dangerous names neutralised, 0 files or records left`,
    );
  });
});

/** The display name the endpoint stored for an accepted upload. */
async function storedName(e: Endpoint, body: { id?: string; filename?: string }): Promise<string> {
  if (body.filename) return body.filename;
  const [row] = await t.database.raw.query<{ name: string }>(
    e.name === 'objection evidence'
      ? 'SELECT evidence_filename AS name FROM objections ORDER BY created_at DESC LIMIT 1'
      : 'SELECT filename AS name FROM attachments ORDER BY created_at DESC LIMIT 1',
  );
  return row?.name ?? '';
}
