import { asc, eq } from 'drizzle-orm';
import type { Campaign, CampaignDto } from '../../../domain/campaigns.ts';
import { campaigns } from '../../db/schema.ts';
import type { Executor } from '../../platform/sql.ts';

type CampaignRow = typeof campaigns.$inferSelect;

/** Shapes a stored campaign as the API's campaign object. */
export function presentCampaign(r: CampaignRow): CampaignDto {
  return {
    demo: r.isDemo,
    year: r.year,
    noticeNo: r.noticeNo ?? '',
    noticeDate: r.noticeDate,
    status: r.status as Campaign['status'],
    opensAt: r.opensAt,
    countyDeadline: r.countyDeadline,
    unitDeadline: r.unitDeadline,
    quotas: r.quotas as Campaign['quotas'],
    standardsVersion: r.standardsVersion,
    formVersion: r.formVersion,
    annualReportDue: r.annualReportDue ?? '',
    rules: { onePerSubSector: false, ...(r.rules as Partial<Campaign['rules']>) },
    listNoticeNo: r.listNoticeNo,
    identifiedCount: r.identifiedCount,
  };
}

export async function listCampaigns(db: Executor): Promise<CampaignDto[]> {
  return (await db.select().from(campaigns).orderBy(asc(campaigns.year))).map(presentCampaign);
}

export async function findCampaign(db: Executor, year: number): Promise<CampaignDto | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.year, year));
  return row ? presentCampaign(row) : null;
}

/** The stored columns of a campaign (timestamps are the database's business). */
export function campaignColumns(c: Campaign) {
  return {
    year: c.year,
    noticeNo: c.noticeNo,
    noticeDate: c.noticeDate,
    status: c.status,
    opensAt: c.opensAt,
    countyDeadline: c.countyDeadline,
    unitDeadline: c.unitDeadline,
    quotas: c.quotas,
    standardsVersion: c.standardsVersion,
    formVersion: c.formVersion,
    annualReportDue: c.annualReportDue,
    rules: c.rules,
    listNoticeNo: c.listNoticeNo,
    identifiedCount: c.identifiedCount,
  };
}
