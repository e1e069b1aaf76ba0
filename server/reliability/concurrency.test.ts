// Races: a double-clicked submit, two editors on one draft, two unit officials deciding the same declaration
// at once, and recommendation lists replaced concurrently against the quota — on PostgreSQL also through
// two app instances with separate connection pools (e2e/two-processes.test.ts does it with two server
// processes). Each race ends with exactly one winner and consistent records.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { sampleContent } from '../db/seed/sample-content.ts';
import { openDatabase } from '../platform/db.ts';
import { LocalStorage } from '../platform/storage.ts';
import { call, login, openCampaign, type Session, startTestApp, type TestApp } from '../test-support/app.ts';
import { submitComplete } from '../test-support/declarations.ts';
import { report } from './support.ts';

const YEAR = 2087;
let t: TestApp;
let county: Session;
let county2: Session;
let unit: Session;
let unit2: Session;
let races = 0;
let requests = 0;

before(async () => {
  t = await startTestApp();
  const ministry = await login(t.url, 'ministry');
  assert.equal((await call(t.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR))).status, 201);
  const admin = await login(t.url, 'admin');
  for (const u of [
    { username: 'yuyao-second', role: 'county', divisionCode: '330281' },
    { username: 'ningbo-second', role: 'unit', unitCode: '330200' },
  ]) {
    const r = await call(t.url, admin, 'POST', '/api/v1/users', {
      ...u,
      displayName: `${u.username} 第二位`,
      password: 'Second-official-2087',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  [county, county2, unit, unit2] = await Promise.all([
    login(t.url, 'county-330281'),
    login(t.url, 'yuyao-second', 'Second-official-2087'),
    login(t.url, 'unit-330200'),
    login(t.url, 'ningbo-second', 'Second-official-2087'),
  ]);
});
after(() => t?.close());

const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort();

describe('concurrency', () => {
  it('a submit clicked five times at once submits exactly once, with one snapshot', async () => {
    const created = await call(t.url, county, 'POST', '/api/v1/declarations', {
      campaignYear: YEAR,
      ...sampleContent(YEAR),
    });
    const id = created.body.id;
    const { EVIDENCE_CATEGORIES } = await import('../../domain/declaration-form.ts');
    const { tinyPdf, upload } = await import('../test-support/files.ts');
    for (const c of EVIDENCE_CATEGORIES.filter((c) => c.required))
      assert.equal((await upload(t.url, county, id, { name: 'e.pdf', data: tinyPdf() }, c.key)).status, 201);
    const results = await Promise.all(
      [county, county, county, county2, county2].map((s) =>
        call(t.url, s, 'POST', `/api/v1/declarations/${id}/actions/submit`, {}),
      ),
    );
    requests += results.length;
    races++;
    assert.deepEqual(statuses(results), [200, 409, 409, 409, 409]);
    const history = await call(t.url, county, 'GET', `/api/v1/declarations/${id}/history`);
    assert.equal(history.body.items.filter((e: { action: string }) => e.action === 'submit').length, 1);
    assert.equal(history.body.versions.length, 1, 'one submitted snapshot');
  });

  it('two editors saving the same version: one wins, the other gets 409 VERSION_CONFLICT', async () => {
    const d = await call(t.url, county, 'POST', '/api/v1/declarations', { campaignYear: YEAR });
    for (let round = 0; round < 5; round++) {
      const current = await call(t.url, county, 'GET', `/api/v1/declarations/${d.body.id}`);
      const version = String(current.body.version);
      const [a, b] = await Promise.all([
        call(
          t.url,
          county,
          'PATCH',
          `/api/v1/declarations/${d.body.id}`,
          { landAreaKm2: 10 + round },
          { 'if-match': version },
        ),
        call(
          t.url,
          county2,
          'PATCH',
          `/api/v1/declarations/${d.body.id}`,
          { landAreaKm2: 50 + round },
          { 'if-match': version },
        ),
      ]);
      requests += 2;
      races++;
      assert.deepEqual(statuses([a, b]), [200, 409], `round ${round}`);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 200 ? a : b;
      assert.equal(loser.body.error.code, 'VERSION_CONFLICT');
      const stored = await call(t.url, county, 'GET', `/api/v1/declarations/${d.body.id}`);
      assert.equal(stored.body.landAreaKm2, winner.body.landAreaKm2, 'the winner’s content is kept');
      assert.equal(stored.body.version, Number(version) + 1);
    }
  });

  it('two unit officials accepting and returning the same declaration at once: one wins', async () => {
    // Each sends the status it decided on; without it a return after an acceptance is a legal next step.
    for (let round = 0; round < 3; round++) {
      const id = await submitComplete(t.url, county, YEAR);
      const [accept, ret] = await Promise.all([
        call(t.url, unit, 'POST', `/api/v1/declarations/${id}/actions/accept`, {
          expectedStatus: 'submitted',
        }),
        call(t.url, unit2, 'POST', `/api/v1/declarations/${id}/actions/return`, {
          comment: '请补充产值证明',
          expectedStatus: 'submitted',
        }),
      ]);
      requests += 2;
      races++;
      assert.deepEqual(statuses([accept, ret]), [200, 409], `round ${round}`);
      const loser = accept.status === 409 ? accept : ret;
      assert.equal(loser.body.error.code, 'INVALID_TRANSITION');
      const d = await call(t.url, unit, 'GET', `/api/v1/declarations/${id}`);
      assert.equal(d.body.status, accept.status === 200 ? 'accepted' : 'returned');
      const history = await call(t.url, unit, 'GET', `/api/v1/declarations/${id}/history`);
      const decisions = history.body.items.filter((e: { action: string }) =>
        ['accept', 'return'].includes(e.action),
      );
      assert.equal(decisions.length, 1, 'exactly one decision recorded');
    }
  });

  it('recommendation lists replaced concurrently never exceed the quota (two app instances on PostgreSQL)', async () => {
    const pool: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await submitComplete(t.url, county, YEAR);
      assert.equal(
        (await call(t.url, unit, 'POST', `/api/v1/declarations/${id}/actions/accept`, {})).status,
        200,
      );
      pool.push(id);
    }
    // On PostgreSQL a second app with its own pool stands in for a second process: other connections, same rows.
    const urls = [t.url];
    let close = async () => {};
    if (t.database.url) {
      const database = await openDatabase({ engine: 'postgres', url: t.database.url, poolSize: 5 });
      const second = await buildApp({
        config: t.config,
        db: database.db,
        database,
        storage: new LocalStorage(t.config.uploadDir),
        logger: false,
        webRoot: '/nonexistent',
      });
      await second.listen({ port: 0, host: '127.0.0.1' });
      urls.push(`http://127.0.0.1:${(second.server.address() as { port: number }).port}`);
      close = async () => {
        await second.close();
        await database.close();
      };
    }
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => {
          const n = (i % 3) + 1;
          const items = Array.from({ length: n }, (_, k) => ({
            declarationId: pool[(i + k) % 3],
            rank: k + 1,
          }));
          return call(
            urls[i % urls.length]!,
            i % 2 ? unit : unit2,
            'PUT',
            `/api/v1/units/330200/recommendations/${YEAR}`,
            {
              items,
            },
          );
        }),
      );
      requests += results.length;
      races++;
      const seen = new Set(results.map((r) => r.status));
      assert.ok(
        [...seen].every((s) => s === 200 || s === 409),
        `only 200 and 409: ${[...seen]}`,
      );
      assert.ok(seen.has(200) && seen.has(409));
    } finally {
      await close();
    }
    const [row] = await t.database.raw.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM recommendations WHERE unit_code = $1 AND campaign_year = $2',
      ['330200', YEAR],
    );
    assert.ok(Number(row!.n) <= 2, `${row!.n} recommended for a quota of 2`);
    const mismatched = await t.database.raw.query(
      `SELECT d.id FROM declarations d LEFT JOIN recommendations r ON r.declaration_id = d.id
       WHERE d.id = ANY($1::uuid[]) AND (d.status = 'recommended') <> (r.declaration_id IS NOT NULL)`,
      [pool],
    );
    assert.deepEqual(mismatched, [], 'statuses follow the list');
    report(
      `concurrency: ${races} races, ${requests} concurrent requests, one winner each ` +
        `(quota race through ${urls.length} app instance${urls.length > 1 ? 's' : ''}; two server processes: e2e/two-processes.test.ts)`,
    );
  });
});
