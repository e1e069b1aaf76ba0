// Number formatting per interface language. Money arrives from the API in 亿元 (100 million CNY);
// percentages arrive as numbers 0–100.
import type { Language } from './languages.ts';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, options);
    cache.set(key, nf);
  }
  return nf;
}

/**
 * Formats an amount given in 亿元. Chinese keeps the unit (“520.5 亿元”); English shows billions of
 * yuan (“CNY 52.05 billion”), since 1 亿元 = 0.1 billion CNY.
 */
export function formatMoneyYi(
  amountYi: number | null | undefined,
  lang: Language,
  fractionDigits = 2,
): string {
  if (amountYi === null || amountYi === undefined || !Number.isFinite(amountYi)) return '—';
  if (lang === 'en') {
    const nf = formatter('en-US', { minimumFractionDigits: 0, maximumFractionDigits: fractionDigits + 1 });
    return `CNY ${nf.format(amountYi / 10)} billion`;
  }
  const nf = formatter('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: fractionDigits });
  return `${nf.format(amountYi)} 亿元`;
}

/** Formats a percentage given as 0–100 (e.g. 12.5 → “12.5%”). */
export function formatPercent(value: number | null | undefined, lang: Language, fractionDigits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const nf = formatter(lang === 'en' ? 'en-US' : 'zh-CN', {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  });
  return nf.format(value / 100);
}

/** Formats a plain count or amount with grouping for the language. */
export function formatNumber(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatter(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
}
