// Every signed-in main screen that the four journeys do not walk through, for each role that uses it, in
// zh-CN and in English: the screen renders its heading, axe-core finds no serious or critical violation, and
// in English the navigation and the page heading hold no Chinese (an untranslated string would show here).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeCheck, settled } from './support/axe-screens.ts';
import { browserSkipReason, launchBrowser, logIn, screenshot } from './support/browser.ts';
import { api, apiLogin, type Json } from './support/ministry-data.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();
const HAN = /\p{Script=Han}/u;

type Screen = {
  path: string;
  name: string /** The h1 holds data (a cluster's or an account's name), not only interface text. */;
  dataTitle?: boolean;
};

describe('main screens: axe and translations, in both languages', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const screens: Record<string, Screen[]> = {};

  before(
    async () => {
      if (skip) return;
      server = await startServer();
      browser = await launchBrowser();
      // 江苏 has the most clusters in the imported published lists.
      const jiangsu = await apiLogin(server.url, 'unit-320000');
      const list = await api(server.url, jiangsu, 'GET', '/api/v1/clusters?limit=1');
      const clusterId: string = (list.items as Json[])[0]?.id;
      assert.ok(clusterId, 'the demo has clusters of 江苏');
      screens['county-330281'] = [
        { path: '/', name: 'county-home', dataTitle: true },
        { path: '/declarations', name: 'county-declarations' },
        { path: '/clusters', name: 'county-clusters' },
        { path: '/annual-reports', name: 'county-annual-reports' },
        { path: '/reference', name: 'county-reference' },
        { path: '/settings/notifications', name: 'county-settings' },
      ];
      screens['unit-320000'] = [
        { path: '/', name: 'unit-home', dataTitle: true },
        { path: '/clusters', name: 'unit-clusters' },
        { path: `/clusters/${clusterId}`, name: 'unit-cluster', dataTitle: true },
        { path: '/annual-reports', name: 'unit-annual-reports' },
        { path: '/re-reviews', name: 'unit-re-reviews' },
        { path: '/policy-support', name: 'unit-policy-support' },
        { path: '/provincial', name: 'unit-provincial' },
        { path: '/notices/manage', name: 'unit-notices' },
      ];
      screens.ministry = [
        { path: '/clusters/import', name: 'ministry-import' },
        { path: '/annual-reports', name: 'ministry-annual-reports' },
        { path: '/re-reviews', name: 'ministry-re-reviews' },
        { path: '/policy-support', name: 'ministry-policy-support' },
        { path: '/audit', name: 'ministry-audit' },
      ];
      screens.admin = [
        { path: '/', name: 'admin-home', dataTitle: true },
        { path: '/admin/mail', name: 'admin-mail' },
        { path: '/audit', name: 'admin-audit' },
      ];
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const user of ['county-330281', 'unit-320000', 'ministry', 'admin']) {
      test(`${user} in ${lang}`, { skip, timeout: 240_000 }, async () => {
        assert.ok(server && browser);
        const context = await browser.newContext({
          locale: lang,
          viewport: { width: 1366, height: 900 },
          bypassCSP: true,
        });
        await context.addInitScript(
          (l) =>
            (
              globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
            ).localStorage.setItem('jiqun.lang', l),
          lang,
        );
        try {
          const page = await context.newPage();
          await logIn(page, server.url, user);
          for (const screen of screens[user] ?? []) {
            await page.goto(`${server.url}${screen.path}`);
            await settled(page);
            await screenshot(page, `screens-${screen.name}-${lang}`);
            await axeCheck(page, `${screen.name} (${lang})`);
            if (lang === 'en') {
              const nav = (await page.getByRole('navigation').first().textContent()) ?? '';
              assert.doesNotMatch(nav, HAN, `${screen.path}: the English menu holds Chinese: ${nav}`);
              if (!screen.dataTitle) {
                const h1 = (await page.locator('main h1').first().textContent()) ?? '';
                assert.doesNotMatch(h1, HAN, `${screen.path}: the English heading is Chinese: ${h1}`);
              }
            }
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
