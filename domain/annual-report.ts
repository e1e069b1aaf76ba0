/**
 * The annual development report (年度发展情况) of an identified cluster, as data: the content schema, what a
 * submission must contain, which figure years a cluster owes, when each is due (a campaign setting: 30 April
 * under the 2022–2023 notices, 31 March from 2024), whether it is overdue, and the workflow
 * county (draft → submitted) → unit (returned | forwarded) with the actions each party may take.
 */
import { z } from 'zod';
import type { Role } from './roles.ts';

const money = z.number().min(0).max(1_000_000).nullable();
const count = z.number().int().min(0).max(10_000_000).nullable();
const percent = z.number().min(0).max(100).nullable();
/** A rate of change in %, which may be negative (output can fall). */
const rate = z.number().min(-100).max(10_000).nullable();
const text = z.string().max(20_000);

export const REPORT_NARRATIVE_KEYS = [
  'summary',
  'leadingIndustry',
  'innovation',
  'digital',
  'green',
  'openness',
  'governance',
  'problems',
  'nextYear',
] as const;
export type ReportNarrativeKey = (typeof REPORT_NARRATIVE_KEYS)[number];

/** Last year's figures of the cluster and what happened: every leaf may be empty in a draft. */
export const annualReportContentSchema = z.object({
  /** Cluster output, 亿元. */
  output: money,
  /** Output growth over the year before, %. */
  outputGrowth: rate,
  smeOutput: money,
  leadingIndustryOutput: money,
  enterprises: z.object({
    total: count,
    sme: count,
    singleChampion: count,
    littleGiant: count,
    specializedSme: count,
    innovativeSme: count,
    highTech: count,
  }),
  validInventionPatents: count,
  /** SME R&D spending, 亿元. */
  rdSpending: money,
  innovationPlatforms: count,
  industrialInternetPenetration: percent,
  digitalToolPenetration: percent,
  greenFactories: count,
  /** Reduction of energy use per unit of output, % (negative: it rose). */
  energyPerOutputReduction: rate,
  exportValue: money,
  beltAndRoadProjects: count,
  publicServiceBodies: count,
  narratives: z.object(
    Object.fromEntries(REPORT_NARRATIVE_KEYS.map((k) => [k, text])) as Record<
      ReportNarrativeKey,
      typeof text
    >,
  ),
  /** The negative list, declared again each year. */
  noSeriousIncidents: z.boolean().nullable(),
  incidentDescription: text,
});
export type AnnualReportContent = z.infer<typeof annualReportContentSchema>;

/** A new report: every figure empty. */
export function emptyAnnualReportContent(): AnnualReportContent {
  return {
    output: null,
    outputGrowth: null,
    smeOutput: null,
    leadingIndustryOutput: null,
    enterprises: {
      total: null,
      sme: null,
      singleChampion: null,
      littleGiant: null,
      specializedSme: null,
      innovativeSme: null,
      highTech: null,
    },
    validInventionPatents: null,
    rdSpending: null,
    innovationPlatforms: null,
    industrialInternetPenetration: null,
    digitalToolPenetration: null,
    greenFactories: null,
    energyPerOutputReduction: null,
    exportValue: null,
    beltAndRoadProjects: null,
    publicServiceBodies: null,
    narratives: Object.fromEntries(REPORT_NARRATIVE_KEYS.map((k) => [k, ''])) as Record<
      ReportNarrativeKey,
      string
    >,
    noSeriousIncidents: null,
    incidentDescription: '',
  };
}

/** The numeric figures of a report by dotted path, for trends, totals and plan progress. */
export const REPORT_FIGURES = [
  { key: 'output', path: 'output', zh: '集群产值', en: 'Cluster output', unit: '亿元' },
  { key: 'outputGrowth', path: 'outputGrowth', zh: '产值增速', en: 'Output growth', unit: '%' },
  { key: 'smeOutput', path: 'smeOutput', zh: '中小企业产值', en: 'SME output', unit: '亿元' },
  {
    key: 'leadingIndustryOutput',
    path: 'leadingIndustryOutput',
    zh: '主导产业产值',
    en: 'Leading-industry output',
    unit: '亿元',
  },
  { key: 'enterprises', path: 'enterprises.total', zh: '企业数量', en: 'Enterprises', unit: '家' },
  { key: 'smes', path: 'enterprises.sme', zh: '中小企业数量', en: 'SMEs', unit: '家' },
  {
    key: 'singleChampion',
    path: 'enterprises.singleChampion',
    zh: '单项冠军企业',
    en: 'Single-item champions',
    unit: '家',
  },
  {
    key: 'littleGiant',
    path: 'enterprises.littleGiant',
    zh: '专精特新“小巨人”',
    en: 'Little giants',
    unit: '家',
  },
  {
    key: 'specializedSme',
    path: 'enterprises.specializedSme',
    zh: '专精特新中小企业',
    en: 'Specialised SMEs (专精特新)',
    unit: '家',
  },
  {
    key: 'validInventionPatents',
    path: 'validInventionPatents',
    zh: '有效发明专利',
    en: 'Valid invention patents',
    unit: '件',
  },
  { key: 'rdSpending', path: 'rdSpending', zh: '中小企业研发投入', en: 'SME R&D spending', unit: '亿元' },
  {
    key: 'industrialInternetPenetration',
    path: 'industrialInternetPenetration',
    zh: '工业互联网平台普及率',
    en: 'Industrial internet penetration',
    unit: '%',
  },
  {
    key: 'digitalToolPenetration',
    path: 'digitalToolPenetration',
    zh: '数字化研发设计工具普及率',
    en: 'Digital design tool penetration',
    unit: '%',
  },
  { key: 'greenFactories', path: 'greenFactories', zh: '绿色工厂', en: 'Green factories', unit: '家' },
  {
    key: 'energyPerOutputReduction',
    path: 'energyPerOutputReduction',
    zh: '单位产值能耗下降率',
    en: 'Energy per output reduction',
    unit: '%',
  },
  { key: 'exportValue', path: 'exportValue', zh: '出口额', en: 'Export value', unit: '亿元' },
] as const;
export type ReportFigureKey = (typeof REPORT_FIGURES)[number]['key'];
export const REPORT_FIGURE_KEYS = REPORT_FIGURES.map((f) => f.key) as [ReportFigureKey, ...ReportFigureKey[]];

/** Figures that add up across clusters (rates and shares do not). */
export const SUMMABLE_FIGURES: readonly ReportFigureKey[] = [
  'output',
  'smeOutput',
  'leadingIndustryOutput',
  'enterprises',
  'smes',
  'singleChampion',
  'littleGiant',
  'specializedSme',
  'validInventionPatents',
  'rdSpending',
  'greenFactories',
  'exportValue',
];

function at(content: unknown, path: string): unknown {
  let v: unknown = content;
  for (const k of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** One figure of a report, or null when not filled in. */
export function reportFigure(content: unknown, key: ReportFigureKey): number | null {
  const f = REPORT_FIGURES.find((x) => x.key === key)!;
  const v = at(content, f.path);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Every figure of a report by key. */
export function reportFigures(content: unknown): Record<ReportFigureKey, number | null> {
  return Object.fromEntries(REPORT_FIGURE_KEYS.map((k) => [k, reportFigure(content, k)])) as Record<
    ReportFigureKey,
    number | null
  >;
}

/** What a submission must contain (paths into the content), as data. */
export const REQUIRED_REPORT_ITEMS: readonly { path: string; zh: string }[] = [
  { path: 'output', zh: '集群产值' },
  { path: 'outputGrowth', zh: '产值增速' },
  { path: 'smeOutput', zh: '中小企业产值' },
  { path: 'leadingIndustryOutput', zh: '主导产业产值' },
  { path: 'enterprises.total', zh: '企业数量' },
  { path: 'enterprises.sme', zh: '中小企业数量' },
  { path: 'enterprises.singleChampion', zh: '单项冠军企业数量' },
  { path: 'enterprises.littleGiant', zh: '专精特新“小巨人”企业数量' },
  { path: 'enterprises.specializedSme', zh: '专精特新中小企业数量' },
  { path: 'validInventionPatents', zh: '有效发明专利数量' },
  { path: 'rdSpending', zh: '中小企业研发投入' },
  { path: 'industrialInternetPenetration', zh: '工业互联网平台普及率' },
  { path: 'energyPerOutputReduction', zh: '单位产值能耗下降率' },
  { path: 'narratives.summary', zh: '年度发展情况综述' },
  { path: 'noSeriousIncidents', zh: '负面清单声明' },
];

export type MissingReportItem = { path: string; message: string };

/** Everything a submission still lacks, plus the checks between figures; empty when it may be submitted. */
export function missingReportItems(c: AnnualReportContent): MissingReportItem[] {
  const missing: MissingReportItem[] = [];
  for (const item of REQUIRED_REPORT_ITEMS) {
    const v = at(c, item.path);
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
      missing.push({ path: item.path, message: `${item.zh}未填写` });
    }
  }
  if (c.output !== null && c.smeOutput !== null && c.smeOutput > c.output + 1e-9)
    missing.push({ path: 'smeOutput', message: '中小企业产值不能大于集群产值' });
  if (c.output !== null && c.leadingIndustryOutput !== null && c.leadingIndustryOutput > c.output + 1e-9)
    missing.push({ path: 'leadingIndustryOutput', message: '主导产业产值不能大于集群产值' });
  const e = c.enterprises;
  if (e.total !== null && e.sme !== null && e.sme > e.total)
    missing.push({ path: 'enterprises.sme', message: '中小企业数量不能大于企业总数' });
  if (c.noSeriousIncidents === false && c.incidentDescription.trim() === '')
    missing.push({ path: 'incidentDescription', message: '发生负面清单事项的，请说明情况' });
  return missing;
}

// --- due dates ------------------------------------------------------------------------------------------------

/** What the campaigns say about annual reports: each campaign year's due day 'MM-DD'. */
export type ReportDueRule = { year: number; annualReportDue: string | null };

/** Fallback when no campaign names a due day (the rule since 2024). */
export const DEFAULT_REPORT_DUE = '03-31';

/**
 * When the report on `figureYear` is due. It is filed in the following year, under that year's campaign
 * rule (the latest campaign up to that year that names a due day): figures of 2022 were due 2023-04-30,
 * figures of 2023 due 2024-03-31.
 */
export function reportDueOn(figureYear: number, rules: readonly ReportDueRule[]): string {
  const filingYear = figureYear + 1;
  const rule = [...rules]
    .filter((r) => r.year <= filingYear && r.annualReportDue)
    .sort((a, b) => b.year - a.year)[0];
  return `${filingYear}-${rule?.annualReportDue ?? DEFAULT_REPORT_DUE}`;
}

/**
 * The figure years a cluster owes a report on: every year whose 31 December falls inside its validity (a
 * cluster identified in 2023 and valid to 2026-01-14 reports on 2023, 2024 and 2025), once that year has
 * ended. A revoked cluster owes none whose filing year starts after the revocation.
 */
export function reportYears(
  c: { validFrom: string; validTo: string; revokedOn?: string | null },
  today: string,
): number[] {
  const years: number[] = [];
  const first = Number(c.validFrom.slice(0, 4));
  const last = Number(c.validTo.slice(0, 4));
  for (let y = first; y <= last; y++) {
    const yearEnd = `${y}-12-31`;
    if (yearEnd < c.validFrom || yearEnd > c.validTo) continue;
    if (`${y + 1}-01-01` > today) continue;
    if (c.revokedOn && `${y + 1}-01-01` > c.revokedOn) continue;
    years.push(y);
  }
  return years;
}

/** Whether a report may be opened for `figureYear` on `today`: only once the year has ended. */
export const reportYearOpen = (figureYear: number, today: string) => today >= `${figureYear + 1}-01-01`;

// --- workflow -------------------------------------------------------------------------------------------------

export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'forwarded'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Filed from the county's side: the unit has it or has passed it on. */
export const isFiled = (s: ReportStatus) => s === 'submitted' || s === 'forwarded';

/** Overdue: past the due day and not filed (a returned report is not filed). */
export const isOverdue = (s: ReportStatus, dueOn: string, today: string) => !isFiled(s) && today > dueOn;

export const REPORT_ACTIONS = ['edit', 'submit', 'return', 'forward'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Which action moves a report from which states to which, and who takes it. */
export const REPORT_TRANSITIONS: Record<
  Exclude<ReportAction, 'edit'>,
  { from: readonly ReportStatus[]; to: ReportStatus; roles: readonly Role[] }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['county'] },
  return: { from: ['submitted'], to: 'returned', roles: ['unit'] },
  forward: { from: ['submitted'], to: 'forwarded', roles: ['unit'] },
};

/** The actions the caller may take on a report now (its cluster already in the caller's scope). */
export function reportActions(
  role: Role,
  status: ReportStatus,
  cluster: { revoked: boolean },
): ReportAction[] {
  if (cluster.revoked) return [];
  const actions: ReportAction[] = [];
  if (role === 'county' && ['not_started', 'draft', 'returned'].includes(status)) actions.push('edit');
  for (const [action, t] of Object.entries(REPORT_TRANSITIONS)) {
    if (t.roles.includes(role) && t.from.includes(status)) actions.push(action as ReportAction);
  }
  return actions;
}
