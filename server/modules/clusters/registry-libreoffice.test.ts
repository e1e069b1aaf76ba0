// The public registry's downloads open in LibreOffice Calc with the same rows, in the same order, as the
// page (the JSON the page renders): a visitor's spreadsheet is what the portal showed.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { projectPath } from '../../platform/paths.ts';
import { call, login, startTestApp, type TestApp } from '../../test-support/app.ts';
import { libreOfficeSkipReason, rowsInLibreOffice } from '../../test-support/libreoffice.ts';

let t: TestApp;

before(async () => {
  t = await startTestApp();
  const ministry = await login(t.url, 'ministry');
  const res = await fetch(`${t.url}/api/v1/clusters/import`, {
    method: 'POST',
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      cookie: ministry.cookie,
      'x-csrf-token': ministry.csrfToken,
    },
    body: await fs.readFile(projectPath('reference', 'clusters-known.csv')),
  });
  assert.equal(res.status, 200, await res.text());
});
after(() => t.close());

describe('public registry downloads in LibreOffice', () => {
  for (const query of ['', `?q=${encodeURIComponent('浙江')}`, '?region=west']) {
    it(`CSV and XLSX${query ? ` for ${decodeURIComponent(query)}` : ''} show the page's rows in its order`, async (ctx) => {
      const skip = libreOfficeSkipReason();
      if (skip) return ctx.skip(skip);
      const page = await call(t.url, null, 'GET', `/api/v1/public/clusters${query}`);
      assert.equal(page.status, 200);
      const expected: { id: string; name: string }[] = page.body.items;
      assert.ok(expected.length > 0, `the registry has rows for ${query}`);
      for (const ext of ['csv', 'xlsx'] as const) {
        const res = await fetch(`${t.url}/api/v1/public/clusters.${ext}${query}`);
        assert.equal(res.status, 200);
        const rows = await rowsInLibreOffice(new Uint8Array(await res.arrayBuffer()), ext);
        // CSV headings are the JSON field names (for scripts), XLSX headings Chinese (for people).
        const [idHeading, nameHeading] = ext === 'csv' ? ['id', 'name'] : ['编号', '集群名称'];
        const header = rows.findIndex((r) => r[0] === idHeading);
        assert.ok(header >= 0, `${ext}: a header row starting with "${idHeading}"`);
        const nameCol = rows[header]!.indexOf(nameHeading);
        assert.ok(nameCol > 0, `${ext}: a "name" column`);
        const body = rows.slice(header + 1).filter((r) => r.some((c) => c !== ''));
        assert.deepEqual(
          body.map((r) => [r[0], r[nameCol]]),
          expected.map((i) => [i.id, i.name]),
          `${ext}${query}: same rows, same order`,
        );
      }
    });
  }
});
