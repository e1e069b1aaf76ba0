import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDUSTRY_SECTIONS, sectionLabel, sectionOfCode, unitLabel } from './labels.ts';

const rows = readFileSync(new URL('../../../../reference/industries.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));

describe('GB/T 4754-2017 sections', () => {
  it('names the same 20 sections as the reference file', () => {
    const sections = rows.filter((r) => r[2] === 'section').map((r) => [r[0], r[1]]);
    expect(INDUSTRY_SECTIONS.map((s) => [s.code, s.zh])).toEqual(sections);
  });

  it('finds the section of every division, group and class code', () => {
    const parent = new Map(rows.map((r) => [r[0], r[3]]));
    const sectionOf = (code: string): string | undefined => {
      let c: string | undefined = code;
      while (c && !/^[A-T]$/.test(c)) c = parent.get(c);
      return c;
    };
    for (const [code] of rows) expect(sectionOfCode(code), code).toBe(sectionOf(code ?? ''));
    expect(sectionOfCode('1763')).toBe('C');
    expect(sectionOfCode('00')).toBeUndefined();
    expect(sectionOfCode(null)).toBeUndefined();
  });

  it('labels sections and units in both languages', () => {
    expect(sectionLabel('C', 'zh-CN')).toBe('制造业');
    expect(sectionLabel('C', 'en')).toBe('Manufacturing');
    expect(sectionLabel('unknown', 'en', '未知')).toBe('未知');
    expect(unitLabel('330200', 'en')).toBe('Ningbo');
    expect(unitLabel('330200', 'zh-CN')).toBe('宁波市');
  });
});
