import { describe, expect, it } from 'vitest';
import adminEn from './admin.en.ts';
import adminZh from './admin.zh-CN.ts';
import clustersEn from './clusters.en.ts';
import clustersZh from './clusters.zh-CN.ts';
import en from './en.ts';
import { formatMoneyYi, formatPercent } from './format.ts';
import noticesEn from './notices.en.ts';
import noticesZh from './notices.zh-CN.ts';
import settingsEn from './settings.en.ts';
import settingsZh from './settings.zh-CN.ts';
import unitReviewEn from './unit-review.en.ts';
import unitReviewZh from './unit-review.zh-CN.ts';
import zhCN from './zh-CN.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const zhLeaves = leaves(zhCN);
const enLeaves = leaves(en);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

/** The areas' dictionaries, merged into the main one at the top level (web/src/i18n/index.ts). */
const AREAS: [name: string, zh: Tree, en: Tree][] = [
  ['admin', adminZh, adminEn],
  ['clusters', clustersZh, clustersEn],
  ['notices', noticesZh, noticesEn],
  ['settings', settingsZh, settingsEn],
  ['unit-review', unitReviewZh, unitReviewEn],
];

describe.each(AREAS)('the %s dictionaries', (_name, zh, enArea) => {
  const z = leaves(zh);
  const e = leaves(enArea);
  it('have the same keys, none empty, with the same placeholders', () => {
    expect([...e.keys()].sort()).toEqual([...z.keys()].sort());
    expect([...z, ...e].filter(([, v]) => v.trim() === '')).toEqual([]);
    for (const [k, v] of z) expect(placeholders(e.get(k) ?? ''), k).toEqual(placeholders(v));
  });
  it('add to the main dictionary without replacing any of it', () => {
    const main = new Set(Object.keys(zhCN));
    expect(Object.keys(zh).filter((k) => k !== 'nav' && main.has(k))).toEqual([]);
    const nav = zh.nav;
    if (nav && typeof nav !== 'string') expect(Object.keys(nav).filter((k) => k in zhCN.nav)).toEqual([]);
  });
});

describe('dictionaries', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
  });

  it('has no empty strings', () => {
    const empty = [...zhLeaves, ...enLeaves].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same interpolation placeholders in both languages', () => {
    for (const [key, zh] of zhLeaves) {
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(zh));
    }
  });
});

describe('number formatting', () => {
  it('formats 亿元 per language', () => {
    expect(formatMoneyYi(40, 'zh-CN')).toBe('40 亿元');
    expect(formatMoneyYi(1234.567, 'zh-CN')).toBe('1,234.57 亿元');
    expect(formatMoneyYi(40, 'en')).toBe('CNY 4 billion');
    expect(formatMoneyYi(520.5, 'en')).toBe('CNY 52.05 billion');
    expect(formatMoneyYi(null, 'en')).toBe('—');
  });

  it('formats percentages given as 0–100', () => {
    expect(formatPercent(70, 'zh-CN')).toBe('70%');
    expect(formatPercent(12.34, 'en')).toBe('12.3%');
    expect(formatPercent(undefined, 'zh-CN')).toBe('—');
  });
});
