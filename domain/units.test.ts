import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findUnit,
  REGION_KEYS,
  REGIONS,
  regionOfUnit,
  UNIT_KIND_KEYS,
  UNIT_KINDS,
  UNITS,
  unitCodeForDivision,
} from './units.ts';

const codesOfRegion = (region: string) =>
  UNITS.filter((u) => u.region === region)
    .map((u) => u.code)
    .sort();

describe('UNITS', () => {
  it('has 37 units with unique six-digit codes and names', () => {
    assert.equal(UNITS.length, 37);
    assert.equal(new Set(UNITS.map((u) => u.code)).size, 37);
    assert.equal(new Set(UNITS.map((u) => u.name)).size, 37);
    assert.equal(new Set(UNITS.map((u) => u.nameEn)).size, 37);
    for (const u of UNITS) assert.match(u.code, /^\d{6}$/);
  });

  it('has 31 provincial units, 5 separate-plan cities and XPCC', () => {
    const count = (kind: string) => UNITS.filter((u) => u.kind === kind).length;
    assert.equal(count('provincial'), 31);
    assert.equal(count('separate_plan_city'), 5);
    assert.equal(count('xpcc'), 1);
    assert.deepEqual(
      UNITS.filter((u) => u.kind === 'separate_plan_city').map((u) => u.name),
      ['大连市', '宁波市', '厦门市', '青岛市', '深圳市'],
    );
    assert.deepEqual(findUnit('660000'), {
      code: '660000',
      name: '新疆生产建设兵团',
      nameEn: 'Xinjiang Production and Construction Corps',
      kind: 'xpcc',
      region: 'west',
      provinceCode: '650000',
    });
  });

  it('puts provincial units in the NBS regions (10 east, 6 central, 12 west, 3 northeast)', () => {
    const provincial = UNITS.filter((u) => u.kind === 'provincial');
    const count = (region: string) => provincial.filter((u) => u.region === region).length;
    assert.deepEqual(
      REGION_KEYS.map((r) => count(r)),
      [10, 6, 12, 3],
    );
    assert.deepEqual(
      provincial
        .filter((u) => u.region === 'east')
        .map((u) => u.name)
        .join(' '),
      '北京市 天津市 河北省 上海市 江苏省 浙江省 福建省 山东省 广东省 海南省',
    );
    assert.deepEqual(
      provincial
        .filter((u) => u.region === 'northeast')
        .map((u) => u.name)
        .join(' '),
      '辽宁省 吉林省 黑龙江省',
    );
  });

  it('gives separate-plan cities their province region and XPCC west', () => {
    for (const code of ['350200', '330200', '370200', '440300']) assert.equal(regionOfUnit(code), 'east');
    assert.equal(regionOfUnit('210200'), 'northeast');
    assert.equal(regionOfUnit('660000'), 'west');
    for (const u of UNITS) assert.equal(u.region, regionOfUnit(u.provinceCode), u.name);
    assert.equal(codesOfRegion('east').length, 14);
    assert.equal(codesOfRegion('northeast').length, 4);
    assert.equal(codesOfRegion('central').length, 6);
    assert.equal(codesOfRegion('west').length, 13);
  });

  it('links every unit to a provincial unit containing it', () => {
    for (const u of UNITS) {
      assert.equal(findUnit(u.provinceCode)?.kind, 'provincial', u.name);
      if (u.kind === 'provincial') assert.equal(u.provinceCode, u.code);
      if (u.kind === 'separate_plan_city') assert.equal(u.code.slice(0, 2), u.provinceCode.slice(0, 2));
    }
  });

  it('labels every region and kind in Chinese and English', () => {
    for (const r of REGION_KEYS) assert.ok(REGIONS[r].zh && REGIONS[r].en);
    for (const k of UNIT_KIND_KEYS) assert.ok(UNIT_KINDS[k].zh && UNIT_KINDS[k].en);
    assert.equal(UNIT_KINDS.separate_plan_city.zh, '计划单列市');
  });

  it('finds nothing for unknown codes', () => {
    assert.equal(findUnit('330100'), undefined);
    assert.equal(regionOfUnit('999999'), undefined);
  });
});

describe('unitCodeForDivision', () => {
  const cases: [string, string, string][] = [
    ['330281', '330200', '余姚市 → 宁波'],
    ['440307', '440300', '龙岗区 → 深圳'],
    ['659001', '660000', '石河子市 → 兵团'],
    ['320581', '320000', '常熟市 → 江苏'],
    ['370211', '370200', '黄岛区 → 青岛'],
    ['210281', '210200', '瓦房店市 → 大连'],
    ['350203', '350200', '思明区 → 厦门'],
    ['650102', '650000', '乌鲁木齐市天山区 → 新疆'],
    ['330681', '330000', '诸暨市 → 浙江'],
    ['441900', '440000', '东莞市 → 广东'],
    ['130171', '130000', 'a statistical zone → its province'],
    ['330200', '330200', 'the Ningbo prefecture itself'],
    ['330000', '330000', 'a province itself'],
    ['659000', '660000', 'the XPCC 师市 prefecture row'],
    ['660000', '660000', 'the XPCC unit code itself'],
  ];
  for (const [code, unit, label] of cases) {
    it(`${code} ${label}`, () => assert.equal(unitCodeForDivision(code), unit));
  }

  it('maps every unit code to itself', () => {
    for (const u of UNITS) assert.equal(unitCodeForDivision(u.code), u.code);
  });

  it('returns null for malformed codes and unknown province prefixes', () => {
    for (const code of ['', '33028', '3302811', '33028a', ' 330281', '330281 ', '１１０１０１']) {
      assert.equal(unitCodeForDivision(code), null, JSON.stringify(code));
    }
    for (const code of ['000000', '100000', '160101', '660101', '710000', '810000', '990101']) {
      assert.equal(unitCodeForDivision(code), null, code);
    }
  });
});
