// The evidence upload pipeline over real HTTP with S3 storage (s3rver): what declarations.test.ts checks on
// local disk, checked again where the bytes live in a bucket.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { call, login, openCampaign, type Session, startTestApp, type TestApp } from '../test-support/app.ts';
import { tinyPdf, tinyPng, upload, zipBombXlsx } from '../test-support/files.ts';
import { startS3rver, type TestS3 } from '../test-support/s3.ts';
import type { S3Storage } from './storage-s3.ts';
import { storeUpload } from './uploads.ts';

const YEAR = 2097;
let s3: TestS3;
let storage: S3Storage;
let t: TestApp;
let yuyao: Session;
let cixi: Session;

before(async () => {
  s3 = await startS3rver();
  storage = await s3.storage();
  t = await startTestApp({ maxUploadBytes: 256 * 1024 }, { storage });
  const ministry = await login(t.url, 'ministry');
  assert.equal((await call(t.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR))).status, 201);
  [yuyao, cixi] = await Promise.all([login(t.url, 'county-330281'), login(t.url, 'county-330282')]);
});
after(async () => {
  await t.close();
  await s3.close();
});

const objects = async () => {
  const keys: string[] = [];
  for await (const o of storage.list()) keys.push(o.key);
  return keys.sort();
};
const tmpFiles = async () => (await fs.readdir(storage.tmpDir).catch(() => [])).sort();
const create = async (s: Session) => {
  const r = await call(t.url, s, 'POST', '/api/v1/declarations', { campaignYear: YEAR });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string };
};

describe('evidence in S3', () => {
  it('stores an upload as one object and downloads it byte-identical with its SHA-256', async () => {
    const d = await create(yuyao);
    const data = tinyPdf('in the bucket');
    const r = await upload(t.url, yuyao, d.id, { name: '余姚市产值.pdf', data, type: 'text/plain' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.contentType, 'application/pdf');
    assert.equal(r.body.size, data.length);
    assert.equal(r.body.sha256, createHash('sha256').update(data).digest('hex'));
    assert.equal((await objects()).length, 1);
    assert.deepEqual(await tmpFiles(), [], 'nothing left in the local temporary directory');
    const res = await fetch(`${t.url}/api/v1/declarations/${d.id}/attachments/${r.body.id}`, {
      headers: { cookie: yuyao.cookie },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-checksum-sha256'), r.body.sha256);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), data);
    const png = await upload(t.url, yuyao, d.id, { name: 'scan.png', data: tinyPng() }, 'enterprise_list');
    assert.equal(png.status, 201);
    assert.equal(png.body.contentType, 'image/png');
  });

  it('refuses oversize (413), wrong content (415) and empty files without storing anything', async () => {
    const d = await create(yuyao);
    const before = await objects();
    const cases: [string, Buffer, number, string][] = [
      ['big.pdf', Buffer.concat([tinyPdf(), Buffer.alloc(300 * 1024, 0x20)]), 413, 'PAYLOAD_TOO_LARGE'],
      ['notes.pdf', Buffer.from('just text, not a PDF'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['bomb.xlsx', zipBombXlsx(), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['empty.pdf', Buffer.alloc(0), 400, 'VALIDATION_FAILED'],
    ];
    for (const [name, data, status, code] of cases) {
      const r = await upload(t.url, yuyao, d.id, { name, data });
      assert.equal(r.status, status, name);
      assert.equal(r.body.error?.code, code, name);
    }
    assert.deepEqual(await objects(), before);
    assert.deepEqual(await tmpFiles(), []);
  });

  it('removes the object again when the record cannot be written (not found, not editable)', async () => {
    const d = await create(yuyao);
    const before = await objects();
    // Another county's declaration: found only inside the transaction, after the object is stored.
    const foreign = await upload(t.url, cixi, d.id, { name: 'x.pdf', data: tinyPdf() });
    assert.equal(foreign.status, 404);
    assert.deepEqual(await objects(), before);
    // And directly: any failure of the caller's record removes the committed object.
    await assert.rejects(
      storeUpload(
        { storage, config: { maxUploadBytes: 1024 * 1024 } },
        { filename: 'a.pdf', stream: Readable.from([tinyPdf()]) },
        async () => {
          throw new Error('transaction failed');
        },
      ),
      /transaction failed/,
    );
    assert.deepEqual(await objects(), before);
    assert.deepEqual(await tmpFiles(), []);
  });

  it('stores nothing when the client disconnects mid-upload', async () => {
    const d = await create(yuyao);
    const before = await objects();
    const boundary = '----jiqun-abort';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\noutput_statistics\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: new URL(t.url).port,
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
    assert.deepEqual(await objects(), before);
    assert.deepEqual(await tmpFiles(), []);
  });

  it('deletes the object with the draft evidence', async () => {
    const d = await create(yuyao);
    const r = await upload(t.url, yuyao, d.id, { name: 'x.pdf', data: tinyPdf('to delete') });
    const withIt = await objects();
    const del = await call(t.url, yuyao, 'DELETE', `/api/v1/declarations/${d.id}/attachments/${r.body.id}`);
    assert.equal(del.status, 204);
    assert.equal((await objects()).length, withIt.length - 1);
  });

  it('counts uploads by outcome and the bytes stored in /metrics', async () => {
    const metric = (text: string, line: string) =>
      Number(new RegExp(`^${line.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 'NaN');
    const before = (await call(t.url, null, 'GET', '/metrics')).body as string;
    const d = await create(yuyao);
    const data = tinyPdf('counted');
    assert.equal((await upload(t.url, yuyao, d.id, { name: 'c.pdf', data })).status, 201);
    assert.equal(
      (await upload(t.url, yuyao, d.id, { name: 'c.pdf', data: Buffer.from('text') })).status,
      415,
    );
    const after = (await call(t.url, null, 'GET', '/metrics')).body as string;
    const delta = (line: string) => metric(after, line) - (metric(before, line) || 0);
    assert.equal(delta('jiqun_uploads_total{outcome="stored"}'), 1);
    assert.equal(delta('jiqun_uploads_total{outcome="unsupported_type"}'), 1);
    assert.equal(delta('jiqun_upload_bytes_total{outcome="stored"}'), data.length);
    assert.ok(metric(after, 'jiqun_uploads_total{outcome="too_large"}') >= 1, 'from the refusals above');
  });

  it('fails the upload and keeps no temporary file when the object store is down', async () => {
    const down = await s3.storage({ endpoint: 'http://127.0.0.1:9' });
    await assert.rejects(
      storeUpload(
        { storage: down, config: { maxUploadBytes: 1024 * 1024 } },
        { filename: 'a.pdf', stream: Readable.from([tinyPdf()]) },
        async () => 'never',
      ),
    );
    assert.deepEqual(await fs.readdir(down.tmpDir), []);
  });
});
