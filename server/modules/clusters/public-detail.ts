import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { AnnualReportContent } from '../../../domain/annual-report.ts';
import { annualReports, clusterEvents, clusters, divisions, units } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { actorFromCaller, type RequestInfo } from '../auth/service.ts';
import { clusterInScope } from './lifecycle-repo.ts';
import { presentPublicCluster, publicClusterDto } from './presenter.ts';

/** History steps the public sees: identification and the changes of status, not the internal workflow. */
export const PUBLIC_EVENT_KINDS = ['identified', 'imported', 'extended', 'revoked'] as const;

const nullableNumber = z.number().nullable();

export const publicFiguresDto = z.object({
  year: z.number().int().describe('The year the figures are of'),
  output: nullableNumber.describe('亿元'),
  outputGrowth: nullableNumber.describe('%'),
  smeOutput: nullableNumber.describe('亿元'),
  leadingIndustryOutput: nullableNumber.describe('亿元'),
  enterprises: nullableNumber.describe('cluster enterprises'),
  smes: nullableNumber,
  singleChampions: nullableNumber,
  littleGiants: nullableNumber,
  specializedSmes: nullableNumber,
  validInventionPatents: nullableNumber,
  rdSpending: nullableNumber.describe('亿元'),
});

export const publicClusterDetailDto = publicClusterDto.extend({
  history: z.array(z.object({ kind: z.enum(PUBLIC_EVENT_KINDS), onDate: z.string() })),
  figures: z.array(publicFiguresDto).describe('Annual figures the unit published, oldest first'),
});
export type PublicClusterDetailDto = z.infer<typeof publicClusterDetailDto>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One cluster for the public: its registry row, public history and the annual figures its unit published. */
export async function publicClusterDetail(
  deps: Deps,
  id: string,
  today: string,
): Promise<PublicClusterDetailDto> {
  const [row] = await deps.db
    .select({ c: clusters, countyName: divisions.name, unitName: units.name, region: units.region })
    .from(clusters)
    .innerJoin(divisions, eq(divisions.code, clusters.divisionCode))
    .innerJoin(units, eq(units.code, clusters.unitCode))
    .where(eq(clusters.id, id));
  if (!row) throw notFound('No such cluster');
  const history = await deps.db
    .select({ kind: clusterEvents.kind, onDate: clusterEvents.onDate })
    .from(clusterEvents)
    .where(and(eq(clusterEvents.clusterId, id), inArray(clusterEvents.kind, [...PUBLIC_EVENT_KINDS])))
    .orderBy(asc(clusterEvents.id));
  const reports = await deps.db
    .select({ year: annualReports.year, content: annualReports.content })
    .from(annualReports)
    .where(
      and(
        eq(annualReports.clusterId, id),
        eq(annualReports.status, 'forwarded'),
        eq(annualReports.figuresPublic, true),
      ),
    )
    .orderBy(asc(annualReports.year));
  return {
    ...presentPublicCluster(row, today),
    history: history.map((h) => ({ kind: h.kind as (typeof PUBLIC_EVENT_KINDS)[number], onDate: h.onDate })),
    figures: reports.map(({ year, content }) => {
      const c = content as Partial<AnnualReportContent>;
      return {
        year,
        output: num(c.output),
        outputGrowth: num(c.outputGrowth),
        smeOutput: num(c.smeOutput),
        leadingIndustryOutput: num(c.leadingIndustryOutput),
        enterprises: num(c.enterprises?.total),
        smes: num(c.enterprises?.sme),
        singleChampions: num(c.enterprises?.singleChampion),
        littleGiants: num(c.enterprises?.littleGiant),
        specializedSmes: num(c.enterprises?.specializedSme),
        validInventionPatents: num(c.validInventionPatents),
        rdSpending: num(c.rdSpending),
      };
    }),
  };
}

/**
 * The cluster's unit (or the ministry) publishes or withdraws a forwarded report's key figures on the
 * cluster's public page. Counties decide nothing here: the unit vouches for the figures it forwarded.
 */
export async function setFiguresPublic(
  deps: Deps,
  caller: Caller,
  clusterId: string,
  year: number,
  isPublic: boolean,
  info: RequestInfo,
): Promise<{ year: number; figuresPublic: boolean }> {
  if (caller.role !== 'unit' && caller.role !== 'ministry') throw forbidden('The unit publishes the figures');
  return deps.db.transaction(async (tx) => {
    await clusterInScope(tx, caller, clusterId, true);
    const [r] = await tx
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.clusterId, clusterId), eq(annualReports.year, year)))
      .for('update');
    if (!r) throw notFound('No report for that year');
    if (r.status !== 'forwarded')
      throw new AppError('INVALID_TRANSITION', 'Only a forwarded report’s figures can be published');
    await tx.update(annualReports).set({ figuresPublic: isPublic }).where(eq(annualReports.id, r.id));
    await writeAudit(tx, actorFromCaller(caller, info), {
      action: isPublic ? 'annual_report.figures_published' : 'annual_report.figures_withdrawn',
      entityType: 'cluster',
      entityId: clusterId,
      after: { year, figuresPublic: isPublic },
    });
    return { year, figuresPublic: isPublic };
  });
}
