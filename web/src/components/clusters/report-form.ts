// The annual report form as data: its sections and fields (paths into the report content), and the pure
// steps of editing it (what changed since the last save, a missing item in the interface language).
import type { TFunction } from 'i18next';
import { REPORT_NARRATIVE_KEYS } from '../../../../domain/annual-report.ts';

export type ReportFieldKind = 'money' | 'rate' | 'percent' | 'count';
export type ReportField = { path: string; kind: ReportFieldKind };

const f = (path: string, kind: ReportFieldKind): ReportField => ({ path, kind });

/** The numeric fields by section, in the order of the paper form. */
export const REPORT_FIGURE_SECTIONS: readonly {
  key: 'output' | 'enterprises' | 'innovation' | 'green';
  fields: ReportField[];
}[] = [
  {
    key: 'output',
    fields: [
      f('output', 'money'),
      f('outputGrowth', 'rate'),
      f('smeOutput', 'money'),
      f('leadingIndustryOutput', 'money'),
    ],
  },
  {
    key: 'enterprises',
    fields: [
      'total',
      'sme',
      'singleChampion',
      'littleGiant',
      'specializedSme',
      'innovativeSme',
      'highTech',
    ].map((k) => f(`enterprises.${k}`, 'count')),
  },
  {
    key: 'innovation',
    fields: [
      f('validInventionPatents', 'count'),
      f('rdSpending', 'money'),
      f('innovationPlatforms', 'count'),
      f('industrialInternetPenetration', 'percent'),
      f('digitalToolPenetration', 'percent'),
    ],
  },
  {
    key: 'green',
    fields: [
      f('greenFactories', 'count'),
      f('energyPerOutputReduction', 'rate'),
      f('exportValue', 'money'),
      f('beltAndRoadProjects', 'count'),
      f('publicServiceBodies', 'count'),
    ],
  },
];

export const NARRATIVE_PATHS = REPORT_NARRATIVE_KEYS.map((k) => `narratives.${k}`);

/** Input bounds per kind (as the server's schema has them). */
export const FIELD_BOUNDS: Record<ReportFieldKind, { min: number; max: number; precision: number }> = {
  money: { min: 0, max: 1_000_000, precision: 2 },
  rate: { min: -100, max: 10_000, precision: 2 },
  percent: { min: 0, max: 100, precision: 2 },
  count: { min: 0, max: 10_000_000, precision: 0 },
};

/** The DOM id of a report field, e.g. `report-enterprises-total`. */
export const reportFieldId = (path: string) => `report-${path.replaceAll('.', '-')}`;

/** The label key of a report field path. */
export const reportFieldLabelKey = (path: string) => `cl.report.f.${path}`;

/**
 * A missing item in the interface language: an empty required field by its label ("… is missing"); a
 * check between figures keeps the server's own wording.
 */
export function reportMissingText(item: { path: string; message: string }, t: TFunction): string {
  if (item.message.endsWith('未填写')) {
    const key = reportFieldLabelKey(item.path);
    const label = t(key as never) as string;
    if (label !== key) return t('cl.report.missingItem', { label });
  }
  return item.message;
}
