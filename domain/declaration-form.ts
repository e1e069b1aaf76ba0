/**
 * The Declaration Form (《中小企业特色产业集群申报表》), form version 2022, as data: the zod schema of its
 * content, the evidence categories it asks for, its section layout, and what a submission must contain.
 * A draft accepts any partial content (every leaf may be null or absent); `missingItems` says what a
 * submission still lacks. The same schema validates in the browser and on the server.
 */
import { z } from 'zod';

export const FORM_VERSIONS = ['2022'] as const;
export type FormVersion = (typeof FORM_VERSIONS)[number];

/** Money in 亿元 (100 million CNY), ≥ 0, null while not filled in. */
const money = z.number().min(0).max(1_000_000).nullable();
const count = z.number().int().min(0).max(10_000_000).nullable();
const percent = z.number().min(0).max(100).nullable();
const text = (max: number) => z.string().max(max);
/** Three values, one per indicator year, oldest first. */
const triple = <T extends z.ZodType>(item: T) => z.array(item).length(3);

export const OPERATOR_KINDS = ['management_committee', 'association', 'company', 'other'] as const;

export const ENTERPRISE_FIELDS = [
  'total',
  'sme',
  'singleChampion',
  'littleGiant',
  'specializedSme',
  'innovativeSme',
  'highTech',
] as const;

export const NARRATIVE_KEYS = [
  'competitiveness',
  'cultivation',
  'collaboration',
  'innovation',
  'digital',
  'green',
  'openness',
  'governance',
] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];

export const PLAN_INDICATORS = [
  'output',
  'smeOutput',
  'leadingIndustryOutput',
  'specializedSme',
  'littleGiant',
  'smeRdSpending',
  'industrialInternetPenetration',
] as const;

/** The declaration's content. Every field may be left empty in a draft. */
export const declarationContentSchema = z.object({
  clusterName: text(100).nullable(),
  /** A development zone without its own division code, named beside the county. */
  zoneName: text(100).nullable(),
  leadingIndustry: z.object({
    name: text(50).nullable(),
    /** GB/T 4754-2017 code (class, group or division). */
    industryCode: z
      .string()
      .regex(/^\d{2,4}$/)
      .nullable(),
    /** 细分领域 */
    subSector: text(100).nullable(),
  }),
  landAreaKm2: z.number().min(0).max(100_000).nullable(),
  operator: z.object({
    name: text(100).nullable(),
    kind: z.enum(OPERATOR_KINDS).nullable(),
    contact: text(100).nullable(),
  }),
  contacts: z
    .array(
      z.object({
        name: text(50),
        title: text(50),
        phone: text(40),
        email: text(100),
      }),
    )
    .max(5),
  indicators: z.object({
    /** The three years before the campaign year, oldest first (set from the campaign). */
    years: triple(z.number().int().min(2000).max(2100)).nullable(),
    /** Output of the year before `years[0]`: the base of the growth rate. */
    baseYearOutput: money,
    output: triple(money),
    smeOutput: triple(money),
    leadingIndustryOutput: triple(money),
    enterprises: z.object(
      Object.fromEntries(ENTERPRISE_FIELDS.map((k) => [k, count])) as Record<
        (typeof ENTERPRISE_FIELDS)[number],
        typeof count
      >,
    ),
    smeRdSpending: triple(money),
    innovationPlatforms: count,
    standardsParticipated: count,
    validInventionPatents: count,
    industrialInternetPenetration: percent,
    digitalToolPenetration: percent,
    greenFactories: count,
    energyPerOutputReduction: percent,
    exportValue: triple(money),
    beltAndRoadProjects: count,
    publicServiceBodies: count,
  }),
  narratives: z.object(
    Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, text(20_000)])) as Record<NarrativeKey, z.ZodString>,
  ),
  developmentPlan: z.object({
    targets: z
      .array(
        z.object({
          indicator: z.enum(PLAN_INDICATORS),
          year: z.number().int().min(2000).max(2100),
          value: z.number().min(0),
        }),
      )
      .max(50),
    measures: text(20_000),
  }),
  integrityPledge: z.object({
    noSeriousIncidents: z.boolean(),
    materialsAuthentic: z.boolean(),
  }),
});
export type DeclarationContent = z.infer<typeof declarationContentSchema>;

/** A new declaration: every field empty. */
export function emptyDeclarationContent(): DeclarationContent {
  const nulls3 = () => [null, null, null];
  return {
    clusterName: null,
    zoneName: null,
    leadingIndustry: { name: null, industryCode: null, subSector: null },
    landAreaKm2: null,
    operator: { name: null, kind: null, contact: null },
    contacts: [],
    indicators: {
      years: null,
      baseYearOutput: null,
      output: nulls3(),
      smeOutput: nulls3(),
      leadingIndustryOutput: nulls3(),
      enterprises: Object.fromEntries(
        ENTERPRISE_FIELDS.map((k) => [k, null]),
      ) as DeclarationContent['indicators']['enterprises'],
      smeRdSpending: nulls3(),
      innovationPlatforms: null,
      standardsParticipated: null,
      validInventionPatents: null,
      industrialInternetPenetration: null,
      digitalToolPenetration: null,
      greenFactories: null,
      energyPerOutputReduction: null,
      exportValue: nulls3(),
      beltAndRoadProjects: null,
      publicServiceBodies: null,
    },
    narratives: Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, ''])) as Record<NarrativeKey, string>,
    developmentPlan: { targets: [], measures: '' },
    integrityPledge: { noSeriousIncidents: false, materialsAuthentic: false },
  };
}

/** The three indicator years of a campaign: the three years before it, oldest first. */
export const indicatorYears = (campaignYear: number): [number, number, number] => [
  campaignYear - 3,
  campaignYear - 2,
  campaignYear - 1,
];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON Merge Patch (RFC 7396) without deletion: objects merge key by key, anything else (arrays, numbers,
 * strings, null) replaces. A draft PATCH sends only what changed. Only own keys merge, and a `__proto__` key
 * (which JSON.parse keeps as an ordinary key) is ignored: a patch never sets an object's prototype.
 */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch) || !isPlainObject(base)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (k === '__proto__') continue;
    out[k] = Object.hasOwn(base, k) ? mergePatch(base[k], v) : v;
  }
  return out;
}

/** Evidence (佐证材料) categories the 2022 form asks for; `required` ones must be attached to submit. */
export const EVIDENCE_CATEGORIES = [
  {
    key: 'output_statistics',
    required: true,
    zh: '集群产值及增长情况统计证明',
    en: 'Certified output statistics',
  },
  { key: 'enterprise_list', required: true, zh: '集群企业名单', en: 'List of cluster enterprises' },
  {
    key: 'quality_sme_certificates',
    required: true,
    zh: '单项冠军、专精特新"小巨人"等优质企业证明',
    en: 'Certificates of champion, little-giant and specialised SMEs',
  },
  {
    key: 'spatial_boundary',
    required: true,
    zh: '集群空间范围及面积说明（附图）',
    en: 'Spatial boundary and land area (with map)',
  },
  {
    key: 'operator_documents',
    required: true,
    zh: '运营管理机构设立文件',
    en: 'Founding documents of the operating body',
  },
  { key: 'development_plan', required: true, zh: '集群三年发展规划', en: 'Three-year development plan' },
  {
    key: 'integrity_pledge',
    required: true,
    zh: '盖章的真实性及负面清单承诺书',
    en: 'Sealed pledge (authenticity and negative list)',
  },
  {
    key: 'innovation_evidence',
    required: false,
    zh: '创新平台、标准制定等证明',
    en: 'Innovation platforms and standards work',
  },
  { key: 'other', required: false, zh: '其他材料', en: 'Other documents' },
] as const;
export type EvidenceCategory = (typeof EVIDENCE_CATEGORIES)[number]['key'];
export const EVIDENCE_CATEGORY_KEYS = EVIDENCE_CATEGORIES.map((c) => c.key) as [
  EvidenceCategory,
  ...EvidenceCategory[],
];

/** The form's steps, in order, with the content paths each one holds (for the UI and completeness meter). */
export const FORM_SECTIONS = [
  { key: 'basic', zh: '基本信息', en: 'Basic information' },
  { key: 'indicators', zh: '主要指标', en: 'Indicators' },
  { key: 'narratives', zh: '发展情况', en: 'Development narrative' },
  { key: 'plan', zh: '三年发展规划', en: 'Three-year plan' },
  { key: 'pledge', zh: '承诺', en: 'Pledge' },
  { key: 'evidence', zh: '佐证材料', en: 'Evidence' },
] as const;
export type FormSectionKey = (typeof FORM_SECTIONS)[number]['key'];

export type MissingItem = { path: string; section: FormSectionKey; message: string };

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Everything a submission still lacks, all at once (never just the first). `attachedCategories` are the
 * categories of the evidence files attached so far.
 */
export function missingItems(c: DeclarationContent, attachedCategories: readonly string[]): MissingItem[] {
  const out: MissingItem[] = [];
  const need = (section: FormSectionKey, path: string, value: unknown, message = 'required') => {
    if (blank(value)) out.push({ path, section, message });
  };
  need('basic', 'clusterName', c.clusterName);
  need('basic', 'leadingIndustry.name', c.leadingIndustry.name);
  need('basic', 'leadingIndustry.industryCode', c.leadingIndustry.industryCode);
  need('basic', 'leadingIndustry.subSector', c.leadingIndustry.subSector);
  need('basic', 'landAreaKm2', c.landAreaKm2);
  need('basic', 'operator.name', c.operator.name);
  need('basic', 'operator.kind', c.operator.kind);
  if (c.contacts.length === 0)
    out.push({ path: 'contacts', section: 'basic', message: 'at least one contact person' });
  c.contacts.forEach((p, i) => {
    need('basic', `contacts[${i}].name`, p.name);
    need('basic', `contacts[${i}].phone`, p.phone);
  });
  const ind = c.indicators;
  need('indicators', 'indicators.baseYearOutput', ind.baseYearOutput);
  for (const key of ['output', 'smeOutput', 'leadingIndustryOutput', 'smeRdSpending'] as const) {
    ind[key].forEach((v, i) => {
      need('indicators', `indicators.${key}[${i}]`, v);
    });
  }
  for (const key of ENTERPRISE_FIELDS)
    need('indicators', `indicators.enterprises.${key}`, ind.enterprises[key]);
  need('indicators', 'indicators.industrialInternetPenetration', ind.industrialInternetPenetration);
  for (const key of NARRATIVE_KEYS) need('narratives', `narratives.${key}`, c.narratives[key]);
  if (c.developmentPlan.targets.length === 0) {
    out.push({ path: 'developmentPlan.targets', section: 'plan', message: 'at least one numeric target' });
  }
  need('plan', 'developmentPlan.measures', c.developmentPlan.measures);
  if (!c.integrityPledge.noSeriousIncidents) {
    out.push({
      path: 'integrityPledge.noSeriousIncidents',
      section: 'pledge',
      message: 'the negative-list pledge must be given',
    });
  }
  if (!c.integrityPledge.materialsAuthentic) {
    out.push({
      path: 'integrityPledge.materialsAuthentic',
      section: 'pledge',
      message: 'the authenticity pledge must be given',
    });
  }
  for (const cat of EVIDENCE_CATEGORIES) {
    if (cat.required && !attachedCategories.includes(cat.key)) {
      out.push({
        path: `attachments.${cat.key}`,
        section: 'evidence',
        message: `evidence required: ${cat.zh} / ${cat.en}`,
      });
    }
  }
  return out;
}

/** Share of required items present, 0–100, for the completeness meter. */
export function completeness(c: DeclarationContent, attachedCategories: readonly string[]): number {
  const total = missingItems(emptyDeclarationContent(), []).length;
  return Math.round(((total - Math.min(total, missingItems(c, attachedCategories).length)) / total) * 100);
}
