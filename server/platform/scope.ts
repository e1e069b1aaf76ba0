import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { DivisionScope } from '../../domain/roles.ts';

/**
 * The SQL condition limiting rows to a caller's scope. Every list and lookup of county-owned records
 * goes through this, so out-of-scope rows are never fetched (and a lookup of one is a 404).
 */
export function scopeCondition(
  scope: DivisionScope,
  cols: { division: AnyColumn | SQL; unit: AnyColumn | SQL },
): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'unit':
      return sql`${cols.unit} = ${scope.unitCode}`;
    case 'division':
      return sql`${cols.division} = ${scope.divisionCode}`;
    case 'none':
      return sql`false`;
  }
}
