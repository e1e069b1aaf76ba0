import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, describe, it } from 'node:test';
import { type DeclarationContent, emptyDeclarationContent } from '../../../domain/declaration-form.ts';
import { type DeclarationPdfInput, renderDeclarationPdf } from './pdf.ts';

const HAS_PDFTOTEXT = !spawnSync('pdftotext', ['-v']).error;
const NO_PDFTOTEXT = 'pdftotext (Debian package poppler-utils) is not installed';

// JIQUN_KEEP_PDF=1 keeps the rendered files (path printed) to look at them, e.g. with `pdftoppm -png`.
const dir = mkdtempSync(join(tmpdir(), 'jiqun-pdf-'));
after(() => {
  if (process.env.JIQUN_KEEP_PDF) console.log(`PDFs kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
});

const para = (...sentences: string[]) => sentences.join('');

const NARRATIVE_FIRST =
  '余姚市智能光电产业集群以光学元件、光电传感器和智能照明为主导，是浙江省重点培育的特色产业集群。';

function sampleContent(): DeclarationContent {
  const c = emptyDeclarationContent();
  return {
    ...c,
    clusterName: '浙江省宁波市余姚市智能光电产业集群',
    zoneName: '余姚经济开发区',
    leadingIndustry: { name: '智能光电', industryCode: '3976', subSector: '光电子器件及光学元件' },
    landAreaKm2: 62.5,
    operator: {
      name: '余姚市智能光电产业集群发展促进中心',
      kind: 'management_committee',
      contact: '0574-62711234',
    },
    contacts: [
      {
        name: '王芳',
        title: '余姚市经济和信息化局中小企业科科长',
        phone: '0574-62000000',
        email: 'sme@yuyao.example.cn',
      },
      { name: '陈立新', title: '集群发展促进中心主任', phone: '13800574123', email: 'chen@yyoe.example.cn' },
    ],
    indicators: {
      ...c.indicators,
      years: [2021, 2022, 2023],
      baseYearOutput: 392.6,
      output: [430.5, 468.2, 520],
      smeOutput: [335.1, 361.9, 402.3],
      leadingIndustryOutput: [318.7, 352.4, 396.8],
      enterprises: {
        total: 1286,
        sme: 1241,
        singleChampion: 3,
        littleGiant: 11,
        specializedSme: 96,
        innovativeSme: 214,
        highTech: 287,
      },
      smeRdSpending: [11.2, 12.86, 14.5],
      innovationPlatforms: 42,
      standardsParticipated: 37,
      validInventionPatents: 1863,
      industrialInternetPenetration: 68.5,
      digitalToolPenetration: 81.25,
      greenFactories: 19,
      energyPerOutputReduction: 4.2,
      exportValue: [98.4, 104.7, 121.35],
      beltAndRoadProjects: 14,
      publicServiceBodies: 23,
    },
    narratives: {
      competitiveness: [
        para(
          NARRATIVE_FIRST,
          '集群现有规模以上企业312家，2023年实现产值520亿元，三年年均增长9.82%，主导产业产值占集群产值的比重超过76%。',
          '集群生产的车载光学镜头、红外热成像模组和高端照明模组国内市场占有率分别达到18%、12%和9%，',
          '“余姚光电”区域品牌入选浙江省区域品牌培育试点，集群在细分领域位居全国前列。',
        ),
        para(
          '近年来，集群坚持“专精特新”发展方向，推动企业从代工制造向自主品牌、从单一器件向系统解决方案转变，',
          '形成了光学材料—精密光学元件—光电模组—智能终端较为完整的产业体系，',
          '龙头企业与配套中小企业在同一空间范围内高度集聚，平均配套半径不超过30公里。',
        ).repeat(2),
      ].join('\n'),
      cultivation: para(
        '集群建立“创新型中小企业—专精特新中小企业—专精特新‘小巨人’企业—单项冠军企业”梯度培育库，入库企业406家。',
        '截至2023年底，集群拥有制造业单项冠军企业3家、国家级专精特新“小巨人”企业11家、省级专精特新中小企业96家、创新型中小企业214家。',
        '市县两级每年安排专项资金支持入库企业开展技术改造、首台套推广和品牌建设，对新认定的“小巨人”企业给予一次性奖励。',
      ).repeat(3),
      collaboration: para(
        '集群以龙头企业为链主，组织开展产业链上下游对接活动，2023年举办供需对接会18场，促成合作项目126个、合作金额31.6亿元。',
        '推动关键光学玻璃材料和精密模具本地配套，本地配套率由2021年的54%提高到2023年的63%。',
        '建立供应链风险监测机制，对重点物料实行多源供应和战略储备，有效应对原材料价格波动和物流受阻等风险。',
      ).repeat(3),
      innovation: para(
        '集群现有国家级企业技术中心2家、省级企业研究院17家、省级重点实验室3家，与浙江大学、宁波大学等高校共建联合研发平台9个。',
        '2023年集群中小企业研发投入14.5亿元，较2021年增长29.5%；参与制定国际标准2项、国家标准13项、行业标准22项。',
        '依托余姚光电产业创新服务综合体，为中小企业提供光学设计、检测认证和中试熟化等公共服务，年服务企业超过900家次。',
      ).repeat(3),
      digital: para(
        '集群实施中小企业数字化改造行动，建设面向光电行业的工业互联网平台1个，接入企业623家、设备2.1万台。',
        '工业互联网平台普及率达到68.5%，数字化研发设计工具普及率达到81.25%，建成省级智能工厂和数字化车间27个。',
        '推广“小快轻准”数字化产品和解决方案，由服务商为中小企业提供诊断、改造和运维一体化服务。',
      ).repeat(3),
      green: para(
        '集群推进绿色制造体系建设，累计创建国家级和省级绿色工厂19家，2023年单位产值能耗较上年下降4.2%。',
        '推广光伏屋顶和余热回收，集群内企业分布式光伏装机容量达到86兆瓦，年减少二氧化碳排放约6.8万吨。',
      ).repeat(3),
      openness: para(
        '集群企业产品出口到120多个国家和地区，2023年出口额121.35亿元，在“一带一路”沿线国家实施合作项目14个。',
        '支持企业参加国际光电展会，在德国、墨西哥设立海外仓和售后服务中心，推动产品、技术和标准共同“走出去”。',
      ).repeat(3),
      governance: para(
        '集群设立由市政府分管领导牵头的集群发展工作专班，组建余姚市智能光电产业集群发展促进中心作为运营管理机构，',
        '负责集群规划编制、项目招引、公共服务和统计监测。集群现有公共服务机构23家，覆盖检验检测、知识产权、人才培训和金融服务。',
      ).repeat(3),
    },
    developmentPlan: {
      targets: [
        { indicator: 'output', year: 2026, value: 700 },
        { indicator: 'smeOutput', year: 2026, value: 540 },
        { indicator: 'littleGiant', year: 2026, value: 18 },
        { indicator: 'industrialInternetPenetration', year: 2026, value: 80 },
      ],
      measures: [
        '一是实施龙头企业引领工程，支持链主企业牵头组建创新联合体，带动配套中小企业协同发展。',
        '二是实施优质企业梯度培育工程，到2026年新增专精特新“小巨人”企业7家以上。',
        '三是实施数字化改造提升工程，推动规模以上企业数字化改造全覆盖。',
      ].join('\n'),
    },
    integrityPledge: { noSeriousIncidents: true, materialsAuthentic: true },
  };
}

function sampleInput(overrides: Partial<DeclarationPdfInput> = {}): DeclarationPdfInput {
  return {
    declarationId: '6f1d2c3e-8a47-4b1e-9d2a-0c5e7f9b1a23',
    campaignYear: 2024,
    noticeNo: '工信厅企业函〔2024〕122号',
    formVersion: '2022',
    status: 'submitted',
    version: 3,
    submittedAt: '2024-05-06T02:30:00.000Z',
    county: { code: '330281', name: '余姚市', path: ['浙江省', '宁波市'] },
    unit: { code: '330200', name: '宁波市' },
    content: sampleContent(),
    attachments: [
      {
        category: 'output_statistics',
        filename: '2021-2023年集群产值统计证明.pdf',
        size: 1_482_113,
        sha256: 'a3f1c2'.padEnd(64, '0'),
      },
      {
        category: 'enterprise_list',
        filename: '集群企业名单.xlsx',
        size: 88_412,
        sha256: '9b7e45'.padEnd(64, '1'),
      },
      {
        category: 'spatial_boundary',
        filename: '集群空间范围示意图.pdf',
        size: 5_921_004,
        sha256: '0c4d88'.padEnd(64, '2'),
      },
    ],
    standards: {
      overall: 'fail',
      items: [
        {
          area: 1,
          code: 'output_each_year',
          value: [430.5, 468.2, 520],
          threshold: 40,
          operator: '>=',
          unit: '亿元',
          result: 'pass',
          message: '近三年每年集群产值',
          messageEn: 'Output each year',
        },
        {
          area: 1,
          code: 'output_growth',
          value: 9.82,
          threshold: 10,
          operator: '>',
          unit: '%',
          result: 'fail',
          message: '产值年均增长率',
          messageEn: 'Average growth',
        },
        {
          area: 1,
          code: 'land_area',
          value: 62.5,
          threshold: 100,
          operator: '<=',
          unit: 'km²',
          result: 'pass',
          message: '集群占地面积',
          messageEn: 'Land area',
        },
        {
          area: 2,
          code: 'quality_smes',
          value: null,
          threshold: 1,
          operator: '>=',
          unit: '家',
          result: 'missing',
          message: '单项冠军或“小巨人”企业',
          messageEn: 'Champions',
        },
      ],
    },
    generatedAt: new Date('2024-05-07T08:00:00.000Z'),
    demo: false,
    ...overrides,
  };
}

/** Renders through the stream (as the server does) into a file; returns its path and the render time. */
async function renderToFile(name: string, input: DeclarationPdfInput): Promise<{ path: string; ms: number }> {
  const path = join(dir, `${name}.pdf`);
  const started = performance.now();
  const doc = renderDeclarationPdf(input);
  assert.ok(doc instanceof Readable, 'the document is a Readable stream');
  await pipeline(doc, createWriteStream(path));
  return { path, ms: performance.now() - started };
}

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
/** Text without whitespace, for phrases that `-layout` may wrap or space out. */
const squash = (s: string) => s.replace(/\s+/g, '');

function pageNumbers(text: string): { pages: number[]; totals: Set<number> } {
  const pages: number[] = [];
  const totals = new Set<number>();
  for (const m of text.matchAll(/第\s*(\d+)\s*页\s*\/\s*共\s*(\d+)\s*页/g)) {
    pages.push(Number(m[1]));
    totals.add(Number(m[2]));
  }
  return { pages, totals };
}

describe('Declaration Form PDF', () => {
  it('renders a filled declaration with cover, indicators, narratives, pledges and page numbers', async (t) => {
    const { path, ms } = await renderToFile('filled', sampleInput());
    t.diagnostic(`rendered ${statSync(path).size} bytes in ${ms.toFixed(0)} ms`);
    if (!HAS_PDFTOTEXT) {
      t.skip(NO_PDFTOTEXT);
      return;
    }
    const text = pdfText(path);
    const flat = squash(text);
    assert.ok(text.includes('浙江省宁波市余姚市智能光电产业集群'), 'cluster name');
    assert.ok(flat.includes('《中小企业特色产业集群申报表》'), 'form title');
    assert.ok(flat.includes('浙江省宁波市余姚市（330281）'), 'county');
    assert.ok(text.includes('盖章'), 'seal placeholder');
    assert.ok(flat.includes('已提交第3版'), 'status and version');
    assert.ok(flat.includes('工信厅企业函〔2024〕122号'), 'notice number');
    assert.match(text, /第\s*1\s*页/, 'page number on the first page'); // -layout may drop the narrow spaces
    for (const v of [
      '392.60',
      '430.50',
      '468.20',
      '520.00',
      '402.30',
      '14.50',
      '121.35',
      '68.5%',
      '81.25%',
      '1286',
    ]) {
      assert.ok(text.includes(v), `indicator value ${v}`);
    }
    assert.ok(flat.includes(squash(NARRATIVE_FIRST)), 'a narrative sentence');
    for (const h of [
      '核心竞争力',
      '优质企业培育',
      '产业链供应链协作',
      '协同创新',
      '数字化转型',
      '绿色发展',
      '开放合作',
      '治理和服务',
    ]) {
      assert.ok(flat.includes(h), `narrative heading ${h}`);
    }
    assert.ok(
      flat.includes('认定标准自查') && flat.includes('不符合') && flat.includes('缺项'),
      'standards self-check',
    );
    assert.ok((text.match(/✓/g) ?? []).length === 2, 'both pledges ticked');
    assert.ok(
      flat.includes('集群产值及增长情况统计证明') && flat.includes('a3f1c20000000000'),
      'evidence list',
    );
    assert.ok(!flat.includes('非正式文本'), 'a submitted declaration carries no draft marker');
    assert.ok(!text.includes('DEMO'), 'no demo marker outside demo mode');

    const { pages, totals } = pageNumbers(text);
    assert.ok(pages.length >= 3, `at least 3 pages, got ${pages.length}`);
    assert.deepEqual(
      pages,
      pages.map((_, i) => i + 1),
      'pages numbered 1..M in order',
    );
    assert.deepEqual([...totals], [pages.length], '共 M 页 is the real page count on every page');
    t.diagnostic(`${pages.length} pages`);
  });

  it('marks drafts and demo data', async (t) => {
    const { path } = await renderToFile(
      'draft',
      sampleInput({ status: 'draft', version: 1, submittedAt: null, standards: null, demo: true }),
    );
    if (!HAS_PDFTOTEXT) {
      t.skip(NO_PDFTOTEXT);
      return;
    }
    const flat = squash(pdfText(path));
    assert.ok(flat.includes('草稿—非正式文本'), 'draft marker');
    assert.ok(flat.includes('演示数据DEMO'), 'demo marker');
    assert.ok(flat.includes('未提交'), 'no submission date');
    assert.ok(!flat.includes('认定标准自查'), 'no standards section without a standards result');
    assert.ok(flat.includes('三、发展情况'), 'sections renumbered without the standards section');
  });

  it('renders an empty declaration without throwing', async (t) => {
    const input = sampleInput({
      content: emptyDeclarationContent(),
      attachments: [],
      standards: { overall: 'incomplete', items: [] },
      status: 'draft',
      version: 1,
      submittedAt: null,
      noticeNo: null,
    });
    const { path } = await renderToFile('empty', input);
    assert.ok(statSync(path).size > 1000);
    if (!HAS_PDFTOTEXT) {
      t.skip(NO_PDFTOTEXT);
      return;
    }
    const text = pdfText(path);
    const flat = squash(text);
    assert.ok(flat.includes('（集群名称未填写）'));
    assert.ok(flat.includes('（未填写）'));
    assert.ok(flat.includes('必需材料尚缺'));
    assert.ok(!text.includes('✓'), 'no pledge ticked');
    assert.ok(text.includes('—'), 'empty values print as a dash');
    assert.ok(pageNumbers(text).pages.length >= 2);
  });
});
