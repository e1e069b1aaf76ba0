import { PassThrough, type Readable } from 'node:stream';
import type { DeclarationContent } from '../../../domain/declaration-form.ts';
import type { StandardsResult } from '../../../domain/standards.ts';
import { exceljs } from '../../platform/lazy-modules.ts';

export type SummaryRow = {
  rank: number;
  clusterName: string;
  countyName: string;
  divisionCode: string;
  content: DeclarationContent;
  standards: StandardsResult;
  westernRelaxation: { justification: string } | null;
};

const OVERALL_ZH = { pass: '符合', fail: '不符合', incomplete: '缺项' } as const;

const pct = (num: number | null | undefined, den: number | null | undefined) =>
  num != null && den ? Math.round((num / den) * 1000) / 10 : null;

function growth(c: DeclarationContent): number | null {
  const last = c.indicators.output[2];
  const base = c.indicators.baseYearOutput;
  return last != null && base ? Math.round(((last / base) ** (1 / 3) - 1) * 1000) / 10 : null;
}

/**
 * The Recommendation Summary Table (《推荐汇总表》) as XLSX, streamed: one row per recommended cluster in
 * rank order, with the figures and the standards result the ministry compares, and any western relaxation.
 */
export function summaryTableXlsx(input: {
  unitName: string;
  year: number;
  quota: number;
  rows: SummaryRow[];
  demo: boolean;
}): Readable {
  const out = new PassThrough();
  const { stream } = exceljs();
  const wb = new stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Jiqun';
  const ws = wb.addWorksheet('推荐汇总表', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, paperSize: 9 },
  });
  const years = input.rows[0]?.content.indicators.years ?? [input.year - 3, input.year - 2, input.year - 1];
  const headers = [
    '推荐排序',
    '集群名称',
    '所在县级行政区',
    '行政区划代码',
    '主导产业',
    '行业代码',
    '细分领域',
    `${years[0]}年产值（亿元）`,
    `${years[1]}年产值（亿元）`,
    `${years[2]}年产值（亿元）`,
    '年均增速（%）',
    '中小企业产值占比（%）',
    '主导产业产值占比（%）',
    '单项冠军、小巨人（家）',
    '专精特新、创新型中小企业、高新技术企业（家）',
    '认定标准自查',
    '未达标项目',
    '西部地区放宽说明',
    '联系人',
    '联系电话',
  ];
  ws.columns = headers.map((_, i) => ({ width: [8, 36, 14, 12, 14, 10, 18][i] ?? 14 }));
  const title = ws.addRow([
    `${input.unitName} ${input.year}年度中小企业特色产业集群推荐汇总表${input.demo ? '（演示数据）' : ''}`,
  ]);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.addRow([`推荐名额 ${input.quota} 个，实际推荐 ${input.rows.length} 个。金额单位：亿元。`]).commit();
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  head.commit();
  for (const r of input.rows) {
    const c = r.content;
    const ind = c.indicators;
    const failed = r.standards.items
      .filter((i) => i.result === 'fail' || i.result === 'missing')
      .map((i) => i.message);
    const row = ws.addRow([
      r.rank,
      r.clusterName,
      r.countyName,
      r.divisionCode,
      c.leadingIndustry.name ?? '',
      c.leadingIndustry.industryCode ?? '',
      c.leadingIndustry.subSector ?? '',
      ind.output[0],
      ind.output[1],
      ind.output[2],
      growth(c),
      pct(ind.smeOutput[2], ind.output[2]),
      pct(ind.leadingIndustryOutput[2], ind.output[2]),
      (ind.enterprises.singleChampion ?? 0) + (ind.enterprises.littleGiant ?? 0),
      (ind.enterprises.specializedSme ?? 0) +
        (ind.enterprises.innovativeSme ?? 0) +
        (ind.enterprises.highTech ?? 0),
      OVERALL_ZH[r.standards.overall],
      failed.join('；'),
      r.westernRelaxation?.justification ?? '',
      c.contacts[0]?.name ?? '',
      c.contacts[0]?.phone ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  ws.addRow([]).commit();
  ws.addRow(['推荐单位（盖章）：', '', '', '', '', '', '', '日期：']).commit();
  ws.commit();
  void wb.commit().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
