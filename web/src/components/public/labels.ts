// Names the portal shows in either language for codes the registry carries: industry sections, units,
// regions, revocation reasons. Data, not dictionary text: the Chinese comes from the standards themselves.
import { REVOCATION_REASON_LABELS, type RevocationReason } from '../../../../domain/cluster-lifecycle.ts';
import { findUnit, REGIONS, type Region } from '../../../../domain/units.ts';
import type { Language } from '../../i18n/languages.ts';

/** The 20 sections (门类) of GB/T 4754-2017. */
export const INDUSTRY_SECTIONS: readonly { code: string; zh: string; en: string }[] = [
  { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: 'B', zh: '采矿业', en: 'Mining' },
  { code: 'C', zh: '制造业', en: 'Manufacturing' },
  { code: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply' },
  { code: 'E', zh: '建筑业', en: 'Construction' },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade' },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  {
    code: 'I',
    zh: '信息传输、软件和信息技术服务业',
    en: 'Information transmission, software and IT services',
  },
  { code: 'J', zh: '金融业', en: 'Finance' },
  { code: 'K', zh: '房地产业', en: 'Real estate' },
  { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services' },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  { code: 'N', zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities management' },
  { code: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services' },
  { code: 'P', zh: '教育', en: 'Education' },
  { code: 'Q', zh: '卫生和社会工作', en: 'Health and social work' },
  { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  {
    code: 'S',
    zh: '公共管理、社会保障和社会组织',
    en: 'Public administration, social security and social organisations',
  },
  { code: 'T', zh: '国际组织', en: 'International organisations' },
];

const sectionByCode = new Map(INDUSTRY_SECTIONS.map((s) => [s.code, s]));

/** A section's name in the language; `fallback` (the server's name) for codes not in the table. */
export function sectionLabel(code: string, lang: Language, fallback?: string): string {
  const s = sectionByCode.get(code);
  if (s) return lang === 'en' ? s.en : s.zh;
  return fallback ?? code;
}

/** A recommending unit's name in the language (the code itself for an unknown one). */
export function unitLabel(code: string, lang: Language, fallback?: string): string {
  const u = findUnit(code);
  if (!u) return fallback ?? code;
  return lang === 'en' ? u.nameEn : u.name;
}

export const regionLabel = (region: Region, lang: Language): string =>
  lang === 'en' ? REGIONS[region].en : REGIONS[region].zh;

export const revocationLabel = (reason: RevocationReason, lang: Language): string =>
  lang === 'en' ? REVOCATION_REASON_LABELS[reason].en : REVOCATION_REASON_LABELS[reason].zh;

/** The `lang` attribute for text that is always Chinese (names from the published lists) on the page. */
export const zhOnPage = (lang: Language): string | undefined => (lang === 'en' ? 'zh-CN' : undefined);

// First division (大类) of each section in GB/T 4754-2017; a section runs up to the next one's first.
const SECTION_STARTS: readonly [number, string][] = [
  [1, 'A'],
  [6, 'B'],
  [13, 'C'],
  [44, 'D'],
  [47, 'E'],
  [51, 'F'],
  [53, 'G'],
  [61, 'H'],
  [63, 'I'],
  [66, 'J'],
  [70, 'K'],
  [71, 'L'],
  [73, 'M'],
  [76, 'N'],
  [80, 'O'],
  [83, 'P'],
  [84, 'Q'],
  [86, 'R'],
  [91, 'S'],
  [97, 'T'],
];

/** The section letter of a GB/T 4754-2017 code (a letter, or 2–4 digits), or undefined. */
export function sectionOfCode(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  if (/^[A-T]$/.test(code)) return code;
  if (!/^\d{2,4}$/.test(code)) return undefined;
  const division = Number(code.slice(0, 2));
  let found: string | undefined;
  for (const [start, letter] of SECTION_STARTS) if (division >= start) found = letter;
  return division >= 1 ? found : undefined;
}
