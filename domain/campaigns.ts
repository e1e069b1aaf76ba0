/**
 * The annual campaign (one recommendation notice a year). Quotas, dates, the standards version and special
 * rules are campaign data, never code: reference/campaigns.json holds the 2022–2025 campaigns in this shape.
 */
import { z } from 'zod';
import { cityTierIssues, cityTierSchema } from './city-tier.ts';
import { AGGREGATIONS, weightProblems } from './scoring.ts';
import { UNIT_KIND_KEYS } from './units.ts';

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const isoDate = z.iso.date();

/** 'MM-DD', a day that exists in a leap year (e.g. '04-30', '03-31'). */
const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'expected MM-DD')
  .refine((v) => isoDate.safeParse(`2024-${v}`).success, 'not a calendar day');

/** Quota per unit kind: how many clusters one unit of that kind may recommend. */
export const quotasSchema = z.object({
  provincial: z.int(),
  separate_plan_city: z.int(),
  xpcc: z.int(),
});
export type Quotas = z.infer<typeof quotasSchema>;

export const campaignSchema = z.object({
  year: z.int().min(2022).max(2100),
  /** The recommendation notice, e.g. 工信厅企业函〔2023〕44号. */
  noticeNo: z.string().min(1),
  noticeDate: isoDate.nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  opensAt: isoDate.nullable(),
  /** Counties submit to their unit by this date (units set their own; null when not known). */
  countyDeadline: isoDate.nullable(),
  /** Units' recommendations are due at MIIT by this date. */
  unitDeadline: isoDate.nullable(),
  quotas: quotasSchema,
  standardsVersion: z.string().min(1),
  formVersion: z.string().min(1),
  /** When identified clusters' annual reports are due each year, 'MM-DD'. */
  annualReportDue: monthDay,
  rules: z.object({
    /** 2022: at most one cluster per sub-sector (细分领域). */
    onePerSubSector: z.boolean(),
    /** Expert scoring: weight of each of the eight standards areas (sum 100); DEFAULT_WEIGHTS when absent. */
    scoringWeights: z.array(z.number().min(0)).length(8).optional(),
    /** How experts' totals combine; 'mean' when absent. */
    scoringAggregation: z.enum(AGGREGATIONS).optional(),
    /**
     * Units with a city pre-recommendation step: each prefecture-level city puts forward at most `perCity`
     * of its counties' declarations, and the unit accepts only those (domain/city-tier.ts).
     */
    cityTier: cityTierSchema.optional(),
  }),
  /** The notice (通告) that published the identified list; null until published. */
  listNoticeNo: z.string().min(1).nullable(),
  identifiedCount: z.int().nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** A campaign as the API returns it: `demo` marks the practice campaign a demo installation opens. */
export const campaignDto = campaignSchema.extend({ demo: z.boolean() });
export type CampaignDto = z.infer<typeof campaignDto>;

export interface CampaignIssue {
  /** Dotted path of the offending field, e.g. 'quotas.xpcc'. */
  readonly path: string;
  readonly message: string;
  /** The same in Chinese, for the screens. */
  readonly messageZh: string;
}

/** Date fields in the order they must occur; each present one must not be earlier than those before it. */
const DATE_ORDER = ['noticeDate', 'opensAt', 'countyDeadline', 'unitDeadline'] as const;
const DATE_LABELS_ZH: Record<(typeof DATE_ORDER)[number], string> = {
  noticeDate: '通知日期',
  opensAt: '开始申报',
  countyDeadline: '县级申报截止',
  unitDeadline: '推荐截止',
};

/** Business checks beyond the shape: positive integer quotas, dates in order, year consistent. */
export function validateCampaign(campaign: Campaign): CampaignIssue[] {
  const issues: CampaignIssue[] = [];
  for (const kind of UNIT_KIND_KEYS) {
    const quota = campaign.quotas[kind];
    if (!Number.isInteger(quota) || quota < 1) {
      issues.push({
        path: `quotas.${kind}`,
        message: `quota must be a positive integer, got ${quota}`,
        messageZh: `名额须为正整数（当前为${quota}）`,
      });
    }
  }
  let previous: { field: (typeof DATE_ORDER)[number]; date: string } | null = null;
  for (const field of DATE_ORDER) {
    const date = campaign[field];
    if (date === null) continue;
    // ISO dates compare correctly as strings.
    if (previous !== null && date < previous.date) {
      issues.push({
        path: field,
        message: `${field} ${date} is before ${previous.field} ${previous.date}`,
        messageZh: `${date} 早于前一日期 ${previous.date}（${DATE_LABELS_ZH[previous.field]}）`,
      });
    }
    previous = { field, date };
  }
  const noticeYear = /〔(\d{4})〕/.exec(campaign.noticeNo)?.[1];
  if (noticeYear !== undefined && Number(noticeYear) !== campaign.year) {
    issues.push({
      path: 'noticeNo',
      message: `notice year ${noticeYear} differs from campaign year`,
      messageZh: `通知文号年份${noticeYear}与年度不一致`,
    });
  }
  if (campaign.noticeDate !== null && Number(campaign.noticeDate.slice(0, 4)) !== campaign.year) {
    issues.push({
      path: 'noticeDate',
      message: 'notice date is not in the campaign year',
      messageZh: '通知日期不在本年度内',
    });
  }
  for (const message of campaign.rules.scoringWeights ? weightProblems(campaign.rules.scoringWeights) : []) {
    issues.push({ path: 'rules.scoringWeights', message, messageZh: `评分权重：${message}` });
  }
  issues.push(...cityTierIssues(campaign.rules.cityTier ?? []));
  if (campaign.identifiedCount !== null && campaign.identifiedCount < 0) {
    issues.push({
      path: 'identifiedCount',
      message: 'identified count must not be negative',
      messageZh: '认定数量不能为负数',
    });
  }
  return issues;
}

/** campaignSchema plus validateCampaign, for places that accept a campaign from outside. */
export const validCampaignSchema = campaignSchema.superRefine((campaign, ctx) => {
  for (const issue of validateCampaign(campaign)) {
    ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
  }
});
