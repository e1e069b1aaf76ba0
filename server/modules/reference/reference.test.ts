import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, startTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const get = (path: string) => call(t.url, null, 'GET', path);

describe('GET /api/v1/units', () => {
  it('lists the 37 recommending units with kinds and regions', async () => {
    const { status, body } = await get('/api/v1/units');
    assert.equal(status, 200);
    assert.equal(body.total, 37);
    assert.equal(body.items.length, 37);
    assert.equal(body.nextCursor, null);
    const countOf = (kind: string) =>
      (body.items as { kind: string }[]).filter((u) => u.kind === kind).length;
    assert.equal(countOf('provincial'), 31);
    assert.equal(countOf('separate_plan_city'), 5);
    assert.equal(countOf('xpcc'), 1);
    const byCode = new Map((body.items as { code: string; region: string }[]).map((u) => [u.code, u]));
    assert.deepEqual(byCode.get('330200'), {
      code: '330200',
      name: '宁波市',
      nameEn: 'Ningbo',
      kind: 'separate_plan_city',
      region: 'east',
      countyCount: 10,
    });
    assert.equal(byCode.get('210200')?.region, 'northeast');
    assert.equal(byCode.get('660000')?.region, 'west');
    assert.equal(byCode.get('510000')?.region, 'west');
    assert.equal(byCode.get('340000')?.region, 'central');
  });
  it('gets one unit and 404s an unknown code', async () => {
    assert.equal((await get('/api/v1/units/660000')).body.kind, 'xpcc');
    const missing = await get('/api/v1/units/123456');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'NOT_FOUND');
    const bad = await get('/api/v1/units/abc');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
    assert.equal(bad.body.error.details[0].path, 'params.code');
  });
});

describe('GET /api/v1/divisions', () => {
  it('resolves counties to their recommending units', async () => {
    const expected: Record<string, string> = {
      '330281': '330200', // 余姚市 → 宁波
      '440307': '440300', // 龙岗区 → 深圳
      '659001': '660000', // 石河子市 → XPCC
      '320581': '320000', // 常熟市 → 江苏
      '370211': '370200', // 黄岛区 → 青岛
      '210281': '210200', // 瓦房店市 → 大连
      '350203': '350200', // 思明区 → 厦门
      '330681': '330000', // 诸暨市 → 浙江
    };
    for (const [code, unit] of Object.entries(expected)) {
      const { status, body } = await get(`/api/v1/divisions/${code}`);
      assert.equal(status, 200, code);
      assert.equal(body.level, 'county', code);
      assert.equal(body.unitCode, unit, code);
    }
    const yuyao = (await get('/api/v1/divisions/330281')).body;
    assert.equal(yuyao.name, '余姚市');
    assert.deepEqual(yuyao.path, [
      { code: '330000', name: '浙江省' },
      { code: '330200', name: '宁波市' },
    ]);
  });
  it('has about 2,850 county-level divisions, every one mapped to one of the 37 units', async () => {
    const { body } = await get('/api/v1/divisions?level=county&limit=1');
    assert.ok(body.total >= 2800 && body.total <= 2900, `county count ${body.total}`);
    const units = new Set(((await get('/api/v1/units')).body.items as { code: string }[]).map((u) => u.code));
    let cursor: string | null = null;
    let seen = 0;
    do {
      const page: { body: { items: { unitCode: string }[]; nextCursor: string | null } } = await get(
        `/api/v1/divisions?level=county&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      for (const d of page.body.items) assert.ok(units.has(d.unitCode), JSON.stringify(d));
      seen += page.body.items.length;
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(seen, body.total);
  });
  it('keeps statistical zones resolvable but out of the county list', async () => {
    const zone = await get('/api/v1/divisions/130171');
    assert.equal(zone.status, 200);
    assert.equal(zone.body.level, 'zone');
    const counties = await get('/api/v1/divisions?parent=130100&level=county&limit=500');
    assert.ok(counties.body.items.every((d: { code: string }) => !/7[1-9]$|80$/.test(d.code)));
  });
  it('filters by parent and searches names and codes', async () => {
    const ningbo = await get('/api/v1/divisions?parent=330200');
    assert.equal(ningbo.body.total, 10);
    const byName = await get(`/api/v1/divisions?q=${encodeURIComponent('余姚')}`);
    assert.deepEqual(
      byName.body.items.map((d: { code: string }) => d.code),
      ['330281'],
    );
    const byCode = await get('/api/v1/divisions?q=6590');
    assert.ok(byCode.body.items.some((d: { code: string }) => d.code === '659001'));
    const pct = await get(`/api/v1/divisions?q=${encodeURIComponent('%')}`);
    assert.equal(pct.body.total, 0, 'LIKE wildcards are escaped');
  });
  it('404s unknown codes and rejects malformed ones', async () => {
    assert.equal((await get('/api/v1/divisions/999999')).status, 404);
    assert.equal((await get('/api/v1/divisions/12')).status, 400);
    assert.equal((await get('/api/v1/divisions?limit=0')).status, 400);
  });
});

describe('GET /api/v1/industries', () => {
  it('serves all GB/T 4754-2017 levels', async () => {
    const all = await get('/api/v1/industries?limit=1');
    assert.equal(all.body.total, 1972);
    const sections = await get('/api/v1/industries?level=section&limit=100');
    assert.equal(sections.body.total, 20);
    const c = await get('/api/v1/industries/C');
    assert.equal(c.body.name, '制造业');
    const cls = await get('/api/v1/industries/1763');
    assert.equal(cls.body.level, 'class');
    const children = await get('/api/v1/industries?parent=391');
    assert.equal(children.body.total, 6); // 3911–3915 and 3919
    const search = await get(`/api/v1/industries?q=${encodeURIComponent('集成电路')}`);
    assert.ok(search.body.items.some((i: { code: string }) => i.code === '6520'));
    assert.equal((await get('/api/v1/industries/0000')).status, 404);
  });
  it('pages with an opaque cursor', async () => {
    const first = await get('/api/v1/industries?limit=3');
    const second = await get(`/api/v1/industries?limit=3&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      first.body.items.map((i: { code: string }) => i.code),
      ['A', '01', '011'],
    );
    assert.equal(second.body.items[0].code, '0111');
  });
});

describe('GET /api/v1/campaigns', () => {
  it('lists 2022–2025 with notice numbers and quotas from the reference data', async () => {
    const { body } = await get('/api/v1/campaigns');
    const real = body.items.filter((c: { demo: boolean }) => !c.demo);
    assert.deepEqual(
      real.map((c: { year: number }) => c.year),
      [2022, 2023, 2024, 2025],
    );
    // Demo mode opens a practice campaign for the current year, marked as demo.
    const demo = body.items.filter((c: { demo: boolean }) => c.demo);
    assert.equal(demo.length, 1);
    assert.equal(demo[0].status, 'open');
    assert.match(demo[0].noticeNo, /演示/);
    const c2023 = (await get('/api/v1/campaigns/2023')).body;
    assert.equal(c2023.noticeNo, '工信厅企业函〔2023〕44号');
    assert.deepEqual(c2023.quotas, { provincial: 6, separate_plan_city: 2, xpcc: 2 });
    assert.equal(c2023.unitDeadline, '2023-07-31');
    const c2024 = (await get('/api/v1/campaigns/2024')).body;
    assert.equal(c2024.quotas.provincial, 8);
    assert.equal(c2024.annualReportDue, '03-31');
    assert.equal((await get('/api/v1/campaigns/2019')).status, 404);
  });
});

describe('GET /api/v1/calendar/add-working-days', () => {
  it('counts on the official calendar, 调休 included', async () => {
    // 2025 National Day: 1–8 October off; Sunday 28 September worked.
    const r = await get('/api/v1/calendar/add-working-days?from=2025-09-26&days=5');
    assert.equal(r.status, 200);
    assert.equal(r.body.endsOn, '2025-10-09');
    assert.equal(r.body.provisional, false);
    // Spring Festival 2026 (15–23 February off; 14 and 28 February worked).
    const spring = await get('/api/v1/calendar/add-working-days?from=2026-02-13&days=3');
    assert.equal(spring.body.endsOn, '2026-02-24');
    const bad = await get('/api/v1/calendar/add-working-days?from=2025-02-30&days=5');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].path, 'querystring.from');
  });
});

describe('operations', () => {
  it('answers health, readiness, metrics, meta and the OpenAPI document', async () => {
    assert.equal((await get('/healthz')).status, 200);
    const ready = await get('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.status, 'ready');
    const metrics = await get('/metrics');
    assert.match(metrics.body, /jiqun_http_requests_total/);
    const meta = await get('/api/v1/meta');
    assert.equal(meta.body.demo, true);
    const openapi = await get('/api/v1/openapi.json');
    assert.equal(openapi.status, 200);
    for (const p of [
      '/api/v1/units',
      '/api/v1/divisions/{code}',
      '/api/v1/auth/login',
      '/api/v1/campaigns/{year}',
    ]) {
      assert.ok(openapi.body.paths[p], `OpenAPI documents ${p}`);
    }
  });
  it('sets security headers and answers unknown API routes with the standard 404 body', async () => {
    const res = await get('/api/v1/nope');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'NOT_FOUND');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });
});
