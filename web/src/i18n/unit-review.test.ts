import { describe, expect, it } from 'vitest';
import en from './unit-review.en.ts';
import zh from './unit-review.zh-CN.ts';
import zhMain from './zh-CN.ts';

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
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('unit review dictionaries (inspections, city tier)', () => {
  const z = leaves(zh);
  const e = leaves(en);
  it('have the same keys, none empty, with the same placeholders', () => {
    expect([...e.keys()].sort()).toEqual([...z.keys()].sort());
    expect([...z, ...e].filter(([, v]) => v.trim() === '')).toEqual([]);
    for (const [k, v] of z) expect(placeholders(e.get(k) ?? ''), k).toEqual(placeholders(v));
  });
  it('add to the main dictionary without replacing any of it', () => {
    const main = new Set(Object.keys(zhMain));
    expect(Object.keys(zh).filter((k) => k !== 'nav' && main.has(k))).toEqual([]);
    expect(Object.keys(zh.nav).filter((k) => k in zhMain.nav)).toEqual([]);
  });
});
