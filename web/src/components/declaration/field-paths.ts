// Names for content paths (`indicators.output[2]`): the DOM id of the input that edits it, the form step it
// lives on, and a human label in the interface language. Used by the missing-items list, the conflict
// dialog and the version diff, so they all say the same thing about the same field.
import type { TFunction } from 'i18next';
import {
  ENTERPRISE_FIELDS,
  EVIDENCE_CATEGORIES,
  type FormSectionKey,
  indicatorYears,
  NARRATIVE_KEYS,
} from '../../../../domain/declaration-form.ts';
import type { Language } from '../../i18n/languages.ts';
import { parsePath } from './content-patch.ts';

/** The id of the control that edits `path` (or, for a list, its "add" button). */
export function fieldId(path: string): string {
  return `decl-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

/** The id of the element holding the error message of `path` (the control's aria-describedby). */
export const errorId = (path: string) => `${fieldId(path)}-error`;

/** A field's error message, in an element the control points to with aria-describedby. */
export const describedBy = (path: string, error: string | undefined) => (error ? errorId(path) : undefined);

/** The form step holding a content path. */
export function sectionOfPath(path: string): FormSectionKey {
  const head = parsePath(path)[0];
  switch (head) {
    case 'indicators':
      return 'indicators';
    case 'narratives':
      return 'narratives';
    case 'developmentPlan':
      return 'plan';
    case 'integrityPledge':
      return 'pledge';
    case 'attachments':
      return 'evidence';
    default:
      return 'basic';
  }
}

export const TRIPLE_ROWS = [
  'output',
  'smeOutput',
  'leadingIndustryOutput',
  'smeRdSpending',
  'exportValue',
] as const;
export type TripleRow = (typeof TRIPLE_ROWS)[number];

export const OTHER_INDICATORS = [
  'innovationPlatforms',
  'standardsParticipated',
  'validInventionPatents',
  'industrialInternetPenetration',
  'digitalToolPenetration',
  'greenFactories',
  'energyPerOutputReduction',
  'beltAndRoadProjects',
  'publicServiceBodies',
] as const;
export type OtherIndicator = (typeof OTHER_INDICATORS)[number];
export const PERCENT_INDICATORS: readonly OtherIndicator[] = [
  'industrialInternetPenetration',
  'digitalToolPenetration',
  'energyPerOutputReduction',
];

const includes = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/** A label for a content path, e.g. `indicators.output[2]` → “集群总产值，2022年”. Unknown paths are returned as is. */
export function fieldLabel(path: string, t: TFunction, lang: Language, campaignYear: number): string {
  const segs = parsePath(path);
  const [a, b, c, d] = segs;
  const years = indicatorYears(campaignYear);
  switch (a) {
    case 'clusterName':
    case 'zoneName':
    case 'landAreaKm2':
      return t(`fields.${a}`);
    case 'leadingIndustry':
      if (b === 'name') return t('fields.leadingIndustryName');
      if (b === 'industryCode') return t('fields.industryCode');
      if (b === 'subSector') return t('fields.subSector');
      break;
    case 'operator': {
      const head = t('fields.operatorHeading');
      if (b === 'name') return `${head} · ${t('fields.operatorName')}`;
      if (b === 'kind') return `${head} · ${t('fields.operatorKind')}`;
      if (b === 'contact') return `${head} · ${t('fields.operatorContact')}`;
      break;
    }
    case 'contacts': {
      if (typeof b !== 'number') return t('fields.contactsHeading');
      const who = t('fields.contact', { n: b + 1 });
      if (c === 'name') return `${who} · ${t('fields.contactName')}`;
      if (c === 'title') return `${who} · ${t('fields.contactTitle')}`;
      if (c === 'phone') return `${who} · ${t('fields.contactPhone')}`;
      if (c === 'email') return `${who} · ${t('fields.contactEmail')}`;
      return who;
    }
    case 'indicators': {
      if (b === 'baseYearOutput')
        return t('indicatorsForm.cell', {
          row: t('indicatorsForm.rows.output'),
          year: t('indicatorsForm.baseYear', { year: years[0] - 1 }),
        });
      if (b === 'years') return t('indicatorsForm.years');
      if (includes(TRIPLE_ROWS, b)) {
        const row = t(`indicatorsForm.rows.${b}`);
        if (typeof c !== 'number') return row;
        return t('indicatorsForm.cell', { row, year: t('indicatorsForm.year', { year: years[c] ?? c }) });
      }
      if (b === 'enterprises' && includes(ENTERPRISE_FIELDS, c)) return t(`indicatorsForm.enterprises.${c}`);
      if (includes(OTHER_INDICATORS, b)) return t(`indicatorsForm.other.${b}`);
      break;
    }
    case 'narratives':
      if (includes(NARRATIVE_KEYS, b)) return t(`narratives.${b}.title`);
      break;
    case 'developmentPlan':
      if (b === 'measures') return t('plan.measures');
      if (b === 'targets') {
        if (typeof c !== 'number') return t('plan.targetsHeading');
        return d
          ? `${t('plan.target', { n: c + 1 })} · ${t(`plan.${d === 'indicator' ? 'indicator' : d === 'year' ? 'year' : 'value'}`)}`
          : t('plan.target', { n: c + 1 });
      }
      break;
    case 'integrityPledge':
      if (b === 'noSeriousIncidents' || b === 'materialsAuthentic') return t(`pledge.${b}Short`);
      break;
    case 'attachments': {
      const cat = EVIDENCE_CATEGORIES.find((x) => x.key === b);
      if (cat) return lang === 'en' ? cat.en : cat.zh;
      break;
    }
  }
  return path;
}

/** What is wrong with a missing item, in the interface language (the server's message is English). */
export function missingMessage(item: { path: string; message: string }, t: TFunction): string {
  if (item.path === 'contacts') return t('missing.contacts');
  if (item.path === 'developmentPlan.targets') return t('missing.targets');
  if (item.path.startsWith('integrityPledge.')) return t('missing.pledge');
  if (item.path.startsWith('attachments.')) return t('missing.evidence');
  if (item.message === 'required') return t('missing.required');
  return item.message;
}
