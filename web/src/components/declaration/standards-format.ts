import type { TFunction } from 'i18next';
import type { DeclarationContent } from '../../../../domain/declaration-form.ts';
import {
  evaluateStandards,
  OPTIONAL_INDICATORS,
  type StandardsItem,
  type StandardsResult,
} from '../../../../domain/standards.ts';
import { formatMoneyYi } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';

const CORE_CODES = [
  'output_each_year',
  'sme_output_share',
  'leading_output_share',
  'output_growth',
  'land_area',
  'quality_smes',
  'negative_list',
] as const;

/** The check of the content as typed, or null when the standards version is not known to this build. */
export function evaluateLive(content: DeclarationContent, version: string): StandardsResult | null {
  try {
    return evaluateStandards(content, version);
  } catch {
    return null;
  }
}

/** A short name for a standards item by its code. */
export function standardsItemName(code: string, t: TFunction, lang: Language): string {
  const core = CORE_CODES.find((c) => c === code);
  if (core) return t(`standardsCodes.${core}`);
  const optional = Object.values(OPTIONAL_INDICATORS).find((o) => o.code === code);
  if (optional) return lang === 'en' ? optional.en : optional.zh;
  return code;
}

const OPERATORS: Record<StandardsItem['operator'], string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '==': '=',
  any: '',
};

function unitText(unit: StandardsItem['unit'], lang: Language): string {
  if (!unit) return '';
  if (unit === '家') return lang === 'en' ? '' : '家';
  return unit === '%' ? '%' : ` ${unit}`;
}

const nf = (lang: Language) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });

/** A number with its unit; money in English as billions of yuan (“CNY 4 billion”), not 亿元. */
const withUnit = (x: number, unit: StandardsItem['unit'], lang: Language) =>
  unit === '亿元' && lang === 'en' ? formatMoneyYi(x, lang) : `${nf(lang).format(x)}${unitText(unit, lang)}`;

/** The item's value for display: numbers with the unit, a list of years' values, yes/no. */
export function formatStandardsValue(item: StandardsItem, lang: Language, yes: string, no: string): string {
  const v = item.value;
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) return v.map((x) => withUnit(x, item.unit, lang)).join(' / ');
  return withUnit(v, item.unit, lang);
}

/** The threshold with its operator (“≥ 40 亿元”), or '' when the item has none. */
export function formatThreshold(item: StandardsItem, lang: Language): string {
  if (item.threshold === null || item.operator === 'any') return '';
  return `${OPERATORS[item.operator]} ${withUnit(item.threshold, item.unit, lang)}`;
}
