// Journey 1, in Chinese and in English: a county official of 宁波 fills in the WHOLE Declaration Form with
// the keyboard alone, over two sittings (signing out in between loses nothing), uploads the evidence (a
// progress bar shows while a large file goes up over a throttled connection), is told by the refused
// submission what is still missing, fixes each gap through its link, submits and downloads the PDF. axe-core
// checks every screen on the way; in English no Chinese text may be left on them except data.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  ENTERPRISE_FIELDS,
  EVIDENCE_CATEGORIES,
  FORM_SECTIONS,
  type FormSectionKey,
  indicatorYears,
  NARRATIVE_KEYS,
} from '../domain/declaration-form.ts';
import { sampleContent } from '../server/db/seed/sample-content.ts';
import { fieldId, OTHER_INDICATORS, TRIPLE_ROWS } from '../web/src/components/declaration/field-paths.ts';
import { axeCheck } from './support/axe-screens.ts';
import { browserSkipReason, launchBrowser, screenshot } from './support/browser.ts';
import {
  assertNoChinese,
  type KeyValue,
  keyboardPass,
  LANGS,
  type Lang,
  logIn,
  logOut,
  newJourneyContext,
  settled,
  Words,
} from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();

/** Each language declares for its own county of 宁波 (neither has a demo declaration). */
const COUNTY: Record<Lang, { code: string; name: string; cluster: string; zone: string; subSector: string }> =
  {
    'zh-CN': {
      code: '330212',
      name: '鄞州区',
      cluster: '浙江省宁波市鄞州区模具产业集群（旅程测试）',
      zone: '鄞州经济开发区',
      subSector: '精密注塑模具',
    },
    en: {
      code: '330226',
      name: '宁海县',
      cluster: '浙江省宁波市宁海县模具产业集群（旅程测试）',
      zone: '宁海经济开发区',
      subSector: '汽车注塑模具',
    },
  };
/** The narrative left empty in the second sitting, so that the refused submission reports it. */
const FORGOTTEN_NARRATIVE = 'governance';
/** The evidence category not uploaded before the first submission; it goes up after the refusal. */
const FORGOTTEN_EVIDENCE = 'integrity_pledge';
/** The category whose file is large and goes up over a throttled connection, to see the progress bar. */
const LARGE_EVIDENCE = 'spatial_boundary';

/** A well-formed one-page PDF; `padding` bytes of comment make it as large as wanted. */
function pdf(label: string, padding = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = `%PDF-1.4\n% ${label}\n`;
  if (padding > 0) body += `${`%${'x'.repeat(99)}\n`.repeat(Math.ceil(padding / 101))}`;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body);
}

/** Every control of every step with what the county types into it, from the demo's complete sample form. */
function formValues(
  w: Words,
  lang: Lang,
  year: number,
): Record<Exclude<FormSectionKey, 'evidence'>, Map<string, KeyValue>> {
  const county = COUNTY[lang];
  const c = sampleContent(year, {
    clusterName: county.cluster,
    industry: '模具',
    industryCode: '3525',
    subSector: county.subSector,
  });
  const text = (value: string): KeyValue => ({ kind: 'text', value });
  const num = (value: number | null): KeyValue => ({ kind: 'number', value: value ?? 0 });
  const ind = c.indicators;
  const contact = c.contacts[0];
  assert.ok(contact);

  const basic = new Map<string, KeyValue>([
    [fieldId('clusterName'), text(county.cluster)],
    [fieldId('zoneName'), text(county.zone)],
    [fieldId('leadingIndustry.name'), text(c.leadingIndustry.name ?? '')],
    [fieldId('leadingIndustry.industryCode'), { kind: 'search', search: '3525', option: /^3525\s/ }],
    [fieldId('leadingIndustry.subSector'), text(county.subSector)],
    [fieldId('landAreaKm2'), num(c.landAreaKm2)],
    [fieldId('operator.name'), text(c.operator.name ?? '')],
    [fieldId('operator.kind'), { kind: 'select', label: w.t('operatorKinds.management_committee') }],
    [fieldId('operator.contact'), text(c.operator.contact ?? '')],
    [fieldId('contacts[0].name'), text(contact.name)],
    [fieldId('contacts[0].title'), text(contact.title)],
    [fieldId('contacts[0].phone'), text(contact.phone)],
    [fieldId('contacts[0].email'), text(contact.email)],
  ]);

  const indicators = new Map<string, KeyValue>([
    [fieldId('indicators.baseYearOutput'), num(ind.baseYearOutput)],
  ]);
  for (const row of TRIPLE_ROWS)
    ind[row].forEach((v, i) => {
      indicators.set(fieldId(`indicators.${row}[${i}]`), num(v));
    });
  for (const k of ENTERPRISE_FIELDS)
    indicators.set(fieldId(`indicators.enterprises.${k}`), num(ind.enterprises[k]));
  for (const k of OTHER_INDICATORS) indicators.set(fieldId(`indicators.${k}`), num(ind[k]));

  const narratives = new Map<string, KeyValue>(
    NARRATIVE_KEYS.filter((k) => k !== FORGOTTEN_NARRATIVE).map((k) => [
      fieldId(`narratives.${k}`),
      text(c.narratives[k]),
    ]),
  );

  const plan = new Map<string, KeyValue>();
  c.developmentPlan.targets.forEach((target, i) => {
    plan.set(fieldId(`developmentPlan.targets[${i}].indicator`), {
      kind: 'select',
      label: w.t(`plan.indicators.${target.indicator}`),
    });
    plan.set(fieldId(`developmentPlan.targets[${i}].year`), num(target.year));
    plan.set(fieldId(`developmentPlan.targets[${i}].value`), num(target.value));
  });
  plan.set(fieldId('developmentPlan.measures'), text(c.developmentPlan.measures));

  const pledge = new Map<string, KeyValue>([
    [fieldId('integrityPledge.noSeriousIncidents'), { kind: 'check' }],
    [fieldId('integrityPledge.materialsAuthentic'), { kind: 'check' }],
  ]);
  return { basic, indicators, narratives, plan, pledge };
}

/** Waits until the autosave indicator has said “saved” twice in a row, a debounce apart. */
async function waitSaved(page: Page, w: Words): Promise<void> {
  const indicator = page.locator('.save-indicator');
  const saved = w.rx('save.saved', {}, false);
  let streak = 0;
  for (let i = 0; i < 60 && streak < 2; i++) {
    await page.waitForTimeout(750);
    streak = saved.test((await indicator.textContent()) ?? '') ? streak + 1 : 0;
  }
  assert.equal(streak, 2, `the form saved (indicator: ${await indicator.textContent()})`);
}

async function goToStep(page: Page, w: Words, key: FormSectionKey): Promise<void> {
  const section = FORM_SECTIONS.find((s) => s.key === key);
  assert.ok(section);
  await page.locator('.decl-steps').getByText(w.pick(section), { exact: true }).click();
  await page.locator('.step-title').getByText(w.pick(section), { exact: true }).waitFor({ timeout: 15_000 });
  await page.waitForTimeout(200);
}

/** Enter on the focused upload button opens the file chooser, which gets `file`. */
async function chooseFileWithEnter(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(file);
}

/** Uploads `file` to an evidence category with the keyboard: Enter on its upload button opens the chooser. */
async function uploadEvidence(
  page: Page,
  w: Words,
  category: string,
  file: string,
  name: string,
): Promise<void> {
  const cat = EVIDENCE_CATEGORIES.find((c) => c.key === category);
  assert.ok(cat);
  const button = page.getByRole('button', {
    name: w.t('evidence.uploadTo', { category: w.pick(cat) }),
    exact: true,
  });
  await button.focus();
  await chooseFileWithEnter(page, file);
  await page
    .locator('.evidence-card')
    .filter({ has: page.locator(`#evidence-${category}-heading`) })
    .getByRole('link', { name, exact: true })
    .waitFor({ timeout: 60_000 });
}

describe('journey 1: a county declares, in Chinese and in English', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let tmp: string | undefined;

  before(
    async () => {
      if (skip) return;
      tmp = await mkdtemp(join(tmpdir(), 'jiqun-e2e-decl-'));
      server = await startServer();
      browser = await launchBrowser();
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  for (const lang of LANGS) {
    test(`${lang}: the whole form over two sittings, evidence with progress, gaps fixed, submitted, PDF`, {
      skip,
      timeout: 300_000,
    }, async () => {
      assert.ok(server && browser && tmp);
      const url = server.url;
      const w = new Words(lang);
      const county = COUNTY[lang];
      // Data, not interface text: names of places and clusters, the demo notice's number, the industry's name
      // from GB/T 4754 (which has no English names).
      const data = [
        /浙江省宁波市\S*中小企业主管部门/,
        county.cluster,
        county.name,
        '宁波市',
        '浙江省',
        /演示通知（非正式）〔\d+〕DEMO/,
        '模具制造',
      ];
      const t0 = Date.now();
      const mark = (what: string) =>
        console.log(`${lang} ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const context = await newJourneyContext(browser, lang);
      try {
        const page = await context.newPage();
        // A listener from the start turns on Chromium's file-chooser interception before any upload: enabled
        // only by the first waitForEvent, it can lose the race with the Enter that opens the chooser, and
        // then a native dialog stays open and blocks every later one.
        page.on('filechooser', () => undefined);

        // ——— First sitting: basic information and the indicators.
        await page.goto(`${url}/login`);
        await settled(page);
        mark('login');
        await axeCheck(page, `${lang} login`);
        await logIn(page, url, w, `county-${county.code}`);
        assert.equal(
          await page.evaluate(
            () =>
              (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
                .documentElement.lang,
          ),
          lang,
        );
        await page
          .getByRole('navigation')
          .getByRole('link', { name: w.t('nav.declarations') })
          .click();
        await page.waitForURL(/\/declarations$/);
        await settled(page);
        const main = page.getByRole('main');
        await main.getByText(w.rx('declarations.openCampaign')).waitFor({ timeout: 30_000 });
        mark('declarations list (empty)');
        await axeCheck(page, `${lang} declarations list (empty)`);
        await assertNoChinese(page, w, 'the declarations list', data);
        await screenshot(page, `j1-${lang}-declarations-empty`);
        await main
          .getByRole('button', { name: w.button('declarations.new') })
          .first()
          .click();
        await page.waitForURL(/\/declarations\/[0-9a-f-]{36}/, { timeout: 30_000 });
        const formUrl = page.url().split('?')[0] ?? '';
        const id = formUrl.split('/').at(-1) ?? '';
        const created = await (await page.request.get(`${url}/api/v1/declarations/${id}`)).json();
        const year: number = created.campaignYear;
        const values = formValues(w, lang, year);
        const stop = w.t('form.next');

        await page.locator(`#${fieldId('clusterName')}`).waitFor({ timeout: 30_000 });
        mark('form step basic (empty)');
        await axeCheck(page, `${lang} form step basic (empty)`);
        await keyboardPass(page, {
          startId: [fieldId('clusterName')],
          values: values.basic,
          press: [w.t('fields.addContact')],
          stop,
          label: 'basic',
        });
        await assertNoChinese(page, w, 'the basic step', data);
        await screenshot(page, `j1-${lang}-form-basic`);
        // The step's Next button, with the keyboard (the walk stopped on it).
        await page.keyboard.press('Enter');
        const indicatorsTitle = w.pick(FORM_SECTIONS[1]);
        await page.locator('.step-title').getByText(indicatorsTitle, { exact: true }).waitFor();
        await keyboardPass(page, {
          startId: [fieldId('indicators.baseYearOutput')],
          values: values.indicators,
          stop,
          label: 'indicators',
        });
        mark('form step indicators');
        await axeCheck(page, `${lang} form step indicators`);
        await assertNoChinese(page, w, 'the indicators step', data);
        await screenshot(page, `j1-${lang}-form-indicators`);
        await waitSaved(page, w);
        await logOut(page, w);

        // ——— Second sitting: everything typed before is there.
        await logIn(page, url, w, `county-${county.code}`);
        mark('county home');
        await axeCheck(page, `${lang} county home`);
        await assertNoChinese(page, w, 'the county home page', data);
        await screenshot(page, `j1-${lang}-county-home`);
        await page
          .getByRole('navigation')
          .getByRole('link', { name: w.t('nav.declarations') })
          .click();
        await settled(page);
        mark('declarations list');
        await axeCheck(page, `${lang} declarations list`);
        await main.getByRole('link', { name: county.cluster }).click();
        await page.waitForURL(formUrl);
        await page.locator(`#${fieldId('clusterName')}`).waitFor({ timeout: 30_000 });
        assert.equal(
          await page.getByLabel(w.t('fields.clusterName'), { exact: true }).inputValue(),
          county.cluster,
        );
        assert.equal(
          await page.getByLabel(w.t('fields.zoneName'), { exact: true }).inputValue(),
          county.zone,
        );
        assert.equal(await page.locator(`#${fieldId('contacts[0].name')}`).inputValue(), '张明');
        // The chosen industry shows its code at once and its name once the name has loaded.
        const chosen = (path: string) =>
          page.locator(`.ant-select:has(#${fieldId(path)}) .ant-select-selection-item`);
        await chosen('leadingIndustry.industryCode')
          .getByText(/^3525 \S/)
          .waitFor({ timeout: 15_000 });
        await chosen('operator.kind')
          .getByText(w.t('operatorKinds.management_committee'), { exact: true })
          .waitFor({ timeout: 15_000 });
        await goToStep(page, w, 'indicators');
        const years = indicatorYears(year);
        assert.equal(
          await page
            .getByLabel(
              w.t('indicatorsForm.cell', {
                row: w.t('indicatorsForm.rows.output'),
                year: w.t('indicatorsForm.year', { year: years[2] }),
              }),
              { exact: true },
            )
            .inputValue(),
          '560.00',
        );
        assert.equal(
          await page.getByLabel(w.t('indicatorsForm.enterprises.littleGiant'), { exact: true }).inputValue(),
          '5',
        );

        // Narratives (one forgotten), the plan (two targets added with the keyboard), no pledge yet.
        await page.getByRole('button', { name: w.t('form.next') }).click();
        await page.locator(`#${fieldId('narratives.competitiveness')}`).waitFor();
        await keyboardPass(page, {
          startId: [fieldId('narratives.competitiveness')],
          values: values.narratives,
          stop,
          label: 'narratives',
        });
        mark('form step narratives');
        await axeCheck(page, `${lang} form step narratives`);
        await assertNoChinese(page, w, 'the narratives step', data);
        await screenshot(page, `j1-${lang}-form-narratives`);
        await page.keyboard.press('Enter');
        await page.locator(`#${fieldId('developmentPlan.measures')}`).waitFor();
        await keyboardPass(page, {
          startId: [fieldId('developmentPlan.targets[0].indicator'), fieldId('developmentPlan.targets')],
          values: values.plan,
          press: [w.t('plan.addTarget'), w.t('plan.addTarget')],
          stop,
          label: 'plan',
        });
        mark('form step plan');
        await axeCheck(page, `${lang} form step plan`);
        await assertNoChinese(page, w, 'the plan step', data);
        await screenshot(page, `j1-${lang}-form-plan`);
        await page.keyboard.press('Enter');
        await page.locator(`#${fieldId('integrityPledge.noSeriousIncidents')}`).waitFor();
        mark('form step pledge');
        await axeCheck(page, `${lang} form step pledge`);
        // The pledge quotes the legal grade of an accident, 较大, beside its English.
        await assertNoChinese(page, w, 'the pledge step', [...data, '较大']);
        await page.getByRole('button', { name: w.t('form.next') }).click();

        // Evidence: six of the seven required categories; one file is large and goes up slowly.
        await page.locator('.evidence-card').first().waitFor();
        mark('form step evidence');
        await axeCheck(page, `${lang} form step evidence`);
        await assertNoChinese(page, w, 'the evidence step', data);
        for (const cat of EVIDENCE_CATEGORIES.filter((c) => c.required && c.key !== FORGOTTEN_EVIDENCE)) {
          const file = join(tmp, `${lang}-${cat.key}.pdf`);
          const large = cat.key === LARGE_EVIDENCE;
          await writeFile(file, pdf(cat.key, large ? 3_000_000 : 0));
          if (!large) {
            await uploadEvidence(page, w, cat.key, file, `${lang}-${cat.key}.pdf`);
            continue;
          }
          // ~3 MB at 512 KB/s: the progress bar is on screen for several seconds.
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: 20,
            downloadThroughput: -1,
            uploadThroughput: 512 * 1024,
          });
          const button = page.getByRole('button', {
            name: w.t('evidence.uploadTo', { category: w.pick(cat) }),
            exact: true,
          });
          await button.focus();
          await chooseFileWithEnter(page, file);
          const bar = page.locator('.upload-row').getByRole('progressbar', {
            name: w.t('evidence.uploading', { name: `${lang}-${cat.key}.pdf` }),
          });
          await bar.waitFor({ state: 'visible', timeout: 15_000 });
          await page
            .locator('.upload-row')
            .getByRole('button', { name: w.t('evidence.cancelNamed', { name: `${lang}-${cat.key}.pdf` }) })
            .waitFor();
          await screenshot(page, `j1-${lang}-evidence-progress`);
          await bar.waitFor({ state: 'detached', timeout: 60_000 });
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: 0,
            downloadThroughput: -1,
            uploadThroughput: -1,
          });
          await cdp.detach();
          await page
            .getByRole('link', { name: `${lang}-${cat.key}.pdf`, exact: true })
            .waitFor({ timeout: 30_000 });
        }
        await screenshot(page, `j1-${lang}-form-evidence`);

        // Submitting is refused with what is missing: the forgotten narrative, both pledges, one category.
        await page.getByRole('button', { name: w.button('form.submit') }).click();
        const missing = page.locator('.missing-alert');
        await missing.waitFor({ timeout: 30_000 });
        assert.match((await missing.textContent()) ?? '', w.rx('form.missingTitle', { count: 4 }));
        mark('form with the missing items');
        await axeCheck(page, `${lang} form with the missing items`);
        await assertNoChinese(page, w, 'the missing items', data);
        await screenshot(page, `j1-${lang}-form-missing`);

        // Each gap through its link, which puts the focus on the field; the keyboard fills it in.
        const narrative = w.t(`narratives.${FORGOTTEN_NARRATIVE}.title`);
        await missing.getByRole('button', { name: narrative, exact: true }).click();
        await page
          .locator(`#${fieldId(`narratives.${FORGOTTEN_NARRATIVE}`)}:focus`)
          .waitFor({ timeout: 10_000 });
        await page.keyboard.insertText(sampleContent(year).narratives[FORGOTTEN_NARRATIVE]);
        for (const key of ['noSeriousIncidents', 'materialsAuthentic'] as const) {
          await missing.getByRole('button', { name: w.t(`pledge.${key}Short`), exact: true }).click();
          await page.locator(`#${fieldId(`integrityPledge.${key}`)}:focus`).waitFor({ timeout: 10_000 });
          await page.keyboard.press('Space');
        }
        await screenshot(page, `j1-${lang}-form-pledge`);
        const forgotten = EVIDENCE_CATEGORIES.find((c) => c.key === FORGOTTEN_EVIDENCE);
        assert.ok(forgotten);
        await missing.getByRole('button', { name: w.pick(forgotten), exact: true }).click();
        await page
          .locator(`#${fieldId(`attachments.${FORGOTTEN_EVIDENCE}`)}:focus`)
          .waitFor({ timeout: 10_000 });
        const last = join(tmp, `${lang}-${FORGOTTEN_EVIDENCE}.pdf`);
        await writeFile(last, pdf(FORGOTTEN_EVIDENCE));
        await chooseFileWithEnter(page, last);
        await page
          .getByRole('link', { name: `${lang}-${FORGOTTEN_EVIDENCE}.pdf`, exact: true })
          .waitFor({ timeout: 30_000 });
        // Nothing is missing any more: the list empties as the gaps close.
        await missing.waitFor({ state: 'detached', timeout: 15_000 });
        await waitSaved(page, w);

        // Submit, confirmed in a dialog.
        await page.getByRole('button', { name: w.button('form.submit') }).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('.ant-modal-confirm-title').getByText(w.t('form.submitConfirmTitle')).waitFor();
        await dialog.getByRole('button', { name: w.button('form.submitOk') }).click();
        await page
          .locator('.decl-meta')
          .getByText(w.status('submitted'), { exact: true })
          .waitFor({ timeout: 30_000 });
        await page.getByText(w.rx('form.submittedAt')).waitFor();
        await settled(page);
        mark('submitted declaration');
        await axeCheck(page, `${lang} submitted declaration`);
        await assertNoChinese(page, w, 'the submitted declaration', data);
        await screenshot(page, `j1-${lang}-submitted`);

        // The printable form.
        const href = await page
          .getByRole('link', { name: w.button('form.downloadPdf') })
          .getAttribute('href');
        assert.ok(href, 'the PDF link has an address');
        const response = await page.request.get(new URL(href, url).toString());
        assert.equal(response.status(), 200);
        assert.equal((await response.body()).subarray(0, 5).toString('latin1'), '%PDF-');

        // The list shows it submitted and complete.
        await page.getByRole('link', { name: w.t('form.back') }).click();
        await page.waitForURL(/\/declarations$/);
        const row = page.locator('tr').filter({ hasText: county.cluster });
        await row.getByText(w.status('submitted'), { exact: true }).waitFor({ timeout: 15_000 });
        assert.match((await row.getByRole('progressbar').getAttribute('aria-valuenow')) ?? '', /^100$/);
      } finally {
        await context.close();
      }
    });
  }
});
