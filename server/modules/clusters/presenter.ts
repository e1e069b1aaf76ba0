import { z } from 'zod';
import type { ClusterDetailDto } from '../../../domain/cluster-contract.ts';
import {
  CLUSTER_LEVELS,
  clusterActions,
  dueForReReview,
  EFFECTIVE_CLUSTER_STATUSES,
  effectiveStatus,
  REVOCATION_REASONS,
} from '../../../domain/cluster-lifecycle.ts';
import type { Role } from '../../../domain/roles.ts';
import { REGION_KEYS, REGIONS } from '../../../domain/units.ts';
import type { ClusterRow, RegistryRow, registryCounts } from './repo.ts';

/** One cluster of the public registry: what MIIT's published lists say, nothing internal. */
export const publicClusterDto = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int().describe('The batch (campaign year)'),
  divisionCode: z.string(),
  countyName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  region: z.enum(REGION_KEYS),
  leadingIndustry: z.string(),
  industryCode: z.string().nullable().optional().describe('GB/T 4754-2017 code, when known'),
  noticeNo: z.string().nullable().describe('The list notice (通告) that identified it'),
  validFrom: z.string(),
  validTo: z.string(),
  status: z
    .enum(EFFECTIVE_CLUSTER_STATUSES)
    .describe('expired: valid or extended whose validTo has passed (computed for the day asked)'),
  level: z.enum(CLUSTER_LEVELS).describe('national (MIIT) or provincial (identified by the unit)'),
  revokedOn: z.string().nullable(),
  revocationReason: z.enum(REVOCATION_REASONS).nullable(),
});
export type PublicClusterDto = z.infer<typeof publicClusterDto>;

export const publicRegistryDto = z.object({ items: z.array(publicClusterDto), total: z.number().int() });

const count = z.number().int();
export const publicStatsDto = z.object({
  total: count,
  byYear: z.array(z.object({ year: z.number().int(), count })),
  byUnit: z.array(z.object({ code: z.string(), name: z.string(), region: z.enum(REGION_KEYS), count })),
  byRegion: z.array(z.object({ region: z.enum(REGION_KEYS), name: z.string(), count })),
  bySection: z
    .array(z.object({ code: z.string(), name: z.string(), count }))
    .describe('GB/T 4754 门类 of the leading industry; "unknown" when no industry code is recorded'),
});
export type PublicStatsDto = z.infer<typeof publicStatsDto>;

/** One registry row as the public sees it on `today`. */
export function presentPublicCluster(r: RegistryRow, today: string): PublicClusterDto {
  return {
    id: r.c.id,
    name: r.c.name,
    year: r.c.campaignYear,
    divisionCode: r.c.divisionCode,
    countyName: r.countyName,
    unitCode: r.c.unitCode,
    unitName: r.unitName,
    region: r.region as PublicClusterDto['region'],
    leadingIndustry: r.c.leadingIndustry,
    industryCode: r.c.industryCode,
    noticeNo: r.c.noticeNo,
    validFrom: r.c.validFrom,
    validTo: r.c.validTo,
    status: effectiveStatus(r.c, today),
    level: r.c.level as PublicClusterDto['level'],
    revokedOn: r.c.revokedOn,
    revocationReason: r.c.revocationReason as PublicClusterDto['revocationReason'],
  };
}

/** The breakdowns; every one of them sums to `total`. */
export function presentStats(counts: Awaited<ReturnType<typeof registryCounts>>): PublicStatsDto {
  const byUnit = counts.byUnit.map((u) => ({
    ...u,
    region: u.region as PublicStatsDto['byUnit'][number]['region'],
  }));
  return {
    total: counts.byYear.reduce((n, y) => n + y.count, 0),
    byYear: counts.byYear,
    byUnit,
    byRegion: REGION_KEYS.map((region) => ({
      region,
      name: REGIONS[region].zh,
      count: byUnit.filter((u) => u.region === region).reduce((n, u) => n + u.count, 0),
    })),
    bySection: counts.bySection.map((s) => ({
      code: s.code,
      name: s.name ?? '未知（未记录行业代码）',
      count: s.count,
    })),
  };
}

/** A cluster as its county, unit and the ministry see it: shown status on `today`, level, and the caller's actions. */
export function presentClusterDetail(
  r: { c: ClusterRow; countyName: string; unitName: string },
  role: Role,
  today: string,
): ClusterDetailDto {
  const c = r.c;
  return {
    id: c.id,
    name: c.name,
    level: c.level as ClusterDetailDto['level'],
    year: c.campaignYear,
    divisionCode: c.divisionCode,
    countyName: r.countyName,
    unitCode: c.unitCode,
    unitName: r.unitName,
    leadingIndustry: c.leadingIndustry,
    industryCode: c.industryCode,
    subSector: c.subSector,
    operatingBody: c.operatingBody,
    spatialBoundary: c.spatialBoundary,
    noticeNo: c.noticeNo,
    validFrom: c.validFrom,
    validTo: c.validTo,
    status: effectiveStatus(c, today),
    revokedOn: c.revokedOn,
    revocationReason: c.revocationReason as ClusterDetailDto['revocationReason'],
    declarationId: c.declarationId ?? c.sourceDeclarationId,
    reReviewDue: dueForReReview(c, today),
    allowedActions: clusterActions(role, c, today),
  };
}
