import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { call, login, type Session, startTestApp, type TestApp } from '../../test-support/app.ts';
import { tinyPdf } from '../../test-support/files.ts';

let t: TestApp;
let ministry: Session;
let ningbo: Session;
let zhejiang: Session;

before(async () => {
  t = await startTestApp();
  ministry = await login(t.url, 'ministry');
  ningbo = await login(t.url, 'unit-330200');
  zhejiang = await login(t.url, 'unit-330000');
});
after(() => t.close());

async function attach(s: Session, noticeId: string, data: Buffer, name = '附件.pdf') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const res = await fetch(`${t.url}/api/v1/notices/${noticeId}/attachments`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as { id: string; sha256: string } };
}

const notice = (over: Record<string, unknown> = {}) => ({
  kind: 'recommendation',
  campaignYear: null,
  noticeNo: '工信厅企业函〔2025〕77号',
  title: '关于开展2025年度中小企业特色产业集群认定工作的通知',
  titleEn: 'Notice on the 2025 identification of SME characteristic industrial clusters',
  body: '各有关单位：……',
  publishedOn: '2025-03-03',
  ...over,
});

describe('notices', () => {
  it('the ministry publishes with an English title and an attachment anyone can download byte-identical', async () => {
    const created = await call(t.url, ministry, 'POST', '/api/v1/notices', notice());
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.unitCode, null);
    assert.equal(created.body.titleEn, notice().titleEn);
    const pdf = tinyPdf('附件1 申报表');
    const a = await attach(ministry, created.body.id, pdf);
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(a.body.sha256, createHash('sha256').update(pdf).digest('hex'));
    const pub = await call(t.url, null, 'GET', `/api/v1/public/notices/${created.body.id}`);
    assert.equal(pub.body.attachments.length, 1);
    const file = await fetch(`${t.url}/api/v1/public/notices/${created.body.id}/attachments/${a.body.id}`);
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), pdf);
    assert.match(file.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
  });

  it('a unit publishes its own notices only; others cannot attach to them', async () => {
    const own = await call(
      t.url,
      ningbo,
      'POST',
      '/api/v1/notices',
      notice({ noticeNo: '甬经信〔2025〕5号', title: '宁波市转发通知' }),
    );
    assert.equal(own.status, 201, JSON.stringify(own.body));
    assert.deepEqual([own.body.unitCode, own.body.unitName], ['330200', '宁波市']);
    const ident = await call(t.url, ningbo, 'POST', '/api/v1/notices', notice({ kind: 'identification' }));
    assert.equal(ident.status, 403);
    assert.equal((await attach(zhejiang, own.body.id, tinyPdf())).status, 404);
    assert.equal((await attach(ministry, own.body.id, tinyPdf())).status, 404);
    assert.equal((await attach(ningbo, own.body.id, Buffer.from('MZ not a pdf at all'))).status, 415);
    const byUnit = await call(t.url, null, 'GET', '/api/v1/public/notices?unitCode=330200');
    assert.deepEqual(
      byUnit.body.items.map((n: { title: string }) => n.title),
      ['宁波市转发通知'],
    );
    const byMinistry = await call(t.url, null, 'GET', '/api/v1/public/notices?unitCode=ministry');
    assert.ok(byMinistry.body.items.every((n: { unitCode: string | null }) => n.unitCode === null));
  });

  it('keeps a notice dated in the future, and its files, hidden until that day', async () => {
    const later = await call(
      t.url,
      ministry,
      'POST',
      '/api/v1/notices',
      notice({ publishedOn: '2099-01-01', title: '未来通知' }),
    );
    const a = await attach(ministry, later.body.id, tinyPdf());
    assert.equal((await call(t.url, null, 'GET', `/api/v1/public/notices/${later.body.id}`)).status, 404);
    assert.equal(
      (await fetch(`${t.url}/api/v1/public/notices/${later.body.id}/attachments/${a.body.id}`)).status,
      404,
    );
    const del = await call(
      t.url,
      ministry,
      'DELETE',
      `/api/v1/notices/${later.body.id}/attachments/${a.body.id}`,
    );
    assert.equal(del.status, 204);
  });
});
