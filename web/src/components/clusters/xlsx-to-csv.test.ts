import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnIndex, excelSerialDate, rowsToCsv, sheetRows, xlsxToCsv } from './xlsx-to-csv.ts';

describe('xlsxToCsv', () => {
  it('reads the first sheet of a workbook written by Excel software (shared strings, numbers, dates)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['year', 'province', 'cluster_name_zh', 'county', 'leading_industry', 'published_on']);
    ws.addRow([
      2023,
      '宁波市',
      '余姚市模具产业集群',
      '余姚市',
      '模具, 注塑',
      new Date(Date.UTC(2023, 11, 28)),
    ]);
    ws.addRow([2023, '浙江省', '诸暨市"袜业"产业集群', '诸暨市', '袜业', '2023-12-28']);
    wb.addWorksheet('other').addRow(['ignored']);
    const buffer = await wb.xlsx.writeBuffer();
    const csv = await xlsxToCsv(new Uint8Array(buffer as ArrayBuffer));
    expect(csv).toBe(
      'year,province,cluster_name_zh,county,leading_industry,published_on\n' +
        '2023,宁波市,余姚市模具产业集群,余姚市,"模具, 注塑",2023-12-28\n' +
        '2023,浙江省,"诸暨市""袜业""产业集群",诸暨市,袜业,2023-12-28\n',
    );
  });

  it('refuses a file that is not a ZIP', async () => {
    await expect(xlsxToCsv(new TextEncoder().encode('year,province\n'))).rejects.toThrow(/ZIP/);
  });
});

describe('sheet parts', () => {
  it('places sparse cells by their reference and decodes inline strings and entities', () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a&amp;b</t></is></c><c r="C1"><v>3</v></c></row>' +
      '<row r="2"><c r="B2" t="s"><v>0</v></c></row></sheetData>';
    expect(sheetRows(xml, ['x'])).toEqual([
      ['a&b', '', '3'],
      ['', 'x'],
    ]);
  });

  it('converts column letters and serial dates', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('AA10')).toBe(26);
    expect(excelSerialDate(45288)).toBe('2023-12-28');
    expect(rowsToCsv([['published_on'], ['45288'], ['']])).toBe('published_on\n2023-12-28\n');
  });
});
