import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { REGIONS } from '../../../domain/units.ts';
import { canonicalJson } from '../../platform/audit.ts';
import { exceljs } from '../../platform/lazy-modules.ts';
import type { PublicClusterDto } from './presenter.ts';

/** The registry's columns, in the order of the CSV and XLSX files: JSON field name and Chinese heading. */
const COLUMNS = [
  ['id', '编号'],
  ['name', '集群名称'],
  ['year', '认定批次（年度）'],
  ['unitCode', '推荐单位代码'],
  ['unitName', '推荐单位'],
  ['region', '地区'],
  ['divisionCode', '县级行政区划代码'],
  ['countyName', '所在县级行政区'],
  ['leadingIndustry', '主导产业'],
  ['industryCode', '行业代码（GB/T 4754）'],
  ['noticeNo', '认定文号'],
  ['validFrom', '有效期起'],
  ['validTo', '有效期止'],
  ['status', '状态'],
] as const satisfies readonly (readonly [keyof PublicClusterDto, string])[];

const STATUS_ZH = {
  valid: '有效',
  extended: '复核通过（有效期延续）',
  revoked: '已撤销',
  expired: '有效期已届满',
} as const;

/**
 * A weak validator of a result (its canonical JSON): the same clusters give the same tag in every
 * format, so it is weak — an XLSX's bytes differ from one rendering to the next.
 */
export function registryEtag(result: unknown, format: 'json' | 'csv' | 'xlsx' | 'stats'): string {
  const hash = createHash('sha256').update(canonicalJson(result)).digest('base64url').slice(0, 27);
  return `W/"${format}-${hash}"`;
}

/** Whether an If-None-Match header matches the tag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

// A cell starting with = + - @ (or a tab / CR) would run as a formula when the CSV is opened in a
// spreadsheet; a leading apostrophe keeps it text (OWASP "CSV injection").
const neutralise = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : neutralise(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The registry as CSV: UTF-8 with a byte-order mark (so Excel detects UTF-8 and shows the Chinese), CRLF
 * line ends, the JSON field names as header so scripts read it like the JSON.
 */
export function registryCsv(items: PublicClusterDto[]): string {
  const lines = [COLUMNS.map(([key]) => key).join(',')];
  for (const item of items) lines.push(COLUMNS.map(([key]) => csvField(item[key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The registry as an XLSX workbook for people: Chinese headings, one row per cluster in the JSON's order. */
export function registryXlsx(items: PublicClusterDto[], title: string): Readable {
  const out = new PassThrough();
  const { stream } = exceljs();
  const wb = new stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Jiqun';
  const ws = wb.addWorksheet('集群名录', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, paperSize: 9 },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.columns = COLUMNS.map(([key]) => ({
    width: { id: 38, name: 44, countyName: 14, leadingIndustry: 24, noticeNo: 26 }[key as string] ?? 14,
  }));
  const head = ws.addRow([title]);
  head.font = { bold: true, size: 14 };
  head.commit();
  const headings = ws.addRow(COLUMNS.map(([, zh]) => zh));
  headings.font = { bold: true };
  headings.alignment = { wrapText: true, vertical: 'middle' };
  headings.commit();
  for (const item of items) {
    ws.addRow(
      COLUMNS.map(([key]) => {
        if (key === 'status') return STATUS_ZH[item.status];
        if (key === 'region') return REGIONS[item.region].zh;
        return item[key] ?? '';
      }),
    ).commit();
  }
  ws.commit();
  void wb.commit().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
