import type { TFunction } from 'i18next';
import { EVIDENCE_CATEGORIES, OPERATOR_KINDS, PLAN_INDICATORS } from '../../../../domain/declaration-form.ts';
import type { Language } from '../../i18n/languages.ts';

const MAX_TEXT = 120;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const includes = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/**
 * A field's value as a short text for the conflict dialog and the version diff: empty shown as such,
 * yes/no for pledges, enum values by name, contacts and targets summarised, long texts cut.
 */
export function displayValue(path: string, value: unknown, t: TFunction, lang: Language): string {
  if (value === null || value === undefined || value === '') return t('conflict.empty');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (path.endsWith('operator.kind') && includes(OPERATOR_KINDS, value)) return t(`operatorKinds.${value}`);
  if (typeof value === 'number')
    return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 4 }).format(
      value,
    );
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return t('conflict.empty');
    return value.map((v) => displayItem(v, t, lang)).join('；');
  }
  return JSON.stringify(value);
}

function displayItem(v: unknown, t: TFunction, lang: Language): string {
  if (!isObject(v)) return v === null || v === undefined ? '—' : String(v);
  // A plan target.
  if ('indicator' in v && includes(PLAN_INDICATORS, v.indicator))
    return `${t(`plan.indicators.${v.indicator}`)} ${String(v.year)}: ${String(v.value)}`;
  // A contact person.
  if ('phone' in v)
    return [v.name, v.title, v.phone, v.email].filter((x) => typeof x === 'string' && x).join(' ');
  // An attachment (in a version diff).
  if ('filename' in v) {
    const cat = EVIDENCE_CATEGORIES.find((c) => c.key === v.category);
    return `${cat ? (lang === 'en' ? cat.en : cat.zh) : ''} ${String(v.filename)}`.trim();
  }
  return JSON.stringify(v);
}
