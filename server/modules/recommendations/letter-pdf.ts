import {
  body,
  contentWidth,
  decoratePages,
  left,
  newA4Document,
  note,
  paragraphs,
  SIZES,
  sealBox,
  sectionHeading,
  table,
} from '../declarations/pdf-layout.ts';
import type { SummaryRow } from './summary-table.ts';

const OVERALL_ZH = { pass: '符合', fail: '不符合', incomplete: '缺项' } as const;
const money = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(2));

/**
 * The unit's recommendation letter (推荐函) to MIIT with the Recommendation Summary Table in rank order and
 * a place for the seal: the paper the office still signs and stamps.
 */
export function renderRecommendationLetter(input: {
  unitName: string;
  year: number;
  noticeNo: string | null;
  quota: number;
  rows: SummaryRow[];
  demo: boolean;
  generatedAt: Date;
}): PDFKit.PDFDocument {
  const title = `${input.unitName}关于推荐${input.year}年度中小企业特色产业集群的函`;
  const doc = newA4Document({
    title,
    subject: '推荐函及推荐汇总表',
    author: input.unitName,
    creationDate: input.generatedAt,
  });
  doc
    .font('bold')
    .fontSize(SIZES.h1 + 2)
    .text(title, { align: 'center' });
  doc.moveDown(1.2);
  body(doc);
  doc.text('工业和信息化部中小企业局：');
  doc.moveDown(0.5);
  const relaxed = input.rows.filter((r) => r.westernRelaxation).length;
  paragraphs(
    doc,
    `根据${input.noticeNo ? `《关于开展${input.year}年度中小企业特色产业集群申报和认定工作的通知》（${input.noticeNo}）` : `${input.year}年度申报通知`}要求，` +
      `我单位组织开展了中小企业特色产业集群申报受理、初审和实地抽查工作，择优确定推荐名单。` +
      `现推荐${input.rows.length}个集群（推荐名额${input.quota}个），按推荐顺序列于下表，请予审核。` +
      (relaxed ? `其中${relaxed}个集群适用西部地区放宽条件，放宽说明见表。` : '') +
      '我单位对申报材料的真实性进行了审核，对推荐结果负责。',
  );
  doc.moveDown(1);
  sectionHeading(doc, '推荐汇总表', 120);
  const years = input.rows[0]?.content.indicators.years ?? [input.year - 3, input.year - 2, input.year - 1];
  table(
    doc,
    [
      { header: '排序', width: 5, align: 'center' },
      { header: '集群名称', width: 18 },
      { header: '所在县级行政区', width: 9 },
      { header: '主导产业 / 细分领域', width: 12 },
      { header: `${years[2]}年产值（亿元）`, width: 10, align: 'right' },
      { header: '标准自查', width: 7, align: 'center' },
      { header: '西部地区放宽说明', width: 14 },
    ],
    input.rows.map((r) => [
      String(r.rank),
      r.clusterName,
      r.countyName,
      `${r.content.leadingIndustry.name ?? ''} / ${r.content.leadingIndustry.subSector ?? ''}`,
      money(r.content.indicators.output[2]),
      OVERALL_ZH[r.standards.overall],
      r.westernRelaxation?.justification ?? '',
    ]),
  );
  if (input.rows.length === 0) note(doc, '（本年度未推荐集群）');
  doc.moveDown(1.5);
  const w = 220;
  const y = Math.min(doc.y, doc.page.height - doc.page.margins.bottom - 130);
  if (doc.y > y) doc.addPage();
  sealBox(doc, left(doc) + contentWidth(doc) - w, doc.y, w, 110, input.unitName);
  decoratePages(doc, {
    headerLeft: title,
    headerRight: input.demo ? '演示数据 DEMO' : '推荐函',
    footerLeft: `${input.unitName} · ${input.year}`,
    footerRight: `生成于 ${input.generatedAt.toISOString().slice(0, 10)}`,
    alert: input.demo,
  });
  doc.end();
  return doc;
}
