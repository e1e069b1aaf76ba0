/**
 * Cultivation after identification: the cluster's plan (goals and measures in the six cultivation areas,
 * numeric targets by year) with progress computed from its annual reports, and the policy support units
 * record (fiscal, financial, industrial, innovation, land, talent; major projects; investment funds).
 */
import { z } from 'zod';
import { isFiled, type ReportFigureKey, type ReportStatus, reportFigure } from './annual-report.ts';

export const CULTIVATION_AREAS = [
  { key: 'leading_industry', zh: '做强主导产业', en: 'Leading-industry strength' },
  { key: 'innovation', zh: '提升创新能力', en: 'Innovation' },
  { key: 'digital', zh: '推进数字化升级', en: 'Digital upgrade' },
  { key: 'green', zh: '推动绿色低碳转型', en: 'Green and low-carbon transformation' },
  { key: 'openness', zh: '深化开放合作', en: 'Open cooperation (incl. Belt and Road)' },
  { key: 'governance', zh: '提升治理和服务水平', en: 'Governance and services' },
] as const;
export type CultivationArea = (typeof CULTIVATION_AREAS)[number]['key'];
export const CULTIVATION_AREA_KEYS = CULTIVATION_AREAS.map((a) => a.key) as [
  CultivationArea,
  ...CultivationArea[],
];

/** Indicators a plan may set a target on: each a figure of the annual report, in one cultivation area. */
export const PLAN_TARGET_INDICATORS = {
  output: 'leading_industry',
  smeOutput: 'leading_industry',
  leadingIndustryOutput: 'leading_industry',
  smes: 'leading_industry',
  singleChampion: 'leading_industry',
  littleGiant: 'leading_industry',
  specializedSme: 'leading_industry',
  validInventionPatents: 'innovation',
  rdSpending: 'innovation',
  industrialInternetPenetration: 'digital',
  digitalToolPenetration: 'digital',
  greenFactories: 'green',
  energyPerOutputReduction: 'green',
  exportValue: 'openness',
} as const satisfies Partial<Record<ReportFigureKey, CultivationArea>>;
export type PlanIndicator = keyof typeof PLAN_TARGET_INDICATORS;
export const PLAN_INDICATOR_KEYS = Object.keys(PLAN_TARGET_INDICATORS) as [PlanIndicator, ...PlanIndicator[]];

/** Declaration-form plan indicators that have a report figure of the same meaning. */
export const DECLARATION_PLAN_INDICATORS: Record<string, PlanIndicator> = {
  output: 'output',
  smeOutput: 'smeOutput',
  leadingIndustryOutput: 'leadingIndustryOutput',
  specializedSme: 'specializedSme',
  littleGiant: 'littleGiant',
  smeRdSpending: 'rdSpending',
  industrialInternetPenetration: 'industrialInternetPenetration',
};

const areaText = z.object({ goals: z.string().max(20_000), measures: z.string().max(20_000) });

export const planTargetSchema = z.object({
  indicator: z.enum(PLAN_INDICATOR_KEYS),
  year: z.number().int().min(2000).max(2100),
  value: z.number().min(-100).max(10_000_000),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const cultivationPlanContentSchema = z.object({
  startYear: z.number().int().min(2000).max(2100).nullable(),
  endYear: z.number().int().min(2000).max(2100).nullable(),
  areas: z.object(
    Object.fromEntries(CULTIVATION_AREA_KEYS.map((k) => [k, areaText])) as Record<
      CultivationArea,
      typeof areaText
    >,
  ),
  targets: z.array(planTargetSchema).max(200),
});
export type CultivationPlanContent = z.infer<typeof cultivationPlanContentSchema>;

export function emptyPlan(): CultivationPlanContent {
  return {
    startYear: null,
    endYear: null,
    areas: Object.fromEntries(CULTIVATION_AREA_KEYS.map((k) => [k, { goals: '', measures: '' }])) as Record<
      CultivationArea,
      { goals: string; measures: string }
    >,
    targets: [],
  };
}

/** Problems beyond the shape: one target per indicator and year; years inside the plan period. */
export function planProblems(p: CultivationPlanContent): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (p.startYear !== null && p.endYear !== null && p.endYear < p.startYear)
    problems.push({ path: 'endYear', message: '规划结束年份不能早于开始年份' });
  const seen = new Set<string>();
  p.targets.forEach((t, i) => {
    const key = `${t.indicator}|${t.year}`;
    if (seen.has(key)) problems.push({ path: `targets[${i}]`, message: '同一指标同一年份只能有一个目标' });
    seen.add(key);
    if ((p.startYear !== null && t.year < p.startYear) || (p.endYear !== null && t.year > p.endYear))
      problems.push({ path: `targets[${i}].year`, message: '目标年份不在规划期内' });
  });
  return problems;
}

export type TargetProgress = PlanTarget & {
  area: CultivationArea;
  actual: number | null;
  /** actual / target × 100, rounded to 0.1; null without an actual or with a zero target. */
  percent: number | null;
  state: 'achieved' | 'not_achieved' | 'no_report' | 'future';
};

/**
 * Progress of each target from the filed annual report of its year (a draft does not count). A year whose
 * report cannot exist yet is 'future'.
 */
export function planProgress(
  targets: readonly PlanTarget[],
  reports: readonly { year: number; status: ReportStatus; content: unknown }[],
  today: string,
): TargetProgress[] {
  return targets.map((t) => {
    const area = PLAN_TARGET_INDICATORS[t.indicator];
    const report = reports.find((r) => r.year === t.year && isFiled(r.status));
    const actual = report ? reportFigure(report.content, t.indicator) : null;
    const state =
      actual !== null
        ? actual + 1e-9 >= t.value
          ? 'achieved'
          : 'not_achieved'
        : today < `${t.year + 1}-01-01`
          ? 'future'
          : 'no_report';
    return {
      ...t,
      area,
      actual,
      percent: actual !== null && t.value !== 0 ? Math.round((actual / t.value) * 1000) / 10 : null,
      state,
    };
  });
}

/** Per cultivation area: how many targets, achieved, not achieved, without a report yet. */
export function progressByArea(progress: readonly TargetProgress[]) {
  return CULTIVATION_AREA_KEYS.map((area) => {
    const mine = progress.filter((p) => p.area === area);
    return {
      area,
      targets: mine.length,
      achieved: mine.filter((p) => p.state === 'achieved').length,
      notAchieved: mine.filter((p) => p.state === 'not_achieved').length,
      pending: mine.filter((p) => p.state === 'no_report' || p.state === 'future').length,
    };
  });
}

// --- policy support ----------------------------------------------------------------------------------------------

export const SUPPORT_KINDS = [
  'fiscal',
  'financial',
  'industrial',
  'innovation',
  'land',
  'talent',
  'major_project',
  'investment_fund',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_KIND_LABELS: Record<SupportKind, { zh: string; en: string }> = {
  fiscal: { zh: '财政', en: 'Fiscal' },
  financial: { zh: '金融', en: 'Financial' },
  industrial: { zh: '产业', en: 'Industrial' },
  innovation: { zh: '创新', en: 'Innovation' },
  land: { zh: '用地', en: 'Land' },
  talent: { zh: '人才', en: 'Talent' },
  major_project: { zh: '重大项目', en: 'Major projects' },
  investment_fund: { zh: '投资基金', en: 'Investment funds' },
};
