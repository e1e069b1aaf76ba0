import type { z } from 'zod';
import type { scopeDto, UserDto } from '../../../domain/api-contract.ts';
import type { Role } from '../../../domain/roles.ts';
import type { Executor } from '../../platform/sql.ts';
import { getDivision, listUnits } from '../reference/repo.ts';

export {
  scopeDto as scopeSchema,
  sessionDto as sessionSchema,
  type UserDto,
  userDto as userSchema,
} from '../../../domain/api-contract.ts';

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
export async function presentScope(db: Executor, u: UserLike): Promise<z.infer<typeof scopeDto>> {
  const division = u.divisionCode ? await getDivision(db, u.divisionCode) : null;
  const [unit] = u.unitCode ? await listUnits(db, u.unitCode) : [];
  return { division, unit: unit ?? null };
}
