// A visitor without an account on the public portal: lands on it from the site's root, reads a notice (with
// its English title and its attachment), filters the registry (filters in the URL), downloads CSV and XLSX
// and finds in them exactly the rows the page shows, clicks a province on the map and lands in the registry
// filtered to it, and switches a statistics chart to its table. The registry and map journeys run in
// Chinese and in English (labels from the app's dictionaries, e2e/support/labels.ts). axe-core checks every
// public page in both languages (and at phone width) for serious or critical WCAG 2.1 A/AA violations.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type AxeCounts, addCounts, axeCheck, settled } from './support/axe-screens.ts';
import { browserSkipReason, launchBrowser, screenshot } from './support/browser.ts';
import { LANGS, type Lang, labels } from './support/labels.ts';
import { api, apiLogin, type Json } from './support/ministry-data.ts';
import { type RunningServer, startServer } from './support/server.ts';

/**
 * The page's window, typed just enough for the callbacks that run inside Chromium (the project compiles
 * without the DOM library). A type only: those callbacks are serialised, so they cannot call Node functions.
 */
type BrowserGlobals = {
  localStorage: { setItem(key: string, value: string): void };
  document: { documentElement: { lang: string } };
};

const skip = browserSkipReason();

async function newVisitor(browser: Browser, lang: Lang, width = 1280, height = 900): Promise<BrowserContext> {
  // bypassCSP: axe is injected as an inline script, which the app's Content-Security-Policy forbids.
  const context = await browser.newContext({
    locale: lang,
    viewport: { width, height },
    acceptDownloads: true,
    bypassCSP: true,
  });
  await context.addInitScript(
    (l) => (globalThis as unknown as BrowserGlobals).localStorage.setItem('jiqun.lang', l),
    lang,
  );
  return context;
}

/** Picks an option of the antd Select whose input has `id`, typing `search` first when given. */
async function choose(page: Page, id: string, option: string | RegExp, search?: string): Promise<void> {
  await page.locator(`#${id}`).click();
  if (search) await page.locator(`#${id}`).fill(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** The ids of the registry rows the page shows (rowKey = cluster id). */
async function pageRowIds(page: Page): Promise<string[]> {
  return page
    .locator('.registry-table tbody tr[data-row-key]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

async function download(page: Page, name: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await file.path();
  return readFile(path);
}

describe('public portal: a visitor without an account', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let noticeId = '';
  let attachmentBytes = Buffer.alloc(0);

  before(
    async () => {
      if (skip) return;
      server = await startServer();
      browser = await launchBrowser();
      // The ministry publishes the annual notice with an English title and an attachment (through the API).
      const ministry = await apiLogin(server.url, 'ministry');
      const notice: Json = await api(server.url, ministry, 'POST', '/api/v1/notices', {
        kind: 'recommendation',
        campaignYear: 2025,
        noticeNo: '工信厅企业函〔2025〕77号',
        title: '工业和信息化部办公厅关于开展2025年度中小企业特色产业集群认定工作的通知',
        titleEn: 'Notice on the 2025 identification of SME characteristic industrial clusters',
        body: '各省、自治区、直辖市及计划单列市、新疆生产建设兵团中小企业主管部门：\n现将有关事项通知如下。',
        publishedOn: '2025-03-03',
      });
      noticeId = notice.id;
      attachmentBytes = Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      );
      const form = new FormData();
      form.append('file', new Blob([attachmentBytes], { type: 'application/pdf' }), '申报表.pdf');
      const res = await fetch(`${server.url}/api/v1/notices/${noticeId}/attachments`, {
        method: 'POST',
        headers: { cookie: ministry.cookie, 'x-csrf-token': ministry.csrfToken },
        body: form,
      });
      assert.equal(res.status, 201, await res.clone().text());
      await api(server.url, ministry, 'POST', '/api/v1/notices', {
        kind: 'identification',
        campaignYear: 2024,
        noticeNo: '工信部企业函〔2024〕267号',
        title: '工业和信息化部关于公布2024年度中小企业特色产业集群名单的通告',
        body: '现将2024年度中小企业特色产业集群名单予以公布。',
        publishedOn: '2024-08-01',
      });
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('lands on the portal, reads a notice in both languages and downloads its attachment', {
    skip,
    timeout: 120_000,
  }, async () => {
    assert.ok(server && browser);
    const context = await newVisitor(browser, 'zh-CN');
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForURL(/\/portal$/);
      await settled(page);
      await page.getByRole('link', { name: /关于开展2025年度中小企业特色产业集群认定工作的通知/ }).click();
      await page.waitForURL(new RegExp(`/portal/notices/${noticeId}$`));
      const main = page.getByRole('main');
      await main.getByRole('heading', { level: 1, name: /2025年度/ }).waitFor();
      await main.getByText('现将有关事项通知如下').waitFor();
      await main.getByText('工信厅企业函〔2025〕77号').waitFor();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        main.getByRole('link', { name: /申报表\.pdf/ }).click(),
      ]);
      assert.deepEqual(await readFile(await file.path()), attachmentBytes, 'the attachment, byte for byte');
      await screenshot(page, 'portal-notice');

      // The same notice in English shows the English title, and the Chinese one beside it.
      await page.locator('.language-switch .ant-select').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: 'English' })
        .click();
      await main.getByRole('heading', { level: 1, name: /Notice on the 2025 identification/ }).waitFor();
      await main.getByText('Ministry of Industry and Information Technology').waitFor();
    } finally {
      await context.close();
    }
  });

  for (const lang of LANGS)
    test(`${lang}: filters the registry and downloads CSV and XLSX with the same rows`, {
      skip,
      timeout: 120_000,
    }, async () => {
      assert.ok(server && browser);
      const L = labels(lang);
      const context = await newVisitor(browser, lang);
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/portal`);
        await settled(page);
        await page
          .getByRole('navigation', { name: L.t('portal.nav.label') })
          .getByRole('link', { name: L.t('portal.nav.registry') })
          .click();
        await page.waitForURL(/\/portal\/clusters$/);
        await settled(page);
        const all = await api(server.url, { cookie: '', csrfToken: '' }, 'GET', '/api/v1/public/clusters');
        assert.equal(all.total, 44, 'the demo registry');
        await page.getByText(L.t('portal.registry.count', { total: 44 }), { exact: true }).waitFor();

        await choose(page, 'registry-year', L.t('portal.registry.batch', { year: 2024 }));
        await page.waitForURL(/year=2024/);
        await choose(
          page,
          'registry-unit',
          lang === 'en' ? 'Beijing' : '北京市',
          lang === 'en' ? 'Beij' : '北京',
        );
        await page.waitForURL(/year=2024&unitCode=110000/);
        await settled(page);
        const expected: Json = await api(
          server.url,
          { cookie: '', csrfToken: '' },
          'GET',
          '/api/v1/public/clusters?year=2024&unitCode=110000',
        );
        assert.ok(expected.total > 0 && expected.total < 20, `a handful of clusters (${expected.total})`);
        await page
          .getByText(L.t('portal.registry.count', { total: expected.total }), { exact: true })
          .waitFor();
        const shown = await pageRowIds(page);
        assert.deepEqual(
          shown,
          expected.items.map((c: Json) => c.id),
          'the page shows the filtered registry',
        );
        await screenshot(page, `portal-registry-filtered-${lang}`);

        // A search narrows further and is kept in the URL too.
        const first = expected.items[0];
        await page.locator('#registry-q').fill(first.leadingIndustry);
        await page.locator('#registry-q').press('Enter');
        await page.waitForURL(/q=/);
        await settled(page);
        const searched = await pageRowIds(page);
        assert.ok(searched.includes(first.id), 'the searched cluster is listed');
        assert.ok(searched.length <= shown.length);

        // Reloading the URL restores the filters.
        await page.reload();
        await settled(page);
        assert.deepEqual(await pageRowIds(page), searched, 'the same rows after a reload');

        const csv = (await download(page, L.re('portal.registry.csv'))).toString('utf8');
        assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a byte-order mark');
        const [header, ...rows] = parseCsv(csv.slice(1)).filter((r) => r.length > 1);
        assert.equal(header?.[0], 'id');
        assert.deepEqual(
          rows.map((r) => r[0]),
          searched,
          'the CSV has the rows the page shows, in its order',
        );

        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(
          (await download(page, L.re('portal.registry.xlsx'))) as unknown as ArrayBuffer,
        );
        const sheet = workbook.worksheets[0];
        assert.ok(sheet);
        assert.equal(String(sheet.getRow(2).getCell(1).value), '编号');
        const xlsxIds: string[] = [];
        sheet.eachRow((row, n) => {
          if (n > 2) xlsxIds.push(String(row.getCell(1).value));
        });
        assert.deepEqual(xlsxIds, searched, 'the XLSX has the rows the page shows, in its order');

        // A cluster's page from the list.
        await page.locator('.registry-table tbody tr[data-row-key] a').first().click();
        await page.waitForURL(/\/portal\/clusters\/[0-9a-f-]{36}$/);
        await page.getByRole('heading', { level: 1, name: first.name }).waitFor();
        await page.getByRole('main').getByText(first.noticeNo).first().waitFor();
        await screenshot(page, `portal-cluster-${lang}`);
      } finally {
        await context.close();
      }
    });

  for (const lang of LANGS)
    test(`${lang}: clicks a province on the map and lands in the registry filtered to it`, {
      skip,
      timeout: 120_000,
    }, async () => {
      assert.ok(server && browser);
      const L = labels(lang);
      // The tooltip: "<province>: <n> clusters" in the page's language.
      const tipRe = new RegExp(`^(.+?): ${L.re('portal.map.clusters', { n: /(\d+)/ }).source}$`);
      const context = await newVisitor(browser, lang);
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/portal/map`);
        await settled(page);
        const map = page.locator('.portal-map[role="img"]');
        await map.locator('canvas').first().waitFor({ timeout: 30_000 });
        await page.waitForTimeout(1_000); // the map's first animation
        const box = await map.boundingBox();
        assert.ok(box);
        // Hover over a grid of points until the tooltip names a province with clusters of one unit only.
        let hit: { x: number; y: number; name: string; count: number } | undefined;
        search: for (let gy = 0.2; gy < 0.85; gy += 0.05)
          for (let gx = 0.3; gx < 0.9; gx += 0.04) {
            const x = box.x + box.width * gx;
            const y = box.y + box.height * gy;
            await page.mouse.move(x, y);
            await page.waitForTimeout(40);
            const tip = await map.evaluate((el) =>
              [...el.querySelectorAll('div')]
                .filter((d) => d.style.display !== 'none' && d.style.position === 'absolute')
                // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees (line breaks included)
                .map((d) => d.innerText.trim())
                .find((text) => /\d/.test(text)),
            );
            const m = tip?.match(tipRe);
            if (m && Number(m[2]) > 0) {
              hit = { x, y, name: m[1] ?? '', count: Number(m[2]) };
              break search;
            }
          }
        assert.ok(hit, 'a province with clusters of one unit under the pointer');
        await screenshot(page, `portal-map-${lang}`);
        await page.mouse.click(hit.x, hit.y);
        await page.waitForURL(/\/portal\/clusters\?unitCode=\d{6}$/);
        await settled(page);
        await page.getByText(L.t('portal.registry.count', { total: hit.count }), { exact: true }).waitFor();
        assert.equal((await pageRowIds(page)).length, hit.count, `${hit.name}: the rows the map counted`);
        assert.match(
          // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees (line breaks included)
          await page.locator('#registry-unit').locator('xpath=../..').innerText(),
          new RegExp(hit.name),
        );
      } finally {
        await context.close();
      }
    });

  test('statistics: a chart switches to its table', { skip, timeout: 60_000 }, async () => {
    assert.ok(server && browser);
    const context = await newVisitor(browser, 'en', 390, 844);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/portal/stats`);
      await settled(page);
      const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'By batch' }) });
      await card.getByText('Table', { exact: true }).click();
      const table = card.getByRole('table');
      await table.waitFor();
      // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees (line breaks included)
      const text = await table.innerText();
      assert.match(text, /2024 batch\s+20/);
      assert.match(text, /Total\s+44/);
      await screenshot(page, 'portal-stats-phone-en');
    } finally {
      await context.close();
    }
  });

  test('axe finds no serious or critical violations on the public pages, in both languages', {
    skip,
    timeout: 600_000,
  }, async () => {
    assert.ok(server && browser);
    const clusters = await api(server.url, { cookie: '', csrfToken: '' }, 'GET', '/api/v1/public/clusters');
    const clusterId = clusters.items[0].id;
    const paths = [
      '/portal',
      '/portal/notices',
      `/portal/notices/${noticeId}`,
      '/portal/clusters',
      '/portal/clusters?year=2024&unitCode=110000',
      `/portal/clusters/${clusterId}`,
      '/portal/map',
      '/portal/stats',
      '/portal/data',
      '/publicity',
      '/login',
    ];
    const totals: AxeCounts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    const runs: [Lang, number, number][] = [
      ['zh-CN', 1280, 900],
      ['en', 1280, 900],
      ['zh-CN', 390, 844],
      ['en', 390, 844],
    ];
    for (const [lang, width, height] of runs) {
      const context = await newVisitor(browser, lang, width, height);
      try {
        const page = await context.newPage();
        for (const path of paths) {
          await page.goto(`${server.url}${path}`);
          await settled(page);
          assert.equal(
            await page.evaluate(
              () => (globalThis as unknown as BrowserGlobals).document.documentElement.lang,
            ),
            lang,
            `${path} lang`,
          );
          addCounts(totals, await axeCheck(page, `${lang} ${width}px ${path}`));
          if (width < 500 && path === '/portal/clusters')
            await screenshot(page, `portal-registry-phone-${lang}`);
        }
      } finally {
        await context.close();
      }
    }
    console.log(
      `axe totals over ${paths.length * runs.length} page views: critical ${totals.critical}, serious ${totals.serious}, moderate ${totals.moderate}, minor ${totals.minor}`,
    );
  });
});
