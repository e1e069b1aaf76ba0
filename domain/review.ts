/**
 * The unit's preliminary review (初审) checklist, as data. Items with an automatic check show it beside the
 * reviewer's own judgement; the reviewer decides.
 */
import { type DeclarationContent, missingItems } from './declaration-form.ts';
import type { StandardsResult } from './standards.ts';

export const REVIEW_ITEMS = [
  { key: 'completeness', zh: '申报材料完整', en: 'Complete application', auto: 'completeness' },
  { key: 'authenticity', zh: '佐证材料真实有效', en: 'Evidence authentic and valid', auto: null },
  {
    key: 'consistency',
    zh: '数据前后一致、与佐证相符',
    en: 'Figures consistent with the evidence',
    auto: null,
  },
  { key: 'standards', zh: '符合认定标准', en: 'Meets the identification standards', auto: 'standards' },
  { key: 'negative_list', zh: '无负面清单情形', en: 'No negative-list incident', auto: 'negative_list' },
] as const;
export type ReviewItemKey = (typeof REVIEW_ITEMS)[number]['key'];
export const REVIEW_ITEM_KEYS = REVIEW_ITEMS.map((i) => i.key) as [ReviewItemKey, ...ReviewItemKey[]];

export type AutoCheck = { result: 'pass' | 'fail' | 'warn' | 'missing'; detail: string };

/** The automatic result beside each item that has one. */
export function automaticChecks(
  content: DeclarationContent,
  attachedCategories: readonly string[],
  standards: StandardsResult,
): Partial<Record<ReviewItemKey, AutoCheck>> {
  const missing = missingItems(content, attachedCategories);
  const negative = standards.items.find((i) => i.code === 'negative_list');
  return {
    completeness: missing.length
      ? { result: 'fail', detail: `${missing.length} missing: ${missing.map((m) => m.path).join(', ')}` }
      : { result: 'pass', detail: 'all required items present' },
    standards: {
      result: standards.overall === 'pass' ? 'pass' : standards.overall === 'fail' ? 'fail' : 'missing',
      detail: standards.items
        .filter((i) => i.result !== 'pass')
        .map((i) => `${i.code}: ${i.result}`)
        .join(', '),
    },
    negative_list: { result: negative?.result ?? 'missing', detail: negative?.message ?? '' },
  };
}
