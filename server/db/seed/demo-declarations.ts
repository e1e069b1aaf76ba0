import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { type CityTierEntry, cityCodeOf, cityTierOf } from '../../../domain/city-tier.ts';
import {
  type DeclarationContent,
  EVIDENCE_CATEGORIES,
  mergePatch,
} from '../../../domain/declaration-form.ts';
import { chinaDate } from '../../../domain/workflow.ts';
import type { Db } from '../../platform/db.ts';
import type { Executor } from '../../platform/sql.ts';
import { rows } from '../../platform/sql.ts';
import type { Storage } from '../../platform/storage.ts';
import {
  attachments,
  campaigns,
  cityRecommendations,
  declarationEvents,
  declarations,
  declarationVersions,
  recommendations,
  users,
} from '../schema.ts';
import { DEMO_CITY_TIER } from './demo.ts';
import { sampleContent } from './sample-content.ts';

type CityTierRules = { cityTier?: CityTierEntry[] } | null | undefined;

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * In demo mode the current year has an open campaign, clearly marked as demo, so a newcomer can declare at
 * once. Its deadlines move forward when they have passed (a demo left running for months stays usable).
 */
export async function seedDemoCampaign(db: Db, now = new Date()): Promise<number | null> {
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const [existing] = await db.select().from(campaigns).where(eq(campaigns.year, year));
  const countyDeadline = addDays(today, 60);
  const unitDeadline = addDays(today, 90);
  if (!existing) {
    await db.insert(campaigns).values({
      year,
      noticeNo: `演示通知（非正式）〔${year}〕DEMO`,
      noticeDate: `${year}-01-02`,
      status: 'open',
      opensAt: `${year}-01-02`,
      countyDeadline,
      unitDeadline,
      quotas: { provincial: 8, separate_plan_city: 2, xpcc: 2 },
      standardsVersion: '2022',
      formVersion: '2022',
      annualReportDue: '03-31',
      // 四川 has a city tier in the demo (the city accounts city-5101 … are seeded with it).
      rules: { onePerSubSector: false, cityTier: DEMO_CITY_TIER.map((e) => ({ ...e })) },
      isDemo: true,
    });
    return year;
  }
  if (existing.isDemo && existing.countyDeadline !== null && existing.countyDeadline < today) {
    await db
      .update(campaigns)
      .set({ countyDeadline, unitDeadline, updatedAt: sql`now()` })
      .where(eq(campaigns.year, year));
  }
  return existing.isDemo ? year : null;
}

/** A minimal one-page PDF standing in for a scanned certificate. */
const placeholderPdf = (label: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% demo evidence: ${label}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

type Sample = {
  divisionCode: string;
  status: 'draft' | 'submitted' | 'returned' | 'withdrawn' | 'accepted' | 'rejected' | 'recommended';
  content: DeclarationContent;
  evidence: boolean;
  comment?: string;
  /** A western unit recommends a declaration below a numeric threshold, in writing. */
  westernJustification?: string;
  /** In a unit with a city tier: the rank on its city's list (put forward), if it is on it. */
  cityRank?: number;
};

function samples(year: number): Sample[] {
  const full = (clusterName: string, industry: string, industryCode: string, subSector: string, scale = 1) =>
    sampleContent(year, { clusterName, industry, industryCode, subSector, scale });
  const zhuji = full('浙江省绍兴市诸暨市袜业产业集群（演示）', '袜业', '1763', '功能性袜品', 1.3);
  return [
    {
      divisionCode: '330281',
      status: 'submitted',
      content: full('浙江省宁波市余姚市模具产业集群（演示）', '模具', '3525', '精密注塑模具'),
      evidence: true,
    },
    {
      divisionCode: '330681',
      status: 'draft',
      // Half-way through: basic information and output filled, the rest still to do.
      content: mergePatch(zhuji, {
        narratives: { green: '', openness: '', governance: '' },
        developmentPlan: { targets: [], measures: '' },
        integrityPledge: { noSeriousIncidents: false, materialsAuthentic: false },
      }) as DeclarationContent,
      evidence: false,
    },
    {
      divisionCode: '320581',
      status: 'returned',
      content: full('江苏省常熟市电子氟材料产业集群（演示）', '电子氟材料', '2614', '含氟电子化学品', 0.9),
      evidence: true,
      comment: '请补充集群企业名单的统计口径说明，并提供近三年产值的统计部门证明。',
    },
    // 宁波 (quota 2) has three complete accepted declarations waiting to be ranked: quota pressure at once.
    {
      divisionCode: '330282',
      status: 'accepted',
      content: full('浙江省宁波市慈溪市家电产业集群（演示）', '家电', '3851', '小家电', 1.4),
      evidence: true,
    },
    {
      divisionCode: '330213',
      status: 'accepted',
      content: full('浙江省宁波市奉化区气动元件产业集群（演示）', '气动元件', '3444', '气动控制元件', 0.8),
      evidence: true,
    },
    {
      divisionCode: '330206',
      status: 'accepted',
      content: full('浙江省宁波市北仑区压铸模具产业集群（演示）', '压铸模具', '3525', '汽车压铸模具', 1.1),
      evidence: true,
    },
    {
      divisionCode: '320281',
      status: 'recommended',
      content: full('江苏省江阴市高端纺织产业集群（演示）', '纺织', '1713', '功能性面料', 1.8),
      evidence: true,
    },
    // Recommended by other units: the ministry's national intake has work to do at once.
    {
      divisionCode: '370781',
      status: 'recommended',
      content: full('山东省潍坊市青州市花卉产业集群（演示）', '花卉', '0143', '盆栽花卉', 1.2),
      evidence: true,
    },
    {
      divisionCode: '441900',
      status: 'recommended',
      content: full('广东省东莞市智能终端产业集群（演示）', '智能终端', '3922', '可穿戴设备', 2.1),
      evidence: true,
    },
    {
      divisionCode: '429004',
      status: 'recommended',
      content: full('湖北省仙桃市非织造布产业集群（演示）', '非织造布', '1781', '医用非织造布', 1.1),
      evidence: true,
    },
    {
      divisionCode: '510681',
      status: 'recommended',
      content: full('四川省德阳市广汉市石油装备产业集群（演示）', '石油装备', '3512', '钻采设备', 0.085),
      evidence: true,
      westernJustification:
        '广汉市石油装备产业集群细分领域全国领先，近三年产值增速较快；按“西部地区可适当放宽”要求推荐。',
      // 四川 has a city tier: 德阳 put it forward before the unit accepted it.
      cityRank: 1,
    },
    // 成都 has three submitted declarations and may put forward two (city-5101); one is on its list already,
    // so the unit can accept it, and refuses the others until 成都 puts them forward.
    {
      divisionCode: '510112',
      status: 'submitted',
      content: full(
        '四川省成都市龙泉驿区汽车零部件产业集群（演示）',
        '汽车零部件',
        '3670',
        '新能源汽车零部件',
        1.2,
      ),
      evidence: true,
      cityRank: 1,
    },
    {
      divisionCode: '510116',
      status: 'submitted',
      content: full('四川省成都市双流区生物医药产业集群（演示）', '生物医药', '2720', '化学药品制剂', 0.9),
      evidence: true,
    },
    {
      divisionCode: '510181',
      status: 'submitted',
      content: full('四川省成都市都江堰市茶叶产业集群（演示）', '茶叶', '1530', '精制茶', 0.6),
      evidence: true,
    },
    {
      divisionCode: '330502',
      status: 'rejected',
      content: full('浙江省湖州市吴兴区童装产业集群（演示）', '童装', '1811', '婴幼儿服装', 0.09),
      evidence: true,
      comment: '近三年产值未达到40亿元，不符合认定标准。',
    },
    {
      divisionCode: '440307',
      status: 'withdrawn',
      content: full('广东省深圳市龙岗区新型显示产业集群（演示）', '新型显示', '3974', '柔性显示模组', 1.6),
      evidence: true,
    },
    {
      divisionCode: '659001',
      status: 'draft',
      content: mergePatch(sampleContent(year), {
        clusterName: '新疆生产建设兵团石河子市棉纺产业集群（演示）',
        leadingIndustry: { name: '棉纺', industryCode: '1711', subSector: '高支棉纱' },
        indicators: {
          output: [null, null, null],
          smeOutput: [null, null, null],
          leadingIndustryOutput: [null, null, null],
        },
        narratives: { competitiveness: '', cultivation: '' },
      }) as DeclarationContent,
      evidence: false,
    },
  ];
}

/** Sample declarations in every county-side state (demo mode only; once). */
export async function seedDemoDeclarations(db: Db, storage: Storage, year: number): Promise<number> {
  // Several processes may start at once on one database: one seeds, the others then find the samples.
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727017020)`);
    return seedSamples(tx, storage, year);
  });
}

async function seedSamples(db: Executor, storage: Storage, year: number): Promise<number> {
  const [have] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM declarations WHERE is_demo`,
  );
  if (Number(have?.n ?? 0) > 0) return 0;
  const people = new Map(
    (await db.select({ id: users.id, username: users.username }).from(users).where(sql`is_demo`)).map((u) => [
      u.username,
      u.id,
    ]),
  );
  const [campaign] = await db
    .select({ rules: campaigns.rules })
    .from(campaigns)
    .where(eq(campaigns.year, year));
  let created = 0;
  for (const s of samples(year)) {
    const countyUser = people.get(`county-${s.divisionCode}`);
    const [division] = await rows<{ unit_code: string }>(
      db,
      sql`SELECT unit_code FROM divisions WHERE code = ${s.divisionCode}`,
    );
    if (!countyUser || !division) continue;
    const stored: { category: string; key: string; size: number; sha256: string; filename: string }[] = [];
    if (s.evidence) {
      for (const c of EVIDENCE_CATEGORIES.filter((c) => c.required)) {
        const received = await storage.receive(Readable.from([placeholderPdf(c.key)]), 1024 * 1024);
        stored.push({
          category: c.key,
          key: await storage.commit(received),
          size: received.size,
          sha256: received.sha256,
          filename: `${c.zh}（演示）.pdf`,
        });
      }
    }
    await db.transaction(async (tx) => {
      const submitted = s.status !== 'draft';
      const [d] = await tx
        .insert(declarations)
        .values({
          campaignYear: year,
          divisionCode: s.divisionCode,
          unitCode: division.unit_code,
          formVersion: '2022',
          standardsVersion: '2022',
          status: s.status,
          version: submitted ? 2 : 1,
          content: s.content,
          clusterName: s.content.clusterName ?? '',
          submittedVersion: submitted ? 2 : null,
          submittedAt: submitted ? new Date() : null,
          isDemo: true,
          createdBy: countyUser,
          updatedBy: countyUser,
        })
        .returning();
      const files = stored.length
        ? await tx
            .insert(attachments)
            .values(
              stored.map((f) => ({
                declarationId: d!.id,
                category: f.category,
                filename: f.filename,
                storageKey: f.key,
                size: f.size,
                sha256: f.sha256,
                contentType: 'application/pdf',
                createdBy: countyUser,
              })),
            )
            .returning()
        : [];
      const event = (
        action: string,
        fromStatus: string | null,
        toStatus: string,
        actor: string | undefined,
        comment: string | null = null,
      ) => ({
        declarationId: d!.id,
        action,
        fromStatus,
        toStatus,
        version: submitted ? 2 : 1,
        actorId: actor ?? null,
        actorName: null,
        comment,
      });
      const events = [event('created', null, 'draft', countyUser)];
      if (submitted) {
        await tx.insert(declarationVersions).values({
          declarationId: d!.id,
          version: 2,
          status: 'submitted',
          content: s.content,
          attachments: files.map((a) => ({
            id: a.id,
            category: a.category,
            filename: a.filename,
            size: a.size,
            sha256: a.sha256,
            contentType: a.contentType,
            uploadedAt: a.createdAt.toISOString(),
            uploadedBy: null,
          })),
          createdBy: countyUser,
        });
        events.push(event('submit', 'draft', 'submitted', countyUser));
      }
      const unitUser = people.get(`unit-${division.unit_code}`);
      if (s.status === 'returned')
        events.push(event('return', 'submitted', 'returned', unitUser, s.comment ?? null));
      if (s.status === 'rejected')
        events.push(event('reject', 'submitted', 'rejected', unitUser, s.comment ?? null));
      if (s.status === 'accepted' || s.status === 'recommended') {
        events.push(event('accept', 'submitted', 'accepted', unitUser));
      }
      if (s.status === 'recommended') {
        events.push(event('recommend', 'accepted', 'recommended', unitUser));
        await tx.insert(recommendations).values({
          campaignYear: year,
          unitCode: division.unit_code,
          rank: 1,
          declarationId: d!.id,
          westernJustification: s.westernJustification ?? null,
          createdBy: unitUser ?? null,
        });
      }
      // Only where this campaign has the tier (the table refuses a city list of a unit without one).
      if (s.cityRank !== undefined && cityTierOf(campaign?.rules as CityTierRules, division.unit_code)) {
        const cityCode = cityCodeOf(s.divisionCode);
        await tx.insert(cityRecommendations).values({
          campaignYear: year,
          unitCode: division.unit_code,
          cityCode,
          rank: s.cityRank,
          declarationId: d!.id,
          createdBy: people.get(`city-${cityCode}`) ?? null,
        });
      }
      if (s.status === 'withdrawn') events.push(event('withdraw', 'submitted', 'withdrawn', countyUser));
      await tx.insert(declarationEvents).values(events);
    });
    created++;
  }
  return created;
}
