/**
 * Importing published lists of identified clusters (the CSV of `POST /api/v1/clusters/import`): parsing
 * the file, resolving place names to county-level division codes without guessing, and the validity
 * period of a cluster known only from a list. Pure: the server supplies the divisions and campaigns.
 */
import { z } from 'zod';
import { validityPeriod } from './panels.ts';
import { UNITS, type Unit } from './units.ts';

/** The columns every import file must have (as in reference/clusters-known.csv). */
export const CLUSTER_CSV_COLUMNS = [
  'year',
  'province',
  'cluster_name_zh',
  'county',
  'leading_industry',
] as const;
/** Columns a file may add: the list notice's publication date and the GB/T 4754 code of the leading industry. */
export const CLUSTER_CSV_OPTIONAL_COLUMNS = ['published_on', 'industry_code'] as const;

/** One data row of an import file; `row` is its line in a spreadsheet (the header is row 1). */
export type ClusterCsvRow = {
  row: number;
  year: string;
  province: string;
  name: string;
  county: string;
  leadingIndustry: string;
  publishedOn: string;
  industryCode: string;
};

/** Why a row was not imported, as a code the UI can translate, beside the English reason. */
export const UNRESOLVED_CODES = [
  'MISSING_FIELD',
  'INVALID_VALUE',
  'UNKNOWN_UNIT',
  'COUNTY_NOT_FOUND',
  'COUNTY_AMBIGUOUS',
  'DUPLICATE_ROW',
  'NAME_TAKEN',
] as const;
export type UnresolvedCode = (typeof UNRESOLVED_CODES)[number];

export const importResultDto = z.object({
  rows: z.number().int().describe('Data rows in the file (the header not counted)'),
  format: z.enum(['csv', 'xlsx']).describe('What the file was, recognised by its content'),
  encoding: z.enum(['utf-8', 'gb18030']).describe('How a CSV was decoded (an XLSX is always UTF-8)'),
  imported: z.number().int(),
  items: z
    .array(
      z.object({
        row: z.number().int(),
        id: z.string(),
        name: z.string(),
        year: z.number().int(),
        divisionCode: z.string(),
        countyName: z.string(),
        unitCode: z.string(),
        noticeNo: z.string().nullable(),
        validFrom: z.string(),
        validTo: z.string(),
        validityBasis: z
          .enum(['row', 'notice', 'estimated'])
          .describe(
            'row: the file’s published_on; notice: the recorded list notice; estimated: the earliest date the ' +
              'list can have been published (see the import’s documentation)',
          ),
      }),
    )
    .describe('The clusters this import created'),
  alreadyPresent: z
    .array(z.object({ row: z.number().int(), id: z.string(), name: z.string(), year: z.number().int() }))
    .describe('Rows whose cluster (same name and year, same county) exists: nothing changed'),
  unresolved: z.array(
    z.object({
      row: z.number().int().describe('Line in the file; the header is row 1'),
      code: z.enum(UNRESOLVED_CODES),
      reason: z.string(),
      candidates: z
        .array(z.object({ code: z.string(), name: z.string(), level: z.string() }))
        .optional()
        .describe('Divisions of that name when the name was not unique or not county-level'),
    }),
  ),
});
export type ImportResultDto = z.infer<typeof importResultDto>;
export type UnresolvedRow = ImportResultDto['unresolved'][number];

// --- parsing ------------------------------------------------------------------------------------------

/** RFC 4180 records (quoted fields, doubled quotes, CRLF or LF); a leading BOM is dropped. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * The data rows of an import file, or the header problem that makes the whole file unusable. Blank lines
 * are skipped but still counted, so `row` matches the line a spreadsheet shows.
 */
export function parseClusterCsv(text: string): ParsedClusterList {
  return parseClusterRecords(csvRecords(text));
}

export type ParsedClusterList = { ok: true; rows: ClusterCsvRow[] } | { ok: false; missingColumns: string[] };

/**
 * The data rows of a list given as records (a CSV's, or a worksheet's rows as text, the header first; a
 * worksheet's blank rows kept as empty records so `row` still matches the sheet).
 */
export function parseClusterRecords(records: readonly (readonly string[])[]): ParsedClusterList {
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const missingColumns = CLUSTER_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missingColumns.length > 0) return { ok: false, missingColumns };
  const at = (r: readonly string[], column: string) => (r[header.indexOf(column)] ?? '').trim();
  const rows: ClusterCsvRow[] = [];
  records.forEach((r, i) => {
    if (i === 0 || r.every((f) => f.trim() === '')) return;
    rows.push({
      row: i + 1,
      year: at(r, 'year'),
      province: at(r, 'province'),
      name: at(r, 'cluster_name_zh'),
      county: at(r, 'county'),
      leadingIndustry: at(r, 'leading_industry'),
      publishedOn: header.includes('published_on') ? at(r, 'published_on') : '',
      industryCode: header.includes('industry_code') ? at(r, 'industry_code') : '',
    });
  });
  return { ok: true, rows };
}

// --- place names ----------------------------------------------------------------------------------------

/** A division as the resolver needs it (rows of the `divisions` table). */
export type DivisionEntry = { code: string; name: string; level: string; unitCode: string | null };

/** Names compare after Unicode normalisation without any whitespace (incl. the ideographic space). */
export const normalizeName = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

/**
 * The recommending unit a file's `province` column names: the unit's exact name (浙江省, 宁波市,
 * 新疆生产建设兵团) or its code. No abbreviations (浙江) — those would be guesses.
 */
export function unitNamed(value: string, units: readonly Unit[] = UNITS): Unit | undefined {
  const v = normalizeName(value);
  return units.find((u) => u.code === v || normalizeName(u.name) === v);
}

/** The county-level divisions a unit's file rows may name: a province's all (its separate-plan city's too). */
function withinUnit(unit: Unit, d: DivisionEntry): boolean {
  if (unit.kind === 'provincial') return d.code.slice(0, 2) === unit.code.slice(0, 2);
  return d.unitCode === unit.code;
}

export type CountyResolution =
  | { ok: true; divisionCode: string; countyName: string; unitCode: string }
  | { ok: false; code: UnresolvedCode; reason: string; candidates?: UnresolvedRow['candidates'] };

/**
 * Resolves a county name within the unit a row names, to exactly one county-level division (level
 * 'county'). Zero or several matches are reported, never picked from. The cluster belongs to the county's
 * own unit: 余姚市 listed under 浙江省 is in the 宁波 unit (330200), as its quota and oversight are.
 */
export function resolveCounty(
  provinceValue: string,
  countyValue: string,
  divisions: readonly DivisionEntry[],
  units: readonly Unit[] = UNITS,
): CountyResolution {
  const unit = unitNamed(provinceValue, units);
  if (!unit) {
    return {
      ok: false,
      code: 'UNKNOWN_UNIT',
      reason: `“${provinceValue}” is not the name of one of the 37 recommending units`,
    };
  }
  const name = normalizeName(countyValue);
  const named = divisions.filter((d) => withinUnit(unit, d) && normalizeName(d.name) === name);
  const counties = named.filter((d) => d.level === 'county');
  const candidates = named.map((d) => ({ code: d.code, name: d.name, level: d.level }));
  if (counties.length === 1) {
    const county = counties[0]!;
    if (!county.unitCode) {
      return { ok: false, code: 'COUNTY_NOT_FOUND', reason: `${county.name} (${county.code}) has no unit` };
    }
    return { ok: true, divisionCode: county.code, countyName: county.name, unitCode: county.unitCode };
  }
  if (counties.length > 1) {
    return {
      ok: false,
      code: 'COUNTY_AMBIGUOUS',
      reason: `${counties.length} county-level divisions in ${unit.name} are named “${countyValue}” (${counties
        .map((c) => c.code)
        .join(', ')}); give the county’s code instead`,
      candidates,
    };
  }
  return {
    ok: false,
    code: 'COUNTY_NOT_FOUND',
    reason:
      named.length > 0
        ? `“${countyValue}” in ${unit.name} is not a county-level division (${named
            .map((d) => `${d.code} ${d.level}`)
            .join(', ')})`
        : `No county-level division named “${countyValue}” in ${unit.name}`,
    ...(named.length > 0 ? { candidates } : {}),
  };
}

/** The county a row names by its six-digit code instead of its name (only inside the row's unit). */
export function resolveCountyCode(
  provinceValue: string,
  code: string,
  divisions: readonly DivisionEntry[],
  units: readonly Unit[] = UNITS,
): CountyResolution {
  const unit = unitNamed(provinceValue, units);
  if (!unit) {
    return {
      ok: false,
      code: 'UNKNOWN_UNIT',
      reason: `“${provinceValue}” is not the name of one of the 37 recommending units`,
    };
  }
  const d = divisions.find((x) => x.code === code && withinUnit(unit, x));
  if (d?.level !== 'county' || !d.unitCode) {
    return {
      ok: false,
      code: 'COUNTY_NOT_FOUND',
      reason: `${code} is not a county-level division in ${unit.name}`,
    };
  }
  return { ok: true, divisionCode: d.code, countyName: d.name, unitCode: d.unitCode };
}

// --- validity -----------------------------------------------------------------------------------------

/** What is recorded about a campaign's list notice (the 通告 publishing the identified clusters). */
export type ListNoticeFacts = {
  listNoticeNo: string | null;
  /** The publication date, when a notice with that number is recorded in the system. */
  listNoticeDate: string | null;
  /** The campaign's due date at MIIT: identification cannot come before it. */
  unitDeadline: string | null;
};

/** The issuing year in a document number: 工信部企业函〔2023〕3号 → 2023 (also [2023], ［2023］, (2023)). */
export function issuingYear(noticeNo: string | null): number | null {
  const m = noticeNo ? /[〔[［(（](\d{4})[〕\]］)）]/u.exec(noticeNo) : null;
  return m ? Number(m[1]) : null;
}

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The validity of a cluster imported from a list: three years from the list notice's publication
 * (`validityPeriod`). The date comes from the row's `published_on`, else from the recorded list notice.
 * When neither is known the start is the EARLIEST date the list can have been published, stated as
 * 'estimated': 1 January of the issuing year in the list notice's number (〔2023〕 → 2023-01-01; without a
 * number, of the year after the batch), but not before the day after the campaign's due date at MIIT. The
 * earliest date errs towards an earlier expiry: a cluster may be asked to re-review a little early, but is
 * never shown as valid after its real expiry. (Batch 2022 was listed in 〔2023〕, batches 2023 and 2024
 * in their own year, so "1 January of the next year" would be wrong for two of three known batches.)
 */
export function importedValidity(
  batchYear: number,
  facts: ListNoticeFacts,
  publishedOn: string | null,
): { validFrom: string; validTo: string; basis: 'row' | 'notice' | 'estimated' } {
  if (publishedOn) return { ...validityPeriod(publishedOn), basis: 'row' };
  if (facts.listNoticeDate) return { ...validityPeriod(facts.listNoticeDate), basis: 'notice' };
  const year = issuingYear(facts.listNoticeNo) ?? batchYear + 1;
  let from = `${year}-01-01`;
  if (facts.unitDeadline && addDays(facts.unitDeadline, 1) > from) from = addDays(facts.unitDeadline, 1);
  return { ...validityPeriod(from), basis: 'estimated' };
}

// --- whole rows -----------------------------------------------------------------------------------------

/** A row ready to be stored, or why it is not. */
export type RowPlan =
  | {
      ok: true;
      row: number;
      name: string;
      year: number;
      leadingIndustry: string;
      industryCode: string | null;
      publishedOn: string | null;
      divisionCode: string;
      countyName: string;
      unitCode: string;
    }
  | { ok: false; unresolved: UnresolvedRow };

const isIsoDate = (s: string) => z.iso.date().safeParse(s).success;

/**
 * Checks one row's values and resolves its county. `industryCodes` are the known GB/T 4754 codes (for the
 * optional `industry_code` column). A county given as six digits is taken as its code.
 */
export function planRow(
  r: ClusterCsvRow,
  divisions: readonly DivisionEntry[],
  industryCodes: ReadonlySet<string>,
): RowPlan {
  const fail = (code: UnresolvedCode, reason: string): RowPlan => ({
    ok: false,
    unresolved: { row: r.row, code, reason },
  });
  const missing = (
    [
      ['year', r.year],
      ['province', r.province],
      ['cluster_name_zh', r.name],
      ['county', r.county],
      ['leading_industry', r.leadingIndustry],
    ] as const
  )
    .filter(([, v]) => v === '')
    .map(([k]) => k);
  if (missing.length > 0) return fail('MISSING_FIELD', `Empty: ${missing.join(', ')}`);
  const year = Number(r.year);
  if (!/^\d{4}$/.test(r.year) || year < 2000 || year > 2100) {
    return fail('INVALID_VALUE', `year “${r.year}” is not a year between 2000 and 2100`);
  }
  const name = r.name.normalize('NFC');
  if (name.length > 200) return fail('INVALID_VALUE', 'cluster_name_zh is longer than 200 characters');
  if (r.leadingIndustry.length > 200)
    return fail('INVALID_VALUE', 'leading_industry is longer than 200 characters');
  if (r.publishedOn && !isIsoDate(r.publishedOn)) {
    return fail('INVALID_VALUE', `published_on “${r.publishedOn}” is not a date YYYY-MM-DD`);
  }
  if (r.publishedOn && Number(r.publishedOn.slice(0, 4)) < year) {
    return fail('INVALID_VALUE', `published_on ${r.publishedOn} is before the batch year ${year}`);
  }
  if (r.industryCode && !industryCodes.has(r.industryCode)) {
    return fail('INVALID_VALUE', `industry_code “${r.industryCode}” is not a GB/T 4754-2017 code`);
  }
  const county = /^\d{6}$/.test(r.county)
    ? resolveCountyCode(r.province, r.county, divisions)
    : resolveCounty(r.province, r.county, divisions);
  if (!county.ok) {
    return {
      ok: false,
      unresolved: {
        row: r.row,
        code: county.code,
        reason: county.reason,
        ...(county.candidates ? { candidates: county.candidates } : {}),
      },
    };
  }
  return {
    ok: true,
    row: r.row,
    name,
    year,
    leadingIndustry: r.leadingIndustry.normalize('NFC'),
    industryCode: r.industryCode || null,
    publishedOn: r.publishedOn || null,
    divisionCode: county.divisionCode,
    countyName: county.countyName,
    unitCode: county.unitCode,
  };
}
