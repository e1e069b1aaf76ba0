import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  CITIES_WITHOUT_COUNTIES,
  divisionLevelOf,
  isDivisionCode,
  isStatisticalZone,
  parentCodeOf,
  prefectureCodeOf,
  provinceCodeOf,
} from './divisions.ts';
import { UNITS, unitCodeForDivision } from './units.ts';

describe('division code helpers', () => {
  it('provinceCodeOf', () => {
    assert.equal(provinceCodeOf('330281'), '330000');
    assert.equal(provinceCodeOf('659001'), '650000');
    assert.equal(provinceCodeOf('110000'), '110000');
    assert.equal(provinceCodeOf('660000'), null);
    assert.equal(provinceCodeOf('33028'), null);
    assert.equal(provinceCodeOf('990101'), null);
  });

  it('prefectureCodeOf', () => {
    assert.equal(prefectureCodeOf('330281'), '330200');
    assert.equal(prefectureCodeOf('130171'), '130100');
    assert.equal(prefectureCodeOf('330200'), '330200');
    assert.equal(prefectureCodeOf('330000'), null);
    assert.equal(prefectureCodeOf('abc'), null);
  });

  it('isStatisticalZone: last two digits 71–80 inside a prefecture', () => {
    assert.equal(isStatisticalZone('130171'), true);
    assert.equal(isStatisticalZone('130180'), true);
    assert.equal(isStatisticalZone('130170'), false);
    assert.equal(isStatisticalZone('130181'), false);
    assert.equal(isStatisticalZone('330281'), false);
    assert.equal(isStatisticalZone('130071'), false);
    assert.equal(isStatisticalZone('13017'), false);
  });

  it('divisionLevelOf and parentCodeOf', () => {
    assert.equal(divisionLevelOf('330000'), 'province');
    assert.equal(divisionLevelOf('330200'), 'prefecture');
    assert.equal(divisionLevelOf('330281'), 'county');
    assert.equal(divisionLevelOf('130171'), 'zone');
    assert.equal(divisionLevelOf('441900'), 'county');
    assert.equal(divisionLevelOf('330001'), null);
    assert.equal(divisionLevelOf('x'), null);
    assert.equal(parentCodeOf('330000'), null);
    assert.equal(parentCodeOf('330200'), '330000');
    assert.equal(parentCodeOf('330281'), '330200');
    assert.equal(parentCodeOf('460400'), '460000');
    assert.equal(parentCodeOf('659001'), '659000');
  });

  it('isDivisionCode', () => {
    assert.equal(isDivisionCode('650102'), true);
    assert.equal(isDivisionCode('660000'), false);
    assert.equal(isDivisionCode('65010'), false);
  });
});

describe('reference/divisions.csv', () => {
  const text = readFileSync(new URL('../reference/divisions.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trimEnd().split('\n');
  const rows = lines.map((line) => {
    const [code, name, level, parentCode, unitCode] = line.split(',');
    return { code: code!, name: name!, level: level!, parentCode: parentCode!, unitCode: unitCode! };
  });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const unitCodes = new Set(UNITS.map((u) => u.code));

  it('has the header, LF endings and rows sorted by unique code', () => {
    assert.equal(header, 'code,name,level,parent_code,unit_code');
    assert.ok(!text.includes('\r'));
    assert.equal(byCode.size, rows.length);
    const codes = rows.map((r) => r.code);
    assert.deepEqual(codes, [...codes].sort());
  });

  it('has the expected counts per level', () => {
    const count = (level: string) => rows.filter((r) => r.level === level).length;
    assert.equal(count('province'), 31);
    assert.equal(count('prefecture'), 339);
    assert.equal(count('county'), 2854);
    assert.equal(count('zone'), 124);
    assert.equal(rows.length, 3348);
  });

  it('maps the sample counties to their units', () => {
    const expected: Record<string, [string, string]> = {
      '330281': ['余姚市', '330200'],
      '440307': ['龙岗区', '440300'],
      '659001': ['石河子市', '660000'],
      '320581': ['常熟市', '320000'],
      '370211': ['黄岛区', '370200'],
      '210281': ['瓦房店市', '210200'],
      '350203': ['思明区', '350200'],
      '650102': ['天山区', '650000'],
    };
    for (const [code, [name, unit]] of Object.entries(expected)) {
      assert.equal(byCode.get(code)?.name, name, code);
      assert.equal(byCode.get(code)?.unitCode, unit, code);
    }
  });

  it('gives every row a parent that exists and a unit that is one of the 37', () => {
    for (const r of rows) {
      assert.ok(unitCodes.has(r.unitCode), r.code);
      assert.equal(r.unitCode, unitCodeForDivision(r.code), r.code);
      assert.equal(r.parentCode === '' ? null : r.parentCode, parentCodeOf(r.code), r.code);
      if (r.level !== 'province') assert.ok(byCode.has(r.parentCode), r.code);
      assert.equal(r.level, divisionLevelOf(r.code), r.code);
    }
  });

  it('keeps one county row for each city without counties', () => {
    for (const code of CITIES_WITHOUT_COUNTIES) {
      assert.equal(byCode.get(code)?.level, 'county', code);
      assert.equal(byCode.get(code)?.parentCode, provinceCodeOf(code), code);
    }
  });

  it('has county-level rows in every unit', () => {
    for (const u of UNITS) {
      assert.ok(
        rows.some((r) => r.level === 'county' && r.unitCode === u.code),
        u.name,
      );
    }
  });
});
