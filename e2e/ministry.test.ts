// The ministry runs a campaign's national review in the browser. Four units' recommendations are prepared
// through the API (counties submit, units accept and rank); then the ministry sees a campaign edit refused
// on its field and publishes the recommendation notice, creates a panel, assigns
// automatically, is told the panel cannot reveal before everyone scored, experts score (expert-11 in the
// browser, the others through the API), the ministry reveals, expert-11 sees the anonymous peer scores
// and revises with a reason, the ministry records a consensus and finalizes, shortlists three, starts a
// 公示 (end date shown live), a member of the public objects twice on the public page (once with an
// evidence file), the ministry upholds one and dismisses the other, the demo clock moves past the 公示,
// and the ministry identifies: the clusters show with their validity; the county sees its own.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser, logIn, screenshot } from './support/browser.ts';
import { api, apiLogin, type Json, type PlannedDeclaration, recommend } from './support/ministry-data.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();

const PLANNED: PlannedDeclaration[] = [
  {
    county: '330281',
    unit: '330200',
    clusterName: '浙江省宁波市余姚市模具产业集群',
    industry: '模具',
    industryCode: '3525',
    subSector: '精密注塑模具',
  },
  {
    county: '330681',
    unit: '330000',
    clusterName: '浙江省绍兴市诸暨市袜业产业集群',
    industry: '袜业',
    industryCode: '1763',
    subSector: '功能性袜品',
  },
  {
    county: '320582',
    unit: '320000',
    clusterName: '江苏省苏州市张家港市精密机械产业集群',
    industry: '精密机械',
    industryCode: '3425',
    subSector: '精密齿轮',
  },
  {
    county: '440606',
    unit: '440000',
    clusterName: '广东省佛山市顺德区家电产业集群',
    industry: '家电',
    industryCode: '3851',
    subSector: '厨房小家电',
  },
];
const [YUYAO, ZHUJI, ZHANGJIAGANG, SHUNDE] = PLANNED.map((p) => p.clusterName) as [
  string,
  string,
  string,
  string,
];
/** Panel members: 评审专家 1 is from 宁波 and 2 from 浙江 (each excluded from its own unit's cluster). */
const MEMBERS = [1, 2, 11, 12, 13];
/** Area scores by expert and cluster; 顺德 scores lowest and stays off the shortlist. */
const BASE: Record<string, number> = { [YUYAO]: 88, [ZHUJI]: 84, [ZHANGJIAGANG]: 80, [SHUNDE]: 70 };

async function pickOption(page: Page, input: string, text: string, option: RegExp): Promise<void> {
  const select = page.locator(input);
  await select.click();
  await select.fill(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

describe('ministry: panel, 公示, objections, identification', () => {
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

  test('a campaign from recommendations to identified clusters', { skip, timeout: 600_000 }, async () => {
    assert.ok(server && browser);
    const url = server.url;
    const ministryApi = await apiLogin(url, 'ministry');
    const year: number = (await api(url, ministryApi, 'GET', '/api/v1/campaigns')).items.find(
      (c: Json) => c.demo,
    ).year;
    const ids = await recommend(url, year, PLANNED);
    const idOf = (name: string) => ids.get(name) ?? assert.fail(`no id for ${name}`);

    const ministryContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1366, height: 900 },
    });
    const expertContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1366, height: 900 },
    });
    const publicContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    });
    const open: Page[] = [];
    try {
      // The dashboard: four units have recommended; the tile map links to each unit's intake.
      const m = await ministryContext.newPage();
      open.push(m);
      await logIn(m, url, 'ministry');
      await m.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '全国评审' }).click();
      await m.waitForURL(/\/ministry(\?|$)/);
      const ningbo = m.getByRole('button', { name: /^宁波市：已推荐 1 \/ 名额 2/ });
      await ningbo.waitFor({ timeout: 30_000 });
      await screenshot(m, 'ministry-dashboard');
      await ningbo.focus();
      await m.keyboard.press('Enter');
      await m.waitForURL(/\/ministry\/intake\?.*unit=330200/);
      await m.getByRole('main').getByText(YUYAO).waitFor({ timeout: 15_000 });
      assert.equal(await m.getByRole('main').getByText(ZHUJI).count(), 0, 'filtered to 宁波');
      await screenshot(m, 'ministry-intake-ningbo');

      // Campaigns: the server's validation error lands on its field; the recommendation notice is published.
      await m.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '批次管理' }).click();
      await m.getByRole('button', { name: `编辑 ${year} 年批次` }).click();
      await m.getByLabel('新疆生产建设兵团').fill('0');
      await m
        .getByRole('button', { name: /保存批次/ })
        .first()
        .click();
      await m
        .locator('.ant-form-item')
        .filter({ has: m.getByLabel('新疆生产建设兵团') })
        .locator('.ant-form-item-explain-error')
        .waitFor({ timeout: 15_000 });
      await screenshot(m, 'ministry-campaign-invalid');
      await m.keyboard.press('Escape');
      await m.getByRole('button', { name: `发布通知：${year} 年推荐通知` }).click();
      await m
        .getByRole('dialog')
        .getByRole('button', { name: /发\s*布/ })
        .click();
      await m.getByText(/^已发布：关于开展/).waitFor({ timeout: 15_000 });
      await m
        .getByRole('dialog')
        .getByRole('button', { name: /关\s*闭/ })
        .click();

      // A panel of five, three experts per declaration; then the four declarations spread over it.
      await m.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '专家评审' }).click();
      await m.waitForURL(/\/ministry\/panels/);
      await m.getByRole('button', { name: /新建评审组/ }).click();
      await m.getByLabel('评审组名称').fill('第一评审组');
      for (const n of MEMBERS)
        await pickOption(m, '#panel-experts', `评审专家 ${n}`, new RegExp(`^评审专家 ${n} · `));
      await m.keyboard.press('Escape');
      await m.locator('#panel-per').fill('3');
      await m.getByRole('button', { name: /创\s*建/ }).click();
      await m.waitForURL(/\/ministry\/panels\/[0-9a-f-]{36}/);
      const panelUrl = m.url();
      await m.getByRole('link', { name: /返回评审组列表/ }).click();
      await m.getByRole('button', { name: /自动分配/ }).click();
      // The demo data's own recommendations join ours: every declaration gets three experts.
      await m.getByText(/分配了 \d+ 项申报，新增 \d+ 个评分任务。/).waitFor({ timeout: 30_000 });
      await m.getByText('尚未分配的推荐申报：0 项').waitFor({ timeout: 15_000 });
      await screenshot(m, 'ministry-panels-assigned');

      // The panel cannot reveal before the experts scored: the 409's details are listed.
      await m.goto(panelUrl);
      await m.getByRole('button', { name: /亮分/ }).click();
      const blocked = m.getByRole('alert').filter({ hasText: '暂不能进入下一阶段' });
      await blocked.waitFor({ timeout: 15_000 });
      assert.match((await blocked.textContent()) ?? '', /尚未评分/);
      // 评审专家 1 never reviews 宁波's cluster.
      const yuyaoCard = m
        .locator('.panel-decl-card')
        .filter({ has: m.getByRole('heading', { name: YUYAO }) });
      assert.equal(await yuyaoCard.getByText(/^评审专家 1 · /).count(), 0, 'own-unit expert excluded');
      await screenshot(m, 'ministry-panel-blocked');

      // Experts score independently: expert-11 in the browser, the others through the API.
      const expertSessions = new Map<number, Awaited<ReturnType<typeof apiLogin>>>();
      for (const n of MEMBERS) expertSessions.set(n, await apiLogin(url, `expert-${n}`));
      const mine: Json[] = (
        await api(url, expertSessions.get(11)!, 'GET', '/api/v1/expert/assignments')
      ).items.filter((a: Json) => a.panelId);
      assert.ok(mine.length >= 1, 'expert-11 has panel assignments');
      const e = await expertContext.newPage();
      open.push(e);
      await logIn(e, url, 'expert-11');
      // The bell has told expert-11 of its new tasks; opening the notification marks it read.
      const bell = e.getByRole('button', { name: /^通知，\d+ 条未读$/ });
      await e.getByRole('button', { name: /^通知，[1-9]\d* 条未读$/ }).waitFor({ timeout: 30_000 });
      await bell.click();
      await e.getByRole('button', { name: /新的评审任务/ }).click();
      await e.waitForURL(/\/expert$/);
      await e.getByRole('button', { name: '通知，0 条未读' }).waitFor({ timeout: 15_000 });
      const firstTask = mine[0];
      await e.goto(`${url}/expert/${firstTask.assignmentId}`);
      await e.getByText('独立评分阶段').waitFor({ timeout: 30_000 });
      const inputs = e.locator('.score-area input');
      for (let i = 0; i < 8; i++) await inputs.nth(i).fill(String((BASE[firstTask.clusterName] ?? 75) - 2));
      await e.getByRole('button', { name: /保存评分/ }).click();
      await e.getByText(/已保存的总分/).waitFor({ timeout: 15_000 });
      await screenshot(e, 'ministry-expert-independent');
      for (const [n, session] of expertSessions) {
        const items: Json[] = (await api(url, session, 'GET', '/api/v1/expert/assignments')).items;
        for (const a of items.filter((x) => x.panelId && x.assignmentId !== firstTask.assignmentId)) {
          const score = (BASE[a.clusterName] ?? 75) + (n % 3) * 2;
          await api(url, session, 'PUT', `/api/v1/expert/assignments/${a.assignmentId}/score`, {
            scores: Array(8).fill(score),
            comment: `专家 ${n} 的意见`,
          });
        }
      }

      // Reveal: the experts see each other's scores under letters.
      await m.reload();
      await m.getByRole('button', { name: /亮分/ }).click();
      await m.getByText('已进入：亮分与修正').waitFor({ timeout: 15_000 });

      await e.reload();
      await e.getByText('亮分阶段').waitFor({ timeout: 30_000 });
      const peers = e.locator('.ant-card').filter({ hasText: '评审组各专家评分' });
      await peers.getByText('本人', { exact: true }).waitFor({ timeout: 15_000 });
      assert.equal(await peers.locator('tr.ant-table-row').count(), 3, 'three experts on the declaration');
      assert.equal(await peers.getByText(/评审专家/).count(), 0, 'names stay hidden');
      // A change now is a revision: without a reason it is refused in the form.
      await inputs.nth(0).fill(String((BASE[firstTask.clusterName] ?? 75) + 5));
      await e.getByRole('button', { name: /保存修正/ }).click();
      await e.getByText('请填写修正理由。').waitFor();
      await e.getByLabel('修正理由（必填）').fill('对照其他专家意见，核心竞争力一项评分偏低。');
      await e.getByRole('button', { name: /保存修正/ }).click();
      await e.getByText(/上次修正理由/).waitFor({ timeout: 15_000 });
      await screenshot(e, 'ministry-expert-revealed');
      await e.setViewportSize({ width: 390, height: 844 });
      await screenshot(e, 'ministry-expert-revealed-390');

      // The ministry sees the revision with its reason, writes the panel's opinion and finalizes.
      await m.reload();
      await m.getByText(/修正理由：对照其他专家意见/).waitFor({ timeout: 15_000 });
      await m.locator(`#consensus-${idOf(YUYAO)}`).fill('评审组一致认为该集群模具产业基础雄厚，建议列入。');
      await yuyaoCard.getByRole('button', { name: /保存评审组意见/ }).click();
      await m.getByText('评审组意见已保存').waitFor({ timeout: 15_000 });
      await m.getByRole('button', { name: /定\s*稿/ }).click();
      await m.getByText('已进入：已定稿').waitFor({ timeout: 15_000 });
      await screenshot(m, 'ministry-panel-final');
      // A final panel's scores are read-only for the expert.
      await e.reload();
      await e.getByText('评审组已定稿，评分只读。').waitFor({ timeout: 30_000 });
      assert.ok(await inputs.nth(0).isDisabled(), 'scores locked');
      assert.equal(await e.getByRole('button', { name: /保存/ }).count(), 0, 'no save button');

      // Results: ranked by final score; the top three go on the shortlist.
      await m.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '结果与公示' }).click();
      await m.waitForURL(/\/ministry\/results/);
      await m.getByRole('tab', { name: '评审结果与入围' }).waitFor({ timeout: 30_000 });
      const rows = m.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor({ timeout: 30_000 });
      assert.match((await rows.nth(0).textContent()) ?? '', new RegExp(YUYAO));
      const position = async (name: string) =>
        Number(/^\d+/.exec((await rows.filter({ hasText: name }).textContent()) ?? '')?.[0]);
      assert.ok((await position(SHUNDE)) > (await position(ZHANGJIAGANG)), '顺德 ranks below 张家港');
      for (const name of [YUYAO, ZHUJI, ZHANGJIAGANG]) await m.getByLabel(`将 ${name} 列入入围名单`).check();
      await m.getByRole('button', { name: /保存入围名单（3 项）/ }).click();
      await m.getByText('当前入围 3 项').waitFor({ timeout: 15_000 });
      await screenshot(m, 'ministry-results-shortlist');

      // 公示: five working days from today, the end date worked out while choosing.
      await m.getByRole('tab', { name: '公示' }).click();
      await m.getByText('入围名单共 3 项').waitFor({ timeout: 15_000 });
      await m
        .getByTestId('publicity-end')
        .getByText(/\d{4}年\d{1,2}月\d{1,2}日/)
        .waitFor({ timeout: 15_000 });
      await m.getByRole('button', { name: /发起公示（3 项）/ }).click();
      await m.getByText('公示已发布').waitFor({ timeout: 15_000 });
      await m.getByText('公示中，可提出异议').waitFor({ timeout: 15_000 });
      await screenshot(m, 'ministry-publicity');

      // The public, without signing in: the list, then two objections (one with evidence).
      const p = await publicContext.newPage();
      open.push(p);
      await p.goto(`${url}/login`);
      await p.getByRole('link', { name: '查看公示名单 / 提出异议' }).click();
      await p.waitForURL(/\/publicity$/);
      await p.getByRole('cell', { name: YUYAO }).waitFor({ timeout: 30_000 });
      const object = async (cluster: string, reason: string, withFile: boolean) => {
        await pickOption(p, '#objection_declarationId', cluster.slice(-8), new RegExp(cluster));
        await p.getByLabel('真实姓名').fill('王建国');
        await p.getByLabel('联系方式').fill('13800000000');
        await p.getByLabel('异议理由').fill(reason);
        if (withFile)
          await p.locator('input[type=file]').setInputFiles({
            name: '证明材料.pdf',
            mimeType: 'application/pdf',
            buffer: Buffer.from(
              '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
            ),
          });
        await p.getByRole('button', { name: /提交异议/ }).click();
        await p.getByText('异议已收到').waitFor({ timeout: 15_000 });
      };
      await object(ZHANGJIAGANG, '该集群主导产业产值数据与统计公报不符。', true);
      await screenshot(p, 'ministry-public-receipt-390');
      await p.getByRole('button', { name: /再提一条异议/ }).click();
      await object(ZHUJI, '部分企业存在环保处罚记录。', false);

      // The ministry upholds the first and dismisses the second, with reasons.
      await m.getByRole('tab', { name: '异议处理' }).click();
      await m.getByText('共收到异议 2 件，待处理 2 件').waitFor({ timeout: 15_000 });
      assert.equal(await m.getByRole('link', { name: /证明材料\.pdf/ }).count(), 1, 'evidence downloadable');
      const resolve = async (cluster: string, decision: RegExp, reason: string) => {
        await m.getByRole('button', { name: `处理 王建国 对 ${cluster} 的异议` }).click();
        const dialog = m.getByRole('dialog');
        await dialog.getByRole('radio', { name: decision }).check();
        await dialog.getByLabel('处理理由（必填）').fill(reason);
        await dialog.getByRole('button', { name: /确认处理/ }).click();
        await m.getByText('异议已处理').first().waitFor({ timeout: 15_000 });
        await dialog.waitFor({ state: 'hidden' });
      };
      await resolve(ZHANGJIAGANG, /异议成立/, '经核实，产值数据与统计部门数据不符。');
      await resolve(ZHUJI, /不予支持/, '处罚发生在四年前，不在负面清单期限内。');
      await m.getByText('共收到异议 2 件，待处理 0 件').waitFor({ timeout: 15_000 });
      await screenshot(m, 'ministry-objections');

      // The demo clock moves past the 公示; the list is identified the day after it ends.
      const periods: Json[] = (await api(url, ministryApi, 'GET', `/api/v1/campaigns/${year}/publicity`))
        .items;
      const endsOn: string = periods[0].endsOn;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const days = Math.round((Date.parse(endsOn) - Date.parse(today)) / 86_400_000) + 2;
      await api(url, await apiLogin(url, 'admin'), 'PUT', '/api/v1/ops/clock', { offsetDays: days });

      await m.getByRole('tab', { name: '认定' }).click();
      await m.getByText('认定以下集群（2 项）').waitFor({ timeout: 15_000 });
      await m.getByLabel('通告文号').fill(`工信部企业函〔${year + 1}〕3号`);
      await m.getByRole('button', { name: /认定 2 个集群/ }).click();
      await m.getByText('已认定 2 个集群').first().waitFor({ timeout: 30_000 });
      await m.getByText(new RegExp(`^未认定：.*${SHUNDE}`)).waitFor({ timeout: 15_000 });
      const clusters = m.locator('.ant-table-tbody tr.ant-table-row');
      await clusters.filter({ hasText: YUYAO }).waitFor({ timeout: 15_000 });
      const validity =
        (await clusters.filter({ hasText: YUYAO }).locator('.cluster-validity').textContent()) ?? '';
      assert.match(
        validity,
        new RegExp(`${Number(endsOn.slice(0, 4))}.*至.*${Number(endsOn.slice(0, 4)) + 3}`),
      );
      assert.equal(
        await clusters.filter({ hasText: ZHANGJIAGANG }).count(),
        0,
        'upheld objection: not identified',
      );
      await screenshot(m, 'ministry-identified');

      // The county sees its identified cluster with the certificate link.
      const county = await publicContext.newPage();
      await logIn(county, url, 'county-330281');
      await county.goto(`${url}/clusters`);
      await county.getByText(YUYAO).waitFor({ timeout: 30_000 });
      await county.getByRole('link', { name: YUYAO }).first().click();
      await county.getByRole('link', { name: /下载认定证书/ }).waitFor({ timeout: 30_000 });
      await screenshot(county, 'ministry-county-clusters-390');

      await m.setViewportSize({ width: 390, height: 844 });
      await m.goto(`${url}/ministry?year=${year}`);
      await m.getByRole('button', { name: /^宁波市：/ }).waitFor({ timeout: 30_000 });
      await screenshot(m, 'ministry-dashboard-390');
    } catch (err) {
      // What each page showed when the journey stopped, for whoever reads the failure.
      for (const [i, page] of open.entries()) await screenshot(page, `ministry-failed-${i}`).catch(() => {});
      throw err;
    } finally {
      await ministryContext.close();
      await expertContext.close();
      await publicContext.close();
    }
  });
});
