// A county official (余姚市, recommended through 宁波市) logs in to the demo and lands on a home page that
// names the county and its recommending unit, under a visible demo banner, in Chinese and in English; the
// language switcher in the header changes the interface at once and the choice survives a reload. axe-core
// checks the login page and the home page in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeCheck } from './support/axe-screens.ts';
import { browserSkipReason, launchBrowser, screenshot } from './support/browser.ts';
import {
  assertNoChinese,
  type BrowserGlobals,
  LANGS,
  logIn,
  newJourneyContext,
  settled,
  Words,
} from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();
const htmlLang = () => (globalThis as unknown as BrowserGlobals).document.documentElement.lang;

describe('county official login', () => {
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
    test(`${lang}: county-330281 sees 余姚市 and 宁波 on the home page, under the demo banner`, {
      skip,
      timeout: 120_000,
    }, async () => {
      assert.ok(server && browser);
      const w = new Words(lang);
      const context = await newJourneyContext(browser, lang);
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/login`);
        await settled(page);
        assert.equal(await page.evaluate(htmlLang), lang);
        await axeCheck(page, `${lang} login`);
        await page.getByLabel(w.t('login.username'), { exact: true }).fill('county-330281');
        await page.getByLabel(w.t('login.password'), { exact: true }).fill('demo');
        await screenshot(page, `county-login-form-${lang}`);
        await logIn(page, server.url, w, 'county-330281');

        // The login page lists the demo accounts (余姚市 among them): read the text only once it is gone.
        await page.getByLabel(w.t('login.password')).waitFor({ state: 'detached', timeout: 30_000 });
        const main = page.getByRole('main');
        await main.getByText('余姚市').first().waitFor({ state: 'visible', timeout: 30_000 });
        await settled(page);
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees
        const text = await main.innerText();
        assert.match(text, /余姚市/, 'the home page names the county');
        assert.match(text, /宁波/, 'the home page names the recommending unit, 宁波市');
        assert.match(text, w.rx('home.welcome'));
        const banner = page.getByText(w.t('demo.banner'));
        await banner.waitFor({ state: 'visible', timeout: 10_000 });
        await axeCheck(page, `${lang} county home`);
        await assertNoChinese(page, w, 'the county home page', [
          /浙江省宁波市余姚市中小企业主管部门/,
          '余姚市',
          '宁波市',
          '浙江省',
        ]);
        await screenshot(page, `county-home-${lang}`);
      } finally {
        await context.close();
      }
    });
  }

  test('the header switcher changes the language at once, and a reload keeps it', {
    skip,
    timeout: 120_000,
  }, async () => {
    assert.ok(server && browser);
    const zh = new Words('zh-CN');
    const en = new Words('en');
    // No language stored: the interface starts in Chinese.
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await logIn(page, server.url, zh, 'county-330281');
      await page
        .getByRole('navigation')
        .getByRole('link', { name: zh.t('nav.declarations') })
        .waitFor();
      // With the keyboard: focus the switcher (labelled 界面语言), open it, pick English.
      await page.getByLabel(zh.t('lang.label')).focus();
      await page.keyboard.press('ArrowDown');
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
        hasText: en.t('lang.en'),
      });
      await option.waitFor();
      for (let i = 0; i < 3 && !(await option.getAttribute('class'))?.includes('active'); i++)
        await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page
        .getByRole('navigation')
        .getByRole('link', { name: en.t('nav.declarations') })
        .waitFor();
      assert.equal(await page.evaluate(htmlLang), 'en');
      await page.reload();
      await page
        .getByRole('navigation')
        .getByRole('link', { name: en.t('nav.declarations') })
        .waitFor();
      assert.equal(await page.evaluate(htmlLang), 'en');
      await screenshot(page, 'county-home-switched-en');
    } finally {
      await context.close();
    }
  });
});
