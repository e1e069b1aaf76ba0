// A county official (余姚市, recommended through 宁波市) logs in to the demo and lands on a home page that
// names the county and its recommending unit, under a visible demo banner.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();

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

  test('county-330281 sees 余姚市 and 宁波 on the home page, under the demo banner', {
    skip,
    timeout: 120_000,
  }, async () => {
    assert.ok(server && browser);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel(/用户名|Username/).fill('county-330281');
      await page.getByLabel(/密码|Password/).fill('demo');
      await screenshot(page, 'county-login-form');
      // antd writes a two-character Chinese button label with a space between: 登 录.
      await page.getByRole('button', { name: /登\s*录|Log in|Sign in/ }).click();

      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
      // The login page lists the demo accounts (余姚市 among them): read the text only once it is gone.
      await page.getByLabel(/密码|Password/).waitFor({ state: 'detached', timeout: 30_000 });
      // Read the page's own content (the <main> landmark), not the header's account name, once it has loaded.
      const main = page.getByRole('main');
      await main.getByText('余姚市').first().waitFor({ state: 'visible', timeout: 30_000 });
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees
      const text = await main.innerText();
      assert.match(text, /余姚市/, 'the home page names the county');
      assert.match(text, /宁波/, 'the home page names the recommending unit, 宁波市');
      const banner = page.getByText(/演示/).filter({ visible: true }).first();
      await banner.waitFor({ state: 'visible', timeout: 10_000 });
      assert.ok(await banner.isVisible(), 'a demo banner (演示) is visible');
      await screenshot(page, 'county-home');
    } finally {
      await context.close();
    }
  });
});
