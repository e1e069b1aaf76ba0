import type ExcelJS from 'exceljs';
import {
  type ParsedClusterList,
  parseClusterCsv,
  parseClusterRecords,
} from '../../../domain/cluster-import.ts';
import { AppError } from '../../platform/errors.ts';
import { bufferReader, sniffFileType, ZipBombError, zipEntries } from '../../platform/file-type.ts';
import { exceljs } from '../../platform/lazy-modules.ts';

/**
 * An import list's worksheets expand to at most this much XML: a year's list (about 100 rows) is a few
 * hundred kB, the 10,000-row maximum well under this. Checked on the ZIP directory before anything is inflated.
 */
export const MAX_XLSX_EXPANDED_BYTES = 64 * 1024 * 1024;

export type ImportFile = { format: 'csv' | 'xlsx'; encoding: 'utf-8' | 'gb18030'; parsed: ParsedClusterList };

/**
 * Decodes an uploaded CSV: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 —
 * what Excel in a Chinese locale writes for "CSV (逗号分隔)". Which one was used is reported back.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** An Excel serial day (1900 date system) as an ISO date. */
const excelSerialDate = (serial: number) =>
  new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);

/** A cell's value as the text a CSV of the sheet would hold: dates as ISO dates, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/**
 * The first worksheet of an .xlsx as records (the header row first). Blank rows stay as empty records so a
 * row's number is the one the spreadsheet shows; a number in a `published_on` column (a date Excel stored as
 * its serial day without a date format) becomes an ISO date.
 */
export async function xlsxRecords(bytes: Buffer): Promise<string[][]> {
  const wb = new (exceljs().Workbook)();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', `The workbook cannot be read: ${(err as Error).message}`, [
      { path: 'file', message: 'unreadable workbook' },
    ]);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION_FAILED', 'The workbook has no worksheet');
  const records: string[][] = [];
  let dateColumn = -1;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    while (records.length < rowNumber - 1) records.push([]);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const raw = cell.value;
      cells[col - 1] =
        rowNumber > 1 && col - 1 === dateColumn && typeof raw === 'number'
          ? excelSerialDate(raw)
          : cellText(raw);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (rowNumber === 1) dateColumn = cells.findIndex((h) => h.trim().toLowerCase() === 'published_on');
    records.push(cells);
  });
  return records;
}

/**
 * What an uploaded list is, by its content (never its name or header): an XLSX workbook (a ZIP holding
 * `xl/`), or CSV text. Any other recognised type (PDF, an image, a Word document, another ZIP), a workbook
 * that expands implausibly, or binary bytes are refused with 415.
 */
export async function readImportFile(bytes: Buffer): Promise<ImportFile> {
  const reader = bufferReader(bytes);
  let type: Awaited<ReturnType<typeof sniffFileType>>;
  try {
    type = await sniffFileType(reader, bytes.length);
  } catch (err) {
    if (err instanceof ZipBombError) throw new AppError('UNSUPPORTED_FILE_TYPE', err.message);
    throw err;
  }
  if (type?.ext === 'xlsx') {
    const zip = await zipEntries(reader, bytes.length);
    if (!zip || zip.expanded > MAX_XLSX_EXPANDED_BYTES)
      throw new AppError('UNSUPPORTED_FILE_TYPE', 'The workbook expands implausibly for a list');
    return { format: 'xlsx', encoding: 'utf-8', parsed: parseClusterRecords(await xlsxRecords(bytes)) };
  }
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  if (type || isZip || bytes.includes(0))
    throw new AppError(
      'UNSUPPORTED_FILE_TYPE',
      `Send the list as CSV or XLSX (this file is ${type ? type.ext.toUpperCase() : 'binary'})`,
      [{ path: 'file', message: 'not CSV or XLSX' }],
    );
  const { text, encoding } = decodeCsv(bytes);
  return { format: 'csv', encoding, parsed: parseClusterCsv(text) };
}
