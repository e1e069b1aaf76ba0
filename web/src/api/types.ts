// Shapes of the server's JSON responses: inferred from the shared contract in domain/, never copied.
import type {
  DemoAccountDto,
  DivisionDto,
  IndustryDto,
  MetaDto,
  ScopeDto,
  SessionDto,
  UnitDto,
  UserDto,
} from '../../../domain/api-contract.ts';

export {
  INDUSTRY_LEVELS,
  type IndustryLevel,
  type Page,
  type PathEntry,
} from '../../../domain/api-contract.ts';
export { DIVISION_LEVELS, type DivisionLevel } from '../../../domain/divisions.ts';
export { ROLES, type Role } from '../../../domain/roles.ts';
export {
  REGION_KEYS as REGIONS,
  type Region,
  UNIT_KIND_KEYS as UNIT_KINDS,
  type UnitKind,
} from '../../../domain/units.ts';

export type User = UserDto;
export type Unit = UnitDto;
export type Division = DivisionDto;
export type Industry = IndustryDto;
export type Scope = ScopeDto;
export type Session = SessionDto;
export type DemoAccount = DemoAccountDto;
export type Meta = MetaDto;
