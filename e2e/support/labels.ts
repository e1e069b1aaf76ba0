// The app's own words for the browser journeys, straight from its dictionaries (web/src/i18n), so a journey
// runs in Chinese and in English from one script and a copy change does not break it. `t` resolves a
// dotted key with {{placeholders}} as i18next does; `re` makes an anchored-or-not RegExp of it, letting
// antd's space between two Chinese characters of a button (“创 建”) match too.
import type { BrowserContext } from 'playwright-core';
import clustersEn from '../../web/src/i18n/clusters.en.ts';
import clustersZh from '../../web/src/i18n/clusters.zh-CN.ts';
import en from '../../web/src/i18n/en.ts';
import noticesEn from '../../web/src/i18n/notices.en.ts';
import noticesZh from '../../web/src/i18n/notices.zh-CN.ts';
import settingsEn from '../../web/src/i18n/settings.en.ts';
import settingsZh from '../../web/src/i18n/settings.zh-CN.ts';
import zhCN from '../../web/src/i18n/zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

type Tree = { readonly [key: string]: string | Tree };

/** The same merge as web/src/i18n/index.ts. */
const DICTIONARIES: Record<Lang, Tree> = {
  'zh-CN': {
    ...zhCN,
    ...clustersZh,
    ...noticesZh,
    ...settingsZh,
    nav: { ...zhCN.nav, ...clustersZh.nav, ...noticesZh.nav, ...settingsZh.nav },
  },
  en: {
    ...en,
    ...clustersEn,
    ...noticesEn,
    ...settingsEn,
    nav: { ...en.nav, ...clustersEn.nav, ...noticesEn.nav, ...settingsEn.nav },
  },
};

/** Placeholder values; a RegExp stands for a pattern in `re` (e.g. any count above zero). */
export type Vars = Record<string, string | number | RegExp>;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Labels {
  lang: Lang;
  /** The text for `key` with its placeholders filled. */
  t(key: string, vars?: Vars): string;
  /**
   * A RegExp for `key`'s text; placeholders missing from `vars` match anything. `exact` anchors it; antd's
   * inserted space between two Chinese characters is allowed.
   */
  re(key: string, vars?: Vars, opts?: { exact?: boolean; prefix?: boolean }): RegExp;
}

function lookup(lang: Lang, key: string): string {
  let node: string | Tree | undefined = DICTIONARIES[lang];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${lang} text for ${key}`);
  return node;
}

export function labels(lang: Lang): Labels {
  const t = (key: string, vars: Vars = {}) =>
    lookup(lang, key).replace(/\{\{(\w+)\}\}/g, (all, name: string) =>
      name in vars ? String(vars[name] instanceof RegExp ? (vars[name] as RegExp).source : vars[name]) : all,
    );
  const re = (key: string, vars: Vars = {}, { exact = false, prefix = false } = {}) => {
    const text = lookup(lang, key);
    let source = text
      .split(/(\{\{\w+\}\})/)
      .map((part) => {
        const m = /^\{\{(\w+)\}\}$/.exec(part);
        if (!m) return escapeRe(part);
        const name = m[1] ?? '';
        const value = vars[name];
        if (value === undefined) return '.*?';
        return value instanceof RegExp ? `(?:${value.source})` : escapeRe(String(value));
      })
      .join('');
    if (/^[\u4e00-\u9fff]{2}$/.test(text)) source = `${text[0]}\\s*${text[1]}`;
    if (exact) source = `^${source}$`;
    else if (prefix) source = `^${source}`;
    return new RegExp(source);
  };
  return { lang, t, re };
}

/** Makes every page of the context start in `lang` (the app reads localStorage `jiqun.lang`). */
export async function storeLanguage(context: BrowserContext, lang: Lang): Promise<void> {
  await context.addInitScript((l) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'jiqun.lang',
      l,
    );
  }, lang);
}
