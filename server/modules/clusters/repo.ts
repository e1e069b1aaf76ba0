import { asc, eq, inArray } from 'drizzle-orm';
import type { ClusterDto } from '../../../domain/ministry-contract.ts';
import { clusters, divisions, units } from '../../db/schema.ts';
import type { Executor } from '../../platform/sql.ts';

export type ClusterRow = typeof clusters.$inferSelect;

/** Shapes a stored cluster with its county's and unit's names as the API's cluster object. */
export function presentCluster(
  r: ClusterRow,
  names: { countyName: string; unitName: string },
  allowedActions: string[] = ['download_certificate'],
): ClusterDto {
  return {
    id: r.id,
    name: r.name,
    year: r.campaignYear,
    divisionCode: r.divisionCode,
    countyName: names.countyName,
    unitCode: r.unitCode,
    unitName: names.unitName,
    leadingIndustry: r.leadingIndustry,
    industryCode: r.industryCode,
    subSector: r.subSector,
    noticeNo: r.noticeNo,
    validFrom: r.validFrom,
    validTo: r.validTo,
    status: r.status as ClusterDto['status'],
    declarationId: r.declarationId,
    allowedActions,
  };
}

/** Clusters by id, in name order, with place names. */
export async function clustersByIds(db: Executor, ids: string[]): Promise<ClusterDto[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ c: clusters, countyName: divisions.name, unitName: units.name })
    .from(clusters)
    .innerJoin(divisions, eq(divisions.code, clusters.divisionCode))
    .innerJoin(units, eq(units.code, clusters.unitCode))
    .where(inArray(clusters.id, ids))
    .orderBy(asc(clusters.name));
  return found.map((r) => presentCluster(r.c, r));
}
