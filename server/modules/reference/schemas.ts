import { z } from 'zod';

export const listQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
};

export const unitSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['provincial', 'separate_plan_city', 'xpcc']),
  region: z.enum(['east', 'central', 'west', 'northeast']),
  countyCount: z.number().int(),
});

export const divisionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'prefecture', 'county', 'zone']),
  parentCode: z.string().nullable(),
  unitCode: z.string().nullable(),
  path: z.array(z.object({ code: z.string(), name: z.string() })).describe('Ancestors, province first'),
});

export const industrySchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['section', 'division', 'group', 'class']),
  parentCode: z.string().nullable(),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int() });

export type UnitDto = z.infer<typeof unitSchema>;
export type DivisionDto = z.infer<typeof divisionSchema>;
export type IndustryDto = z.infer<typeof industrySchema>;
