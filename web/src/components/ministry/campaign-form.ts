// The campaign form's values and the campaign body the server takes (campaignSchema), both ways, and the
// server's VALIDATION_FAILED details placed on the form's fields.
import type { Campaign, CampaignStatus } from '../../../../domain/campaigns.ts';
import type { CityTierEntry } from '../../../../domain/city-tier.ts';
import { type Aggregation, DEFAULT_WEIGHTS } from '../../../../domain/scoring.ts';

/** What the antd form holds: dates as 'YYYY-MM-DD' strings (or null), weights always eight numbers. */
export interface CampaignFormValues {
  year: number | null;
  noticeNo: string;
  noticeDate: string | null;
  status: CampaignStatus;
  opensAt: string | null;
  countyDeadline: string | null;
  unitDeadline: string | null;
  quotas: { provincial: number | null; separate_plan_city: number | null; xpcc: number | null };
  standardsVersion: string;
  formVersion: string;
  annualReportDue: string;
  rules: {
    onePerSubSector: boolean;
    scoringAggregation: Aggregation;
    /** Whether the campaign sets its own weights (otherwise DEFAULT_WEIGHTS apply and none are sent). */
    customWeights: boolean;
    scoringWeights: (number | null)[];
    /** Units with a city pre-recommendation step (domain/city-tier.ts); kept as the campaign has them. */
    cityTier: { unitCode: string | null; perCity: number | null }[];
  };
  listNoticeNo: string;
  identifiedCount: number | null;
}

/** A new campaign for `year`: the current rules (8 / 2 / 2, standards 2022, report due 31 March). */
export function newCampaignValues(year: number): CampaignFormValues {
  return {
    year,
    noticeNo: '',
    noticeDate: null,
    status: 'draft',
    opensAt: null,
    countyDeadline: null,
    unitDeadline: null,
    quotas: { provincial: 8, separate_plan_city: 2, xpcc: 2 },
    standardsVersion: '2022',
    formVersion: '2022',
    annualReportDue: '03-31',
    rules: {
      onePerSubSector: false,
      scoringAggregation: 'mean',
      customWeights: false,
      scoringWeights: [...DEFAULT_WEIGHTS],
      cityTier: [],
    },
    listNoticeNo: '',
    identifiedCount: null,
  };
}

export function campaignToValues(c: Campaign): CampaignFormValues {
  return {
    year: c.year,
    noticeNo: c.noticeNo,
    noticeDate: c.noticeDate,
    status: c.status,
    opensAt: c.opensAt,
    countyDeadline: c.countyDeadline,
    unitDeadline: c.unitDeadline,
    quotas: { ...c.quotas },
    standardsVersion: c.standardsVersion,
    formVersion: c.formVersion,
    annualReportDue: c.annualReportDue,
    rules: {
      onePerSubSector: c.rules.onePerSubSector,
      scoringAggregation: c.rules.scoringAggregation ?? 'mean',
      customWeights: c.rules.scoringWeights !== undefined,
      scoringWeights: [...(c.rules.scoringWeights ?? DEFAULT_WEIGHTS)],
      cityTier: (c.rules.cityTier ?? []).map((e) => ({ ...e })),
    },
    listNoticeNo: c.listNoticeNo ?? '',
    identifiedCount: c.identifiedCount,
  };
}

const text = (v: string | null | undefined) => (v ?? '').trim();
// NaN reaches the server as null and comes back as a validation error on the field, which is what we want.
const num = (v: number | null | undefined) => (typeof v === 'number' ? v : Number.NaN);

/** The campaign body for POST (PATCH sends it without `year`). Blank optional text becomes null. */
export function valuesToCampaign(v: CampaignFormValues): Campaign {
  const rules: Campaign['rules'] = {
    onePerSubSector: v.rules.onePerSubSector,
    scoringAggregation: v.rules.scoringAggregation,
  };
  if (v.rules.customWeights) rules.scoringWeights = v.rules.scoringWeights.map(num);
  // Saving the form never drops a city tier it did not show; an emptied list removes it.
  const cityTier: CityTierEntry[] = (v.rules.cityTier ?? []).map((e) => ({
    unitCode: text(e.unitCode),
    perCity: num(e.perCity),
  }));
  if (cityTier.length) rules.cityTier = cityTier;
  return {
    year: num(v.year),
    noticeNo: text(v.noticeNo),
    noticeDate: v.noticeDate || null,
    status: v.status,
    opensAt: v.opensAt || null,
    countyDeadline: v.countyDeadline || null,
    unitDeadline: v.unitDeadline || null,
    quotas: {
      provincial: num(v.quotas.provincial),
      separate_plan_city: num(v.quotas.separate_plan_city),
      xpcc: num(v.quotas.xpcc),
    },
    standardsVersion: text(v.standardsVersion),
    formVersion: text(v.formVersion),
    annualReportDue: text(v.annualReportDue),
    rules,
    listNoticeNo: text(v.listNoticeNo) || null,
    identifiedCount: v.identifiedCount ?? null,
  };
}

/** The PATCH body: everything but the year (which names the campaign and cannot change). */
export function campaignPatch(c: Campaign): Omit<Campaign, 'year'> {
  const { year: _year, ...rest } = c;
  return rest;
}

/** 'rules.scoringWeights[2]' or 'quotas.xpcc' → the form's name path (['rules','scoringWeights',2]). */
export function fieldPath(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Form fields that exist, as name paths joined by '.', so unknown paths go to the general message. */
const FIELD_NAMES = new Set([
  'year',
  'noticeNo',
  'noticeDate',
  'status',
  'opensAt',
  'countyDeadline',
  'unitDeadline',
  'quotas.provincial',
  'quotas.separate_plan_city',
  'quotas.xpcc',
  'standardsVersion',
  'formVersion',
  'annualReportDue',
  'rules.onePerSubSector',
  'rules.scoringAggregation',
  'rules.scoringWeights',
  'listNoticeNo',
  'identifiedCount',
]);

export interface FieldErrors {
  /** For antd's form.setFields. */
  fields: { name: (string | number)[]; errors: string[] }[];
  /** Messages that belong to no single field. */
  general: string[];
}

/** Groups a VALIDATION_FAILED's details by form field; details not naming a field are general. */
export function fieldErrorsOf(details: readonly unknown[], preferChinese = false): FieldErrors {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const d of details) {
    const detail = (typeof d === 'object' && d !== null ? d : {}) as {
      path?: unknown;
      message?: unknown;
      messageZh?: unknown;
    };
    const message =
      preferChinese && typeof detail.messageZh === 'string'
        ? detail.messageZh
        : typeof detail.message === 'string'
          ? detail.message
          : String(d);
    const path = typeof detail.path === 'string' ? fieldPath(detail.path).join('.') : '';
    // The weights are one form value: a problem with one weight shows under the group, numbered by area.
    const weight = /^rules\.scoringWeights\.(\d+)$/.exec(path);
    const key = weight ? 'rules.scoringWeights' : FIELD_NAMES.has(path) ? path : '';
    if (!key) {
      general.push(path ? `${path}: ${message}` : message);
      continue;
    }
    const text = weight ? `${Number(weight[1]) + 1}: ${message}` : message;
    byField.set(key, [...(byField.get(key) ?? []), text]);
  }
  return {
    fields: [...byField.entries()].map(([key, errors]) => ({ name: fieldPath(key), errors })),
    general,
  };
}
