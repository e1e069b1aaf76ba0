import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, startTestApp, type TestApp } from '../../test-support/app.ts';
import { seedDemoNotices } from './demo-notices.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('demo notices', () => {
  it('publishes the annual notices whose date is known, once, for the portal', async () => {
    const added = await seedDemoNotices(t.database.db);
    assert.ok(added >= 2, `added ${added}`);
    assert.equal(await seedDemoNotices(t.database.db), 0, 'a second start adds nothing');
    const list = await call(t.url, null, 'GET', '/api/v1/public/notices');
    assert.equal(list.status, 200);
    const items: { noticeNo: string | null; publishedOn: string; title: string; titleEn: string | null }[] =
      list.body.items;
    const n2023 = items.find((n) => n.noticeNo === '工信厅企业函〔2023〕44号');
    assert.ok(n2023, 'the 2023 notice is listed');
    assert.equal(n2023.publishedOn, '2023-03-09');
    assert.match(n2023.title, /2023年度/);
    assert.match(n2023.titleEn ?? '', /2023/);
    assert.ok(items.some((n) => n.noticeNo === '工信厅企业函〔2025〕77号'));
  });
});
