/**
 * The printable Declaration Form (《中小企业特色产业集群申报表》, `GET /api/v1/declarations/:id/form.pdf`):
 * A4, Chinese, Noto Sans SC embedded (subset). Cover page with seal boxes, then 基本信息, 主要指标, the
 * standards self-check (when given), the eight narratives, the three-year plan, the pledges and the evidence
 * list; every page carries a header with the cluster name and a footer "第 N 页 / 共 M 页".
 *
 * `renderDeclarationPdf` lays the document out synchronously and returns the ended pdfkit document, a
 * Readable: pipe it to the reply (`reply.type('application/pdf').send(doc)`); the bytes come out as chunks,
 * never as one Buffer.
 */
import {
  type DeclarationContent,
  ENTERPRISE_FIELDS,
  EVIDENCE_CATEGORIES,
  indicatorYears,
  NARRATIVE_KEYS,
  type NarrativeKey,
  type OPERATOR_KINDS,
  type PLAN_INDICATORS,
} from '../../../domain/declaration-form.ts';
import { NEGATIVE_LIST_AREA, STANDARDS_AREAS } from '../../../domain/standards.ts';
import { STATUS_LABELS } from '../../../domain/workflow.ts';
import {
  body,
  type Cell,
  COLORS,
  checkItem,
  contentWidth,
  decoratePages,
  left,
  newA4Document,
  note,
  paragraphs,
  SIZES,
  sealBox,
  sectionHeading,
  subHeading,
  table,
  underlinedField,
} from './pdf-layout.ts';

type Doc = PDFKit.PDFDocument;

/**
 * One line of the identification-standards check, typed structurally so that the result of
 * `domain/standards.ts` (`evaluateStandards`) fits without this module depending on it.
 */
export type StandardsItemInput = {
  area: number | string;
  code: string;
  value: unknown;
  threshold: unknown;
  operator?: string | null;
  unit?: string | null;
  result: string;
  message?: string | null;
  messageEn?: string | null;
};
export type StandardsInput = { overall: string; items: readonly StandardsItemInput[] };

export type DeclarationPdfInput = {
  declarationId: string;
  campaignYear: number;
  noticeNo: string | null;
  formVersion: string;
  status: string;
  version: number;
  submittedAt: string | null;
  county: { code: string; name: string; path: readonly string[] };
  unit: { code: string; name: string };
  content: DeclarationContent;
  attachments: readonly { category: string; filename: string; size: number; sha256: string }[];
  standards?: StandardsInput | null;
  generatedAt: Date;
  demo: boolean;
};

// --- labels -------------------------------------------------------------------------------------------------

const STATUS_ZH: Record<string, string> = Object.fromEntries(
  Object.entries(STATUS_LABELS).map(([status, label]) => [status, label.zh]),
);
/** States in which the printed text is not the official, submitted one. */
const UNOFFICIAL_STATUSES = new Set(['draft', 'returned', 'withdrawn']);

const OPERATOR_KIND_ZH: Record<(typeof OPERATOR_KINDS)[number], string> = {
  management_committee: '管理委员会',
  association: '行业协会（商会）',
  company: '运营公司',
  other: '其他',
};

export const NARRATIVE_HEADINGS: Record<NarrativeKey, string> = {
  competitiveness: '核心竞争力',
  cultivation: '优质企业培育',
  collaboration: '产业链供应链协作',
  innovation: '协同创新',
  digital: '数字化转型',
  green: '绿色发展',
  openness: '开放合作',
  governance: '治理和服务',
};

const ENTERPRISE_ZH: Record<(typeof ENTERPRISE_FIELDS)[number], string> = {
  total: '集群企业总数',
  sme: '其中：中小企业',
  singleChampion: '制造业单项冠军企业',
  littleGiant: '专精特新“小巨人”企业',
  specializedSme: '专精特新中小企业',
  innovativeSme: '创新型中小企业',
  highTech: '高新技术企业',
};

const PLAN_ZH: Record<(typeof PLAN_INDICATORS)[number], { label: string; unit: string }> = {
  output: { label: '集群产值', unit: '亿元' },
  smeOutput: { label: '中小企业产值', unit: '亿元' },
  leadingIndustryOutput: { label: '主导产业产值', unit: '亿元' },
  specializedSme: { label: '专精特新中小企业', unit: '家' },
  littleGiant: { label: '专精特新“小巨人”企业', unit: '家' },
  smeRdSpending: { label: '中小企业研发投入', unit: '亿元' },
  industrialInternetPenetration: { label: '工业互联网平台普及率', unit: '%' },
};

const STANDARD_AREAS: Record<string, string> = Object.fromEntries(
  [NEGATIVE_LIST_AREA, ...STANDARDS_AREAS].map((a) => [String(a.area), a.zh]),
);

const RESULT_ZH: Record<string, { text: string; color: string }> = {
  pass: { text: '符合', color: COLORS.green },
  fail: { text: '不符合', color: COLORS.red },
  warn: { text: '提示', color: COLORS.amber },
  missing: { text: '缺项', color: COLORS.muted },
};
const OVERALL_ZH: Record<string, string> = { pass: '符合', fail: '不符合', incomplete: '不完整（有缺项）' };
const OPERATOR_SYMBOL: Record<string, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '==': '=',
  '=': '=',
};

const PLEDGES = {
  noSeriousIncidents:
    '近三年，集群内企业未发生较大及以上安全、质量、环境污染事故，未发生重大网络安全和数据安全事件，无偷税漏税、违法违规和严重失信等重大问题。',
  materialsAuthentic: '本申报表所填内容及所附佐证材料真实、准确、完整，如有虚假，愿承担相应责任。',
} as const;

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CN_SUB = [
  '（一）',
  '（二）',
  '（三）',
  '（四）',
  '（五）',
  '（六）',
  '（七）',
  '（八）',
  '（九）',
  '（十）',
];

// --- formatting ---------------------------------------------------------------------------------------------

const DASH = '—';
const blank = (s: string | null | undefined): s is null | undefined | '' =>
  s === null || s === undefined || s.trim() === '';
const orDash = (s: string | null | undefined) => (blank(s) ? DASH : s);
const money = (v: number | null | undefined) => (v === null || v === undefined ? DASH : v.toFixed(2));
const count = (v: number | null | undefined) => (v === null || v === undefined ? DASH : String(v));
/** Up to two decimals, trailing zeros dropped. */
const num = (v: number) => String(Number(v.toFixed(2)));
const percent = (v: number | null | undefined) => (v === null || v === undefined ? DASH : `${num(v)}%`);
const withUnit = (v: number | null | undefined, unit: string) =>
  v === null || v === undefined ? DASH : `${num(v)} ${unit}`;

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Date parts in China time (the forms are dated in Beijing time whatever the server's zone). */
function chinaParts(d: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { y: get('year'), m: get('month'), d: get('day'), hh: get('hour'), mm: get('minute') };
}
const chinaDate = (d: Date) => {
  const p = chinaParts(d);
  return `${p.y}年${Number(p.m)}月${Number(p.d)}日`;
};
const chinaDateTime = (d: Date) => {
  const p = chinaParts(d);
  return `${p.y}-${p.m}-${p.d} ${p.hh}:${p.mm}`;
};
function isoDate(s: string | null): string | null {
  if (blank(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : chinaDate(d);
}

/** A value of the standards check: numbers to two decimals at most, lists joined, booleans as 是/否. */
function standardValue(v: unknown, unit: string | null | undefined): string {
  const u = blank(unit) ? '' : unit === '%' ? '%' : ` ${unit}`;
  if (v === null || v === undefined || v === '') return DASH;
  if (typeof v === 'number') return Number.isFinite(v) ? `${num(v)}${u}` : DASH;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => standardValue(x, null)).join(' / ') + u;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const countyLabel = (c: DeclarationPdfInput['county']) => `${[...c.path, c.name].join('')}（${c.code}）`;
const clusterTitle = (c: DeclarationContent) => (blank(c.clusterName) ? '（集群名称未填写）' : c.clusterName);
const statusLine = (input: DeclarationPdfInput) =>
  `${STATUS_ZH[input.status] ?? input.status} 第${input.version}版`;
const unofficialMarker = (input: DeclarationPdfInput) =>
  UNOFFICIAL_STATUSES.has(input.status) ? `${STATUS_ZH[input.status] ?? input.status} — 非正式文本` : null;

// --- the document ---------------------------------------------------------------------------------------------

/** Lays out the whole form and ends the document; the result is a Readable of the PDF bytes. */
export function renderDeclarationPdf(input: DeclarationPdfInput): Doc {
  const c = input.content;
  const doc = newA4Document({
    title: `中小企业特色产业集群申报表 — ${clusterTitle(c)}`,
    subject: `${input.campaignYear}年度中小企业特色产业集群申报`,
    author: countyLabel(input.county),
    creationDate: input.generatedAt,
  });

  drawCover(doc, input);
  doc.addPage();
  const standards = input.standards;
  const sections: ((n: string) => void)[] = [
    (n) => drawBasicInfo(doc, n, input),
    (n) => drawIndicators(doc, n, input),
    ...(standards ? [(n: string) => drawStandards(doc, n, standards)] : []),
    (n) => drawNarratives(doc, n, c),
    (n) => drawPlan(doc, n, c),
    (n) => drawPledge(doc, n, c),
    (n) => drawEvidence(doc, n, input),
  ];
  sections.forEach((draw, i) => {
    draw(`${CN_NUMERALS[i]}、`);
  });

  const marker = unofficialMarker(input);
  decoratePages(doc, {
    headerLeft: clusterTitle(c),
    headerRight: [
      '中小企业特色产业集群申报表',
      ...(marker ? [marker] : []),
      ...(input.demo ? ['演示数据 DEMO'] : []),
    ].join('  ·  '),
    alert: marker !== null || input.demo,
    footerLeft: `编号 ${input.declarationId} 第${input.version}版`,
    footerRight: `打印于 ${chinaDateTime(input.generatedAt)}`,
  });
  doc.end();
  return doc;
}

// --- cover ----------------------------------------------------------------------------------------------------

function drawCover(doc: Doc, input: DeclarationPdfInput): void {
  const c = input.content;
  const x = left(doc);
  const w = contentWidth(doc);

  doc.font('bold').fontSize(22).fillColor(COLORS.text);
  doc.text('《中小企业特色产业集群申报表》', x, 128, { width: w, align: 'center' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(SIZES.body).fillColor(COLORS.muted);
  doc.text(`（${input.formVersion}年版表式）`, x, doc.y, { width: w, align: 'center' });

  const marker = unofficialMarker(input);
  if (marker || input.demo) {
    doc.moveDown(1);
    doc.font('bold').fontSize(15).fillColor(COLORS.red);
    if (marker) doc.text(marker, x, doc.y, { width: w, align: 'center' });
    if (input.demo) doc.text('演示数据 DEMO', x, doc.y + 2, { width: w, align: 'center' });
  }

  // The cluster name large, shrunk until it takes at most about three lines (names run to 100 characters).
  const name = clusterTitle(c);
  const nameOpts = { width: w - 40, align: 'center', lineGap: 4 } as const;
  doc.font('bold').fillColor(COLORS.text);
  for (const size of [20, 18, 16, 14]) {
    doc.fontSize(size);
    if (doc.heightOfString(name, nameOpts) <= 90) break;
  }
  doc.text(name, x + 20, Math.max(doc.y + 40, 250), nameOpts);

  doc.y = Math.max(doc.y + 50, 360);
  const labelWidth = 214;
  const submitted = isoDate(input.submittedAt);
  const fields: [string, string][] = [
    ['申报单位（县级中小企业主管部门）：', countyLabel(input.county)],
    ['推荐单位：', `${input.unit.name}（${input.unit.code}）`],
    ['申报年度：', `${input.campaignYear}年`],
    ['通知文号：', orDash(input.noticeNo)],
    ['状态及版本：', statusLine(input)],
    ['提交日期：', submitted ?? '未提交'],
    ['打印日期：', chinaDate(input.generatedAt)],
  ];
  for (const [label, value] of fields) underlinedField(doc, label, value, labelWidth);

  const boxH = 118;
  const boxY = Math.min(Math.max(doc.y + 24, 640), doc.page.height - doc.page.margins.bottom - boxH);
  const gap = 24;
  const boxW = (w - gap) / 2;
  sealBox(doc, x, boxY, boxW, boxH, '申报单位（县级中小企业主管部门）');
  sealBox(doc, x + boxW + gap, boxY, boxW, boxH, `推荐单位（${input.unit.name}）`);
  body(doc);
}

// --- 一、基本信息 ---------------------------------------------------------------------------------------------

function drawBasicInfo(doc: Doc, n: string, input: DeclarationPdfInput): void {
  const c = input.content;
  sectionHeading(doc, `${n}基本信息`);
  const kind = c.operator.kind ? OPERATOR_KIND_ZH[c.operator.kind] : null;
  const rows: Cell[][] = [
    ['集群名称', orDash(c.clusterName)],
    ['所在县级行政区', countyLabel(input.county)],
    ['所在园区（开发区）', orDash(c.zoneName)],
    ['主导产业', orDash(c.leadingIndustry.name)],
    ['行业代码（GB/T 4754-2017）', orDash(c.leadingIndustry.industryCode)],
    ['细分领域', orDash(c.leadingIndustry.subSector)],
    ['集群占地面积', withUnit(c.landAreaKm2, '平方公里（km²）')],
    ['运营管理机构名称', orDash(c.operator.name)],
    ['运营管理机构类型', orDash(kind)],
    ['运营管理机构联系方式', orDash(c.operator.contact)],
  ];
  table(doc, [{ width: 34 }, { width: 66 }], rows, { labelColumns: [0] });

  subHeading(doc, '联系人');
  const contacts: Cell[][] =
    c.contacts.length > 0
      ? c.contacts.map((p) => [orDash(p.name), orDash(p.title), orDash(p.phone), orDash(p.email)])
      : [[DASH, DASH, DASH, DASH]];
  table(
    doc,
    [
      { header: '姓名', width: 18, align: 'center' },
      { header: '职务', width: 28 },
      { header: '电话', width: 22, align: 'center' },
      { header: '电子邮箱', width: 32 },
    ],
    contacts,
  );
}

// --- 二、主要指标 ---------------------------------------------------------------------------------------------

function drawIndicators(doc: Doc, n: string, input: DeclarationPdfInput): void {
  const ind = input.content.indicators;
  const years = ind.years ?? indicatorYears(input.campaignYear);
  const baseYear = (years[0] ?? input.campaignYear - 3) - 1;
  sectionHeading(doc, `${n}主要指标`);

  subHeading(doc, '（一）产值、研发投入及出口（单位：亿元）');
  const NA = { text: '/', align: 'center' } as const;
  const moneyRow = (label: string, base: Cell, values: readonly (number | null)[]): Cell[] => [
    label,
    base,
    ...values.map(money),
  ];
  const share = (part: readonly (number | null)[]) =>
    part.map((p, i) => {
      const o = ind.output[i];
      return p === null || p === undefined || !o ? DASH : `${((p / o) * 100).toFixed(2)}%`;
    });
  table(
    doc,
    [
      { header: '指标', width: 30 },
      { header: `${baseYear}年（基期）`, width: 17.5, align: 'right' },
      ...years.map((y) => ({ header: `${y}年`, width: 17.5, align: 'right' as const })),
    ],
    [
      moneyRow('集群产值', money(ind.baseYearOutput), ind.output),
      moneyRow('其中：中小企业产值', NA, ind.smeOutput),
      moneyRow('主导产业产值', NA, ind.leadingIndustryOutput),
      ['中小企业产值占比（计算）', NA, ...share(ind.smeOutput)],
      ['主导产业产值占比（计算）', NA, ...share(ind.leadingIndustryOutput)],
      moneyRow('中小企业研发投入', NA, ind.smeRdSpending),
      moneyRow('出口额', NA, ind.exportValue),
    ],
  );
  const last = ind.output[2];
  const growth =
    last !== null && last !== undefined && ind.baseYearOutput
      ? `${(((last / ind.baseYearOutput) ** (1 / 3) - 1) * 100).toFixed(2)}%`
      : DASH;
  note(
    doc,
    `注：占比与年均增长率由系统按填报数据计算。产值年均增长率 = (${years[2]}年产值 ÷ ${baseYear}年产值)^(1/3) − 1 = ${growth}。“—”为未填报，“/”为不适用。`,
  );

  subHeading(doc, '（二）集群企业数量（单位：家）');
  const ent = ind.enterprises;
  const pairs: [string, string][] = ENTERPRISE_FIELDS.map((k) => [ENTERPRISE_ZH[k], count(ent[k])]);
  table(
    doc,
    [{ width: 30 }, { width: 20, align: 'right' }, { width: 30 }, { width: 20, align: 'right' }],
    pairRows(pairs),
    {
      labelColumns: [0, 2],
    },
  );

  subHeading(doc, '（三）其他指标');
  const others: [string, string][] = [
    ['创新平台数量', withUnit(ind.innovationPlatforms, '个')],
    ['参与制定标准数量', withUnit(ind.standardsParticipated, '项')],
    ['有效发明专利数量', withUnit(ind.validInventionPatents, '件')],
    ['工业互联网平台普及率', percent(ind.industrialInternetPenetration)],
    ['数字化研发设计工具普及率', percent(ind.digitalToolPenetration)],
    ['绿色工厂数量', withUnit(ind.greenFactories, '家')],
    ['单位产值能耗下降', percent(ind.energyPerOutputReduction)],
    ['“一带一路”合作项目', withUnit(ind.beltAndRoadProjects, '个')],
    ['公共服务机构数量', withUnit(ind.publicServiceBodies, '家')],
  ];
  table(
    doc,
    [{ width: 30 }, { width: 20, align: 'right' }, { width: 30 }, { width: 20, align: 'right' }],
    pairRows(others),
    {
      labelColumns: [0, 2],
    },
  );
}

/** Label–value pairs laid out two per row. */
function pairRows(pairs: readonly [string, string][]): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    const b = pairs[i + 1];
    rows.push([a[0], a[1], b?.[0] ?? '', b?.[1] ?? '']);
  }
  return rows;
}

// --- 三、认定标准自查 -------------------------------------------------------------------------------------------

function drawStandards(doc: Doc, n: string, standards: StandardsInput): void {
  sectionHeading(doc, `${n}认定标准自查`);
  const overall = OVERALL_ZH[standards.overall] ?? standards.overall;
  doc.font('bold').fontSize(SIZES.body);
  doc.text(`自查结论：${overall}`, left(doc), doc.y, { width: contentWidth(doc) });
  doc.y += 4;
  note(
    doc,
    '本表由系统依据《中小企业特色产业集群认定标准》自动核验，仅供参考；是否符合由审核人员结合佐证材料判定。',
  );
  const rows: Cell[][] = standards.items.map((item, i) => {
    const r = RESULT_ZH[item.result];
    const op = blank(item.operator) ? '' : (OPERATOR_SYMBOL[item.operator] ?? item.operator);
    const threshold =
      item.threshold === null || item.threshold === undefined
        ? item.operator === 'any'
          ? '任一满足'
          : DASH
        : `${op}${op ? ' ' : ''}${standardValue(item.threshold, item.unit)}`;
    return [
      { text: String(i + 1), align: 'center' },
      STANDARD_AREAS[String(item.area)] ?? String(item.area),
      blank(item.message) ? item.code : item.message,
      { text: standardValue(item.value, item.unit), align: 'right' },
      { text: threshold, align: 'center' },
      { text: r?.text ?? item.result, align: 'center', bold: true, color: r?.color ?? COLORS.text },
    ];
  });
  if (rows.length === 0) rows.push(['', '', '（无检查项）', '', '', '']);
  table(
    doc,
    [
      { header: '序号', width: 7 },
      { header: '领域', width: 13 },
      { header: '检查项', width: 44 },
      { header: '填报值', width: 14 },
      { header: '标准', width: 12 },
      { header: '结果', width: 10 },
    ],
    rows,
  );
}

// --- 四、发展情况 ---------------------------------------------------------------------------------------------

function drawNarratives(doc: Doc, n: string, c: DeclarationContent): void {
  sectionHeading(doc, `${n}发展情况`);
  NARRATIVE_KEYS.forEach((key, i) => {
    subHeading(doc, `${CN_SUB[i]}${NARRATIVE_HEADINGS[key]}`);
    paragraphs(doc, c.narratives[key]);
  });
}

// --- 五、三年发展规划 -------------------------------------------------------------------------------------------

function drawPlan(doc: Doc, n: string, c: DeclarationContent): void {
  sectionHeading(doc, `${n}三年发展规划`);
  subHeading(doc, '（一）发展目标');
  const ind = c.indicators;
  const latestYear = ind.years?.[2];
  const current: Record<(typeof PLAN_INDICATORS)[number], number | null | undefined> = {
    output: ind.output[2],
    smeOutput: ind.smeOutput[2],
    leadingIndustryOutput: ind.leadingIndustryOutput[2],
    specializedSme: ind.enterprises.specializedSme,
    littleGiant: ind.enterprises.littleGiant,
    smeRdSpending: ind.smeRdSpending[2],
    industrialInternetPenetration: ind.industrialInternetPenetration,
  };
  const planValue = (unit: string, v: number | null | undefined) =>
    unit === '亿元' ? money(v) : unit === '%' ? percent(v) : count(v);
  const rows: Cell[][] = c.developmentPlan.targets.map((t, i) => {
    const p = PLAN_ZH[t.indicator];
    return [
      { text: String(i + 1), align: 'center' },
      p.label,
      { text: planValue(p.unit, current[t.indicator]), align: 'right' },
      { text: `${t.year}年`, align: 'center' },
      { text: planValue(p.unit, t.value), align: 'right' },
      { text: p.unit, align: 'center' },
    ];
  });
  if (rows.length === 0) rows.push(['', '（未填写）', '', '', '', '']);
  table(
    doc,
    [
      { header: '序号', width: 8 },
      { header: '指标', width: 34 },
      { header: latestYear ? `现值（${latestYear}年）` : '现值', width: 18 },
      { header: '目标年份', width: 14 },
      { header: '目标值', width: 16 },
      { header: '单位', width: 10 },
    ],
    rows,
  );
  subHeading(doc, '（二）主要措施');
  paragraphs(doc, c.developmentPlan.measures);
}

// --- 六、承诺 -------------------------------------------------------------------------------------------------

function drawPledge(doc: Doc, n: string, c: DeclarationContent): void {
  const pledges: [boolean, string][] = [
    [c.integrityPledge.noSeriousIncidents, `（负面清单）${PLEDGES.noSeriousIncidents}`],
    [c.integrityPledge.materialsAuthentic, `（真实性）${PLEDGES.materialsAuthentic}`],
  ];
  const boxH = 110;
  body(doc);
  const textH = pledges.reduce(
    (h, [, text]) => h + doc.heightOfString(text, { width: contentWidth(doc) - 18 }) + 12,
    0,
  );
  sectionHeading(doc, `${n}承诺`, 50 + textH + 14 + boxH); // the pledges stay on the page of their seal
  for (const [checked, text] of pledges) checkItem(doc, checked, text);
  const x = left(doc);
  const w = contentWidth(doc);
  const y = doc.y + 14;
  doc.font('regular').fontSize(SIZES.body).fillColor(COLORS.text);
  doc.text('负责人（签字）：________________', x, y + 40, { width: w / 2 - 12 });
  sealBox(doc, x + w / 2 + 12, y, w / 2 - 12, boxH, '申报单位（县级中小企业主管部门）');
  doc.x = x;
  doc.y = y + boxH + 10;
  body(doc);
}

// --- 七、佐证材料清单 -------------------------------------------------------------------------------------------

function drawEvidence(doc: Doc, n: string, input: DeclarationPdfInput): void {
  sectionHeading(doc, `${n}佐证材料清单`);
  const order = new Map<string, number>(EVIDENCE_CATEGORIES.map((cat, i) => [cat.key, i]));
  const zh = new Map<string, string>(EVIDENCE_CATEGORIES.map((cat) => [cat.key, cat.zh]));
  const files = [...input.attachments].sort(
    (a, b) =>
      (order.get(a.category) ?? 99) - (order.get(b.category) ?? 99) ||
      a.filename.localeCompare(b.filename, 'zh-CN', { numeric: true }),
  );
  const rows: Cell[][] = files.map((f, i) => [
    { text: String(i + 1), align: 'center' },
    zh.get(f.category) ?? f.category,
    f.filename,
    { text: fileSize(f.size), align: 'right' },
    { text: f.sha256.slice(0, 16), align: 'center' },
  ]);
  if (rows.length === 0) rows.push(['', '（未上传佐证材料）', '', '', '']);
  table(
    doc,
    [
      { header: '序号', width: 7 },
      { header: '材料类别', width: 30 },
      { header: '文件名', width: 31 },
      { header: '大小', width: 11 },
      { header: 'SHA-256（前16位）', width: 21 },
    ],
    rows,
    { fontSize: SIZES.small },
  );
  const attached = new Set(input.attachments.map((a) => a.category));
  const missing = EVIDENCE_CATEGORIES.filter((cat) => cat.required && !attached.has(cat.key));
  if (missing.length > 0) {
    note(doc, `必需材料尚缺：${missing.map((m) => m.zh).join('；')}。`, COLORS.red);
  } else {
    note(doc, '必需材料均已上传。文件以电子方式随申报提交，SHA-256 用于核对纸质清单与电子文件一致。');
  }
}
