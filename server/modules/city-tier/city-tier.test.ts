// The city tier over real HTTP: 四川 (510000) has each city put forward at most two declarations first; 成都
// (city-5101) ranks its counties' submitted declarations, the unit accepts only those, and nobody sees
// another city's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  login,
  openCampaign,
  type Session,
  startTestApp,
  type TestApp,
} from '../../test-support/app.ts';
import { submitComplete } from '../../test-support/declarations.ts';

const YEAR = 2093;
let t: TestApp;
let ministry: Session;
let sichuan: Session;
let ningbo: Session;
let chengdu: Session;
let deyang: Session;
const counties: Record<string, Session> = {};
/** Submitted declarations: three of 成都 (锦江, 青羊, 金牛), one of 德阳 (广汉). */
const ids: Record<string, string> = {};

before(async () => {
  t = await startTestApp();
  ministry = await login(t.url, 'ministry');
  const c = await call(
    t.url,
    ministry,
    'POST',
    '/api/v1/campaigns',
    openCampaign(YEAR, { rules: { onePerSubSector: false, cityTier: [{ unitCode: '510000', perCity: 2 }] } }),
  );
  assert.equal(c.status, 201, JSON.stringify(c.body));
  [sichuan, ningbo, chengdu, deyang] = (await Promise.all(
    ['unit-510000', 'unit-330200', 'city-5101', 'city-5106'].map((u) => login(t.url, u)),
  )) as [Session, Session, Session, Session];
  for (const code of ['510104', '510105', '510106', '510681', '330281'])
    counties[code] = await login(t.url, `county-${code}`);
  for (const code of ['510104', '510105', '510106', '510681', '330281'])
    ids[code] = await submitComplete(t.url, counties[code]!, YEAR);
});
after(() => t.close());

const put = (s: Session, city: string, items: unknown[]) =>
  call(t.url, s, 'PUT', `/api/v1/cities/${city}/recommendations/${YEAR}`, { items });
const act = (s: Session, id: string, action: string) =>
  call(t.url, s, 'POST', `/api/v1/declarations/${id}/actions/${action}`, {});

describe('campaign settings', () => {
  it('refuses a city tier for a unit without cities, per field and in both languages', async () => {
    const res = await call(t.url, ministry, 'PATCH', `/api/v1/campaigns/${YEAR}`, {
      rules: { onePerSubSector: false, cityTier: [{ unitCode: '330200', perCity: 0 }] },
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    const byPath = Object.fromEntries(
      res.body.error.details.map((d: { path: string; messageZh: string }) => [d.path, d.messageZh]),
    );
    assert.match(byPath['rules.cityTier.0.unitCode'], /宁波市下没有地级市/);
    assert.match(byPath['rules.cityTier.0.perCity'], /正整数/);
    const kept = await call(t.url, ministry, 'GET', `/api/v1/campaigns/${YEAR}`);
    assert.deepEqual(kept.body.rules.cityTier, [{ unitCode: '510000', perCity: 2 }]);
  });
});

describe('the city’s list', () => {
  it('shows a city its counties’ submitted declarations only; another city, unit or county gets 404 or 403', async () => {
    const mine = await call(t.url, chengdu, 'GET', `/api/v1/cities/5101/declarations/${YEAR}`);
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.equal(mine.body.cityName, '成都市');
    assert.equal(mine.body.perCity, 2);
    assert.equal(mine.body.configured, true);
    assert.deepEqual(
      mine.body.items.map((i: { divisionCode: string }) => i.divisionCode),
      ['510104', '510105', '510106'],
    );
    assert.equal((await call(t.url, deyang, 'GET', `/api/v1/cities/5101/declarations/${YEAR}`)).status, 404);
    assert.equal((await call(t.url, ningbo, 'GET', `/api/v1/cities/5101/declarations/${YEAR}`)).status, 404);
    assert.equal((await call(t.url, chengdu, 'GET', `/api/v1/cities/9999/declarations/${YEAR}`)).status, 404);
    assert.equal(
      (await call(t.url, counties['510104']!, 'GET', `/api/v1/cities/5101/declarations/${YEAR}`)).status,
      403,
    );
    assert.equal((await call(t.url, sichuan, 'GET', `/api/v1/cities/5101/declarations/${YEAR}`)).status, 200);
    // The general declaration routes are not a city's (a role-level refusal).
    assert.equal((await call(t.url, chengdu, 'GET', `/api/v1/declarations/${ids['510104']}`)).status, 403);
  });

  it('ranks at most perCity; over it → 409 QUOTA_EXCEEDED and nothing changes', async () => {
    const ok = await put(chengdu, '5101', [
      { declarationId: ids['510104'], rank: 1 },
      { declarationId: ids['510105'], rank: 2 },
    ]);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.used, 2);
    // The unit hears of it (its accounts only: the other city's account does not).
    const heard = await call(t.url, sichuan, 'GET', '/api/v1/notifications');
    assert.ok(
      heard.body.items.some(
        (n: { kind: string; title: string }) =>
          n.kind === 'city_list' && /成都市.*推荐 2 个申报/.test(n.title),
      ),
      JSON.stringify(heard.body.items.slice(0, 3)),
    );
    const other = await call(t.url, deyang, 'GET', '/api/v1/notifications');
    assert.ok(!other.body.items.some((n: { kind: string }) => n.kind === 'city_list'));
    const over = await put(chengdu, '5101', [
      { declarationId: ids['510106'], rank: 1 },
      { declarationId: ids['510104'], rank: 2 },
      { declarationId: ids['510105'], rank: 3 },
    ]);
    assert.equal(over.status, 409);
    assert.equal(over.body.error.code, 'QUOTA_EXCEEDED');
    assert.match(over.body.error.details[0].messageZh, /每市最多推荐 2 个/);
    const kept = await call(t.url, chengdu, 'GET', `/api/v1/cities/5101/recommendations/${YEAR}`);
    assert.deepEqual(
      kept.body.items.map((i: { declarationId: string; rank: number }) => [i.rank, i.declarationId]),
      [
        [1, ids['510104']],
        [2, ids['510105']],
      ],
    );
  });

  it('refuses another city’s or unit’s declaration (404), bad ranks (400), and callers other than the city (403)', async () => {
    assert.equal((await put(chengdu, '5101', [{ declarationId: ids['510681'], rank: 1 }])).status, 404);
    assert.equal((await put(chengdu, '5101', [{ declarationId: ids['330281'], rank: 1 }])).status, 404);
    assert.equal((await put(deyang, '5101', [{ declarationId: ids['510104'], rank: 1 }])).status, 404);
    assert.equal((await put(chengdu, '5101', [{ declarationId: ids['510104'], rank: 2 }])).status, 400);
    assert.equal((await put(sichuan, '5101', [])).status, 403);
    assert.equal((await put(counties['510104']!, '5101', [])).status, 403);
  });

  it('the database itself refuses a rank above the limit', async () => {
    await assert.rejects(
      t.database.raw.query(
        `INSERT INTO city_recommendations (campaign_year, unit_code, city_code, rank, declaration_id)
         VALUES (${YEAR}, '510000', '5101', 3, $1)`,
        [ids['510106']],
      ),
      /exceeds the city limit/,
    );
  });

  it('never holds more than perCity under concurrent replacements', async () => {
    const pool = [ids['510104'], ids['510105'], ids['510106']] as string[];
    const lists = Array.from({ length: 30 }, (_, i) => [
      { declarationId: pool[i % 3], rank: 1 },
      { declarationId: pool[(i + 1) % 3], rank: 2 },
    ]);
    const results = await Promise.all(lists.map((items) => put(chengdu, '5101', items)));
    assert.ok(results.every((r) => r.status === 200 || r.status === 409));
    const [n] = await t.database.raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM city_recommendations WHERE city_code = '5101'",
    );
    assert.equal(n!.n, 2);
    // Settle on a known list for what follows.
    assert.equal((await put(chengdu, '5101', [{ declarationId: ids['510104'], rank: 1 }])).status, 200);
  });
});

describe('the unit’s acceptance', () => {
  it('accepts what the city put forward and refuses, in zh and en, what it did not', async () => {
    assert.equal((await act(sichuan, ids['510104']!, 'accept')).status, 200);
    const refused = await act(sichuan, ids['510105']!, 'accept');
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'INVALID_TRANSITION');
    assert.match(refused.body.error.message, /成都市 has not put this declaration forward/);
    assert.equal(refused.body.error.details[0].message, 'city_not_put_forward');
    assert.match(refused.body.error.details[0].messageZh, /成都市未推荐该申报/);
    // The same refusal in a bulk action carries the same details, so the list can say it in Chinese.
    const bulk = await call(t.url, sichuan, 'POST', '/api/v1/declarations/bulk-actions/accept', {
      ids: [ids['510105']],
    });
    assert.equal(bulk.status, 200);
    const [result] = bulk.body.results;
    assert.equal(result.ok, false);
    assert.equal(result.error.code, 'INVALID_TRANSITION');
    assert.match(result.error.details[0].messageZh, /成都市未推荐该申报/);
    const still = await call(t.url, sichuan, 'GET', `/api/v1/declarations/${ids['510105']}`);
    assert.equal(still.body.status, 'submitted', 'nothing changed');
    // Returning it for revision needs no city step; a unit without a tier is not affected.
    assert.equal((await act(ningbo, ids['330281']!, 'accept')).status, 200);
  });

  it('keeps an accepted declaration on the city’s list and lets the unit see what each city put forward', async () => {
    const takeOff = await put(chengdu, '5101', [{ declarationId: ids['510106'], rank: 1 }]);
    assert.equal(takeOff.status, 409);
    assert.match(takeOff.body.error.details[0].messageZh, /已被推荐单位受理/);
    const seen = await call(t.url, sichuan, 'GET', `/api/v1/units/510000/city-recommendations/${YEAR}`);
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body.items, [
      { declarationId: ids['510104'], cityCode: '5101', cityName: '成都市', rank: 1 },
    ]);
    assert.equal(
      (await call(t.url, ningbo, 'GET', `/api/v1/units/510000/city-recommendations/${YEAR}`)).status,
      404,
    );
    const ningboOwn = await call(t.url, ningbo, 'GET', `/api/v1/units/330200/city-recommendations/${YEAR}`);
    assert.equal(ningboOwn.body.configured, false);
    const audit = await t.database.raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'city_recommendations.replaced' AND entity_id = $1",
      [`5101:${YEAR}`],
    );
    assert.ok(audit[0]!.n >= 3);
  });

  it('refuses a city list where the unit has no tier', async () => {
    const wenzhou = await call(t.url, ministry, 'GET', `/api/v1/cities/3303/recommendations/${YEAR}`);
    assert.equal(wenzhou.status, 200);
    assert.equal(wenzhou.body.configured, false);
  });
});

describe('city accounts', () => {
  it('an admin creates one for a prefecture-level city, and only for one', async () => {
    const admin = await login(t.url, 'admin');
    const body = {
      username: 'mianyang-sme',
      displayName: '绵阳市经济和信息化局',
      role: 'city',
      password: 'Mianyang-city-2093!',
    };
    const county = await call(t.url, admin, 'POST', '/api/v1/users', { ...body, divisionCode: '510104' });
    assert.equal(county.status, 400);
    const none = await call(t.url, admin, 'POST', '/api/v1/users', body);
    assert.equal(none.status, 400);
    const created = await call(t.url, admin, 'POST', '/api/v1/users', { ...body, divisionCode: '510700' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.unitCode, '510000');
    const mianyang = await login(t.url, 'mianyang-sme', body.password);
    assert.equal(
      (await call(t.url, mianyang, 'GET', `/api/v1/cities/5107/declarations/${YEAR}`)).status,
      200,
    );
    assert.equal(
      (await call(t.url, mianyang, 'GET', `/api/v1/cities/5101/declarations/${YEAR}`)).status,
      404,
    );
  });
});
