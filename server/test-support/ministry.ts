import { call, login, type Session } from './app.ts';
import { submitComplete } from './declarations.ts';

/**
 * Declarations that reached the ministry: each county submits a complete declaration, its unit accepts it
 * and puts it on its ranked list (in the order given per unit). Returns county code → declaration id.
 */
export async function recommendedDeclarations(
  url: string,
  year: number,
  countyCodes: readonly string[],
  content?: (code: string) => Record<string, unknown>,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const byUnit = new Map<string, { session: Session; ids: string[] }>();
  for (const code of countyCodes) {
    const county = await login(url, `county-${code}`);
    const id = await submitComplete(url, county, year, content?.(code));
    ids[code] = id;
    const me = await call(url, county, 'GET', '/api/v1/auth/me');
    const unitCode: string = me.body.user.unitCode;
    const entry = byUnit.get(unitCode) ?? { session: await login(url, `unit-${unitCode}`), ids: [] };
    const accepted = await call(url, entry.session, 'POST', `/api/v1/declarations/${id}/actions/accept`, {});
    if (accepted.status !== 200)
      throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    entry.ids.push(id);
    byUnit.set(unitCode, entry);
  }
  for (const [unitCode, { session, ids: list }] of byUnit) {
    const put = await call(url, session, 'PUT', `/api/v1/units/${unitCode}/recommendations/${year}`, {
      items: list.map((declarationId, i) => ({ declarationId, rank: i + 1 })),
    });
    if (put.status !== 200) throw new Error(`recommend: ${put.status} ${JSON.stringify(put.body)}`);
  }
  return ids;
}
