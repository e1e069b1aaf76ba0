/**
 * The kinds of account. Each is scoped: county → its division, unit → its unit, city → the counties of its
 * prefecture-level city (only in a unit with a city tier, domain/city-tier.ts).
 */
export const ROLES = ['county', 'unit', 'expert', 'ministry', 'admin', 'city'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  county: { zh: '县级中小企业主管部门', en: 'County SME authority' },
  unit: { zh: '推荐单位', en: 'Recommending unit' },
  expert: { zh: '评审专家', en: 'Expert' },
  ministry: { zh: '工业和信息化部中小企业局', en: 'MIIT SME Bureau' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  city: { zh: '市级中小企业主管部门', en: 'City SME authority' },
};

/** Who is asking, as far as access rules care. */
export type Principal = {
  id: string;
  role: Role;
  divisionCode: string | null;
  unitCode: string | null;
};

/** What a principal may see of records that belong to a county-level division. */
export type DivisionScope =
  | { kind: 'all' }
  | { kind: 'unit'; unitCode: string }
  | { kind: 'division'; divisionCode: string }
  | { kind: 'none' };

/**
 * The scope of county-owned records a principal may read. Experts see nothing by division: they see
 * only what is assigned to them, which later modules grant record by record.
 */
export function divisionScopeOf(p: Principal): DivisionScope {
  switch (p.role) {
    case 'ministry':
    case 'admin':
      return { kind: 'all' };
    case 'unit':
      return p.unitCode ? { kind: 'unit', unitCode: p.unitCode } : { kind: 'none' };
    case 'county':
      return p.divisionCode ? { kind: 'division', divisionCode: p.divisionCode } : { kind: 'none' };
    case 'expert':
      return { kind: 'none' };
    // A city sees its counties' submitted declarations only through the city tier's own routes.
    case 'city':
      return { kind: 'none' };
  }
}

/** Whether a record of the given county (belonging to the given unit) is inside the scope. */
export function scopeIncludes(
  scope: DivisionScope,
  record: { divisionCode: string; unitCode: string },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'unit':
      return record.unitCode === scope.unitCode;
    case 'division':
      return record.divisionCode === scope.divisionCode;
    case 'none':
      return false;
  }
}

/** Actions on a county's authority profile, as data: which roles may do what, before scope is applied. */
export const COUNTY_PROFILE_ACTIONS = {
  read: ['county', 'unit', 'ministry', 'admin'],
  update: ['county', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export function roleMay(table: Record<string, readonly Role[]>, action: string, role: Role): boolean {
  return table[action]?.includes(role) ?? false;
}
