import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNITS } from '../../../../domain/units.ts';
import {
  areaLabel,
  clickTarget,
  MAP_NAME_BY_CODE,
  mapAreas,
  provinceCodeOfMapName,
  unitsInProvince,
} from './map-areas.ts';

const china = JSON.parse(readFileSync(new URL('../../assets/maps/china.json', import.meta.url), 'utf8')) as {
  features: { id: string; properties: { id: string; name: string } }[];
};

describe('the map file and our units', () => {
  it('names every feature as the table does, by code', () => {
    const inFile = Object.fromEntries(china.features.map((f) => [f.properties.id, f.properties.name]));
    expect(inFile).toEqual(MAP_NAME_BY_CODE);
  });

  it('has an area for the province of every one of the 37 units', () => {
    for (const unit of UNITS) expect(MAP_NAME_BY_CODE[unit.provinceCode], unit.name).toBeDefined();
  });

  it('matches short map names to codes, where full names would not match', () => {
    expect(provinceCodeOfMapName('新疆')).toBe('650000');
    expect(provinceCodeOfMapName('内蒙古')).toBe('150000');
    expect(provinceCodeOfMapName('新疆维吾尔自治区')).toBeUndefined();
  });
});

describe('folding units into map areas', () => {
  it('puts separate-plan cities and XPCC into their province', () => {
    expect(unitsInProvince('330000').map((u) => u.code)).toEqual(['330000', '330200']);
    expect(unitsInProvince('650000').map((u) => u.code)).toEqual(['650000', '660000']);
    expect(unitsInProvince('440000').map((u) => u.code)).toEqual(['440000', '440300']);
    expect(unitsInProvince('110000').map((u) => u.code)).toEqual(['110000']);
    expect(unitsInProvince('810000')).toEqual([]);
  });

  it('adds the counts of every unit in an area, and counts every unit once', () => {
    const byUnit = UNITS.map((u, i) => ({ code: u.code, count: i + 1 }));
    const areas = mapAreas(byUnit);
    expect(areas).toHaveLength(34);
    const zhejiang = areas.find((a) => a.code === '330000');
    const countOf = (code: string) => byUnit.find((u) => u.code === code)?.count ?? 0;
    expect(zhejiang?.count).toBe(countOf('330000') + countOf('330200'));
    expect(zhejiang?.units.map((u) => [u.unit.code, u.count])).toEqual([
      ['330000', countOf('330000')],
      ['330200', countOf('330200')],
    ]);
    const total = areas.reduce((n, a) => n + a.count, 0);
    expect(total).toBe(byUnit.reduce((n, u) => n + u.count, 0));
    expect(areas.find((a) => a.code === '810000')?.count).toBe(0);
  });

  it('counts units missing from the statistics as 0', () => {
    const areas = mapAreas([{ code: '660000', count: 2 }]);
    expect(areas.find((a) => a.code === '650000')?.units.map((u) => u.count)).toEqual([0, 2]);
  });
});

describe('clicking an area', () => {
  const area = (code: string, counts: Record<string, number>) =>
    mapAreas(Object.entries(counts).map(([c, count]) => ({ code: c, count }))).find((a) => a.code === code)!;

  it('goes to the one unit with clusters', () => {
    expect(clickTarget(area('330000', { '330200': 3 }))).toEqual({ unitCode: '330200' });
    expect(clickTarget(area('110000', { '110000': 7 }))).toEqual({ unitCode: '110000' });
  });

  it("goes to the province's own unit when none has clusters", () => {
    expect(clickTarget(area('650000', {}))).toEqual({ unitCode: '650000' });
  });

  it('offers a choice when several units in the area have clusters', () => {
    const target = clickTarget(area('370000', { '370000': 5, '370200': 2 }));
    expect(target && 'choose' in target && target.choose.map((u) => u.unit.code)).toEqual([
      '370000',
      '370200',
    ]);
  });

  it('leads nowhere for areas without a unit', () => {
    expect(clickTarget(area('710000', {}))).toBeNull();
  });
});

describe('area labels', () => {
  it('uses the unit name in each language', () => {
    expect(areaLabel('650000', 'zh-CN')).toBe('新疆维吾尔自治区');
    expect(areaLabel('650000', 'en')).toBe('Xinjiang');
    expect(areaLabel('810000', 'en')).toBe('Hong Kong');
    expect(areaLabel('810000', 'zh-CN')).toBe('香港');
  });
});
