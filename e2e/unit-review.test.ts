// The recommending unit 宁波市 (quota 2) works through the demo campaign: its dashboard shows the quota, it
// records the preliminary review of 余姚's submitted declaration and accepts it, then ranks two accepted
// declarations (a third is blocked by the quota), saves the list and downloads the Recommendation Summary
// Table (推荐汇总表) as XLSX.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, logIn, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('unit review and recommendation', () => {
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

  test('unit-330200 reviews and accepts 余姚, ranks two under quota 2, saves and downloads the summary table', {
    skip,
    timeout: 240_000,
  }, async () => {
    assert.ok(server && browser);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    try {
      const page = await context.newPage();
      await logIn(page, server.url, 'unit-330200');

      // 审核推荐 in the menu → the dashboard of the open demo campaign: quota 2, nothing recommended yet.
      await page.getByRole('navigation').getByRole('link', { name: '审核推荐' }).click();
      await page.waitForURL(/\/review(\?|$)/);
      const main = page.getByRole('main');
      const quotaCard = main.locator('.dashboard-card').filter({ hasText: '推荐名额' });
      await quotaCard.waitFor({ timeout: 30_000 });
      assert.match((await quotaCard.textContent()) ?? '', /0 \/ 2/, 'the quota meter shows 0 of 2');
      await main.getByRole('button', { name: /已受理：3 项/ }).waitFor();
      const yuyao = main.getByRole('link', { name: /余姚市模具产业集群/ }).first();
      await yuyao.waitFor({ timeout: 30_000 });
      // The standards column fills in once every declaration has been checked.
      await main.locator('.ant-table-tbody').getByText('达到标准').nth(3).waitFor({ timeout: 30_000 });
      await screenshot(page, 'unit-review-dashboard');

      // The review page: tick every checklist item, conclude, save (If-Match 0 → version 1).
      await yuyao.click();
      await page.waitForURL(/\/review\/[0-9a-f-]{36}/);
      const checklist = page.locator('.review-checklist');
      await checklist.waitFor({ timeout: 30_000 });
      const groups = checklist.locator('.check-item [role=radiogroup]');
      assert.equal(await groups.count(), 5, 'five checklist items');
      for (let i = 0; i < 5; i++) await groups.nth(i).getByText('符合', { exact: true }).click();
      await checklist
        .getByRole('radiogroup', { name: '初审结论' })
        .getByText('通过', { exact: true })
        .click();
      await checklist.getByLabel('初审意见').fill('材料齐全，指标达到认定标准。');
      await checklist.getByRole('button', { name: '保存初审' }).click();
      await checklist.getByText(/于 .* 保存（第 1 版）/).waitFor({ timeout: 15_000 });
      await screenshot(page, 'unit-review-declaration');

      // Accept, confirmed in a dialog; the status becomes 已受理.
      // (antd's icon adds its own name, "check 受理"; “不予受理” must not match.)
      const acceptButton = page.locator('.decl-actions').getByRole('button', { name: /(^|\s)受理$/ });
      await acceptButton.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('受理申报？').waitFor();
      await dialog.getByRole('button', { name: '受理', exact: true }).click();
      await page.locator('.decl-meta').getByText('已受理').waitFor({ timeout: 15_000 });
      assert.equal(await acceptButton.count(), 0, 'no accept button once accepted');

      // The ranking page: four accepted declarations to choose from, quota 2.
      await page.getByRole('link', { name: '返回审核列表' }).click();
      await page.waitForURL(/\/review(\?|$)/);
      await page.getByRole('button', { name: '推荐排序' }).click();
      await page.waitForURL(/\/review\/recommend/);
      const candidates = page.locator('.candidate-list');
      await candidates.waitFor({ timeout: 30_000 });
      await page
        .locator('.candidate-list .ant-tag')
        .getByText('达到标准')
        .nth(3)
        .waitFor({ timeout: 30_000 });
      assert.equal(await candidates.locator('.candidate').count(), 4);

      await page.getByRole('button', { name: /将 .*余姚市模具产业集群.* 加入名单/ }).click();
      await page.getByRole('button', { name: /将 .*慈溪市家电产业集群.* 加入名单/ }).click();
      const ranked = page.locator('.ranked-list > li');
      assert.equal(await ranked.count(), 2);
      assert.match((await page.locator('.recommend-summary').textContent()) ?? '', /已选 2 \/ 名额 2/);

      // A third is blocked by the quota, and says so.
      const third = page.getByRole('button', { name: /将 .*北仑区压铸模具产业集群.* 加入名单/ });
      assert.equal(await third.isDisabled(), true, 'over-quota add is disabled');
      await candidates.getByText('名额已满（2 项），请先移出一项。').first().waitFor();

      // Reorder: 慈溪 up to rank 1 with the button.
      await page.getByRole('button', { name: /上移 .*慈溪市家电产业集群/ }).click();
      assert.match((await ranked.first().textContent()) ?? '', /慈溪市家电产业集群/);
      await screenshot(page, 'unit-review-ranking');

      await page.getByRole('button', { name: '保存名单' }).click();
      await page.locator('.save-ok').getByText('名单已保存').waitFor({ timeout: 15_000 });
      const download = page.getByRole('link', { name: '下载推荐汇总表（XLSX）' });
      await download.waitFor({ timeout: 15_000 });
      await screenshot(page, 'unit-review-ranking-saved');

      const href = await download.getAttribute('href');
      assert.ok(href, 'the download link has an address');
      const response = await page.request.get(new URL(href, server.url).toString());
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'] ?? '', new RegExp(XLSX_TYPE.replaceAll('.', '\\.')));
      const bytes = await response.body();
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');

      // The dashboard now counts 2 recommended of quota 2.
      await page.getByRole('link', { name: '返回审核推荐' }).click();
      await page.waitForURL(/\/review(\?|$)/);
      await page.getByRole('button', { name: /已推荐：2 项/ }).waitFor({ timeout: 15_000 });
      assert.match(
        (await page.locator('.dashboard-card').filter({ hasText: '推荐名额' }).textContent()) ?? '',
        /2 \/ 2/,
      );
    } finally {
      await context.close();
    }
  });
});
