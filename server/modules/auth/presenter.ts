import { z } from 'zod';
import type { Role } from '../../../domain/roles.ts';
import { ROLES } from '../../../domain/roles.ts';
import type { Executor } from '../../platform/sql.ts';
import { getDivision, listUnits } from '../reference/repo.ts';
import { divisionSchema, unitSchema } from '../reference/schemas.ts';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  divisionCode: z.string().optional(),
  unitCode: z.string().optional(),
});
export type UserDto = z.infer<typeof userSchema>;

export const scopeSchema = z.object({
  division: divisionSchema.nullable(),
  unit: unitSchema.nullable(),
});

export const sessionSchema = z.object({
  user: userSchema,
  csrfToken: z
    .string()
    .nullable()
    .describe('Send as x-csrf-token on every change made with the session cookie'),
  scope: scopeSchema,
});

type UserLike = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  divisionCode: string | null;
  unitCode: string | null;
};

/** The user object of the API contract. */
export function presentUser(u: UserLike): UserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    ...(u.divisionCode ? { divisionCode: u.divisionCode } : {}),
    ...(u.unitCode ? { unitCode: u.unitCode } : {}),
  };
}

/** The county and unit a user acts for, resolved for display. */
export async function presentScope(db: Executor, u: UserLike): Promise<z.infer<typeof scopeSchema>> {
  const division = u.divisionCode ? await getDivision(db, u.divisionCode) : null;
  const [unit] = u.unitCode ? await listUnits(db, u.unitCode) : [];
  return { division, unit: unit ?? null };
}
