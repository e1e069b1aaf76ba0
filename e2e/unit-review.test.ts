// Journey 2, in Chinese and in English: the recommending unit 宁波市 (quota 2, three accepted demo
// declarations already waiting) returns a county's submitted declaration with its reasons; the county reads
// them, fixes the form and resubmits; the unit records its preliminary review, accepts, plans and signs off an
// on-site inspection, ranks under the quota and downloads the Recommendation Summary Table (推荐汇总表, XLSX).
// The county's complete declaration is prepared through the API, as journey 1 (declaration.test.ts) does it
// in the browser. axe-core checks the unit's screens; in English no Chinese text may be left except data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { EVIDENCE_CATEGORIES } from '../domain/declaration-form.ts';
import { INSPECTION_CHECKLIST } from '../domain/inspection.ts';
import { sampleContent } from '../server/db/seed/sample-content.ts';
import { fieldId } from '../web/src/components/declaration/field-paths.ts';
import { axeCheck } from './support/axe-screens.ts';
import { browserSkipReason, launchBrowser, screenshot } from './support/browser.ts';
import {
  assertNoChinese,
  LANGS,
  type Lang,
  logIn,
  logOut,
  newJourneyContext,
  settled,
  Words,
} from './support/journey.ts';
import { api, apiLogin, type Json } from './support/ministry-data.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNIT = 'unit-330200';
const CIXI = '浙江省宁波市慈溪市家电产业集群（演示）';
const FENGHUA = '浙江省宁波市奉化区气动元件产业集群（演示）';

const COUNTY: Record<Lang, { code: string; cluster: string; zone: string }> = {
  'zh-CN': { code: '330212', cluster: '浙江省宁波市鄞州区模具产业集群（旅程测试）', zone: '鄞州经济开发区' },
  en: { code: '330226', cluster: '浙江省宁波市宁海县模具产业集群（旅程测试）', zone: '宁海经济开发区' },
};
const REASON = '请在“所在园区（开发区）名称”中填写集群所在的开发区。';

/** Data on the unit's screens, not interface text: places, clusters, industries, the demo notice, people. */
const DATA: (string | RegExp)[] = [
  /浙江省宁波市\S+?产业集群（(演示|旅程测试)）/g,
  /宁波市\S*中小企业主管部门/,
  /演示通知（非正式）〔\d+〕DEMO/,
  ...['余姚市', '慈溪市', '奉化区', '北仑区', '鄞州区', '宁海县', '宁波市', '浙江省'],
  ...['压铸模具', '模具', '家电', '气动元件'],
];

const tinyPdf = (label: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${label}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

/** The county's complete declaration (the demo's sample form, every required evidence file), submitted. */
async function submitComplete(url: string, lang: Lang): Promise<{ id: string; year: number }> {
  const county = COUNTY[lang];
  const s = await apiLogin(url, `county-${county.code}`);
  const campaigns: Json = await api(url, s, 'GET', '/api/v1/campaigns');
  const open = (campaigns.items as Json[])
    .filter((c) => c.status === 'open')
    .sort((a, b) => b.year - a.year)[0];
  assert.ok(open, 'the demo campaign is open');
  const year: number = open.year;
  const content = sampleContent(year, {
    clusterName: county.cluster,
    industry: '模具',
    industryCode: '3525',
    subSector: '精密注塑模具',
  });
  const created = await api(url, s, 'POST', '/api/v1/declarations', { ...content, campaignYear: year });
  for (const c of EVIDENCE_CATEGORIES.filter((x) => x.required)) {
    const form = new FormData();
    form.append('category', c.key);
    form.append('file', new Blob([tinyPdf(c.key)], { type: 'application/pdf' }), `${c.key}.pdf`);
    const res = await fetch(`${url}/api/v1/declarations/${created.id}/attachments`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      body: form,
    });
    assert.equal(res.status, 201, `upload ${c.key}: ${await res.text()}`);
  }
  await api(url, s, 'POST', `/api/v1/declarations/${created.id}/actions/submit`, {});
  return { id: created.id, year };
}

/** Opens the review dashboard through the menu and waits for the quota and the intake table. */
async function openDashboard(page: Page, w: Words): Promise<Locator> {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: w.t('nav.review') })
    .click();
  await page.waitForURL(/\/review(\?|$)/);
  await settled(page);
  const main = page.getByRole('main');
  await main
    .locator('.dashboard-card')
    .filter({ hasText: w.t('review.quota') })
    .waitFor({ timeout: 30_000 });
  return main;
}

describe('journey 2: the unit returns, accepts, inspects and recommends, in Chinese and in English', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  before(
    async () => {
      if (skip) return;
      server = await startServer();
      browser = await launchBrowser();
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of LANGS) {
    test(`${lang}: return with reasons, fixed and resubmitted, accepted, inspected, ranked, XLSX`, {
      skip,
      timeout: 300_000,
    }, async () => {
      assert.ok(server && browser);
      const url = server.url;
      const w = new Words(lang);
      const county = COUNTY[lang];
      const { id } = await submitComplete(url, lang);
      const t0 = Date.now();
      const mark = (what: string) =>
        console.log(`${lang} ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const context = await newJourneyContext(browser, lang);
      try {
        const page = await context.newPage();

        // ——— The unit finds the submitted declaration and returns it with its reasons.
        await logIn(page, url, w, UNIT);
        let main = await openDashboard(page, w);
        const ownLink = main.getByRole('link', { name: county.cluster, exact: true });
        await ownLink.waitFor({ timeout: 30_000 });
        mark('dashboard');
        await axeCheck(page, `${lang} unit review dashboard`);
        await assertNoChinese(page, w, 'the review dashboard', DATA);
        await screenshot(page, `j2-${lang}-dashboard`);

        await ownLink.click();
        await page.waitForURL(new RegExp(`/review/${id}`));
        const actions = page.locator('.decl-actions');
        await actions.getByRole('button', { name: w.button('review.actionNames.return') }).waitFor();
        await page.locator('.review-checklist').waitFor({ timeout: 30_000 });
        await settled(page);
        mark('review page');
        await axeCheck(page, `${lang} review page`);
        await assertNoChinese(page, w, 'the review checklist', DATA, page.locator('.review-checklist'));
        await screenshot(page, `j2-${lang}-review`);

        await actions.getByRole('button', { name: w.button('review.actionNames.return') }).click();
        let dialog = page.getByRole('dialog');
        await dialog.getByLabel(w.t('review.confirm.reason')).fill(REASON);
        mark('return dialog');
        await axeCheck(page, `${lang} return dialog`);
        await screenshot(page, `j2-${lang}-return-dialog`);
        await dialog.getByRole('button', { name: w.button('review.actionNames.return') }).click();
        await page
          .locator('.decl-meta')
          .getByText(w.status('returned'), { exact: true })
          .waitFor({ timeout: 15_000 });
        await logOut(page, w);

        // ——— The county reads the reasons, fills in the zone and resubmits.
        await logIn(page, url, w, `county-${county.code}`);
        await page
          .getByRole('navigation')
          .getByRole('link', { name: w.t('nav.declarations') })
          .click();
        await page.waitForURL(/\/declarations$/);
        await page.getByRole('main').getByRole('link', { name: county.cluster, exact: true }).click();
        await page.locator('.unit-decision').getByText(REASON).waitFor({ timeout: 30_000 });
        await page.getByText(w.rx('form.returnedBy')).waitFor();
        await screenshot(page, `j2-${lang}-county-returned`);
        const zone = page.locator(`#${fieldId('zoneName')}`);
        await zone.focus();
        await page.keyboard.insertText(county.zone);
        await page.locator('.save-indicator').getByText(w.rx('save.saved')).waitFor({ timeout: 15_000 });
        await page.getByRole('button', { name: w.button('form.submit') }).click();
        dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: w.button('form.submitOk') }).click();
        await page
          .locator('.decl-meta')
          .getByText(w.status('submitted'), { exact: true })
          .waitFor({ timeout: 30_000 });
        await screenshot(page, `j2-${lang}-county-resubmitted`);
        await logOut(page, w);

        // ——— The unit records its preliminary review and accepts.
        await logIn(page, url, w, UNIT);
        main = await openDashboard(page, w);
        await main.getByRole('link', { name: county.cluster, exact: true }).click();
        await page.waitForURL(new RegExp(`/review/${id}`));
        const checklist = page.locator('.review-checklist');
        await checklist.waitFor({ timeout: 30_000 });
        const groups = checklist.locator('.check-item [role=radiogroup]');
        const items = await groups.count();
        assert.ok(items >= 5, 'the checklist has its items');
        for (let i = 0; i < items; i++)
          await groups.nth(i).getByText(w.t('review.ok'), { exact: true }).click();
        await checklist
          .getByRole('radiogroup', { name: w.t('review.result') })
          .getByText(w.t('review.resultPass'), { exact: true })
          .click();
        await checklist.getByLabel(w.t('review.notes')).fill('材料齐全，已按要求补充开发区名称。');
        await checklist.getByRole('button', { name: w.button('review.save') }).click();
        await checklist.getByText(w.rx('review.reviewedBy', { version: 1 })).waitFor({ timeout: 15_000 });
        await actions.getByRole('button', { name: w.button('review.actionNames.accept') }).click();
        dialog = page.getByRole('dialog');
        await dialog.locator('.ant-modal-title').getByText(w.t('review.confirm.acceptTitle')).waitFor();
        await dialog.getByRole('button', { name: w.button('review.actionNames.accept') }).click();
        await page
          .locator('.decl-meta')
          .getByText(w.status('accepted'), { exact: true })
          .waitFor({ timeout: 15_000 });
        await screenshot(page, `j2-${lang}-accepted`);

        // ——— An on-site inspection: planned, checked item by item, a verdict, signed off.
        await page.getByRole('tab', { name: w.t('inspection.tab') }).click();
        await page.getByRole('button', { name: w.button('inspection.plan') }).click();
        const date = page.locator('#plan-date');
        await date.click();
        await date.fill(new Date().toISOString().slice(0, 10));
        await page.keyboard.press('Enter');
        await page.locator('#plan-place').fill(`${county.zone}管委会`);
        await page.getByLabel(w.t('inspection.memberName', { n: 1 }), { exact: true }).fill('李华');
        await page.getByLabel(w.t('inspection.memberRole', { n: 1 }), { exact: true }).fill('组长');
        await page
          .getByLabel(w.t('inspection.memberAffiliation', { n: 1 }), { exact: true })
          .fill('宁波市经信局');
        mark('inspection plan');
        await axeCheck(page, `${lang} inspection plan`);
        await page.getByRole('button', { name: w.button('inspection.create') }).click();
        const card = page.locator('.inspection-card');
        await card.waitFor({ timeout: 15_000 });
        await card.getByText(w.t('inspection.status.planned'), { exact: true }).waitFor();
        for (const item of INSPECTION_CHECKLIST) {
          await card
            .getByRole('radiogroup', { name: w.pick(item), exact: true })
            .getByText(w.t('inspection.ok'), { exact: true })
            .click();
        }
        await card
          .getByRole('radiogroup', { name: w.t('inspection.verdict') })
          .getByText(w.t('inspection.verdicts.pass'), { exact: true })
          .click();
        await card.getByLabel(w.t('inspection.notes')).fill('现场核查情况与申报材料一致。');
        await settled(page);
        mark('inspection record');
        await axeCheck(page, `${lang} inspection record`);
        await assertNoChinese(
          page,
          w,
          'the inspection',
          [...DATA, '李华', '组长', '宁波市经信局', /\S+管委会/],
          card,
        );
        await screenshot(page, `j2-${lang}-inspection`);
        await card.getByRole('button', { name: w.button('inspection.signOff') }).click();
        await page
          .locator('.inspection-card')
          .getByText(w.t('inspection.status.signed_off'), { exact: true })
          .waitFor({ timeout: 15_000 });
        await screenshot(page, `j2-${lang}-inspection-signed`);

        // ——— Ranking: whatever the list holds is cleared, then this declaration and 慈溪, under quota 2.
        await page.getByRole('link', { name: w.t('review.back') }).click();
        await page.waitForURL(/\/review(\?|$)/);
        await page.getByRole('button', { name: w.button('review.toRanking') }).click();
        await page.waitForURL(/\/review\/recommend/);
        await page.locator('.candidate-list').waitFor({ timeout: 30_000 });
        const ranked = page.locator('.ranked-list > li');
        while ((await ranked.count()) > 0)
          await page
            .getByRole('button', { name: w.rx('recommend.removeNamed') })
            .first()
            .click();
        await page
          .getByRole('button', {
            name: w.t('recommend.addNamed', { name: county.cluster }),
            exact: true,
          })
          .click();
        await page
          .getByRole('button', { name: w.t('recommend.addNamed', { name: CIXI }), exact: true })
          .click();
        assert.equal(await ranked.count(), 2);
        assert.match(
          (await page.locator('.recommend-summary').textContent()) ?? '',
          w.rx('recommend.meterText', { used: 2, quota: 2 }),
        );
        // A third is blocked by the quota, and says why.
        const third = page.getByRole('button', {
          name: w.t('recommend.addNamed', { name: FENGHUA }),
          exact: true,
        });
        assert.equal(await third.isDisabled(), true, 'over-quota add is disabled');
        await page
          .locator('.candidate-list')
          .getByText(w.t('recommend.why.quota', { quota: 2 }))
          .first()
          .waitFor();
        // 慈溪 up to first place with its button.
        await page
          .getByRole('button', { name: w.t('recommend.moveUpNamed', { name: CIXI }), exact: true })
          .click();
        assert.match((await ranked.first().textContent()) ?? '', new RegExp(CIXI.replace(/[()（）]/g, '.')));
        await settled(page);
        mark('ranking');
        await axeCheck(page, `${lang} ranking page`);
        await assertNoChinese(page, w, 'the ranking page', DATA);
        await screenshot(page, `j2-${lang}-ranking`);

        await page.getByRole('button', { name: w.button('recommend.save') }).click();
        await page.locator('.save-ok').getByText(w.t('recommend.upToDate')).waitFor({ timeout: 15_000 });
        const download = page.getByRole('link', { name: w.button('recommend.download') });
        await download.waitFor({ timeout: 15_000 });
        await screenshot(page, `j2-${lang}-ranking-saved`);
        const href = await download.getAttribute('href');
        assert.ok(href, 'the download link has an address');
        const response = await page.request.get(new URL(href, url).toString());
        assert.equal(response.status(), 200);
        assert.match(response.headers()['content-type'] ?? '', new RegExp(XLSX_TYPE.replaceAll('.', '\\.')));
        const book = new ExcelJS.Workbook();
        // biome-ignore lint/suspicious/noExplicitAny: exceljs declares its own Buffer type for load()
        await book.xlsx.load((await response.body()) as any);
        const sheet = book.getWorksheet('推荐汇总表');
        assert.ok(sheet, 'the workbook has the summary sheet');
        const cells: string[] = [];
        sheet.eachRow((row) => {
          row.eachCell((cell) => {
            cells.push(String(cell.value ?? ''));
          });
        });
        const rankOf = (name: string) => cells.findIndex((c) => c.includes(name));
        assert.ok(rankOf(CIXI) >= 0 && rankOf(county.cluster) > rankOf(CIXI), '慈溪 first, then this one');
        assert.equal(rankOf(FENGHUA), -1, 'nothing beyond the quota');

        // The dashboard counts 2 recommended of quota 2.
        await page.getByRole('link', { name: w.t('recommend.back') }).click();
        await page.waitForURL(/\/review(\?|$)/);
        await page
          .locator('.dashboard-card')
          .filter({ hasText: w.t('review.quota') })
          .getByText('2 / 2')
          .waitFor({ timeout: 15_000 });
      } finally {
        await context.close();
      }
    });
  }
});
