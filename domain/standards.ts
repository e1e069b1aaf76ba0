/**
 * The identification standards (《中小企业特色产业集群认定标准》) as versioned data, and a pure evaluator that
 * checks a declaration's content against one version. Every threshold, its operator and whether it is a
 * soft limit are data (`STANDARDS_VERSIONS`); a new edition is a new entry, not new code. The check never
 * decides alone: each item shows the value, the threshold and pass / fail / warn / missing, and people decide.
 *
 * Floating point: every comparison goes through `compare`, which allows `STANDARDS_EPSILON` (1e-9, absolute,
 * in the unit being compared: 亿元, %, km², 家). Rounding noise from a division, a cube root and ×100 on
 * values of this size is below 1e-12, while the smallest real difference a typed input can make (1万元 =
 * 0.0001 亿元 against outputs up to 10 000 亿元) is at least 1e-6 % — so 280/400 counts as exactly 70 % and
 * passes "≥ 70", and a growth of exactly 10 % (e.g. 100 → 133.1, computed as 10.000000000000009) fails
 * "> 10". Values are rounded only for display (`value` and the messages), never before comparing.
 */
import type { DeclarationContent } from './declaration-form.ts';

/** Absolute tolerance of every threshold comparison, in the compared unit (see the module comment). */
export const STANDARDS_EPSILON = 1e-9;

export type StandardsOperator = '>=' | '>' | '<=' | '==' | 'any';
export type StandardsUnit = '亿元' | '%' | 'km²' | '家' | null;
export type StandardsItemResult = 'pass' | 'fail' | 'warn' | 'missing';
export type StandardsOverall = 'pass' | 'fail' | 'incomplete';

export type StandardsItem = {
  /** 1–8: the area of the standards; 0: the negative list. */
  area: number;
  code: string;
  value: number | number[] | boolean | null;
  threshold: number | null;
  operator: StandardsOperator;
  unit: StandardsUnit;
  result: StandardsItemResult;
  message: string;
  messageEn: string;
};

export type StandardsResult = {
  standardsVersion: string;
  overall: StandardsOverall;
  items: StandardsItem[];
};

/** One numeric threshold. `soft`: exceeding it warns instead of failing (e.g. "一般不超过100平方公里"). */
export type Bound = { operator: '>=' | '>' | '<='; value: number; soft?: boolean };
/** A lower bound (for counts, where a missing count can only add). */
export type MinBound = { operator: '>=' | '>'; value: number };

/**
 * Indicators of areas 4–8 that a version may give a threshold (null: judged on narrative and evidence only).
 * Area 3 (chain collaboration) has no numeric indicator on the 2022 form.
 */
export const OPTIONAL_INDICATORS = {
  smeRdSpendingGrowth: {
    area: 4,
    code: 'sme_rd_spending_growth',
    unit: '%',
    zh: '中小企业研发投入年均增长率',
    en: 'SME R&D spending, average annual growth',
  },
  innovationPlatforms: {
    area: 4,
    code: 'innovation_platforms',
    unit: '家',
    zh: '创新平台数量',
    en: 'Innovation platforms',
  },
  standardsParticipated: {
    area: 4,
    code: 'standards_participated',
    unit: null,
    zh: '参与制定标准数量（项）',
    en: 'Standards participated in',
  },
  validInventionPatents: {
    area: 4,
    code: 'valid_invention_patents',
    unit: null,
    zh: '有效发明专利数量（件）',
    en: 'Valid invention patents',
  },
  industrialInternetPenetration: {
    area: 5,
    code: 'industrial_internet_penetration',
    unit: '%',
    zh: '工业互联网平台普及率',
    en: 'Industrial internet platform penetration',
  },
  digitalToolPenetration: {
    area: 5,
    code: 'digital_tool_penetration',
    unit: '%',
    zh: '数字化研发设计工具普及率',
    en: 'Digital design tool penetration',
  },
  greenFactories: {
    area: 6,
    code: 'green_factories',
    unit: '家',
    zh: '绿色工厂数量',
    en: 'Green factories',
  },
  energyPerOutputReduction: {
    area: 6,
    code: 'energy_per_output_reduction',
    unit: '%',
    zh: '单位产值能耗下降率',
    en: 'Reduction of energy use per unit of output',
  },
  exportValue: {
    area: 7,
    code: 'export_value',
    unit: '亿元',
    zh: '出口额（最近一年）',
    en: 'Export value (latest year)',
  },
  beltAndRoadProjects: {
    area: 7,
    code: 'belt_and_road_projects',
    unit: null,
    zh: '“一带一路”合作项目数量（个）',
    en: 'Belt and Road projects',
  },
  publicServiceBodies: {
    area: 8,
    code: 'public_service_bodies',
    unit: '家',
    zh: '公共服务机构数量',
    en: 'Public service bodies',
  },
} as const satisfies Record<
  string,
  { area: number; code: string; unit: StandardsUnit; zh: string; en: string }
>;
export type OptionalIndicatorKey = keyof typeof OPTIONAL_INDICATORS;
const OPTIONAL_INDICATOR_KEYS = Object.keys(OPTIONAL_INDICATORS) as OptionalIndicatorKey[];

/** One edition of the identification standards: every number the automatic check uses. */
export type StandardsDefinition = {
  version: string;
  titleZh: string;
  titleEn: string;
  /** Area 1: cluster output in each of the three indicator years, 亿元. */
  outputEachYear: Bound;
  /** Area 1: SME output as a share of cluster output, %, in the latest indicator year. */
  smeOutputShare: Bound;
  /** Area 1: leading-industry output as a share of cluster output, %, in the latest indicator year. */
  leadingOutputShare: Bound;
  /** Area 1: average annual output growth, %, compounded over `periods` years from the base year. */
  outputGrowth: Bound & { periods: number };
  /** Area 1: land area, km² (null: not checked). */
  landArea: Bound | null;
  /** Area 2: champions + little giants, OR specialised + innovative SMEs + high-tech enterprises. */
  qualitySmes: { topTier: MinBound; broad: MinBound };
  /** Areas 4–8: thresholds a version may set; null ones are not checked. */
  optional: Record<OptionalIndicatorKey, Bound | null>;
};

const noOptionalThresholds = (): Record<OptionalIndicatorKey, Bound | null> =>
  Object.fromEntries(OPTIONAL_INDICATOR_KEYS.map((k) => [k, null])) as Record<OptionalIndicatorKey, null>;

/** Freezes data shared by every caller, all the way down. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const STANDARDS_VERSIONS: Readonly<Record<string, StandardsDefinition>> = deepFreeze({
  '2022': {
    version: '2022',
    titleZh: '中小企业特色产业集群认定标准（2022年版）',
    titleEn: 'Identification standards for SME characteristic industrial clusters (2022 edition)',
    // "近三年产值均在40亿元以上": 以上 includes the bound.
    outputEachYear: { operator: '>=', value: 40 },
    // "中小企业产值占集群总产值70%以上"
    smeOutputShare: { operator: '>=', value: 70 },
    // "主导产业占集群总产值比例高于70%": 高于 is strict.
    leadingOutputShare: { operator: '>', value: 70 },
    // "产值年均增速高于10%", (output[2] / baseYearOutput)^(1/3) − 1.
    outputGrowth: { operator: '>', value: 10, periods: 3 },
    // "占地面积一般不超过100平方公里": a soft limit.
    landArea: { operator: '<=', value: 100, soft: true },
    // "不少于1家…单项冠军企业或专精特新“小巨人”企业，或者不少于10家专精特新中小企业、创新型中小企业和国家级高新技术企业"
    qualitySmes: { topTier: { operator: '>=', value: 1 }, broad: { operator: '>=', value: 10 } },
    optional: noOptionalThresholds(),
  },
  // A unit's own standards for provincial-level clusters, one tier down: an example of the lower thresholds a
  // province sets (output ≥ 10亿元 in each of the three years, leading industry > 60% of output); the rest as
  // the national 2022 edition.
  '2022-provincial-example': {
    version: '2022-provincial-example',
    titleZh: '省级中小企业特色产业集群认定标准（示例）',
    titleEn: 'Provincial-level cluster standards (example)',
    outputEachYear: { operator: '>=', value: 10 },
    smeOutputShare: { operator: '>=', value: 70 },
    leadingOutputShare: { operator: '>', value: 60 },
    outputGrowth: { operator: '>', value: 10, periods: 3 },
    landArea: { operator: '<=', value: 100, soft: true },
    qualitySmes: { topTier: { operator: '>=', value: 1 }, broad: { operator: '>=', value: 10 } },
    optional: noOptionalThresholds(),
  },
});

export const isStandardsVersion = (version: string): boolean => Object.hasOwn(STANDARDS_VERSIONS, version);

/** The eight areas of the standards, for the UI (the negative list is area 0, `NEGATIVE_LIST_AREA`). */
export const STANDARDS_AREAS = [
  { area: 1, zh: '核心竞争力', en: 'Core competitiveness' },
  { area: 2, zh: '优质中小企业梯度培育', en: 'Quality-SME cultivation' },
  { area: 3, zh: '产业链供应链协作', en: 'Industry-chain and supply-chain collaboration' },
  { area: 4, zh: '协同创新', en: 'Collaborative innovation' },
  { area: 5, zh: '数字化转型', en: 'Digital transformation' },
  { area: 6, zh: '绿色发展', en: 'Green development' },
  { area: 7, zh: '开放合作', en: 'Open cooperation' },
  { area: 8, zh: '治理和服务', en: 'Governance and services' },
] as const;
export const NEGATIVE_LIST_AREA = { area: 0, zh: '负面清单', en: 'Negative list' } as const;

// ---------------------------------------------------------------------------------------------------------

/** `value op threshold`, tolerant to floating-point noise (see `STANDARDS_EPSILON`). */
export function compare(value: number, operator: Bound['operator'], threshold: number): boolean {
  switch (operator) {
    case '>=':
      return value >= threshold - STANDARDS_EPSILON;
    case '>':
      return value > threshold + STANDARDS_EPSILON;
    case '<=':
      return value <= threshold + STANDARDS_EPSILON;
  }
}

const boundResult = (value: number, bound: Bound): 'pass' | 'warn' | 'fail' =>
  compare(value, bound.operator, bound.value) ? 'pass' : bound.soft ? 'warn' : 'fail';

const VERDICT = {
  pass: { zh: '达到标准', en: 'meets the standard' },
  warn: { zh: '超出一般性要求，请人工判断', en: 'beyond a general (soft) limit; people decide' },
  fail: { zh: '未达到标准', en: 'does not meet the standard' },
} as const;

/**
 * A number for display: two decimals, or as many more as it takes not to look equal to the threshold when it
 * is not (69.9975 shows as 69.998, not as 70 beside a failed "≥ 70").
 */
export function displayNumber(x: number, threshold: number | null = null): number {
  let digits = 2;
  let shown = Number(x.toFixed(digits));
  if (threshold !== null && Math.abs(x - threshold) > STANDARDS_EPSILON) {
    while (shown === threshold && digits < 12) {
      digits += 1;
      shown = Number(x.toFixed(digits));
    }
  }
  return Object.is(shown, -0) ? 0 : shown;
}

const OP_ZH: Record<Bound['operator'], string> = { '>=': '不低于', '>': '高于', '<=': '不超过' };
const OP_EN: Record<Bound['operator'], string> = { '>=': 'at least', '>': 'above', '<=': 'at most' };
const UNIT_ZH: Record<NonNullable<StandardsUnit>, string> = {
  亿元: '亿元',
  '%': '%',
  'km²': '平方公里',
  家: '家',
};
const UNIT_EN: Record<NonNullable<StandardsUnit>, string> = {
  亿元: ' × 100M CNY',
  '%': '%',
  'km²': ' km²',
  家: '',
};
const zh = (x: number, unit: StandardsUnit, threshold: number | null = null) =>
  `${displayNumber(x, threshold)}${unit ? UNIT_ZH[unit] : ''}`;
const en = (x: number, unit: StandardsUnit, threshold: number | null = null) =>
  `${displayNumber(x, threshold)}${unit ? UNIT_EN[unit] : ''}`;
const ruleZh = (b: Bound, unit: StandardsUnit) => `${OP_ZH[b.operator]}${zh(b.value, unit)}`;
const ruleEn = (b: Bound, unit: StandardsUnit) => `${OP_EN[b.operator]} ${en(b.value, unit)}`;

/** Labels of the three indicator years: '2020年' etc. when known, else '第1年' etc. */
const yearLabels = (c: DeclarationContent) => {
  const y = c.indicators.years;
  return [0, 1, 2].map((i) => ({
    zh: y ? `${y[i]}年` : `第${i + 1}年`,
    en: y ? `${y[i]}` : `year ${i + 1}`,
  }));
};

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Compound annual growth in %, or a reason it cannot be computed. */
function compoundGrowth(
  from: number | null | undefined,
  to: number | null | undefined,
  periods: number,
): { ok: true; percent: number } | { ok: false; reason: 'missing' | 'zero_base' } {
  if (!isNum(from) || !isNum(to)) return { ok: false, reason: 'missing' };
  if (from <= 0) return { ok: false, reason: 'zero_base' };
  return { ok: true, percent: ((to / from) ** (1 / periods) - 1) * 100 };
}

// ---------------------------------------------------------------------------------------------------------

function outputEachYear(c: DeclarationContent, std: StandardsDefinition): StandardsItem {
  const bound = std.outputEachYear;
  const out = c.indicators.output;
  const years = yearLabels(c);
  const base = {
    area: 1,
    code: 'output_each_year',
    threshold: bound.value,
    operator: bound.operator,
    unit: '亿元',
  } as const;
  const absent = [0, 1, 2].filter((i) => !isNum(out[i]));
  if (absent.length > 0) {
    return {
      ...base,
      value: null,
      result: 'missing',
      message: `近三年集群产值未填写完整（缺${absent.map((i) => years[i]?.zh).join('、')}），无法判断是否均${ruleZh(bound, '亿元')}`,
      messageEn: `Cluster output is not filled in for ${absent.map((i) => years[i]?.en).join(', ')}; cannot check it is ${ruleEn(bound, '亿元')} in each year`,
    };
  }
  const values = out as number[];
  const perYear = values.map((v) => boundResult(v, bound));
  const below = [0, 1, 2].filter((i) => perYear[i] !== 'pass');
  const result = perYear.includes('fail') ? 'fail' : perYear.includes('warn') ? 'warn' : 'pass';
  const list = (lang: 'zh' | 'en') =>
    values
      .map((v, i) =>
        lang === 'zh'
          ? `${years[i]?.zh}${zh(v, '亿元', bound.value)}`
          : `${years[i]?.en}: ${en(v, '亿元', bound.value)}`,
      )
      .join(lang === 'zh' ? '、' : '; ');
  if (below.length === 0) {
    return {
      ...base,
      value: values,
      result: 'pass',
      message: `近三年集群产值（${list('zh')}）均${ruleZh(bound, '亿元')}`,
      messageEn: `Cluster output (${list('en')}) is ${ruleEn(bound, '亿元')} in each of the three years`,
    };
  }
  return {
    ...base,
    value: values,
    result,
    message: `近三年集群产值（${list('zh')}）须均${ruleZh(bound, '亿元')}，${below.map((i) => years[i]?.zh).join('、')}未达到（${VERDICT[result].zh}）`,
    messageEn: `Cluster output (${list('en')}) must be ${ruleEn(bound, '亿元')} in each year; ${below.map((i) => years[i]?.en).join(', ')} falls short (${VERDICT[result].en})`,
  };
}

function share(
  c: DeclarationContent,
  bound: Bound,
  spec: { code: string; part: number | null | undefined; zh: string; en: string },
): StandardsItem {
  const total = c.indicators.output[2];
  const year = yearLabels(c)[2] ?? { zh: '最近一年', en: 'the latest year' };
  const base = {
    area: 1,
    code: spec.code,
    threshold: bound.value,
    operator: bound.operator,
    unit: '%',
  } as const;
  const rule = {
    zh: `${spec.zh}占集群总产值比例须${ruleZh(bound, '%')}`,
    en: `${spec.en} must be ${ruleEn(bound, '%')} of cluster output`,
  };
  if (!isNum(spec.part) || !isNum(total)) {
    const what = [
      !isNum(spec.part) ? spec : null,
      !isNum(total) ? { zh: '集群总产值', en: 'cluster output' } : null,
    ].filter((x) => x !== null);
    return {
      ...base,
      value: null,
      result: 'missing',
      message: `${year.zh}${what.map((x) => x.zh).join('、')}未填写，无法计算（${rule.zh}）`,
      messageEn: `${what.map((x) => x.en).join(' and ')} for ${year.en} not filled in; cannot compute (${rule.en})`,
    };
  }
  if (total <= 0) {
    return {
      ...base,
      value: null,
      result: 'missing',
      message: `${year.zh}集群总产值为0，无法计算占比（${rule.zh}）`,
      messageEn: `Cluster output for ${year.en} is 0; the share cannot be computed (${rule.en})`,
    };
  }
  const pct = (spec.part / total) * 100;
  const result = boundResult(pct, bound);
  const shown = displayNumber(pct, bound.value);
  return {
    ...base,
    value: shown,
    result,
    message: `${year.zh}${spec.zh}${zh(spec.part, '亿元')}，占集群总产值${zh(total, '亿元')}的${shown}%，${VERDICT[result].zh}（${rule.zh}）`,
    messageEn: `${year.en}: ${spec.en} ${en(spec.part, '亿元')} is ${shown}% of cluster output ${en(total, '亿元')}; ${VERDICT[result].en} (${rule.en})`,
  };
}

function outputGrowth(c: DeclarationContent, std: StandardsDefinition): StandardsItem {
  const bound = std.outputGrowth;
  const baseOut = c.indicators.baseYearOutput;
  const latest = c.indicators.output[2];
  const first = c.indicators.years?.[0];
  const yBase =
    first !== undefined
      ? { zh: `${first - 1}年（基年）`, en: `${first - 1} (base year)` }
      : { zh: '基年', en: 'the base year' };
  const yLast = yearLabels(c)[2] ?? { zh: '最近一年', en: 'the latest year' };
  const base = {
    area: 1,
    code: 'output_growth',
    threshold: bound.value,
    operator: bound.operator,
    unit: '%',
  } as const;
  const rule = {
    zh: `产值年均增速须${ruleZh(bound, '%')}，按（${yLast.zh}产值 ÷ ${yBase.zh}产值）^(1/${bound.periods}) − 1 计算`,
    en: `average annual output growth must be ${ruleEn(bound, '%')}, computed as (output ${yLast.en} / output ${yBase.en})^(1/${bound.periods}) − 1`,
  };
  const g = compoundGrowth(baseOut, latest, bound.periods);
  if (!g.ok) {
    if (g.reason === 'zero_base') {
      return {
        ...base,
        value: null,
        result: 'missing',
        message: `${yBase.zh}产值为0，无法计算年均增速（${rule.zh}）`,
        messageEn: `Output in ${yBase.en} is 0; growth cannot be computed (${rule.en})`,
      };
    }
    const what = [
      !isNum(baseOut) ? { zh: `${yBase.zh}产值`, en: `output in ${yBase.en}` } : null,
      !isNum(latest) ? { zh: `${yLast.zh}产值`, en: `output in ${yLast.en}` } : null,
    ].filter((x) => x !== null);
    return {
      ...base,
      value: null,
      result: 'missing',
      message: `${what.map((x) => x.zh).join('、')}未填写，无法计算年均增速（${rule.zh}）`,
      messageEn: `${what.map((x) => x.en).join(' and ')} not filled in; growth cannot be computed (${rule.en})`,
    };
  }
  const result = boundResult(g.percent, bound);
  const shown = displayNumber(g.percent, bound.value);
  return {
    ...base,
    value: shown,
    result,
    message: `产值由${yBase.zh}${zh(baseOut as number, '亿元')}增至${yLast.zh}${zh(latest as number, '亿元')}，年均增速${shown}%，${VERDICT[result].zh}（${rule.zh}）`,
    messageEn: `Output grew from ${en(baseOut as number, '亿元')} (${yBase.en}) to ${en(latest as number, '亿元')} (${yLast.en}), ${shown}% a year; ${VERDICT[result].en} (${rule.en})`,
  };
}

function landArea(c: DeclarationContent, bound: Bound): StandardsItem {
  const area = c.landAreaKm2;
  const base = {
    area: 1,
    code: 'land_area',
    threshold: bound.value,
    operator: bound.operator,
    unit: 'km²',
  } as const;
  const softZh = bound.soft ? '，为一般性要求，超出时提示，由人工判断' : '';
  const softEn = bound.soft ? '; a general limit: exceeding it warns, people decide' : '';
  if (!isNum(area)) {
    return {
      ...base,
      value: null,
      result: 'missing',
      message: `集群占地面积未填写（占地面积${ruleZh(bound, 'km²')}${softZh}）`,
      messageEn: `Land area not filled in (land area ${ruleEn(bound, 'km²')}${softEn})`,
    };
  }
  const result = boundResult(area, bound);
  const shown = displayNumber(area, bound.value);
  const ok = result === 'pass';
  return {
    ...base,
    value: shown,
    result,
    message: `集群占地面积${zh(area, 'km²', bound.value)}，${ok ? '符合' : '超出'}占地面积${ruleZh(bound, 'km²')}的要求${softZh}`,
    messageEn: `Land area ${en(area, 'km²', bound.value)} is ${ok ? 'within' : 'beyond'} the limit of ${ruleEn(bound, 'km²')}${softEn}`,
  };
}

const ENTERPRISE_ZH = {
  singleChampion: '单项冠军企业',
  littleGiant: '专精特新“小巨人”企业',
  specializedSme: '专精特新中小企业',
  innovativeSme: '创新型中小企业',
  highTech: '国家级高新技术企业',
} as const;
const ENTERPRISE_EN = {
  singleChampion: 'single-item champions',
  littleGiant: 'little giants',
  specializedSme: 'specialised SMEs',
  innovativeSme: 'innovative SMEs',
  highTech: 'national high-tech enterprises',
} as const;
type QualityField = keyof typeof ENTERPRISE_ZH;

/**
 * One branch of the OR: the sum of its counts against a lower bound. Counts are never negative, so a branch
 * whose filled-in counts already reach the bound passes whatever the blank ones hold, and fails only when
 * every count is filled in.
 */
function branch(c: DeclarationContent, fields: readonly QualityField[], bound: MinBound) {
  const e = c.indicators.enterprises;
  const absent = fields.filter((f) => !isNum(e[f]));
  const sum = fields.reduce((s, f) => s + (e[f] ?? 0), 0);
  const reached = compare(sum, bound.operator, bound.value);
  const state: 'pass' | 'fail' | 'missing' = reached ? 'pass' : absent.length > 0 ? 'missing' : 'fail';
  return { sum, absent, state };
}

function qualitySmes(c: DeclarationContent, std: StandardsDefinition): StandardsItem {
  const { topTier, broad } = std.qualitySmes;
  const topFields = ['singleChampion', 'littleGiant'] as const;
  const broadFields = ['specializedSme', 'innovativeSme', 'highTech'] as const;
  const top = branch(c, topFields, topTier);
  const wide = branch(c, broadFields, broad);
  const result: StandardsItemResult =
    top.state === 'pass' || wide.state === 'pass'
      ? 'pass'
      : top.state === 'fail' && wide.state === 'fail'
        ? 'fail'
        : 'missing';
  const ruleZh2 = `标准：主导产业单项冠军企业与专精特新“小巨人”企业合计${OP_ZH[topTier.operator]}${topTier.value}家，或专精特新中小企业、创新型中小企业和国家级高新技术企业合计${OP_ZH[broad.operator]}${broad.value}家，满足其一即可`;
  const ruleEn2 = `standard: single-item champions plus little giants in the leading industry ${OP_EN[topTier.operator]} ${topTier.value}, or specialised SMEs, innovative SMEs and national high-tech enterprises together ${OP_EN[broad.operator]} ${broad.value}; either suffices`;
  const overlapZh =
    '注意：上述各类企业可能重叠（同一企业可同时具有多种资质），合计数可能重复计算同一企业，须人工核对企业名单和证明材料。';
  const overlapEn =
    'Note: the categories may overlap (one enterprise can hold several titles), so the sums may count an enterprise twice; people must check the enterprise list and certificates.';
  const absent = [...top.absent, ...wide.absent];
  const absentZh = absent.length > 0 ? `未填写：${absent.map((f) => ENTERPRISE_ZH[f]).join('、')}。` : '';
  const absentEn =
    absent.length > 0 ? `Not filled in: ${absent.map((f) => ENTERPRISE_EN[f]).join(', ')}. ` : '';
  const verdictZh = { pass: '达到标准', fail: '未达到标准', missing: '数据不全，尚无法判断', warn: '' }[
    result
  ];
  const verdictEn = {
    pass: 'meets the standard',
    fail: 'does not meet the standard',
    missing: 'Incomplete data, cannot decide yet',
    warn: '',
  }[result];
  // Sums with blanks counted as 0 are lower bounds: shown only when they decide the item.
  const sumsZh =
    result === 'missing'
      ? ''
      : `单项冠军与“小巨人”企业合计${top.sum}家，专精特新中小企业、创新型中小企业和高新技术企业合计${wide.sum}家，`;
  const sumsEn =
    result === 'missing'
      ? ''
      : `Champions plus little giants: ${top.sum}; specialised SMEs, innovative SMEs and high-tech enterprises: ${wide.sum}; `;
  return {
    area: 2,
    code: 'quality_smes',
    value: result === 'missing' ? null : [top.sum, wide.sum],
    threshold: null,
    operator: 'any',
    unit: '家',
    result,
    message: `${sumsZh}${verdictZh}（${ruleZh2}）。${absentZh}${overlapZh}`,
    messageEn: `${sumsEn}${verdictEn} (${ruleEn2}). ${absentEn}${overlapEn}`,
  };
}

function negativeList(c: DeclarationContent): StandardsItem {
  const ok = c.integrityPledge.noSeriousIncidents === true;
  const scopeZh =
    '近三年集群企业未发生较大及以上安全、质量和环境污染等事故，重大及以上网络安全和数据安全事件，以及偷税漏税、违法违规、严重失信和其他重大问题';
  const scopeEn =
    'in the last three years no cluster enterprise had a safety, quality or environmental accident of grade 较大 or above, a major network or data security incident, tax evasion, violations, serious dishonesty or other major problems';
  return {
    area: 0,
    code: 'negative_list',
    value: ok,
    threshold: null,
    operator: '==',
    unit: null,
    result: ok ? 'pass' : 'fail',
    message: ok
      ? `申报地已承诺${scopeZh}（承诺不实的取消资格）`
      : `申报地未作出负面清单承诺：须承诺${scopeZh}，否则不予认定`,
    messageEn: ok
      ? `The county has pledged that ${scopeEn} (a false pledge disqualifies)`
      : `The negative-list pledge has not been given: the county must pledge that ${scopeEn}; otherwise the cluster cannot be identified`,
  };
}

function optionalValue(c: DeclarationContent, key: OptionalIndicatorKey): number | null | 'zero_base' {
  const ind = c.indicators;
  switch (key) {
    case 'smeRdSpendingGrowth': {
      const g = compoundGrowth(ind.smeRdSpending[0], ind.smeRdSpending[2], 2);
      return g.ok ? g.percent : g.reason === 'zero_base' ? 'zero_base' : null;
    }
    case 'exportValue':
      return ind.exportValue[2] ?? null;
    default:
      return ind[key];
  }
}

function optionalItem(c: DeclarationContent, key: OptionalIndicatorKey, bound: Bound): StandardsItem {
  const meta = OPTIONAL_INDICATORS[key];
  const base = {
    area: meta.area,
    code: meta.code,
    threshold: bound.value,
    operator: bound.operator,
    unit: meta.unit,
  } as const;
  const rule = {
    zh: `${meta.zh}须${ruleZh(bound, meta.unit)}`,
    en: `${meta.en} must be ${ruleEn(bound, meta.unit)}`,
  };
  const v = optionalValue(c, key);
  if (v === null || v === 'zero_base') {
    const zeroBase = v === 'zero_base';
    return {
      ...base,
      value: null,
      result: 'missing',
      message: zeroBase ? `${meta.zh}的基数为0，无法计算（${rule.zh}）` : `${meta.zh}未填写（${rule.zh}）`,
      messageEn: zeroBase
        ? `${meta.en}: the base is 0, cannot compute (${rule.en})`
        : `${meta.en} not filled in (${rule.en})`,
    };
  }
  const result = boundResult(v, bound);
  const shown = displayNumber(v, bound.value);
  return {
    ...base,
    value: shown,
    result,
    message: `${meta.zh}为${zh(v, meta.unit, bound.value)}，${VERDICT[result].zh}（${rule.zh}）`,
    messageEn: `${meta.en}: ${en(v, meta.unit, bound.value)}; ${VERDICT[result].en} (${rule.en})`,
  };
}

/** Overall: any fail → fail; else any missing → incomplete; else pass (a warn never fails). */
export function overallOf(items: readonly { result: StandardsItemResult }[]): StandardsOverall {
  if (items.some((i) => i.result === 'fail')) return 'fail';
  if (items.some((i) => i.result === 'missing')) return 'incomplete';
  return 'pass';
}

/** Checks content against a standards definition (tests and previews of a draft edition use this directly). */
export function evaluateStandardsWith(
  content: DeclarationContent,
  std: StandardsDefinition,
): StandardsResult {
  const items: StandardsItem[] = [
    outputEachYear(content, std),
    share(content, std.smeOutputShare, {
      code: 'sme_output_share',
      part: content.indicators.smeOutput[2],
      zh: '中小企业产值',
      en: 'SME output',
    }),
    share(content, std.leadingOutputShare, {
      code: 'leading_output_share',
      part: content.indicators.leadingIndustryOutput[2],
      zh: '主导产业产值',
      en: 'Leading-industry output',
    }),
    outputGrowth(content, std),
  ];
  if (std.landArea) items.push(landArea(content, std.landArea));
  items.push(qualitySmes(content, std));
  for (const key of OPTIONAL_INDICATOR_KEYS) {
    const bound = std.optional[key];
    if (bound) items.push(optionalItem(content, key, bound));
  }
  items.push(negativeList(content));
  return { standardsVersion: std.version, overall: overallOf(items), items };
}

/** Checks content against a standards version ('2022'); an unknown version throws a RangeError. */
export function evaluateStandards(content: DeclarationContent, version: string): StandardsResult {
  return evaluateStandardsWith(content, standardsDefinition(version));
}

/** The definition of a standards version; an unknown version throws a RangeError. */
function standardsDefinition(version: string): StandardsDefinition {
  const std = Object.hasOwn(STANDARDS_VERSIONS, version) ? STANDARDS_VERSIONS[version] : undefined;
  if (!std) {
    throw new RangeError(
      `unknown standards version "${version}" (known: ${Object.keys(STANDARDS_VERSIONS).join(', ')})`,
    );
  }
  return std;
}

// ---------------------------------------------------------------------------------------------------------
// The verdict without messages: lists, batches and rankings need only each item's result, and building the
// zh/en messages (numbers formatted for display, labels, rules) was ~0.1 ms per declaration — most of a
// national batch. The same rules as the items above, without the text; standards.test.ts proves by property
// that both give the same item results and overall verdict for any content.

/** One item's outcome without its messages. */
export type StandardsItemVerdict = { code: string; result: StandardsItemResult };

/** The check's outcome without messages: the overall verdict and each item's result, in the same order. */
export type StandardsVerdict = {
  standardsVersion: string;
  overall: StandardsOverall;
  items: StandardsItemVerdict[];
};

const worst = (a: 'pass' | 'warn' | 'fail', b: 'pass' | 'warn' | 'fail') =>
  a === 'fail' || b === 'fail' ? 'fail' : a === 'warn' || b === 'warn' ? 'warn' : 'pass';

function outputEachYearResult(c: DeclarationContent, bound: Bound): StandardsItemResult {
  const out = c.indicators.output;
  if (!isNum(out[0]) || !isNum(out[1]) || !isNum(out[2])) return 'missing';
  return worst(worst(boundResult(out[0], bound), boundResult(out[1], bound)), boundResult(out[2], bound));
}

function shareResult(
  c: DeclarationContent,
  bound: Bound,
  part: number | null | undefined,
): StandardsItemResult {
  const total = c.indicators.output[2];
  if (!isNum(part) || !isNum(total) || total <= 0) return 'missing';
  return boundResult((part / total) * 100, bound);
}

function growthResult(c: DeclarationContent, bound: Bound & { periods: number }): StandardsItemResult {
  const g = compoundGrowth(c.indicators.baseYearOutput, c.indicators.output[2], bound.periods);
  return g.ok ? boundResult(g.percent, bound) : 'missing';
}

function qualitySmesResult(c: DeclarationContent, std: StandardsDefinition): StandardsItemResult {
  const top = branch(c, ['singleChampion', 'littleGiant'], std.qualitySmes.topTier);
  const wide = branch(c, ['specializedSme', 'innovativeSme', 'highTech'], std.qualitySmes.broad);
  if (top.state === 'pass' || wide.state === 'pass') return 'pass';
  return top.state === 'fail' && wide.state === 'fail' ? 'fail' : 'missing';
}

function optionalResult(c: DeclarationContent, key: OptionalIndicatorKey, bound: Bound): StandardsItemResult {
  const v = optionalValue(c, key);
  return v === null || v === 'zero_base' ? 'missing' : boundResult(v, bound);
}

/** `evaluateStandardsWith` without messages: the same items' results and the same overall verdict. */
export function checkStandardsWith(content: DeclarationContent, std: StandardsDefinition): StandardsVerdict {
  const ind = content.indicators;
  const items: StandardsItemVerdict[] = [
    { code: 'output_each_year', result: outputEachYearResult(content, std.outputEachYear) },
    { code: 'sme_output_share', result: shareResult(content, std.smeOutputShare, ind.smeOutput[2]) },
    {
      code: 'leading_output_share',
      result: shareResult(content, std.leadingOutputShare, ind.leadingIndustryOutput[2]),
    },
    { code: 'output_growth', result: growthResult(content, std.outputGrowth) },
  ];
  if (std.landArea) {
    const area = content.landAreaKm2;
    items.push({ code: 'land_area', result: isNum(area) ? boundResult(area, std.landArea) : 'missing' });
  }
  items.push({ code: 'quality_smes', result: qualitySmesResult(content, std) });
  for (const key of OPTIONAL_INDICATOR_KEYS) {
    const bound = std.optional[key];
    if (bound)
      items.push({ code: OPTIONAL_INDICATORS[key].code, result: optionalResult(content, key, bound) });
  }
  items.push({
    code: 'negative_list',
    result: content.integrityPledge.noSeriousIncidents === true ? 'pass' : 'fail',
  });
  return { standardsVersion: std.version, overall: overallOf(items), items };
}

/**
 * The verdict of a standards version without messages, for lists, batches and rankings (detail views use
 * `evaluateStandards`); an unknown version throws a RangeError.
 */
export function checkStandards(content: DeclarationContent, version: string): StandardsVerdict {
  return checkStandardsWith(content, standardsDefinition(version));
}

/** The codes of the items that fail or are missing (what keeps a declaration from passing). */
export const failingCodes = (verdict: Pick<StandardsVerdict, 'items'>): string[] =>
  verdict.items.filter((i) => i.result === 'fail' || i.result === 'missing').map((i) => i.code);
