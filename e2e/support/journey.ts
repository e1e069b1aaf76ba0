// Shared parts of the county and unit journeys, run once per interface language: the app's own dictionaries
// (web/src/i18n) give every label, so a journey reads like the screen in either language; a browser context
// with the language chosen (localStorage `jiqun.lang`); log in and out through the UI; a keyboard-only pass
// over a form step; and, in English, a check that no Chinese text is left on a screen except data.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { STATUS_LABELS } from '../../domain/workflow.ts';
import en from '../../web/src/i18n/en.ts';
import zhCN from '../../web/src/i18n/zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/**
 * The page's window, typed just enough for the callbacks that run inside Chromium (the project compiles
 * without the DOM library). A type only: those callbacks are serialised, so they cannot call Node functions.
 */
export type BrowserGlobals = {
  localStorage: { setItem(key: string, value: string): void };
  document: {
    documentElement: { lang: string };
    activeElement: BrowserElement | null;
  };
};
export type BrowserElement = {
  id: string;
  tagName: string;
  type?: string;
  value?: string;
  checked?: boolean;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): BrowserElement | null;
};

const escapeRx = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The interface's words in one language, looked up by the same keys the app uses. */
export class Words {
  readonly lang: Lang;
  readonly #dict: unknown;
  constructor(lang: Lang) {
    this.lang = lang;
    this.#dict = lang === 'en' ? en : zhCN;
  }

  /** The dictionary text of `key` with `{{var}}`s filled in. */
  t(key: string, vars: Record<string, string | number> = {}): string {
    let node: unknown = this.#dict;
    for (const part of key.split('.')) {
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    }
    if (typeof node !== 'string') throw new Error(`no text for ${key} in ${this.lang}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, v: string) => (v in vars ? String(vars[v]) : `{{${v}}}`));
  }

  /** A pattern for the text of `key`: variables not given match anything. */
  rx(key: string, vars: Record<string, string | number> = {}, whole = false): RegExp {
    const source = this.t(key, vars)
      .split(/(\{\{\w+\}\})/)
      .map((part) => (/^\{\{\w+\}\}$/.test(part) ? '.*?' : escapeRx(part)))
      .join('');
    return new RegExp(whole ? `^${source}$` : source);
  }

  /** A button's accessible name: the text, after an icon's own name (antd icons carry one), nothing after. */
  button(key: string, vars: Record<string, string | number> = {}): RegExp {
    return new RegExp(`(^|\\s)${escapeRx(this.t(key, vars))}$`);
  }

  /** A workflow status as the status tags show it. */
  status(status: keyof typeof STATUS_LABELS): string {
    const label = STATUS_LABELS[status];
    return this.lang === 'en' ? label.en : label.zh;
  }

  /** Chinese or English from a bilingual data record ({ zh, en }). */
  pick(item: { zh: string; en: string }): string {
    return this.lang === 'en' ? item.en : item.zh;
  }
}

/** A browser context for one person in one language; bypassCSP lets axe be injected. */
export async function newJourneyContext(browser: Browser, lang: Lang): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: lang,
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    bypassCSP: true,
  });
  await context.addInitScript(
    (l) => (globalThis as unknown as BrowserGlobals).localStorage.setItem('jiqun.lang', l),
    lang,
  );
  return context;
}

/** Signs in through the login page (demo password `demo`) and waits for the page behind it. */
export async function logIn(page: Page, url: string, w: Words, username: string): Promise<void> {
  if (!new URL(page.url(), url).pathname.startsWith('/login')) await page.goto(`${url}/login`);
  await page.getByLabel(w.t('login.username'), { exact: true }).fill(username);
  await page.getByLabel(w.t('login.password'), { exact: true }).fill('demo');
  await page.getByRole('button', { name: w.button('login.submit') }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
  await page.getByRole('main').locator('h1').first().waitFor({ timeout: 30_000 });
}

/** Signs out through the user menu and waits for the login page. */
export async function logOut(page: Page, w: Words): Promise<void> {
  await page.getByRole('button', { name: w.rx('user.menu') }).click();
  await page.getByRole('menuitem', { name: w.t('user.logout') }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/login'), { timeout: 30_000 });
  await page.getByLabel(w.t('login.password'), { exact: true }).waitFor({ timeout: 30_000 });
}

/** Waits for the page's heading and for its data to settle (no spinner, no skeleton, antd animations over). */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page
    .locator('main .ant-spin-spinning, main .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(250);
}

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/**
 * In English, the visible text of `<main>` (or of `scope`) holds no Chinese except `data` (names of places, clusters and
 * what people typed): a hard-coded Chinese string is a missing translation.
 */
export async function assertNoChinese(
  page: Page,
  w: Words,
  label: string,
  data: readonly (string | RegExp)[],
  scope: Locator = page.getByRole('main'),
): Promise<void> {
  if (w.lang !== 'en') return;
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees
  let text = await scope.innerText();
  for (const d of data) text = text.replaceAll(typeof d === 'string' ? d : new RegExp(d.source, 'g'), ' ');
  const left = text.split('\n').filter((line) => CJK.test(line));
  assert.deepEqual(left, [], `Chinese text left on ${label} in English`);
}

/** What a keyboard user enters into a control, by the control's id. */
export type KeyValue =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** An antd Select: arrow to the option with this label, Enter. */
  | { kind: 'select'; label: string }
  /** A searchable antd Select: type the search, wait for the option, Enter. */
  | { kind: 'search'; search: string; option: RegExp }
  | { kind: 'check' };

interface Focused {
  id: string;
  tag: string;
  type: string;
  value: string;
  checked: boolean;
  text: string;
  combobox: boolean;
}

async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as BrowserGlobals).document.activeElement;
    if (!el) return null;
    return {
      id: el.id,
      tag: el.tagName,
      type: el.type ?? '',
      value: el.value ?? '',
      checked: el.checked ?? false,
      text: (el.textContent ?? '').trim(),
      combobox: el.getAttribute('role') === 'combobox',
    };
  });
}

/** The label an antd Select whose input has `id` shows as chosen, or '' (without waiting). */
async function selectedLabel(page: Page, id: string): Promise<string> {
  const texts = await page.locator(`.ant-select:has(#${id}) .ant-select-selection-item`).allTextContents();
  return texts[0]?.trim() ?? '';
}

async function enter(page: Page, el: Focused, v: KeyValue): Promise<void> {
  switch (v.kind) {
    case 'text':
    case 'number': {
      const want = String(v.value);
      if (el.value === want) return;
      if (v.kind === 'number' && el.value !== '' && Number(el.value.replaceAll(',', '')) === v.value) return;
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
      await page.keyboard.insertText(want);
      return;
    }
    case 'check':
      if (!el.checked) await page.keyboard.press('Space');
      return;
    case 'select': {
      if ((await selectedLabel(page, el.id)) === v.label) return;
      await page.keyboard.press('ArrowDown');
      const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      await dropdown.waitFor({ timeout: 10_000 });
      for (let i = 0; i < 30; i++) {
        const active = (await dropdown.locator('.ant-select-item-option-active').textContent())?.trim();
        if (active === v.label) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await dropdown.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    }
    case 'search': {
      const current = await selectedLabel(page, el.id);
      if (current && v.option.test(current)) return;
      await page.keyboard.type(v.search);
      const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      await dropdown
        .locator('.ant-select-item-option-active')
        .filter({ hasText: v.option })
        .waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await dropdown.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    }
  }
}

/**
 * Fills a form step with the keyboard alone: from `startId`, Tab moves through the controls in the page's
 * order and each control in `values` gets its value typed, checked or picked. Buttons named in `press` get
 * Enter (once each, e.g. “add a contact”), after which the pass starts over from `startId`, since what they
 * add appears before them. Stops at `stop` (the step's “Next” button) and asserts every control was reached.
 */
export async function keyboardPass(
  page: Page,
  {
    startId,
    values,
    press = [],
    stop,
    label,
  }: {
    /** Where Tab starts: the first of these ids that is on the page. */
    startId: string[];
    values: ReadonlyMap<string, KeyValue>;
    press?: string[];
    stop: string;
    label: string;
  },
): Promise<void> {
  const reached = new Set<string>();
  const toPress = [...press];
  for (let pass = 0; pass < 1 + press.length; pass++) {
    let start = startId[0] ?? '';
    for (const candidate of startId) {
      if ((await page.locator(`#${candidate}`).count()) > 0) {
        start = candidate;
        break;
      }
    }
    await page.locator(`#${start}`).focus();
    let restart = false;
    const t0 = Date.now();
    let i = 0;
    for (; i < 400; i++) {
      const el = await focused(page);
      if (!el) break;
      if (el.tag === 'BUTTON' && el.text === stop) break;
      if (process.env.JIQUN_E2E_DEBUG) console.log(`  ${el.tag}#${el.id} ${el.text.slice(0, 20)}`);
      const v = values.get(el.id);
      const pressAt = el.tag === 'BUTTON' ? toPress.indexOf(el.text) : -1;
      if (v) {
        reached.add(el.id);
        await enter(page, el, v);
      } else if (pressAt >= 0) {
        toPress.splice(pressAt, 1);
        await page.keyboard.press('Enter');
        restart = true;
        break;
      }
      await page.keyboard.press('Tab');
    }
    if (process.env.JIQUN_E2E_DEBUG) console.log(`${label} pass ${pass}: ${i} tabs, ${Date.now() - t0} ms`);
    if (!restart) break;
  }
  const missed = [...values.keys()].filter((id) => !reached.has(id));
  assert.deepEqual(missed, [], `${label}: controls the keyboard did not reach`);
}
