import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { rows } from '../../platform/sql.ts';

type Quotas = { provincial?: number; separate_plan_city?: number; xpcc?: number };
type CampaignRow = {
  year: number;
  notice_no: string | null;
  notice_date: string | null;
  unit_deadline: string | null;
  quotas: Quotas;
  is_demo: boolean;
};

/** The Chinese and English summary of a campaign's annual notice, from the campaign's own data. */
function campaignNoticeText(c: CampaignRow): { title: string; titleEn: string; body: string } {
  const q = c.quotas;
  const source = c.is_demo
    ? '本批次为演示批次，数据均为虚构，用于体验申报、审核推荐和评审流程。'
    : `演示环境根据 ${c.notice_no} 编写的摘要，正式文本以工业和信息化部网站发布的原文为准。`;
  const lines = [
    source,
    '',
    `一、各省、自治区、直辖市推荐名额不超过 ${q.provincial ?? '—'} 个；计划单列市、新疆生产建设兵团各不超过 ${q.separate_plan_city ?? q.xpcc ?? '—'} 个。超出名额的申报一律不予受理。`,
    '二、县级中小企业主管部门填写《中小企业特色产业集群申报表》并上传佐证材料，经推荐单位受理、初审、实地核查后择优推荐。',
    c.unit_deadline
      ? `三、推荐单位于 ${c.unit_deadline} 前报送推荐汇总表及推荐函。`
      : '三、报送时间以通知原文为准。',
  ];
  return {
    title: `${c.year}年度中小企业特色产业集群申报工作通知${c.is_demo ? '（演示）' : '（摘要）'}`,
    titleEn: `${c.year} SME characteristic industrial clusters: call for declarations${c.is_demo ? ' (demo)' : ' (summary)'}`,
    body: lines.join('\n'),
  };
}

/**
 * Demo mode: the annual notice of every campaign whose notice date is known (and of the demo campaign),
 * so that the portal's home and notice pages are not empty on a fresh start. Idempotent, and safe when
 * two processes start at once (one transaction under an advisory lock). Returns how many were added.
 */
export async function seedDemoNotices(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727017040)`);
    const campaigns = await rows<CampaignRow>(
      tx,
      sql`SELECT c.year, c.notice_no, c.notice_date::text AS notice_date, c.unit_deadline::text AS unit_deadline,
                 c.quotas, c.is_demo
          FROM campaigns c
          WHERE c.notice_date IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.campaign_year = c.year AND n.kind = 'recommendation')
          ORDER BY c.year`,
    );
    for (const c of campaigns) {
      const text = campaignNoticeText(c);
      await tx.execute(
        sql`INSERT INTO notices (kind, campaign_year, notice_no, title, title_en, body, published_on)
            VALUES ('recommendation', ${c.year}, ${c.notice_no}, ${text.title}, ${text.titleEn}, ${text.body},
                    ${c.notice_date})`,
      );
    }
    return campaigns.length;
  });
}
