// The administrator's screens in the browser, in both languages: the menu has no "coming soon" entry left;
// 批次管理 opens the campaigns screen (the campaign routes accept the admin) with its edit drawer; 用户 finds
// accounts by name and filters them, creates a county account, edits its e-mail, resets its password to a
// generated one shown once (which then signs that user in), and disables it (the user's open session ends).
// axe-core checks each screen, drawer and dialog for serious or critical WCAG 2.1 A/AA violations.
//
// JIQUN_E2E_URL=http://127.0.0.1:3300 runs it against a server already running (demo mode, fresh data).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeCheck } from './support/axe-screens.ts';
import { browserSkipReason, launchBrowser, logIn, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

type BrowserGlobals = {
  localStorage: { setItem(key: string, value: string): void };
  document: unknown;
};
type Lang = 'zh-CN' | 'en';

const skip = browserSkipReason();

const TEXT = {
  'zh-CN': {
    campaigns: '批次管理',
    users: '用户',
    newUser: '新建用户',
    create: '创建',
    save: '保存',
    confirm: '确定',
    resetConfirm: '重置密码',
    close: '关闭',
    soon: '即将推出',
    county: '县（市、区）',
    username: '用户名',
    displayName: '姓名 / 名称',
    password: '初始密码',
    email: '电子邮箱',
    role: '角色',
    unit: '推荐单位',
    search: '查找',
    disable: '停用此账号',
    disabledTag: '已停用',
    edit: (u: string) => `编辑 ${u}`,
    reset: (u: string) => `重置密码：${u}`,
  },
  en: {
    campaigns: 'Campaigns',
    users: 'Users',
    newUser: 'New user',
    create: 'Create',
    save: 'Save',
    confirm: 'OK',
    resetConfirm: 'Reset password',
    close: 'Close',
    soon: 'Soon',
    county: 'County',
    username: 'Username',
    displayName: 'Name',
    password: 'Initial password',
    email: 'E-mail',
    role: 'Role',
    unit: 'Recommending unit',
    search: 'Find',
    disable: 'Disable this account',
    disabledTag: 'Disabled',
    edit: (u: string) => `Edit ${u}`,
    reset: (u: string) => `Reset password: ${u}`,
  },
} as const;

async function newContext(browser: Browser, lang: Lang): Promise<BrowserContext> {
  // bypassCSP: axe is injected as an inline script, which the app's Content-Security-Policy forbids.
  const context = await browser.newContext({
    locale: lang,
    viewport: { width: 1366, height: 900 },
    bypassCSP: true,
  });
  await context.addInitScript(
    (l) => (globalThis as unknown as BrowserGlobals).localStorage.setItem('jiqun.lang', l),
    lang,
  );
  return context;
}

/** Opens an antd Select (its combobox input), optionally types into its search, and picks an option. */
async function choose(page: Page, field: Locator, option: RegExp, type?: string): Promise<void> {
  await field.click({ force: true });
  if (type) await field.fill(type);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
  // Wait for the list to close: a closing list is still in the page for axe.
  await page.waitForFunction(
    () =>
      !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
        '.ant-select-dropdown:not(.ant-select-dropdown-hidden)',
      ),
  );
}

describe('administrator: campaigns and users', { skip }, () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    if (skip) return;
    server = process.env.JIQUN_E2E_URL
      ? { url: process.env.JIQUN_E2E_URL, stop: async () => {} }
      : await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`the admin's menu, campaigns and users (${lang})`, { timeout: 240_000 }, async () => {
      const T = TEXT[lang];
      const url = server!.url;
      const context = await newContext(browser!, lang);
      const page = await context.newPage();
      await logIn(page, url, 'admin');
      const nav = page.getByRole('navigation', { name: lang === 'en' ? 'Main navigation' : '主导航' });
      assert.equal(await nav.getByText(T.soon).count(), 0, 'no "coming soon" entry');

      // 批次管理: the campaigns screen, usable by the admin.
      await nav.getByRole('link', { name: T.campaigns }).click();
      await page.waitForURL('**/ministry/campaigns');
      await page.getByRole('heading', { level: 1, name: T.campaigns }).waitFor();
      await page.locator('.ant-table-row').first().waitFor();
      await axeCheck(page, `campaigns ${lang}`);
      await page.locator('.ant-table-row').first().getByRole('button').first().click();
      const campaignDrawer = page.locator('.ant-drawer-content');
      await campaignDrawer.waitFor();
      await axeCheck(page, `campaign drawer ${lang}`);
      await screenshot(page, `admin-campaigns-${lang}`);
      await page.keyboard.press('Escape');
      await campaignDrawer.waitFor({ state: 'hidden' });

      // 用户: find, filter.
      await nav.getByRole('link', { name: T.users, exact: true }).click();
      await page.waitForURL('**/admin/users');
      await page.getByRole('heading', { level: 1, name: T.users }).waitFor();
      await page.locator('.ant-table-row').first().waitFor();
      await axeCheck(page, `users ${lang}`);
      await page.getByLabel(T.search).fill('county-3302');
      await page.getByLabel(T.search).press('Enter');
      await page.locator('.ant-table-row', { hasText: 'county-330281' }).waitFor();
      assert.ok((await page.locator('.ant-table-row').count()) > 1);
      await page.getByLabel(T.search).fill('');
      await page.getByLabel(T.search).press('Enter');
      await choose(page, page.locator('#users-role'), lang === 'en' ? /^Recommending unit$/ : /^推荐单位$/);
      await page.locator('.ant-table-row', { hasText: 'unit-110000' }).waitFor();
      await choose(page, page.locator('#users-unit'), /330200/, lang === 'en' ? 'Ningbo' : '宁波');
      await page.locator('.ant-table-row', { hasText: 'unit-330200' }).waitFor();
      assert.equal(await page.locator('.ant-table-row').count(), 1);
      await screenshot(page, `admin-users-${lang}`);

      // Create a county account.
      const username = `county-new-${lang === 'en' ? 'en' : 'zh'}`;
      await page.getByRole('button', { name: T.newUser }).click();
      const drawer = page.locator('.ant-drawer-content');
      await drawer.waitFor();
      await drawer.locator('#new-user_username').fill(username);
      await drawer.locator('#new-user_displayName').fill('测试县工信局');
      await choose(page, drawer.locator('#new-user_divisionCode'), /330282/, '慈溪');
      await drawer.locator('#new-user_password').fill('short');
      await axeCheck(page, `new-user drawer ${lang}`);
      await screenshot(page, `admin-users-new-${lang}`);
      await drawer.getByRole('button', { name: T.create }).click();
      // The server refuses the weak password on its field, in the UI's language.
      await drawer
        .getByText(lang === 'en' ? 'At least 10 characters' : '密码至少 10 位')
        .first()
        .waitFor();
      await drawer.locator('#new-user_password').fill('Cixi-county-2026');
      await drawer.getByRole('button', { name: T.create }).click();
      await drawer.waitFor({ state: 'hidden' });

      // A city account (the city tier): the role asks for a prefecture-level city instead of a county.
      await page.getByRole('button', { name: T.newUser }).click();
      await drawer.waitFor();
      // (A click waits for the drawer to finish sliding in; the select below is clicked with force.)
      await drawer.locator('#new-user_username').click();
      await drawer.locator('#new-user_username').fill(`city-new-${lang === 'en' ? 'en' : 'zh'}`);
      await drawer.locator('#new-user_displayName').fill('测试市经信局');
      await choose(
        page,
        drawer.locator('#new-user_role'),
        lang === 'en' ? /^City SME authority$/ : /^市级主管部门$/,
      );
      await choose(page, drawer.locator('#new-user_divisionCode'), /510100/, '成都');
      await drawer.locator('#new-user_password').fill('Chengdu-city-2026');
      await axeCheck(page, `new city user drawer ${lang}`);
      await drawer.getByRole('button', { name: T.create }).click();
      await drawer.waitFor({ state: 'hidden' });

      // Find it, edit its e-mail.
      await page.getByLabel(T.search).fill(username);
      await page.getByLabel(T.search).press('Enter');
      // The unit and role filters are still on: the new account is a county, so clear the role filter.
      await choose(page, page.locator('#users-role'), lang === 'en' ? /^All roles$/ : /^全部角色$/);
      const row = page.locator('.ant-table-row', { hasText: username });
      await row.waitFor();
      await row.getByRole('button', { name: T.edit(username) }).click();
      const edit = page.locator('.ant-drawer-content');
      await edit.locator('#edit-user_email').fill('cixi-test@example.gov.cn');
      await axeCheck(page, `edit drawer ${lang}`);
      await edit.getByRole('button', { name: T.save }).click();
      await edit.waitFor({ state: 'hidden' });
      await row.getByText('cixi-test@example.gov.cn').waitFor();

      // Reset its password to a generated one, shown once; it signs the user in.
      await row.getByRole('button', { name: T.reset(username) }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await axeCheck(page, `reset dialog ${lang}`);
      await dialog.getByRole('button', { name: T.resetConfirm }).click();
      const code = dialog.locator('code');
      await code.waitFor();
      const generated = ((await code.textContent()) ?? '').trim();
      assert.match(generated, /^[A-Za-z2-9]{16}$/);
      await axeCheck(page, `reset done ${lang}`);
      await screenshot(page, `admin-users-reset-${lang}`);
      await dialog.locator('.ant-modal-footer').getByRole('button', { name: T.close }).click();

      const userContext = await newContext(browser!, lang);
      const userPage = await userContext.newPage();
      const login = await userPage.request.post(`${url}/api/v1/auth/login`, {
        data: { username, password: generated },
      });
      assert.equal(login.status(), 200);
      assert.equal((await userPage.request.get(`${url}/api/v1/auth/me`)).status(), 200);

      // Disable it (with confirmation): its session ends.
      await row.getByRole('button', { name: T.edit(username) }).click();
      await edit.locator('#edit-user_disabled').click();
      await edit.getByRole('button', { name: T.save }).click();
      const confirm = page.locator('.ant-modal-confirm');
      await confirm.waitFor();
      await axeCheck(page, `disable confirmation ${lang}`);
      await confirm.getByRole('button', { name: T.confirm }).click();
      await edit.waitFor({ state: 'hidden' });
      await row.getByText(T.disabledTag).waitFor();
      assert.equal((await userPage.request.get(`${url}/api/v1/auth/me`)).status(), 401);
      await userContext.close();
      await context.close();
    });
  }
});
