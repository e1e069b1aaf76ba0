import {
  type DeclarationContent,
  emptyDeclarationContent,
  indicatorYears,
} from '../../../domain/declaration-form.ts';

/** A complete, plausible Declaration Form (figures invented, clearly demo data) that passes the 2022 standards. */
export function sampleContent(
  campaignYear: number,
  o: { clusterName: string; industry: string; industryCode: string; subSector: string; scale?: number } = {
    clusterName: '浙江省宁波市余姚市模具产业集群（演示）',
    industry: '模具',
    industryCode: '3525',
    subSector: '精密注塑模具',
  },
): DeclarationContent {
  const k = o.scale ?? 1;
  const round = (v: number) => Math.round(v * 100) / 100;
  const output = [420, 468, 560].map((v) => round(v * k));
  const base = empty(campaignYear);
  return {
    ...base,
    clusterName: o.clusterName,
    zoneName: null,
    leadingIndustry: { name: o.industry, industryCode: o.industryCode, subSector: o.subSector },
    landAreaKm2: 68.5,
    operator: { name: '集群发展促进中心', kind: 'management_committee', contact: '0574-00000000' },
    contacts: [{ name: '张明', title: '科长', phone: '0574-00000001', email: 'demo@example.cn' }],
    indicators: {
      ...base.indicators,
      baseYearOutput: round(400 * k),
      output,
      smeOutput: output.map((v) => round(v * 0.78)),
      leadingIndustryOutput: output.map((v) => round(v * 0.82)),
      enterprises: {
        total: 1260,
        sme: 1220,
        singleChampion: 2,
        littleGiant: 5,
        specializedSme: 38,
        innovativeSme: 96,
        highTech: 112,
      },
      smeRdSpending: output.map((v) => round(v * 0.031)),
      innovationPlatforms: 14,
      standardsParticipated: 23,
      validInventionPatents: 860,
      industrialInternetPenetration: 62.5,
      digitalToolPenetration: 71,
      greenFactories: 6,
      energyPerOutputReduction: 4.2,
      exportValue: output.map((v) => round(v * 0.21)),
      beltAndRoadProjects: 5,
      publicServiceBodies: 9,
    },
    narratives: {
      competitiveness: `${o.industry}是本县支柱产业，细分领域“${o.subSector}”产量居全国前列，拥有区域品牌。`,
      cultivation: '已培育制造业单项冠军2家、专精特新“小巨人”5家，梯度培育体系完善。',
      collaboration: '龙头企业带动配套企业协同，本地配套率超过60%。',
      innovation: '建有省级以上创新平台14个，中小企业研发投入年均增长12%。',
      digital: '工业互联网平台普及率62.5%，推广工业软件和数字化车间。',
      green: '建成绿色工厂6家，单位产值能耗下降4.2%。',
      openness: '产品出口40余个国家和地区，参与“一带一路”项目5个。',
      governance: '设立集群发展促进中心，公共服务机构9家。',
    },
    developmentPlan: {
      targets: [
        { indicator: 'output', year: campaignYear + 2, value: round(700 * k) },
        { indicator: 'littleGiant', year: campaignYear + 2, value: 8 },
      ],
      measures: '实施强链补链、数字化改造、绿色低碳三大行动。',
    },
    integrityPledge: { noSeriousIncidents: true, materialsAuthentic: true },
  };
}

function empty(campaignYear: number): DeclarationContent {
  const c = emptyDeclarationContent();
  return { ...c, indicators: { ...c.indicators, years: indicatorYears(campaignYear) } };
}
