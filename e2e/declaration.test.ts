// A county official (余姚市) starts a declaration in the open demo campaign: the cluster name autosaves and
// survives a reload, an evidence PDF uploads and is listed, a premature submission lists every missing
// item, and the printable form downloads as a PDF.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const skip = browserSkipReason();

/** The smallest well-formed one-page PDF: header, three objects, a cross-reference table, trailer, %%EOF. */
function minimalPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return body;
}

describe('county declaration', () => {
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

  test('county-330281 creates, autosaves, reloads, uploads evidence, is told what is missing and gets the PDF', {
    skip,
    timeout: 180_000,
  }, async () => {
    assert.ok(server && browser && tmp);
    const pdfPath = join(tmp, '集群企业名单.pdf');
    await writeFile(pdfPath, minimalPdf());
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel(/用户名|Username/).fill('county-330281');
      await page.getByLabel(/密码|Password/).fill('demo');
      await page.getByRole('button', { name: /登\s*录|Log in|Sign in/ }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });

      // 申报 in the menu → the list, with the open demo campaign and its deadline.
      await page.getByRole('navigation').getByRole('link', { name: '申报' }).click();
      await page.waitForURL(/\/declarations$/);
      const main = page.getByRole('main');
      await main.getByText(/年度申报批次开放中/).waitFor({ timeout: 30_000 });
      await screenshot(page, 'declarations-list');
      await main.getByRole('button', { name: '新建申报' }).first().click();
      await page.waitForURL(/\/declarations\/[^/?]+/, { timeout: 30_000 });
      const formUrl = page.url();

      // The cluster name autosaves ~1 s after typing; the header says so.
      const clusterName = '浙江省宁波市余姚市模具产业集群（端到端测试）';
      const nameInput = page.getByLabel('集群名称', { exact: true });
      await nameInput.fill(clusterName);
      await page
        .locator('.save-indicator')
        .getByText(/已保存 \d{2}:\d{2}:\d{2}/)
        .waitFor({ timeout: 15_000 });
      await screenshot(page, 'declaration-basic');

      await page.reload();
      await page.getByLabel('集群名称', { exact: true }).waitFor({ timeout: 30_000 });
      assert.equal(
        await page.getByLabel('集群名称', { exact: true }).inputValue(),
        clusterName,
        'kept after reload',
      );

      // Evidence: upload a PDF to 集群企业名单 and see it listed there.
      await page.goto(`${formUrl.split('?')[0]}?step=evidence`);
      const input = page.locator('input[type=file][data-category="enterprise_list"]');
      await input.waitFor({ state: 'attached', timeout: 30_000 });
      await input.setInputFiles(pdfPath);
      const card = page.locator('.evidence-card').filter({ hasText: '集群企业名单' }).first();
      await card.getByRole('link', { name: '集群企业名单.pdf', exact: true }).waitFor({ timeout: 30_000 });
      await screenshot(page, 'declaration-evidence');

      // Submitting now is refused with every missing item, grouped by step and linked to its field.
      await page.getByRole('button', { name: '提交申报' }).click();
      const missing = page.locator('.missing-alert');
      await missing.waitFor({ timeout: 30_000 });
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees
      const missingText = await missing.innerText();
      assert.match(missingText, /项未完成/);
      assert.match(missingText, /细分领域/, 'lists a missing basic field');
      assert.match(missingText, /负面清单承诺/, 'lists the missing pledge');
      assert.match(missingText, /集群产值及增长情况统计证明/, 'lists missing evidence');
      assert.doesNotMatch(missingText, /集群企业名单\s+须上传/, 'the uploaded category is not missing');
      await screenshot(page, 'declaration-missing');
      // A link jumps to its field.
      await missing.getByRole('button', { name: '细分领域' }).click();
      await page.locator('#decl-leadingIndustry-subSector:focus').waitFor({ timeout: 10_000 });

      // The printable form: the link answers 200 with PDF bytes.
      const pdfLink = page.getByRole('link', { name: '下载PDF' });
      const href = await pdfLink.getAttribute('href');
      assert.ok(href, 'the PDF link has an address');
      const response = await page.request.get(new URL(href, server.url).toString());
      assert.equal(response.status(), 200);
      const bytes = await response.body();
      assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF');
    } finally {
      await context.close();
    }
  });
});
