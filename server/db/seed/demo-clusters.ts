import fs from 'node:fs/promises';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { emptyAnnualReportContent, reportDueOn } from '../../../domain/annual-report.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import { importClusters } from '../../modules/clusters/service.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import type { Deps } from '../../platform/deps.ts';
import { projectPath } from '../../platform/paths.ts';
import { annualReportEvents, annualReports, campaigns, clusters, users } from '../schema.ts';

/**
 * Demo mode: the published lists in reference/clusters-known.csv, imported through the ministry's import
 * (idempotent: a second start finds every row present and skips the import, and its audit entry, entirely),
 * and two annual reports of the first 2024 cluster so the report screens are not empty.
 * Returns how many clusters were imported.
 */
export async function seedDemoClusters(deps: Deps): Promise<number> {
  const { db } = deps;
  const bytes = await fs.readFile(projectPath('reference', 'clusters-known.csv'));
  const rowCount = bytes.toString('utf8').trim().split('\n').length - 1;
  const [have] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(clusters)
    .where(
      and(
        isNull(clusters.declarationId),
        eq(clusters.level, 'national'),
        sql`${clusters.campaignYear} <= 2024`,
      ),
    );
  if (Number(have?.n ?? 0) >= rowCount) return 0;
  const [ministry] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(eq(users.username, 'ministry'));
  if (!ministry) return 0;
  const caller: Caller = {
    ...ministry,
    role: 'ministry',
    divisionCode: null,
    unitCode: null,
    via: 'session',
    sessionId: null,
    csrfToken: null,
  };
  const result = await importClusters(deps, caller, bytes, { ip: '127.0.0.1', userAgent: 'demo seed' });
  await seedDemoReports(deps);
  return result.imported;
}

const figures = (output: number) => ({
  ...emptyAnnualReportContent(),
  output,
  outputGrowth: 12.3,
  smeOutput: Math.round(output * 82) / 100,
  leadingIndustryOutput: Math.round(output * 76) / 100,
  enterprises: {
    total: 620,
    sme: 598,
    singleChampion: 2,
    littleGiant: 6,
    specializedSme: 48,
    innovativeSme: 85,
    highTech: 64,
  },
  validInventionPatents: 410,
  rdSpending: Math.round(output * 4) / 100,
  innovationPlatforms: 12,
  industrialInternetPenetration: 52,
  digitalToolPenetration: 68,
  greenFactories: 7,
  energyPerOutputReduction: 3.5,
  exportValue: Math.round(output * 18) / 100,
  narratives: {
    ...emptyAnnualReportContent().narratives,
    summary: '（演示数据）集群产值稳步增长，专精特新企业梯度培育成效明显。',
  },
  noSeriousIncidents: true,
});

/** The first 2024 cluster's reports on 2024 (forwarded by its unit) and, once 2025 has ended, 2025 (submitted). */
async function seedDemoReports(deps: Deps): Promise<void> {
  const { db } = deps;
  const [c] = await db
    .select()
    .from(clusters)
    .where(and(eq(clusters.campaignYear, 2024), isNull(clusters.declarationId)))
    .orderBy(asc(clusters.validFrom), asc(clusters.name))
    .limit(1);
  if (!c) return;
  const rules = await db
    .select({ year: campaigns.year, annualReportDue: campaigns.annualReportDue })
    .from(campaigns);
  const today = chinaDate(deps.clock.now());
  const plan: { year: number; status: 'forwarded' | 'submitted'; output: number }[] = [
    { year: 2024, status: 'forwarded', output: 186.5 },
    { year: 2025, status: 'submitted', output: 209.8 },
  ];
  for (const p of plan) {
    if (today < `${p.year + 1}-01-01` || `${p.year}-12-31` < c.validFrom) continue;
    const dueOn = reportDueOn(p.year, rules);
    const submittedAt = new Date(`${dueOn}T02:00:00Z`);
    submittedAt.setUTCDate(submittedAt.getUTCDate() - 10);
    const [r] = await db
      .insert(annualReports)
      .values({
        clusterId: c.id,
        year: p.year,
        status: p.status,
        content: figures(p.output),
        version: p.status === 'forwarded' ? 3 : 2,
        dueOn,
        submittedAt,
        submittedLate: false,
        forwardedAt: p.status === 'forwarded' ? submittedAt : null,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      })
      .onConflictDoNothing()
      .returning({ id: annualReports.id });
    if (!r) continue;
    await db.insert(annualReportEvents).values({
      reportId: r.id,
      action: 'submit',
      fromStatus: 'draft',
      toStatus: 'submitted',
      version: 2,
      content: figures(p.output),
      actorName: '演示数据',
      at: submittedAt,
    });
    if (p.status === 'forwarded')
      await db.insert(annualReportEvents).values({
        reportId: r.id,
        action: 'forward',
        fromStatus: 'submitted',
        toStatus: 'forwarded',
        version: 3,
        actorName: '演示数据',
        at: submittedAt,
      });
  }
}
