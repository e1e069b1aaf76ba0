import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { clusters } from '../../db/schema.ts';
import { projectPath } from '../../platform/paths.ts';
import { rows } from '../../platform/sql.ts';
import { call, jsonOf, login, type Session, startTestApp, type TestApp } from '../../test-support/app.ts';

const HAS_POPPLER = !spawnSync('pdftotext', ['-v']).error;

let t: TestApp;
let ministry: Session;
let ningbo: Session;
let beijing: Session;
let yuyao: Session;
let cixi: Session;
let expert: Session;
const ids: Record<string, string> = {};
let knownCsv: Buffer;

/** A cluster stored as identification would store it (batch 2099 keeps it apart from the imported list). */
async function insertCluster(
  values: Partial<typeof clusters.$inferInsert> & { name: string; divisionCode: string },
) {
  const [row] = await t.database.db
    .insert(clusters)
    .values({
      campaignYear: 2099,
      unitCode: '330200',
      leadingIndustry: '模具',
      noticeNo: '工信部企业函〔2099〕1号',
      validFrom: '2099-11-20',
      validTo: '2102-11-19',
      ...values,
    })
    .returning({ id: clusters.id });
  return row!.id;
}

const postCsv = (s: Session | null, body: string | Buffer, contentType = 'text/csv; charset=utf-8') =>
  fetch(`${t.url}/api/v1/clusters/import`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {}),
    },
    body,
  });

async function postMultipart(s: Session, csv: string, filename = 'list.csv') {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), filename);
  return fetch(`${t.url}/api/v1/clusters/import`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    body: form,
  });
}

before(async () => {
  t = await startTestApp();
  [ministry, ningbo, beijing, yuyao, cixi, expert] = (await Promise.all(
    ['ministry', 'unit-330200', 'unit-110000', 'county-330281', 'county-330282', 'expert-1'].map((u) =>
      login(t.url, u),
    ),
  )) as [Session, Session, Session, Session, Session, Session];
  knownCsv = await fs.readFile(projectPath('reference', 'clusters-known.csv'));
  ids.yuyao = await insertCluster({
    name: '浙江省宁波市余姚市模具产业集群',
    divisionCode: '330281',
    industryCode: '3525',
    subSector: '精密注塑模具',
  });
  ids.cixi = await insertCluster({
    name: '浙江省宁波市慈溪市家电产业集群',
    divisionCode: '330282',
    leadingIndustry: '家电',
  });
  ids.revoked = await insertCluster({
    name: '浙江省宁波市余姚市已撤销测试集群',
    divisionCode: '330281',
    status: 'revoked',
  });
});
after(() => t.close());

describe('import of published lists', () => {
  it('imports the real reference/clusters-known.csv: 44 rows, every county resolved, dated from the list notice', async () => {
    const res = await postCsv(ministry, knownCsv);
    const body = await jsonOf(res);
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.rows, 44);
    assert.equal(body.encoding, 'utf-8');
    assert.equal(body.imported, 44);
    assert.deepEqual(body.unresolved, []);
    const perYear = (y: number) => body.items.filter((i: { year: number }) => i.year === y).length;
    assert.deepEqual([perYear(2022), perYear(2023), perYear(2024)], [11, 13, 20]);

    const byName = new Map(body.items.map((i: { name: string }) => [i.name, i]));
    // A separate-plan city's county belongs to the city unit.
    assert.deepEqual(
      (({ divisionCode, unitCode, countyName }) => ({ divisionCode, unitCode, countyName }))(
        byName.get('深圳市龙岗区高端智能车载设备产业集群') as Record<string, string>,
      ),
      { divisionCode: '440307', unitCode: '440300', countyName: '龙岗区' },
    );
    // No publication date is recorded: the earliest possible date, stated as estimated.
    const haidian2022 = byName.get('北京市海淀区行业应用软件产业集群') as Record<string, string>;
    assert.equal(haidian2022.noticeNo, '工信部企业函〔2023〕3号');
    assert.equal(haidian2022.validFrom, '2023-01-01');
    assert.equal(haidian2022.validTo, '2025-12-31');
    assert.equal(haidian2022.validityBasis, 'estimated');
    const fengtai2023 = byName.get('北京市丰台区轨道交通智能控制产业集群') as Record<string, string>;
    assert.equal(fengtai2023.validFrom, '2023-08-01');
    assert.equal(fengtai2023.noticeNo, '工信部企业函〔2023〕283号');
    const haidian2024 = byName.get('海淀区机器人产业集群') as Record<string, string>;
    assert.equal(haidian2024.validFrom, '2024-08-01');
    assert.equal(haidian2024.validTo, '2027-07-31');

    const [audit] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'clusters.imported'`,
    );
    assert.equal(audit!.n, 1);
  });

  it('is idempotent: the same file again creates nothing and reports every row as already present', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(clusters);
    const res = await postMultipart(ministry, knownCsv.toString('utf8'));
    const body = await jsonOf(res);
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.imported, 0);
    assert.equal(body.alreadyPresent.length, 44);
    assert.deepEqual(body.unresolved, []);
    const afterCount = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(clusters);
    assert.equal(afterCount[0]!.n, before[0]!.n);
  });

  it('reports unresolved rows with reasons and imports only the resolved ones', async () => {
    const csv = [
      'year,province,cluster_name_zh,county,leading_industry,published_on',
      '2024,江苏省,鼓楼区测试产业集群,鼓楼区,测试',
      '2024,浙江,余姚市测试产业集群,余姚市,测试',
      '2024,浙江省,海淀区测试产业集群,海淀区,测试',
      '2024,浙江省,余姚市光电产业集群（导入测试）,余姚市,光电,2024-11-20',
      '2024,浙江省,余姚市光电产业集群（导入测试）,余姚市,光电,2024-11-20',
      '2024,浙江省,空县名产业集群,,测试',
      'twenty,浙江省,年份错误产业集群,余姚市,测试',
      '2024,江苏省,南京市鼓楼区测试产业集群,320106,测试',
      '2022,北京市,北京市海淀区行业应用软件产业集群,顺义区,行业应用软件',
    ].join('\n');
    const res = await postCsv(ministry, csv);
    const body = await jsonOf(res);
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.imported, 2);
    const codes = Object.fromEntries(
      body.unresolved.map((u: { row: number; code: string }) => [u.row, u.code]),
    );
    assert.deepEqual(codes, {
      2: 'COUNTY_AMBIGUOUS',
      3: 'UNKNOWN_UNIT',
      4: 'COUNTY_NOT_FOUND',
      6: 'DUPLICATE_ROW',
      7: 'MISSING_FIELD',
      8: 'INVALID_VALUE',
      10: 'NAME_TAKEN',
    });
    const ambiguous = body.unresolved.find((u: { row: number }) => u.row === 2);
    assert.match(ambiguous.reason, /320106/);
    assert.deepEqual(ambiguous.candidates.map((c: { code: string }) => c.code).sort(), ['320106', '320302']);
    const guangdian = body.items.find((i: { row: number }) => i.row === 5);
    assert.equal(guangdian.unitCode, '330200');
    assert.equal(guangdian.validFrom, '2024-11-20');
    assert.equal(guangdian.validTo, '2027-11-19');
    assert.equal(guangdian.validityBasis, 'row');
    assert.equal(body.items.find((i: { row: number }) => i.row === 9).divisionCode, '320106');
  });

  it('refuses non-ministry callers, other media types, files without the columns and oversize bodies', async () => {
    for (const s of [ningbo, yuyao, expert]) assert.equal((await postCsv(s, knownCsv)).status, 403);
    assert.equal((await postCsv(null, knownCsv)).status, 401);
    const json = await call(t.url, ministry, 'POST', '/api/v1/clusters/import', { rows: [] });
    assert.equal(json.status, 415);
    assert.equal(json.body.error.code, 'UNSUPPORTED_MEDIA_TYPE');
    const bad = await postCsv(ministry, 'year,name\n2024,x\n');
    assert.equal(bad.status, 400);
    const badBody = await jsonOf(bad);
    assert.equal(badBody.error.code, 'VALIDATION_FAILED');
    assert.ok(badBody.error.details.some((d: { path: string }) => d.path === 'columns.county'));
    const huge = await postCsv(ministry, Buffer.alloc(6 * 1024 * 1024, 0x41));
    assert.equal(huge.status, 413);
  });

  it('reads a GB18030 file as Excel in a Chinese locale writes it', async (c) => {
    if (spawnSync('iconv', ['--version']).error) return c.skip('iconv is not installed');
    const text =
      'year,province,cluster_name_zh,county,leading_industry\n2024,浙江省,慈溪市编码测试产业集群,慈溪市,家电\n';
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
    assert.notDeepEqual(gbk, Buffer.from(text));
    const res = await postCsv(ministry, gbk, 'text/csv');
    const body = await jsonOf(res);
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.encoding, 'gb18030');
    assert.equal(body.items[0].name, '慈溪市编码测试产业集群');
    assert.equal(body.items[0].divisionCode, '330282');
  });
});

describe('scoped list and lookup', () => {
  const names = (b: { items: { name: string }[] }) => b.items.map((i) => i.name);

  it('a county sees only its own clusters; another county’s answers 404', async () => {
    const list = await call(t.url, yuyao, 'GET', '/api/v1/clusters?limit=100');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 2);
    assert.ok(list.body.items.every((c: { divisionCode: string }) => c.divisionCode === '330281'));
    assert.equal(list.body.total, list.body.items.length);
    assert.ok(names(list.body).includes('浙江省宁波市余姚市模具产业集群'));
    const own = await call(t.url, yuyao, 'GET', `/api/v1/clusters/${ids.yuyao}`);
    assert.equal(own.status, 200);
    assert.equal(own.body.countyName, '余姚市');
    assert.equal(own.body.unitName, '宁波市');
    assert.deepEqual(own.body.allowedActions, ['download_certificate', 'edit_plan', 'report_change']);
    assert.equal((await call(t.url, cixi, 'GET', `/api/v1/clusters/${ids.yuyao}`)).status, 404);
    assert.equal((await call(t.url, yuyao, 'GET', `/api/v1/clusters/${ids.cixi}`)).status, 404);
  });

  it('a unit sees its unit’s clusters, not another unit’s; the ministry sees all', async () => {
    const list = await call(t.url, ningbo, 'GET', '/api/v1/clusters?limit=100');
    assert.ok(list.body.items.every((c: { unitCode: string }) => c.unitCode === '330200'));
    assert.ok(names(list.body).includes('浙江省宁波市慈溪市家电产业集群'));
    assert.equal((await call(t.url, beijing, 'GET', `/api/v1/clusters/${ids.cixi}`)).status, 404);
    const bj = await call(t.url, beijing, 'GET', '/api/v1/clusters?year=2024&limit=100');
    assert.equal(bj.body.total, 3);
    const crossUnit = await call(t.url, beijing, 'GET', '/api/v1/clusters?unitCode=330200');
    assert.equal(crossUnit.body.total, 0);
    const all = await call(t.url, ministry, 'GET', '/api/v1/clusters?limit=1');
    assert.ok(all.body.total >= 44 + 3);
  });

  it('experts are forbidden, strangers unauthenticated', async () => {
    assert.equal((await call(t.url, expert, 'GET', '/api/v1/clusters')).status, 403);
    assert.equal((await call(t.url, expert, 'GET', `/api/v1/clusters/${ids.yuyao}`)).status, 403);
    assert.equal((await call(t.url, null, 'GET', '/api/v1/clusters')).status, 401);
  });

  it('filters and pages with a cursor through every cluster exactly once', async () => {
    const filtered = await call(
      t.url,
      ministry,
      'GET',
      `/api/v1/clusters?year=2023&q=${encodeURIComponent('北京')}&limit=100`,
    );
    assert.equal(filtered.body.total, 3);
    assert.equal(
      (await call(t.url, ministry, 'GET', '/api/v1/clusters?status=revoked')).body.items[0].id,
      ids.revoked,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null; total: number } } =
        await call(t.url, ministry, 'GET', `/api/v1/clusters?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      total = page.body.total;
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    const bad = await call(t.url, ministry, 'GET', '/api/v1/clusters?cursor=bm90LWEtY3Vyc29y');
    assert.equal(bad.status, 400);
  });
});

describe('certificate', () => {
  const pdfText = (file: string) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const squash = (s: string) => s.replace(/\s+/g, '');

  it('prints one A4 landscape page naming the cluster, place, unit, industry, batch, notice, validity and MIIT', async (c) => {
    if (!HAS_POPPLER) return c.skip('poppler-utils (pdftotext) is not installed');
    const res = await fetch(`${t.url}/api/v1/clusters/${ids.yuyao}/certificate.pdf`, {
      headers: { cookie: yuyao.cookie },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename=".*"; filename\*=UTF-8''/,
    );
    assert.match(
      decodeURIComponent(res.headers.get('content-disposition') ?? ''),
      /浙江省宁波市余姚市模具产业集群认定证书\.pdf/,
    );
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-cert-'));
    try {
      const file = path.join(dir, 'c.pdf');
      await fs.writeFile(file, Buffer.from(await res.arrayBuffer()));
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      assert.match(info, /Pages:\s+1\n/);
      assert.match(info, /Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
      const text = squash(pdfText(file));
      for (const expected of [
        '中小企业特色产业集群',
        '浙江省宁波市余姚市模具产业集群',
        '浙江省宁波市余姚市（330281）',
        '推荐单位：宁波市',
        '模具（细分领域：精密注塑模具）',
        '2099年度',
        '工信部企业函〔2099〕1号',
        '2099年11月20日至2102年11月19日',
        '颁发单位：工业和信息化部',
      ]) {
        assert.ok(text.includes(expected), `certificate lacks ${expected}:\n${text}`);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('has the same scope as the cluster: another county 404, experts 403; a revoked cluster has none', async () => {
    const get = (s: Session, id: string) =>
      fetch(`${t.url}/api/v1/clusters/${id}/certificate.pdf`, { headers: { cookie: s.cookie } });
    assert.equal((await get(cixi, ids.yuyao!)).status, 404);
    assert.equal((await get(beijing, ids.yuyao!)).status, 404);
    assert.equal((await get(expert, ids.yuyao!)).status, 403);
    assert.equal((await get(ningbo, ids.yuyao!)).status, 200);
    const revoked = await get(yuyao, ids.revoked!);
    assert.equal(revoked.status, 409);
    const own = await call(t.url, yuyao, 'GET', `/api/v1/clusters/${ids.revoked}`);
    assert.deepEqual(own.body.allowedActions, []);
  });
});

describe('public registry', () => {
  async function xlsxIds(query: string): Promise<string[]> {
    const res = await fetch(`${t.url}/api/v1/public/clusters.xlsx${query}`);
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const out: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 2) out.push(String(row.getCell(1).value));
    });
    return out;
  }

  it('serves the same rows in the same order as JSON, CSV (UTF-8 with BOM) and XLSX, without login', async () => {
    for (const query of ['', '?year=2024', `?region=northeast`, `?q=${encodeURIComponent('海淀')}`]) {
      const json = await call(t.url, null, 'GET', `/api/v1/public/clusters${query}`);
      assert.equal(json.status, 200);
      assert.equal(json.body.total, json.body.items.length);
      const jsonIds = json.body.items.map((i: { id: string }) => i.id);
      const csvRes = await fetch(`${t.url}/api/v1/public/clusters.csv${query}`);
      assert.equal(csvRes.headers.get('content-type'), 'text/csv; charset=utf-8');
      const bytes = Buffer.from(await csvRes.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
      const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      assert.equal(lines[0]?.split(',')[0], 'id');
      assert.deepEqual(
        lines.slice(1).map((l) => l.split(',')[0]),
        jsonIds,
        `CSV rows differ for ${query}`,
      );
      assert.deepEqual(await xlsxIds(query), jsonIds, `XLSX rows differ for ${query}`);
    }
    const northeast = await call(t.url, null, 'GET', '/api/v1/public/clusters?region=northeast');
    assert.deepEqual(northeast.body.items.map((i: { countyName: string }) => i.countyName).sort(), [
      '太和区',
      '平房区',
      '敦化市',
    ]);
    const all = await call(t.url, null, 'GET', '/api/v1/public/clusters');
    const first = all.body.items.find((i: { id: string }) => i.id === ids.yuyao);
    assert.deepEqual(Object.keys(first).sort(), [
      'countyName',
      'divisionCode',
      'id',
      'industryCode',
      'leadingIndustry',
      'level',
      'name',
      'noticeNo',
      'region',
      'revocationReason',
      'revokedOn',
      'status',
      'unitCode',
      'unitName',
      'validFrom',
      'validTo',
      'year',
    ]);
    // Stored status is shown as stored.
    assert.ok(all.body.items.some((i: { status: string }) => i.status === 'revoked'));
  });

  it('filters by industry through the GB/T 4754 hierarchy (section C holds class 3525)', async () => {
    for (const code of ['C', '35', '352', '3525']) {
      const res = await call(t.url, null, 'GET', `/api/v1/public/clusters?industry=${code}`);
      assert.deepEqual(
        res.body.items.map((i: { id: string }) => i.id),
        [ids.yuyao],
        code,
      );
    }
    assert.equal((await call(t.url, null, 'GET', '/api/v1/public/clusters?industry=A')).body.total, 0);
    assert.equal((await call(t.url, null, 'GET', '/api/v1/public/clusters?industry=x1')).status, 400);
  });

  it('answers If-None-Match with 304 while the result is unchanged, and a new tag once it changes', async () => {
    for (const suffix of ['', '.csv', '.xlsx']) {
      const url = `${t.url}/api/v1/public/clusters${suffix}?year=2099`;
      const first = await fetch(url);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      assert.ok(etag, suffix);
      assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
      const again = await fetch(url, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304, suffix);
      assert.equal(again.headers.get('etag'), etag);
      assert.equal((await again.text()).length, 0);
      const other = await fetch(url, { headers: { 'if-none-match': 'W/"json-stale"' } });
      assert.equal(other.status, 200);
      await other.arrayBuffer();
    }
    const url = `${t.url}/api/v1/public/clusters?year=2099`;
    const etag = (await fetch(url)).headers.get('etag')!;
    await t.database.db.update(clusters).set({ status: 'extended' }).where(eq(clusters.id, ids.cixi!));
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('counts by year, unit, region and industry section, each summing to the registry total', async () => {
    const stats = await call(t.url, null, 'GET', '/api/v1/public/stats');
    assert.equal(stats.status, 200);
    const registry = await call(t.url, null, 'GET', '/api/v1/public/clusters');
    const total = registry.body.total;
    assert.equal(stats.body.total, total);
    const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    assert.equal(sum(stats.body.byYear), total);
    assert.equal(sum(stats.body.byUnit), total);
    assert.equal(sum(stats.body.byRegion), total);
    assert.equal(sum(stats.body.bySection), total);
    assert.equal(stats.body.byUnit.length, 37);
    const year = (y: number) => stats.body.byYear.find((x: { year: number }) => x.year === y)?.count;
    assert.equal(year(2022), 11);
    assert.equal(year(2023), 13);
    const section = (c: string) => stats.body.bySection.find((x: { code: string }) => x.code === c)?.count;
    assert.equal(section('C'), 1);
    assert.equal(section('unknown'), total - 1);
    const unit = (c: string) => stats.body.byUnit.find((x: { code: string }) => x.code === c)?.count;
    assert.equal(unit('440300'), 2);
    const northeast = stats.body.byRegion.find((x: { region: string }) => x.region === 'northeast');
    assert.equal(northeast.count, 3);
    const filtered = await call(t.url, null, 'GET', '/api/v1/public/stats?year=2022');
    assert.equal(filtered.body.total, 11);
    assert.equal(sum(filtered.body.byUnit), 11);
  });
});
