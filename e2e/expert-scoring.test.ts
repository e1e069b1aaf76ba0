// Expert scoring end to end: the recommending unit 宁波市 invites 评审专家 1 to the demo 慈溪 declaration
// (already accepted); expert-1 signs in, finds it under 评审任务, scores all eight areas and saves; the
// unit then sees that expert's total and the aggregate on its review page. Also a 390 px look at both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, logIn, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();
const CIXI = /慈溪市家电产业集群/;
const SCORES = [80, 70, 90, 60, 75, 85, 65, 95];

describe('expert scoring', () => {
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

  test('unit-330200 invites expert-1 to 慈溪, expert-1 scores eight areas, the unit sees the total', {
    skip,
    timeout: 240_000,
  }, async () => {
    assert.ok(server && browser);
    const unitContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const expertContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1366, height: 900 },
    });
    try {
      // The unit opens 慈溪 (accepted) and invites 评审专家 1 on the 专家评分 tab.
      const unit = await unitContext.newPage();
      await logIn(unit, server.url, 'unit-330200');
      await unit.getByRole('navigation').getByRole('link', { name: '审核推荐' }).click();
      await unit.waitForURL(/\/review(\?|$)/);
      const cixi = unit.getByRole('main').getByRole('link', { name: CIXI }).first();
      await cixi.waitFor({ timeout: 30_000 });
      await cixi.click();
      await unit.waitForURL(/\/review\/[0-9a-f-]{36}/);
      const reviewUrl = unit.url();
      await unit.getByRole('tab', { name: '专家评分' }).click();
      const picker = unit.locator('#invite-experts');
      await picker.waitFor({ timeout: 30_000 });
      await picker.click();
      await picker.fill('评审专家 1');
      await unit
        .locator('.ant-select-item-option')
        .filter({ hasText: /^评审专家 1$/ })
        .click();
      await unit.keyboard.press('Escape');
      await unit.getByRole('button', { name: /邀请$/ }).click();
      const sheet = unit.locator('.review-extra .ant-table-tbody');
      await sheet.getByText('评审专家 1', { exact: true }).waitFor({ timeout: 15_000 });
      await sheet.getByText('待评分').waitFor();
      await screenshot(unit, 'expert-scoring-invited');

      // expert-1: 评审任务 lists 慈溪, not yet scored.
      const expert = await expertContext.newPage();
      await logIn(expert, server.url, 'expert-1');
      await expert.getByRole('navigation').getByRole('link', { name: '评审任务' }).click();
      await expert.waitForURL(/\/expert$/);
      const task = expert.getByRole('main').getByRole('link', { name: CIXI });
      await task.waitFor({ timeout: 30_000 });
      await expert.getByRole('main').getByText('未评分').waitFor();
      await screenshot(expert, 'expert-scoring-tasks');

      // The assignment: the declaration read-only beside the score form; the total follows the inputs.
      await task.click();
      await expert.waitForURL(/\/expert\/[^/]+$/);
      await expert.getByRole('tab', { name: /基本信息/ }).waitFor({ timeout: 30_000 });
      const inputs = expert.locator('.score-area input');
      assert.equal(await inputs.count(), 8, 'eight areas');
      for (const [i, s] of SCORES.entries()) await inputs.nth(i).fill(String(s));
      await inputs.nth(7).blur();
      // DEFAULT_WEIGHTS 25/15/10/15/10/10/5/10: (2000+1050+900+900+750+850+325+950)/100 = 77.25
      await expert.locator('.score-total').getByText('77.25').waitFor({ timeout: 5_000 });
      await expert.getByLabel('评审意见').fill('产业基础扎实，协同创新可进一步加强。');
      await expert.getByRole('button', { name: /保存评分/ }).click();
      await expert.getByText('已保存的总分：77.25').waitFor({ timeout: 15_000 });
      await screenshot(expert, 'expert-scoring-scored');

      await expert.setViewportSize({ width: 390, height: 844 });
      await screenshot(expert, 'expert-scoring-390');

      await expert.getByRole('link', { name: '返回评审任务' }).click();
      await expert
        .getByRole('main')
        .getByText(/已评分 · 77\.25/)
        .waitFor({ timeout: 15_000 });

      // The unit sees the expert's total and the aggregate with its method in words.
      await unit.goto(reviewUrl);
      await unit.getByRole('tab', { name: '专家评分' }).click();
      await sheet.getByText('已评分').waitFor({ timeout: 30_000 });
      await sheet.getByText('77.25').waitFor();
      await unit.locator('.aggregate-value').getByText('77.25').waitFor();
      await screenshot(unit, 'expert-scoring-unit-total');
      await unit.setViewportSize({ width: 390, height: 844 });
      await screenshot(unit, 'expert-scoring-unit-390');
    } finally {
      await unitContext.close();
      await expertContext.close();
    }
  });
});
