// The ministry runs a campaign's national review in the browser, once in Chinese and once in English
// (localStorage `jiqun.lang`), each on a campaign of its own: the demo campaign for Chinese, the next year's
// (created through the API) for English. Four units' recommendations are prepared through the API
// (counties submit, units accept and rank); then the ministry sees a campaign edit refused on its field and
// publishes the recommendation notice, creates a panel, assigns automatically, is told (in the UI's language,
// headline and lines alike) the panel cannot reveal before everyone scored, two experts score (expert-11 in
// the browser, the others through the API), the ministry reveals, expert-11 sees the anonymous peer scores
// and revises with a reason, the ministry records a consensus and finalizes, shortlists three, starts a 公示
// (end date shown live), a member of the public objects twice on the public page (once with an evidence
// file), the ministry upholds one and dismisses the other, the demo clock moves past the 公示, and the
// ministry identifies: the clusters show with their validity; the county sees its own. Every label comes
// from the app's dictionaries (e2e/support/labels.ts). Then axe-core checks the ministry's and the experts'
// main screens in both languages.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PANEL_PHASE_LABELS } from '../domain/panels.ts';
import { type AxeCounts, addCounts, axeCheck, settled } from './support/axe-screens.ts';
import { browserSkipReason, launchBrowser, logIn, screenshot } from './support/browser.ts';
import { LANGS, type Labels, type Lang, labels, storeLanguage } from './support/labels.ts';
import { api, apiLogin, type Json, type PlannedDeclaration, recommend } from './support/ministry-data.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();

/** Each language's run has its own four declarations (same units, other counties), so runs never collide. */
const PLANNED: Record<Lang, PlannedDeclaration[]> = {
  'zh-CN': [
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
  ],
  en: [
    {
      county: '330206',
      unit: '330200',
      clusterName: '浙江省宁波市北仑区模具产业集群',
      industry: '模具',
      industryCode: '3525',
      subSector: '汽车模具',
    },
    {
      county: '330782',
      unit: '330000',
      clusterName: '浙江省金华市义乌市袜业产业集群',
      industry: '袜业',
      industryCode: '1763',
      subSector: '针织袜品',
    },
    {
      county: '320282',
      unit: '320000',
      clusterName: '江苏省无锡市宜兴市精密机械产业集群',
      industry: '精密机械',
      industryCode: '3425',
      subSector: '精密轴承座',
    },
    {
      county: '440604',
      unit: '440000',
      clusterName: '广东省佛山市禅城区家电产业集群',
      industry: '家电',
      industryCode: '3851',
      subSector: '厨房电器',
    },
  ],
};
/** 宁波's name as the dashboard's tile map says it. */
const NINGBO: Record<Lang, string> = { 'zh-CN': '宁波市', en: 'Ningbo' };
/** Panel members: 评审专家 1 is from 宁波 and 2 from 浙江 (each excluded from its own unit's cluster). */
const MEMBERS = [1, 2, 11, 12, 13];
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

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

/** A browser context in `lang`; axe needs the CSP bypassed (it is injected as an inline script). */
async function newContext(browser: Browser, lang: Lang, viewport = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: lang, viewport, bypassCSP: true });
  await storeLanguage(context, lang);
  return context;
}

/** The demo campaign for Chinese; for English the next year's, opened through the API like the ministry would. */
async function campaignFor(url: string, lang: Lang): Promise<number> {
  const ministry = await apiLogin(url, 'ministry');
  const campaigns: Json[] = (await api(url, ministry, 'GET', '/api/v1/campaigns')).items;
  const demoYear: number = campaigns.find((c) => c.demo).year;
  if (lang === 'zh-CN') return demoYear;
  const year = demoYear + 1;
  await api(url, ministry, 'POST', '/api/v1/campaigns', {
    year,
    noticeNo: `工信厅企业函〔${year}〕12号`,
    noticeDate: null,
    status: 'open',
    opensAt: null,
    countyDeadline: `${year}-06-30`,
    unitDeadline: `${year}-07-31`,
    quotas: { provincial: 8, separate_plan_city: 2, xpcc: 2 },
    standardsVersion: '2022',
    formVersion: '2022',
    annualReportDue: '03-31',
    rules: { onePerSubSector: false },
    listNoticeNo: null,
    identifiedCount: null,
  });
  return year;
}

/** What the journeys leave for the axe pass: a panel, an assignment of expert-11 and an identified cluster. */
interface Landmarks {
  year: number;
  panelUrl: string;
  assignmentId: string;
  clusterName: string;
}

async function journey(browser: Browser, url: string, lang: Lang): Promise<Landmarks> {
  const L: Labels = labels(lang);
  const tag = lang === 'en' ? '-en' : '';
  const planned = PLANNED[lang];
  const [YUYAO, ZHUJI, ZHANGJIAGANG, SHUNDE] = planned.map((p) => p.clusterName) as [
    string,
    string,
    string,
    string,
  ];
  /** Area scores by cluster; the fourth scores lowest and stays off the shortlist. */
  const BASE: Record<string, number> = { [YUYAO]: 88, [ZHUJI]: 84, [ZHANGJIAGANG]: 80, [SHUNDE]: 70 };
  const phase = (p: keyof typeof PANEL_PHASE_LABELS) => PANEL_PHASE_LABELS[p][lang === 'en' ? 'en' : 'zh'];

  const ministryApi = await apiLogin(url, 'ministry');
  // The demo clock back to today: an earlier run moved it past its 公示 (the 公示 form proposes the server's
  // today as the start date, and the objections below need the 公示 open).
  await api(url, await apiLogin(url, 'admin'), 'PUT', '/api/v1/ops/clock', { offsetDays: 0 });
  const year = await campaignFor(url, lang);
  const ids = await recommend(url, year, planned);
  const idOf = (name: string) => ids.get(name) ?? assert.fail(`no id for ${name}`);

  const ministryContext = await newContext(browser, lang);
  const expertContext = await newContext(browser, lang);
  const publicContext = await newContext(browser, lang, PHONE);
  const open: Page[] = [];
  try {
    // The dashboard: four units have recommended; the tile map links to each unit's intake.
    const m = await ministryContext.newPage();
    open.push(m);
    await logIn(m, url, 'ministry');
    const nav = m.getByRole('navigation', { name: L.t('nav.main') });
    await nav.getByRole('link', { name: L.t('nav.dashboard') }).click();
    await m.waitForURL(/\/ministry(\?|$)/);
    const ningbo = m.getByRole('button', {
      name: L.re('ministry.map.tile', { name: NINGBO[lang], recommended: 1, quota: 2 }, { prefix: true }),
    });
    await ningbo.waitFor({ timeout: 30_000 });
    await screenshot(m, `ministry${tag}-dashboard`);
    await ningbo.focus();
    await m.keyboard.press('Enter');
    await m.waitForURL(/\/ministry\/intake\?.*unit=330200/);
    await m.getByRole('main').getByText(YUYAO).waitFor({ timeout: 15_000 });
    assert.equal(await m.getByRole('main').getByText(ZHUJI).count(), 0, 'filtered to 宁波');
    await screenshot(m, `ministry${tag}-intake-ningbo`);

    // Campaigns: the server's validation error lands on its field; the recommendation notice is published.
    await nav.getByRole('link', { name: L.t('nav.campaigns') }).click();
    await m.getByRole('button', { name: L.t('ministry.campaigns.editOne', { year }) }).click();
    const xpcc = m.getByLabel(L.t('kinds.xpcc'), { exact: true });
    await xpcc.fill('0');
    await m
      .getByRole('button', { name: L.re('ministry.campaigns.save') })
      .first()
      .click();
    const fieldError = m
      .locator('.ant-form-item')
      .filter({ has: xpcc })
      .locator('.ant-form-item-explain-error');
    await fieldError.waitFor({ timeout: 15_000 });
    // The server's own words for the field, in the UI's language.
    assert.match(
      (await fieldError.textContent()) ?? '',
      lang === 'en' ? /positive integer/ : /名额须为正整数/,
    );
    await screenshot(m, `ministry${tag}-campaign-invalid`);
    await m.keyboard.press('Escape');
    await m.getByRole('button', { name: L.t('ministry.campaigns.publishOne', { year }) }).click();
    await m
      .getByRole('dialog')
      .getByRole('button', { name: L.re('ministry.notice.publish', {}, { exact: true }) })
      .click();
    await m.getByText(L.re('ministry.notice.done', {}, { prefix: true })).waitFor({ timeout: 15_000 });
    // The footer's button, not the corner ×; found by its place rather than through the dialog role, which
    // once (CI, zh-CN) did not resolve while the button was on screen.
    await m
      .locator('.ant-modal-footer button')
      .filter({ hasText: L.re('ministry.close', {}, { exact: true }) })
      .last()
      .click();
    await m.locator('.ant-modal-footer').first().waitFor({ state: 'hidden', timeout: 15_000 });

    // A panel of five, three experts per declaration; then the four declarations spread over it.
    await nav.getByRole('link', { name: L.t('nav.panels') }).click();
    await m.waitForURL(/\/ministry\/panels/);
    await m.getByRole('button', { name: L.re('ministry.panels.new') }).click();
    await m.getByLabel(L.t('ministry.panels.fields.name')).fill(lang === 'en' ? 'Panel one' : '第一评审组');
    for (const n of MEMBERS)
      await pickOption(m, '#panel-experts', `评审专家 ${n}`, new RegExp(`^评审专家 ${n} · `));
    await m.keyboard.press('Escape');
    await m.locator('#panel-per').fill('3');
    await m.getByRole('button', { name: L.re('ministry.panels.create', {}, { exact: true }) }).click();
    await m.waitForURL(/\/ministry\/panels\/[0-9a-f-]{36}/);
    const panelUrl = m.url();
    await m.getByRole('link', { name: L.re('ministry.panel.back') }).click();
    await m.getByRole('button', { name: L.re('ministry.panels.autoAssign') }).click();
    // In the demo campaign its own recommendations join ours: every declaration gets three experts.
    await m.getByText(L.re('ministry.panels.autoSummary')).waitFor({ timeout: 30_000 });
    await m.getByText(L.t('ministry.panels.waiting', { count: 0 })).waitFor({ timeout: 15_000 });
    await screenshot(m, `ministry${tag}-panels-assigned`);

    // The panel cannot reveal before the experts scored: the 409's details are listed, all in the UI's
    // language (the headline too, not the server's English beside Chinese lines).
    await m.goto(panelUrl);
    await m.getByRole('button', { name: L.re('ministry.panel.advanceTo.revealed') }).click();
    const blocked = m.getByRole('alert').filter({ hasText: L.re('ministry.panel.blocked') });
    await blocked.waitFor({ timeout: 15_000 });
    const blockedText = (await blocked.textContent()) ?? '';
    if (lang === 'en') {
      assert.match(blockedText, /has not scored/);
      assert.doesNotMatch(
        blockedText.replace(/评审专家 \d+|[^\s:]*产业集群/g, ''),
        /[\u4e00-\u9fff]/,
        blockedText,
      );
    } else {
      assert.match(blockedText, /尚未评分/);
      assert.doesNotMatch(blockedText, /cannot|panel|scored/i, 'no English in the Chinese alert');
    }
    // 评审专家 1 never reviews 宁波's cluster.
    const yuyaoCard = m.locator('.panel-decl-card').filter({ has: m.getByRole('heading', { name: YUYAO }) });
    assert.equal(await yuyaoCard.getByText(/^评审专家 1 · /).count(), 0, 'own-unit expert excluded');
    await screenshot(m, `ministry${tag}-panel-blocked`);

    // Experts score independently: expert-11 in the browser, the others through the API.
    const expertSessions = new Map<number, Awaited<ReturnType<typeof apiLogin>>>();
    for (const n of MEMBERS) expertSessions.set(n, await apiLogin(url, `expert-${n}`));
    const expert11 = expertSessions.get(11) ?? assert.fail('expert-11');
    const mine: Json[] = (await api(url, expert11, 'GET', '/api/v1/expert/assignments')).items.filter(
      (a: Json) => a.panelId && a.campaignYear === year,
    );
    assert.ok(mine.length >= 1, 'expert-11 has panel assignments in this campaign');
    const e = await expertContext.newPage();
    open.push(e);
    await logIn(e, url, 'expert-11');
    // The bell has told expert-11 of its new tasks; opening the notification marks it read.
    await e
      .getByRole('button', { name: L.re('notifications.button', { count: /[1-9]\d*/ }) })
      .waitFor({ timeout: 30_000 });
    await e.getByRole('button', { name: L.re('notifications.button') }).click();
    await e
      .getByRole('button', { name: L.re('settings.kinds.expert_assignment') })
      .first()
      .click();
    await e.waitForURL(/\/expert$/);
    await e
      .getByRole('button', { name: L.t('notifications.button', { count: 0 }) })
      .waitFor({ timeout: 15_000 });
    await screenshot(e, `ministry${tag}-expert-tasks`);
    const firstTask = mine[0];
    await e.goto(`${url}/expert/${firstTask.assignmentId}`);
    await e.getByText(L.t('expertPanel.phaseNote.scoring')).waitFor({ timeout: 30_000 });
    const inputs = e.locator('.score-area input');
    for (let i = 0; i < 8; i++) await inputs.nth(i).fill(String((BASE[firstTask.clusterName] ?? 75) - 2));
    await e.getByRole('button', { name: L.re('expert.save') }).click();
    await e.getByText(L.re('expert.savedTotal')).waitFor({ timeout: 15_000 });
    await screenshot(e, `ministry${tag}-expert-independent`);
    for (const [n, session] of expertSessions) {
      const items: Json[] = (await api(url, session, 'GET', '/api/v1/expert/assignments')).items;
      for (const a of items.filter(
        (x) => x.panelId && x.campaignYear === year && x.assignmentId !== firstTask.assignmentId,
      )) {
        const score = (BASE[a.clusterName] ?? 75) + (n % 3) * 2;
        await api(url, session, 'PUT', `/api/v1/expert/assignments/${a.assignmentId}/score`, {
          scores: Array(8).fill(score),
          comment: `专家 ${n} 的意见`,
        });
      }
    }

    // Reveal: the experts see each other's scores under letters.
    await m.reload();
    await m.getByRole('button', { name: L.re('ministry.panel.advanceTo.revealed') }).click();
    await m
      .getByText(L.t('ministry.panel.advanced', { phase: phase('revealed') }))
      .waitFor({ timeout: 15_000 });

    await e.reload();
    await e.getByText(L.t('expertPanel.phaseNote.revealed')).waitFor({ timeout: 30_000 });
    const peers = e.locator('.ant-card').filter({ hasText: L.t('expertPanel.peersTitle') });
    await peers.getByText(L.t('expertPanel.mine'), { exact: true }).waitFor({ timeout: 15_000 });
    assert.equal(await peers.locator('tr.ant-table-row').count(), 3, 'three experts on the declaration');
    assert.equal(await peers.getByText(/评审专家/).count(), 0, 'names stay hidden');
    // A change now is a revision: without a reason it is refused in the form.
    await inputs.nth(0).fill(String((BASE[firstTask.clusterName] ?? 75) + 5));
    await e.getByRole('button', { name: L.re('expertPanel.saveRevision') }).click();
    await e.getByText(L.t('expertPanel.reasonRequired')).waitFor();
    await e
      .getByLabel(L.t('expertPanel.reason'))
      .fill(
        lang === 'en'
          ? 'Compared with the others, core competitiveness was scored too low.'
          : '对照其他专家意见，核心竞争力一项评分偏低。',
      );
    await e.getByRole('button', { name: L.re('expertPanel.saveRevision') }).click();
    await e.getByText(L.re('expertPanel.lastReason')).waitFor({ timeout: 15_000 });
    await screenshot(e, `ministry${tag}-expert-revealed`);
    await e.setViewportSize(PHONE);
    await screenshot(e, `ministry${tag}-expert-revealed-390`);
    await e.setViewportSize(DESKTOP);

    // The ministry sees the revision with its reason, writes the panel's opinion and finalizes.
    await m.reload();
    await m.getByText(L.re('ministry.panel.revisedBecause')).first().waitFor({ timeout: 15_000 });
    await m
      .locator(`#consensus-${idOf(YUYAO)}`)
      .fill(
        lang === 'en'
          ? 'The panel agrees: a strong tooling base; recommended.'
          : '评审组一致认为该集群模具产业基础雄厚，建议列入。',
      );
    await yuyaoCard.getByRole('button', { name: L.re('ministry.panel.saveConsensus') }).click();
    await m.getByText(L.t('ministry.panel.consensusSaved')).waitFor({ timeout: 15_000 });
    await m.getByRole('button', { name: L.re('ministry.panel.advanceTo.final') }).click();
    await m.getByText(L.t('ministry.panel.advanced', { phase: phase('final') })).waitFor({ timeout: 15_000 });
    await screenshot(m, `ministry${tag}-panel-final`);
    // A final panel's scores are read-only for the expert.
    await e.reload();
    await e.getByText(L.t('expertPanel.locked')).waitFor({ timeout: 30_000 });
    assert.ok(await inputs.nth(0).isDisabled(), 'scores locked');
    assert.equal(
      await e.getByRole('button', { name: lang === 'en' ? /Save/ : /保\s*存/ }).count(),
      0,
      'no save button',
    );

    // Results: ranked by final score; the top three go on the shortlist.
    await nav.getByRole('link', { name: L.t('nav.results') }).click();
    await m.waitForURL(/\/ministry\/results/);
    await m.getByRole('tab', { name: L.t('ministry.results.tabs.results') }).waitFor({ timeout: 30_000 });
    const rows = m.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 30_000 });
    await rows.filter({ hasText: SHUNDE }).waitFor({ timeout: 15_000 });
    const position = async (name: string) =>
      Number(/^\d+/.exec((await rows.filter({ hasText: name }).textContent()) ?? '')?.[0]);
    assert.ok((await position(YUYAO)) < (await position(ZHUJI)), `${YUYAO} ranks first of ours`);
    assert.ok((await position(SHUNDE)) > (await position(ZHANGJIAGANG)), `${SHUNDE} ranks below`);
    for (const name of [YUYAO, ZHUJI, ZHANGJIAGANG])
      await m.getByLabel(L.t('ministry.results.pick', { name })).check();
    await m.getByRole('button', { name: L.t('ministry.results.saveShortlist', { count: 3 }) }).click();
    await m.getByText(L.t('ministry.results.savedCount', { count: 3 })).waitFor({ timeout: 15_000 });
    await screenshot(m, `ministry${tag}-results-shortlist`);

    // 公示: five working days from today, the end date worked out while choosing.
    await m.getByRole('tab', { name: L.t('ministry.results.tabs.publicity') }).click();
    await m.getByText(L.re('ministry.publicity.shortlisted', { count: 3 })).waitFor({ timeout: 15_000 });
    await m
      .getByTestId('publicity-end')
      .getByText(lang === 'en' ? /\b20\d\d\b/ : /\d{4}年\d{1,2}月\d{1,2}日/)
      .waitFor({ timeout: 15_000 });
    await m.getByRole('button', { name: L.t('ministry.publicity.start', { count: 3 }) }).click();
    await m.getByText(L.t('ministry.publicity.created')).waitFor({ timeout: 15_000 });
    await m.getByText(L.t('publicity.open')).waitFor({ timeout: 15_000 });
    await screenshot(m, `ministry${tag}-publicity`);

    // The public, without signing in: the list, then two objections (one with evidence).
    const p = await publicContext.newPage();
    open.push(p);
    await p.goto(`${url}/login`);
    await p.getByRole('link', { name: L.t('publicity.loginLink') }).click();
    await p.waitForURL(/\/publicity$/);
    await p.getByRole('cell', { name: YUYAO }).waitFor({ timeout: 30_000 });
    const object = async (cluster: string, reason: string, withFile: boolean) => {
      await pickOption(p, '#objection_declarationId', cluster.slice(-8), new RegExp(cluster));
      await p.getByLabel(L.t('publicity.form.realName')).fill('王建国');
      await p.getByLabel(L.t('publicity.form.contact')).fill('13800000000');
      await p.getByLabel(L.t('publicity.form.reason')).fill(reason);
      if (withFile)
        await p.locator('input[type=file]').setInputFiles({
          name: '证明材料.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from(
            '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
          ),
        });
      await p.getByRole('button', { name: L.re('publicity.form.submit') }).click();
      await p.getByText(L.t('publicity.form.receivedTitle')).waitFor({ timeout: 15_000 });
    };
    await object(ZHANGJIAGANG, '该集群主导产业产值数据与统计公报不符。', true);
    await screenshot(p, `ministry${tag}-public-receipt-390`);
    await p.getByRole('button', { name: L.re('publicity.form.another') }).click();
    await object(ZHUJI, '部分企业存在环保处罚记录。', false);

    // The ministry upholds the first and dismisses the second, with reasons.
    await m.getByRole('tab', { name: L.t('ministry.results.tabs.objections') }).click();
    await m.getByText(L.t('ministry.objections.summary', { total: 2, open: 2 })).waitFor({ timeout: 15_000 });
    assert.equal(await m.getByRole('link', { name: /证明材料\.pdf/ }).count(), 1, 'evidence downloadable');
    const resolve = async (cluster: string, decision: RegExp, reason: string) => {
      await m
        .getByRole('button', {
          name: L.t('ministry.objections.resolveOne', { who: '王建国', name: cluster }),
        })
        .click();
      const dialog = m.getByRole('dialog');
      await dialog.getByRole('radio', { name: decision }).check();
      await dialog.getByLabel(L.t('ministry.objections.reason')).fill(reason);
      await dialog.getByRole('button', { name: L.re('ministry.objections.confirm') }).click();
      await m.getByText(L.t('ministry.objections.resolved')).first().waitFor({ timeout: 15_000 });
      await dialog.waitFor({ state: 'hidden' });
    };
    await resolve(
      ZHANGJIAGANG,
      L.re('ministry.objections.uphold', {}, { exact: true }),
      '经核实，产值数据与统计部门数据不符。',
    );
    await resolve(
      ZHUJI,
      L.re('ministry.objections.dismiss', {}, { exact: true }),
      '处罚发生在四年前，不在负面清单期限内。',
    );
    await m.getByText(L.t('ministry.objections.summary', { total: 2, open: 0 })).waitFor({ timeout: 15_000 });
    await screenshot(m, `ministry${tag}-objections`);

    // The demo clock moves past the 公示; the list is identified the day after it ends.
    const periods: Json[] = (await api(url, ministryApi, 'GET', `/api/v1/campaigns/${year}/publicity`)).items;
    const endsOn: string = periods[0].endsOn;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const days = Math.round((Date.parse(endsOn) - Date.parse(today)) / 86_400_000) + 2;
    await api(url, await apiLogin(url, 'admin'), 'PUT', '/api/v1/ops/clock', { offsetDays: days });

    await m.getByRole('tab', { name: L.t('ministry.results.tabs.identification') }).click();
    await m.getByText(L.t('ministry.identify.which', { count: 2 })).waitFor({ timeout: 15_000 });
    await m
      .getByLabel(L.t('ministry.identify.noticeNo'), { exact: true })
      .fill(`工信部企业函〔${year + 1}〕3号`);
    await m.getByRole('button', { name: L.re('ministry.identify.submit', { count: 2 }) }).click();
    await m
      .getByText(L.t('ministry.identify.done', { count: 2 }))
      .first()
      .waitFor({ timeout: 30_000 });
    await m
      .getByText(
        new RegExp(`${L.re('ministry.identify.notIdentified', {}, { prefix: true }).source}.*${SHUNDE}`),
      )
      .waitFor({ timeout: 15_000 });
    const clusters = m.locator('.ant-table-tbody tr.ant-table-row');
    await clusters.filter({ hasText: YUYAO }).waitFor({ timeout: 15_000 });
    const validity =
      (await clusters.filter({ hasText: YUYAO }).locator('.cluster-validity').textContent()) ?? '';
    const from = Number(endsOn.slice(0, 4));
    assert.match(validity, L.re('clusters.validity'));
    assert.match(validity, new RegExp(`${from}.*${from + 3}`));
    assert.equal(
      await clusters.filter({ hasText: ZHANGJIAGANG }).count(),
      0,
      'upheld objection: not identified',
    );
    await screenshot(m, `ministry${tag}-identified`);

    // The county sees its identified cluster with the certificate link.
    const county = await publicContext.newPage();
    open.push(county);
    await logIn(county, url, `county-${planned[0]?.county}`);
    await county.goto(`${url}/clusters`);
    await county.getByText(YUYAO).first().waitFor({ timeout: 30_000 });
    await county.getByRole('link', { name: YUYAO }).first().click();
    await county.getByRole('link', { name: L.re('cl.detail.certificate') }).waitFor({ timeout: 30_000 });
    await screenshot(county, `ministry${tag}-county-clusters-390`);

    // A visitor (no account, on a phone) finds the new cluster from the map's table of units, in the
    // registry, and downloads the CSV with its row.
    const visitorContext = await browser.newContext({
      locale: lang,
      viewport: PHONE,
      acceptDownloads: true,
      bypassCSP: true,
    });
    try {
      await storeLanguage(visitorContext, lang);
      const v = await visitorContext.newPage();
      await v.goto(`${url}/portal/map`);
      await settled(v);
      await v.getByRole('link', { name: NINGBO[lang], exact: true }).first().click();
      await v.waitForURL(/\/portal\/clusters\?.*unitCode=330200/);
      await settled(v);
      await v.getByRole('link', { name: YUYAO }).first().waitFor({ timeout: 30_000 });
      await screenshot(v, `ministry${tag}-visitor-registry-390`);
      const [file] = await Promise.all([
        v.waitForEvent('download'),
        v.getByRole('link', { name: L.re('portal.registry.csv') }).click(),
      ]);
      const csv = (await readFile(await file.path())).toString('utf8');
      assert.ok(
        csv.split('\r\n').some((line) => line.includes(YUYAO) && line.includes('330200')),
        `the CSV has the identified cluster: ${csv.slice(0, 400)}`,
      );
    } finally {
      await visitorContext.close();
    }

    await m.setViewportSize(PHONE);
    await m.goto(`${url}/ministry?year=${year}`);
    await m.getByRole('button', { name: new RegExp(`^${NINGBO[lang]}`) }).waitFor({ timeout: 30_000 });
    await screenshot(m, `ministry${tag}-dashboard-390`);
    return { year, panelUrl, assignmentId: firstTask.assignmentId, clusterName: YUYAO };
  } catch (err) {
    // What each page showed when the journey stopped, for whoever reads the failure.
    for (const [i, page] of open.entries())
      await screenshot(page, `ministry${tag}-failed-${i}`).catch(() => {});
    throw err;
  } finally {
    await ministryContext.close();
    await expertContext.close();
    await publicContext.close();
  }
}

describe('ministry: panel, 公示, objections, identification — in Chinese and in English', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const landmarks = new Map<Lang, Landmarks>();

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

  for (const lang of LANGS)
    test(`${lang}: a campaign from recommendations to identified clusters`, {
      skip,
      timeout: 300_000,
    }, async () => {
      assert.ok(server && browser);
      landmarks.set(lang, await journey(browser, server.url, lang));
    });

  test('axe finds no serious or critical violations on the ministry and expert screens, in both languages', {
    skip,
    timeout: 300_000,
  }, async () => {
    assert.ok(server && browser);
    const url = server.url;
    const totals: AxeCounts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    let views = 0;
    const check = async (page: Page, path: string, label: string) => {
      if (path) await page.goto(`${url}${path}`);
      await settled(page);
      // Nothing hovered: a click's pointer left over a control would check its hover colours only.
      await page.mouse.move(0, 0);
      addCounts(totals, await axeCheck(page, label));
      views++;
    };
    for (const lang of LANGS) {
      const seen = landmarks.get(lang);
      assert.ok(seen, `the ${lang} journey left its panel and cluster`);
      const L = labels(lang);
      const ministryContext = await newContext(browser, lang);
      const expertContext = await newContext(browser, lang);
      try {
        const m = await ministryContext.newPage();
        await logIn(m, url, 'ministry');
        const y = `year=${seen.year}`;
        for (const path of [
          `/ministry?${y}`,
          '/ministry/campaigns',
          `/ministry/intake?${y}`,
          `/ministry/panels?${y}`,
          new URL(seen.panelUrl).pathname,
          `/ministry/results?${y}&tab=results`,
          `/ministry/results?${y}&tab=publicity`,
          `/ministry/results?${y}&tab=objections`,
          `/ministry/results?${y}&tab=identification`,
          '/notices/manage',
          '/settings/notifications',
          '/clusters',
        ])
          await check(m, path, `${lang} ministry ${path}`);
        await m.getByRole('link', { name: seen.clusterName }).first().click();
        await m.waitForURL(/\/clusters\/[0-9a-f-]{36}/);
        await check(m, '', `${lang} ministry /clusters/:id`);
        await screenshot(m, `ministry${lang === 'en' ? '-en' : ''}-cluster-page`);
        // The ministry's own menu and the page title are in the UI's language.
        await m.getByRole('navigation', { name: L.t('nav.main') }).waitFor();

        const e = await expertContext.newPage();
        await logIn(e, url, 'expert-11');
        await check(e, '/expert', `${lang} expert /expert`);
        await check(e, `/expert/${seen.assignmentId}`, `${lang} expert /expert/:assignmentId`);
      } finally {
        await ministryContext.close();
        await expertContext.close();
      }
    }
    console.log(
      `axe totals over ${views} page views: critical ${totals.critical}, serious ${totals.serious}, moderate ${totals.moderate}, minor ${totals.minor}`,
    );
  });
});
