// Shapes of the server's JSON responses (see shared/spec/api.md). Kept here until domain/ exports them.

export type Role = 'county' | 'unit' | 'expert' | 'ministry' | 'admin';
export const ROLES: readonly Role[] = ['county', 'unit', 'expert', 'ministry', 'admin'];

export type UnitKind = 'provincial' | 'separate_plan_city' | 'xpcc';
export const UNIT_KINDS: readonly UnitKind[] = ['provincial', 'separate_plan_city', 'xpcc'];

export type Region = 'east' | 'central' | 'west' | 'northeast';
export const REGIONS: readonly Region[] = ['east', 'central', 'west', 'northeast'];

export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'zone';
export const DIVISION_LEVELS: readonly DivisionLevel[] = ['province', 'prefecture', 'county', 'zone'];

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';
export const INDUSTRY_LEVELS: readonly IndustryLevel[] = ['section', 'division', 'group', 'class'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  divisionCode?: string;
  unitCode?: string;
}

export interface Unit {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  region: Region;
  countyCount: number;
}

export interface PathEntry {
  code: string;
  name: string;
}

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  unitCode: string | null;
  /** Ancestors for display, province first. */
  path: PathEntry[];
}

export interface Industry {
  code: string;
  name: string;
  level: IndustryLevel;
  parentCode: string | null;
}

export interface Scope {
  division: Division | null;
  unit: Unit | null;
}

export interface Session {
  user: User;
  /** Null for callers that authenticate with a bearer token rather than the session cookie. */
  csrfToken: string | null;
  scope: Scope;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface DemoAccount {
  username: string;
  /** A Role in practice; the meta schema only promises a string. */
  role: string;
  description: string;
}

export interface Meta {
  name: string;
  version: string;
  demo: boolean;
  demoAccounts: DemoAccount[] | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}
