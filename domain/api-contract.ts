/**
 * The JSON shapes of the API's reference, session and meta responses, as zod schemas. The server
 * validates and documents its responses with them; the web client takes its types from them.
 */
import { z } from 'zod';
import { declarationContentSchema, EVIDENCE_CATEGORY_KEYS, FORM_SECTIONS } from './declaration-form.ts';
import { DIVISION_LEVELS } from './divisions.ts';
import { ROLES } from './roles.ts';
import { REGION_KEYS, UNIT_KIND_KEYS } from './units.ts';
import { DECLARATION_STATUSES } from './workflow.ts';

export const INDUSTRY_LEVELS = ['section', 'division', 'group', 'class'] as const;
export type IndustryLevel = (typeof INDUSTRY_LEVELS)[number];

/** A list page: `?limit=&cursor=` → items, an opaque cursor for the next page, and the total. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int() });
export type Page<T> = { items: T[]; nextCursor: string | null; total: number };

export const unitDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(UNIT_KIND_KEYS),
  region: z.enum(REGION_KEYS),
  countyCount: z.number().int(),
});
export type UnitDto = z.infer<typeof unitDto>;

export const pathEntryDto = z.object({ code: z.string(), name: z.string() });
export type PathEntry = z.infer<typeof pathEntryDto>;

export const divisionDto = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(DIVISION_LEVELS),
  parentCode: z.string().nullable(),
  unitCode: z.string().nullable(),
  path: z.array(pathEntryDto).describe('Ancestors, province first'),
});
export type DivisionDto = z.infer<typeof divisionDto>;

export const industryDto = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(INDUSTRY_LEVELS),
  parentCode: z.string().nullable(),
});
export type IndustryDto = z.infer<typeof industryDto>;

export const userDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  divisionCode: z.string().optional(),
  unitCode: z.string().optional(),
});
export type UserDto = z.infer<typeof userDto>;

export const scopeDto = z.object({ division: divisionDto.nullable(), unit: unitDto.nullable() });
export type ScopeDto = z.infer<typeof scopeDto>;

export const sessionDto = z.object({
  user: userDto,
  csrfToken: z
    .string()
    .nullable()
    .describe('Send as x-csrf-token on every change made with the session cookie'),
  scope: scopeDto,
});
export type SessionDto = z.infer<typeof sessionDto>;

export const demoAccountDto = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  description: z.string(),
});
export type DemoAccountDto = z.infer<typeof demoAccountDto>;

export const metaDto = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  demoAccounts: z.array(demoAccountDto).nullable(),
  today: z
    .string()
    .describe('The Beijing date the server acts on (a demo installation may have moved its clock)'),
});
export type MetaDto = z.infer<typeof metaDto>;

// --- declarations -------------------------------------------------------------------------------------------

const FORM_SECTION_KEYS = FORM_SECTIONS.map((s) => s.key) as [
  (typeof FORM_SECTIONS)[number]['key'],
  ...(typeof FORM_SECTIONS)[number]['key'][],
];

const personRef = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const attachmentDto = z.object({
  id: z.string(),
  category: z.enum(EVIDENCE_CATEGORY_KEYS),
  filename: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  contentType: z.string(),
  uploadedAt: z.string(),
  uploadedBy: personRef,
});

const missingDto = z.object({ path: z.string(), section: z.enum(FORM_SECTION_KEYS), message: z.string() });

export const declarationDto = declarationContentSchema.extend({
  id: z.string(),
  campaignYear: z.number().int(),
  formVersion: z.string(),
  standardsVersion: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  status: z.enum(DECLARATION_STATUSES),
  version: z.number().int(),
  submittedVersion: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  updatedBy: personRef,
  attachments: z.array(attachmentDto),
  missing: z.array(missingDto),
  completeness: z.number().int(),
  allowedActions: z.array(z.string()),
  /** The unit's latest return or rejection with its reasons, while the declaration is in that state. */
  unitDecision: z
    .object({
      action: z.enum(['return', 'reject']),
      comment: z.string(),
      at: z.string(),
      by: z.string().nullable(),
    })
    .nullable(),
});
export type DeclarationDto = z.infer<typeof declarationDto>;

export const declarationSummaryDto = z.object({
  id: z.string(),
  campaignYear: z.number().int(),
  clusterName: z.string().nullable(),
  leadingIndustry: declarationContentSchema.shape.leadingIndustry,
  standardsOverall: z.enum(['pass', 'fail', 'incomplete']),
  status: z.enum(DECLARATION_STATUSES),
  version: z.number().int(),
  divisionCode: z.string(),
  divisionName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  completeness: z.number().int(),
  allowedActions: z.array(z.string()),
});
export type AttachmentDto = z.infer<typeof attachmentDto>;
export type DeclarationSummaryDto = z.infer<typeof declarationSummaryDto>;
