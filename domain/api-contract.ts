/**
 * The JSON shapes of the API's reference, session and meta responses, as zod schemas. The server
 * validates and documents its responses with them; the web client takes its types from them.
 */
import { z } from 'zod';
import { DIVISION_LEVELS } from './divisions.ts';
import { ROLES } from './roles.ts';
import { REGION_KEYS, UNIT_KIND_KEYS } from './units.ts';

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
});
export type MetaDto = z.infer<typeof metaDto>;
