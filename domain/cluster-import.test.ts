import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  csvRecords,
  type DivisionEntry,
  importedValidity,
  issuingYear,
  parseClusterCsv,
  planRow,
  resolveCounty,
  unitNamed,
} from './cluster-import.ts';

const reference = (file: string) => readFileSync(new URL(`../reference/${file}`, import.meta.url), 'utf8');

/** Every row of reference/divisions.csv (no quoted fields there). */
const DIVISIONS: DivisionEntry[] = reference('divisions.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [code, name, level, , unitCode] = line.split(',');
    return { code: code!, name: name!, level: level!, unitCode: unitCode || null };
  });

describe('CSV parsing', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    assert.deepEqual(csvRecords('\uFEFFa,b\r\n"x, y","say ""hi"""\n'), [
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });

  it('numbers rows as a spreadsheet shows them, skipping blank lines', () => {
    const parsed = parseClusterCsv(
      'year,province,cluster_name_zh,county,leading_industry\n\n2023,浙江省,余姚市模具产业集群,余姚市,模具\n',
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.rows.length, 1);
    assert.equal(parsed.rows[0]!.row, 3);
    assert.equal(parsed.rows[0]!.county, '余姚市');
  });

  it('names missing columns', () => {
    assert.deepEqual(parseClusterCsv('year,province,name\n2023,浙江省,x\n'), {
      ok: false,
      missingColumns: ['cluster_name_zh', 'county', 'leading_industry'],
    });
  });
});

describe('place-name resolution', () => {
  it('finds the county within the named unit; a separate-plan city’s county keeps the city unit', () => {
    assert.deepEqual(resolveCounty('浙江省', '余姚市', DIVISIONS), {
      ok: true,
      divisionCode: '330281',
      countyName: '余姚市',
      unitCode: '330200',
    });
    assert.deepEqual(resolveCounty('宁波市', '余姚市', DIVISIONS), {
      ok: true,
      divisionCode: '330281',
      countyName: '余姚市',
      unitCode: '330200',
    });
    const sz = resolveCounty('深圳市', '龙岗区', DIVISIONS);
    assert.ok(sz.ok && sz.divisionCode === '440307' && sz.unitCode === '440300');
  });

  it('does not guess: an ambiguous name lists its candidates; an unknown one says so', () => {
    // 江苏 has 鼓楼区 in both 南京 and 徐州.
    const gulou = resolveCounty('江苏省', '鼓楼区', DIVISIONS);
    assert.equal(gulou.ok, false);
    assert.ok(!gulou.ok && gulou.code === 'COUNTY_AMBIGUOUS');
    assert.deepEqual(!gulou.ok && gulou.candidates?.map((c) => c.code).sort(), ['320106', '320302']);
    const none = resolveCounty('浙江省', '海淀区', DIVISIONS);
    assert.ok(!none.ok && none.code === 'COUNTY_NOT_FOUND');
    // A city's county is not inside another separate-plan city.
    assert.ok(!resolveCounty('宁波市', '诸暨市', DIVISIONS).ok);
  });

  it('takes unit names exactly (or codes), never abbreviations', () => {
    assert.equal(unitNamed('浙江省')?.code, '330000');
    assert.equal(unitNamed(' 新疆生产建设兵团 ')?.code, '660000');
    assert.equal(unitNamed('330200')?.name, '宁波市');
    assert.equal(unitNamed('浙江'), undefined);
    const r = resolveCounty('浙江', '余姚市', DIVISIONS);
    assert.ok(!r.ok && r.code === 'UNKNOWN_UNIT');
  });

  it('resolves every row of reference/clusters-known.csv to exactly one county', () => {
    const parsed = parseClusterCsv(reference('clusters-known.csv'));
    assert.ok(parsed.ok);
    assert.equal(parsed.rows.length, 44);
    const plans = parsed.rows.map((r) => planRow(r, DIVISIONS, new Set()));
    const failed = plans.filter((p) => !p.ok);
    assert.deepEqual(failed, []);
    const byName = new Map(plans.map((p) => [p.ok ? p.name : '', p]));
    const longgang = byName.get('深圳市龙岗区高端智能车载设备产业集群');
    assert.ok(longgang?.ok && longgang.unitCode === '440300' && longgang.divisionCode === '440307');
  });
});

describe('row checks', () => {
  const row = {
    row: 2,
    year: '2023',
    province: '浙江省',
    name: '余姚市模具产业集群',
    county: '余姚市',
    leadingIndustry: '模具',
    publishedOn: '',
    industryCode: '',
  };
  it('reports empty fields, bad years, dates and industry codes', () => {
    const codeOf = (p: ReturnType<typeof planRow>) => (p.ok ? 'ok' : p.unresolved.code);
    assert.equal(codeOf(planRow({ ...row, county: '' }, DIVISIONS, new Set())), 'MISSING_FIELD');
    assert.equal(codeOf(planRow({ ...row, year: '23' }, DIVISIONS, new Set())), 'INVALID_VALUE');
    assert.equal(
      codeOf(planRow({ ...row, publishedOn: '2023-02-30' }, DIVISIONS, new Set())),
      'INVALID_VALUE',
    );
    assert.equal(codeOf(planRow({ ...row, industryCode: '3599' }, DIVISIONS, new Set())), 'INVALID_VALUE');
    assert.equal(codeOf(planRow({ ...row, industryCode: '3525' }, DIVISIONS, new Set(['3525']))), 'ok');
  });
  it('accepts a county given by its code within the unit only', () => {
    const p = planRow({ ...row, county: '330281' }, DIVISIONS, new Set());
    assert.ok(p.ok && p.divisionCode === '330281' && p.unitCode === '330200');
    assert.ok(!planRow({ ...row, county: '110108' }, DIVISIONS, new Set()).ok);
  });
});

describe('validity of imported clusters', () => {
  it('reads the issuing year of a document number', () => {
    assert.equal(issuingYear('工信部企业函〔2023〕3号'), 2023);
    assert.equal(issuingYear('工信部企业函[2024]267号'), 2024);
    assert.equal(issuingYear(null), null);
    assert.equal(issuingYear('no year'), null);
  });

  it('uses a stated date, then the recorded notice, then the earliest possible date', () => {
    const facts = {
      listNoticeNo: '工信部企业函〔2023〕283号',
      listNoticeDate: null,
      unitDeadline: '2023-07-31',
    };
    assert.deepEqual(importedValidity(2023, facts, '2023-12-01'), {
      validFrom: '2023-12-01',
      validTo: '2026-11-30',
      basis: 'row',
    });
    assert.deepEqual(importedValidity(2023, { ...facts, listNoticeDate: '2023-11-20' }, null), {
      validFrom: '2023-11-20',
      validTo: '2026-11-19',
      basis: 'notice',
    });
    // Issued in 2023 but not before the due date at MIIT.
    assert.deepEqual(importedValidity(2023, facts, null), {
      validFrom: '2023-08-01',
      validTo: '2026-07-31',
      basis: 'estimated',
    });
    // Batch 2022 was listed under 〔2023〕: 1 January 2023.
    assert.deepEqual(
      importedValidity(
        2022,
        { listNoticeNo: '工信部企业函〔2023〕3号', listNoticeDate: null, unitDeadline: '2022-10-31' },
        null,
      ),
      { validFrom: '2023-01-01', validTo: '2025-12-31', basis: 'estimated' },
    );
    // Nothing recorded: the year after the batch.
    assert.equal(
      importedValidity(2030, { listNoticeNo: null, listNoticeDate: null, unitDeadline: null }, null)
        .validFrom,
      '2031-01-01',
    );
  });
});
