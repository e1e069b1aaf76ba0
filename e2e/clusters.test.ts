// Identified clusters after identification, in the browser (issue #6). The ministry imports a published list
// as an Excel file (one row resolves to 余姚市, the others are reported unresolved with their reasons). Then
// the demo clock moves through the cluster's life: in early 2024 the county files its report on 2023 in the
// form and the unit forwards it; in early 2025 the unit returns the report on 2024 with a reason and the
// county corrects and resubmits it; in mid-2025 the county reports a change of operating body with an
// evidence file (the ministry acknowledges it) and files the Re-review Form (its declaration content is put
// in through the API, since an imported cluster has no declaration to prefill from; the county writes the
// statement and submits in the browser), the unit verifies it with an on-site inspection and the ministry
// extends the identification by three years; in early 2026 the county files the report on 2025 and the unit
// forwards it, and records the policy support it gave. All three annual reports are filled in and submitted in the browser. Back on today's date the
// ministry revokes another cluster with a reason and an evidence file, and the public registry shows both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { sampleContent } from '../server/db/seed/sample-content.ts';
import zh from '../web/src/i18n/clusters.zh-CN.ts';
import { browserSkipReason, launchBrowser, logIn, screenshot } from './support/browser.ts';
import { api, apiLogin, type Json } from './support/ministry-data.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();
const CLUSTER = '余姚市精密模具产业集群';
const f = zh.cl.report.f;

const tinyPdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

async function listWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['year', 'province', 'cluster_name_zh', 'county', 'leading_industry', 'published_on']);
  ws.addRow([2022, '宁波市', CLUSTER, '余姚市', '精密模具', new Date(Date.UTC(2023, 0, 5))]);
  ws.addRow([2022, '浙江省', '不存在县袜业产业集群', '不存在县', '袜业', '2023-01-05']);
  ws.addRow([2022, '火星省', '火星产业集群', '某县', '测试', '2023-01-05']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** Moves the demo clock so that the server's day (China) is `date`. */
async function setClock(url: string, date: string): Promise<void> {
  const admin = await apiLogin(url, 'admin');
  const now: Json = await api(url, admin, 'GET', '/api/v1/ops/clock');
  const realToday = new Date(Date.parse(`${now.today}T00:00:00Z`) - now.offsetDays * dayMs)
    .toISOString()
    .slice(0, 10);
  const set: Json = await api(url, admin, 'PUT', '/api/v1/ops/clock', {
    offsetDays: daysBetween(realToday, date),
  });
  assert.equal(set.today, date);
}

type Figures = Record<string, number>;
const figures = (output: number): Figures => ({
  output,
  outputGrowth: 11.5,
  smeOutput: Math.round(output * 80) / 100,
  leadingIndustryOutput: Math.round(output * 76) / 100,
  'enterprises.total': 620,
  'enterprises.sme': 598,
  'enterprises.singleChampion': 2,
  'enterprises.littleGiant': 6,
  'enterprises.specializedSme': 48,
  validInventionPatents: 410,
  rdSpending: Math.round(output * 4) / 100,
  industrialInternetPenetration: 52,
  energyPerOutputReduction: 3.5,
});

function labelOf(path: string): string {
  let v: unknown = f;
  for (const k of path.split('.')) v = (v as Record<string, unknown>)[k];
  return v as string;
}

async function waitSaved(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /已保存/ })
    .first()
    .waitFor({ timeout: 20_000 });
}

/** The county fills a report's required figures, the summary and the negative-list declaration. */
async function fillReport(page: Page, values: Figures, summary: string): Promise<void> {
  for (const [path, value] of Object.entries(values))
    await page.getByLabel(labelOf(path), { exact: true }).fill(String(value));
  await page.getByLabel(f.narratives.summary, { exact: true }).fill(summary);
  await page.getByRole('radio', { name: '是' }).check();
  await waitSaved(page);
}

async function confirm(page: Page): Promise<void> {
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
}

async function reportStatus(page: Page, status: string): Promise<void> {
  await page
    .locator('.report-editor .section-heading')
    .filter({ hasText: status })
    .waitFor({ timeout: 20_000 });
}

describe('identified clusters: annual reports, change report, re-review, extension, revocation', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  before(
    async () => {
      if (skip) return;
      server = await startServer();
      browser = await launchBrowser();
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('one cluster through three reports, a change, a re-review and an extension; another revoked', {
    skip,
    timeout: 900_000,
  }, async () => {
    assert.ok(server && browser);
    const url = server.url;
    const b = browser;
    const open: Page[] = [];
    /** A fresh browser session for the account (sessions do not survive large clock jumps). */
    const as = async (username: string, width = 1366): Promise<Page> => {
      const ctx = await b.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      open.push(page);
      await logIn(page, url, username);
      return page;
    };
    const closeAll = async () => {
      for (const p of open.splice(0)) await p.context().close();
    };

    try {
      // --- the ministry imports the published list as an Excel workbook ---
      const m0 = await as('ministry');
      await m0.getByRole('link', { name: '导入名单' }).click();
      await m0.waitForURL(/\/clusters\/import$/);
      await m0.locator('#import-file').setInputFiles({
        name: '认定名单.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await listWorkbook(),
      });
      await m0.getByRole('button', { name: /导\s*入/ }).click();
      await m0.getByText('共 3 行（XLSX）：新导入 1 个，已存在 0 个，未能识别 2 行').waitFor();
      await m0.getByText('找不到该县级区划').waitFor();
      await m0.getByText('无法识别推荐单位').waitFor();
      await screenshot(m0, 'clusters-import');
      await m0.getByRole('tab', { name: /新导入/ }).click();
      await m0.getByRole('link', { name: CLUSTER }).click();
      await m0.waitForURL(/\/clusters\/[0-9a-f-]{36}$/);
      const clusterId = new URL(m0.url()).pathname.split('/').pop() ?? '';
      await m0.getByTestId('cluster-validity').filter({ hasText: '2023年1月5日 至 2026年1月4日' }).waitFor();
      await closeAll();
      const reportsUrl = (year: number) => `${url}/clusters/${clusterId}?tab=reports&year=${year}`;

      // --- early 2024: the report on 2023, filed by the county, forwarded by the unit ---
      await setClock(url, '2024-02-01');
      let county = await as('county-330281');
      await county.getByRole('link', { name: '已认定集群' }).click();
      await county.getByRole('link', { name: CLUSTER }).click();
      await county.getByRole('tab', { name: '年度发展情况' }).click();
      await county.locator('.report-editor').getByText('2023 年度').waitFor();
      await fillReport(county, figures(182.4), '2023年集群产值稳步增长，模具出口扩大。');
      await county.getByRole('button', { name: /提\s*交/ }).click();
      await confirm(county);
      await reportStatus(county, '已提交');
      let unit = await as('unit-330200');
      await unit.getByRole('link', { name: '年度发展情况' }).click();
      await unit.getByRole('link', { name: CLUSTER }).first().click();
      await unit.getByRole('button', { name: '审核通过并报送' }).click();
      await reportStatus(unit, '已报送');
      await closeAll();

      // --- early 2025: the report on 2024, returned once by the unit and corrected ---
      await setClock(url, '2025-02-01');
      county = await as('county-330281');
      await county.goto(reportsUrl(2024));
      await fillReport(county, figures(197.6), '2024年集群产值继续增长。');
      await county.getByRole('button', { name: /提\s*交/ }).click();
      await confirm(county);
      await reportStatus(county, '已提交');
      unit = await as('unit-330200');
      await unit.goto(reportsUrl(2024));
      await unit.getByRole('button', { name: '退回修改' }).click();
      await unit.getByLabel('退回理由').fill('出口额未填写，请补充。');
      await unit.locator('.ant-modal-footer .ant-btn-primary').click();
      await reportStatus(unit, '已退回');
      await county.reload();
      await county.getByText('推荐单位退回修改：出口额未填写，请补充。').waitFor();
      await county.getByLabel(f.exportValue, { exact: true }).fill('35.2');
      await waitSaved(county);
      await county.getByRole('button', { name: /提\s*交/ }).click();
      await confirm(county);
      await reportStatus(county, '已提交');
      await unit.reload();
      await unit.getByRole('button', { name: '审核通过并报送' }).click();
      await reportStatus(unit, '已报送');
      await closeAll();

      // --- mid-2025: a change report, then the re-review ---
      await setClock(url, '2025-06-02');
      county = await as('county-330281');
      await county.goto(`${url}/clusters/${clusterId}?tab=changes`);
      await county.getByRole('button', { name: '变更报备' }).click();
      const changeModal = county.locator('.ant-modal').filter({ hasText: '变更情况说明' });
      await changeModal.locator('.ant-select-selector').first().click();
      await county
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '运营主体' })
        .click();
      await changeModal
        .getByLabel('变更情况说明')
        .fill('集群运营主体由余姚市模具城管委会变更为余姚市模具产业发展促进中心。');
      await changeModal.getByLabel('变更前').fill('余姚市模具城管委会');
      await changeModal.getByLabel('变更后').fill('余姚市模具产业发展促进中心');
      await changeModal.locator('#change-files').setInputFiles({
        name: '变更批复.pdf',
        mimeType: 'application/pdf',
        buffer: tinyPdf('change'),
      });
      await changeModal.locator('.ant-modal-footer .ant-btn-primary').click();
      await county.locator('.change-card').getByText('变更批复.pdf').waitFor();
      await county.locator('.change-card .ant-tag').filter({ hasText: '已报备' }).waitFor();

      const ministry = await as('ministry');
      await ministry.goto(`${url}/clusters/${clusterId}?tab=changes`);
      await ministry.getByRole('button', { name: /知\s*悉/ }).click();
      await ministry.locator('.change-card .ant-tag').filter({ hasText: '已知悉' }).waitFor();

      // The county starts the Re-review Form in the browser; its declaration content goes in through the API.
      await county.goto(`${url}/clusters/${clusterId}?tab=reReview`);
      await county.getByRole('button', { name: '开始填写复核申报表' }).click();
      await county.getByText('复核申报表').first().waitFor();
      const countyApi = await apiLogin(url, 'county-330281');
      const draft: Json = await api(url, countyApi, 'GET', `/api/v1/clusters/${clusterId}/re-review`);
      const content = sampleContent(2025, {
        clusterName: CLUSTER,
        industry: '精密模具',
        industryCode: '3525',
        subSector: '精密注塑模具',
      });
      const res = await fetch(`${url}/api/v1/clusters/${clusterId}/re-review`, {
        method: 'PUT',
        headers: {
          cookie: countyApi.cookie,
          'x-csrf-token': countyApi.csrfToken,
          'content-type': 'application/json',
          'if-match': String(draft.version),
        },
        body: JSON.stringify({ form: { content } }),
      });
      assert.equal(res.status, 200, await res.text());
      await county.reload();
      await county
        .getByLabel('三年发展规划目标完成情况')
        .fill('三年规划目标中，产值、专精特新企业数量目标均已完成。');
      await county.getByLabel('复核申请综述').fill('集群有效期内保持较快发展，申请复核。');
      await waitSaved(county);
      await county.locator('.cluster-files input[type=file]').setInputFiles({
        name: '复核佐证.pdf',
        mimeType: 'application/pdf',
        buffer: tinyPdf('re-review'),
      });
      await county.getByRole('link', { name: '复核佐证.pdf' }).waitFor();
      await county.getByRole('button', { name: '提交复核申请' }).click();
      await confirm(county);
      await county.locator('.ant-tag').filter({ hasText: '已提交' }).first().waitFor();

      // The unit verifies item by item, with an on-site inspection.
      unit = await as('unit-330200');
      await unit.goto(`${url}/clusters/${clusterId}?tab=reReview`);
      const verify = unit.locator('.verify-card');
      await verify.waitFor();
      await verify.getByText('进行了实地核查').click();
      await verify.getByLabel('核查日期').fill('2025-06-01');
      await verify.getByLabel('核查日期').press('Enter');
      await verify.getByLabel('核查组成员').fill('宁波市中小企业局 王强、李红');
      await verify.getByLabel('核查发现').fill('集群企业生产经营正常，数据与申报一致。');
      await screenshot(unit, 'clusters-re-review-verify');
      await verify.getByRole('button', { name: '提交核查结论' }).click();
      await unit.locator('.ant-tag').filter({ hasText: '推荐单位已核查' }).first().waitFor();

      // The ministry extends the identification by three years.
      await ministry.goto(`${url}/clusters/${clusterId}?tab=reReview`);
      const decide = ministry.locator('.decide-card');
      await decide.getByRole('radio', { name: '延续认定三年' }).check();
      await decide.getByRole('button', { name: /确\s*定/ }).click();
      await ministry.getByText('复核通过，有效期延续至 2029年1月4日').waitFor();
      await ministry.getByRole('tab', { name: '概况' }).click();
      await ministry
        .getByTestId('cluster-validity')
        .filter({ hasText: '2023年1月5日 至 2029年1月4日' })
        .waitFor();
      await ministry.locator('.cluster-tags').getByText('已延续').waitFor();
      await closeAll();

      // --- early 2026: the report on 2025, the third, filed and forwarded ---
      await setClock(url, '2026-02-02');
      county = await as('county-330281');
      await county.goto(reportsUrl(2025));
      await fillReport(county, figures(214.9), '2025年集群产值突破200亿元。');
      await county.getByRole('button', { name: /提\s*交/ }).click();
      await confirm(county);
      await reportStatus(county, '已提交');
      unit = await as('unit-330200');
      await unit.goto(reportsUrl(2025));
      await unit.getByRole('button', { name: '审核通过并报送' }).click();
      await reportStatus(unit, '已报送');
      // The three years, each forwarded; the trends table shows the outputs.
      await unit.locator('.ant-segmented-item').filter({ hasText: '表格' }).click();
      const trendRow = unit.locator('.ant-table-row').filter({ hasText: '集群产值 (亿元)' });
      await trendRow.getByText('182.4').waitFor();
      await trendRow.getByText('197.6').waitFor();
      await trendRow.getByText('214.9').waitFor();
      const years = unit.locator('.report-card').first().locator('.ant-table-row');
      assert.equal(await years.filter({ hasText: '已报送' }).count(), 3);
      await screenshot(unit, 'clusters-reports');
      // The unit records the policy support it gave.
      await unit.getByRole('tab', { name: '政策支持' }).click();
      await unit.getByRole('button', { name: '记录政策支持' }).click();
      const supportModal = unit.locator('.ant-modal').filter({ hasText: '支持单位' });
      await supportModal.getByLabel('名称', { exact: true }).fill('模具产业数字化改造专项资金');
      await supportModal.getByLabel('金额（亿元）').fill('0.5');
      await supportModal.getByLabel('日期', { exact: true }).fill('2026-01-20');
      await supportModal.getByLabel('日期', { exact: true }).press('Enter');
      await supportModal.getByLabel('支持单位').fill('宁波市财政局');
      await supportModal.locator('.ant-modal-footer .ant-btn-primary').click();
      await unit.getByText('合计：1 项，0.5 亿元').waitFor();
      await closeAll();

      // --- today: the ministry revokes another cluster ---
      await api(url, await apiLogin(url, 'admin'), 'PUT', '/api/v1/ops/clock', { offsetDays: 0 });
      const m = await as('ministry');
      await m.goto(`${url}/clusters?year=2024`);
      const other = await m.locator('.ant-table-row a').first().textContent();
      assert.ok(other);
      await m.getByRole('link', { name: other }).click();
      await m.getByRole('tab', { name: '撤销' }).click();
      await m.getByLabel('说明', { exact: true }).fill('集群内企业发生较大安全生产事故，经核实，撤销认定。');
      await m.locator('#revocation-files').setInputFiles({
        name: '事故调查报告.pdf',
        mimeType: 'application/pdf',
        buffer: tinyPdf('incident'),
      });
      await m.getByRole('button', { name: '撤销认定' }).click();
      await confirm(m);
      await m.getByText(/^已于 .* 撤销$/).waitFor();
      await m
        .getByTestId('revocation-explanation')
        .getByText(/较大安全生产事故/)
        .waitFor();
      await m.getByRole('link', { name: '事故调查报告.pdf' }).waitFor();
      await m.locator('.cluster-tags').getByText('已撤销').waitFor();
      await m.getByRole('tab', { name: '概况' }).click();
      await m.locator('.cluster-history').getByText('撤销认定').waitFor();
      await m.getByRole('link', { name: '政策支持' }).click();
      await m.locator('.ant-table-row').filter({ hasText: '宁波市' }).getByText('0.5 亿元').first().waitFor();
      const phone = await as('ministry', 390);
      await phone.goto(`${url}/clusters/${clusterId}`);
      await phone.locator('.cluster-history').getByText('延续认定').waitFor();
      await screenshot(phone, 'clusters-detail-phone');

      // --- the public registry shows both ---
      const extended: Json = await (
        await fetch(`${url}/api/v1/public/clusters?q=${encodeURIComponent(CLUSTER)}`)
      ).json();
      const a = extended.items.find((x: Json) => x.name === CLUSTER);
      assert.equal(a?.status, 'extended');
      assert.equal(a?.validTo, '2029-01-04');
      const revoked: Json = await (await fetch(`${url}/api/v1/public/clusters?status=revoked`)).json();
      const r = revoked.items.find((x: Json) => x.name === other.trim());
      assert.equal(r?.status, 'revoked');
      assert.equal(r?.revocationReason, 'serious_incident');
    } finally {
      await closeAll();
    }
  });
});
