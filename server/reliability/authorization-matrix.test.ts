// Every route × nine parties, generated from the route table of the real app (see authorization-matrix.ts).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { login, type Session, startTestApp, type TestApp } from '../test-support/app.ts';
import { MATRIX, type Probe } from './authorization-matrix.ts';
import {
  ACCOUNTS,
  apiRoutes,
  assertErrorBody,
  buildFixture,
  type Fixture,
  PARTIES,
  type Party,
  type RouteInfo,
  report,
  withRouteTable,
} from './support.ts';

let t: TestApp;
let routes: RouteInfo[];
let f: Fixture;

before(async () => {
  const built = await withRouteTable(() => startTestApp());
  t = built.result;
  routes = apiRoutes(built.routes);
  f = await buildFixture(t);
});
after(() => t?.close());

type Answer = { status: number; text: string; json: unknown };

async function send(probe: Probe, session: Session | null, path: string): Promise<Answer> {
  const headers: Record<string, string> = { ...probe.headers };
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  let body: FormData | string | undefined;
  if (probe.multipart) {
    const form = new FormData();
    for (const [k, v] of Object.entries(probe.multipart.fields ?? {})) form.append(k, v);
    const file = probe.multipart.file;
    if (file) form.append('file', new Blob([new Uint8Array(file.data)]), file.name);
    body = form;
  } else if (probe.raw) {
    headers['content-type'] = probe.raw.type;
    body = probe.raw.data;
  } else if (probe.body) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(probe.body(f));
  }
  const method = methodOf(probe);
  const res = await fetch(`${t.url}${path}`, { method, headers, ...(body ? { body } : {}) });
  const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // PDFs, spreadsheets, metrics
  }
  return { status: res.status, text, json };
}

const probeMethods = new Map<Probe, string>();
const methodOf = (probe: Probe) => probeMethods.get(probe) ?? 'GET';
const token = (status: number) => (status >= 200 && status < 300 ? 'ok' : String(status));

/** Ids of county A's private records: a party that may not see them must never find one in an answer. */
const privateIds = (fx: Fixture) => [
  fx.draftId,
  fx.submittedId,
  fx.draftAttachmentId,
  fx.submittedAttachmentId,
  fx.inspectionId,
  fx.inspectionFileId,
  fx.assignmentId,
  fx.tokenId,
  fx.notificationId,
  fx.userIds.countyA,
];
const OUTSIDERS: readonly Party[] = ['anonymous', 'countyB', 'unitB', 'expertOther'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('authorization matrix', () => {
  it('has exactly one row per route: a new route needs its row, a removed one loses it', () => {
    const keys = new Set(routes.map((r) => r.key));
    const missing = [...keys].filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !keys.has(k));
    assert.deepEqual(missing, [], `routes without a row in server/reliability/authorization-matrix.ts`);
    // A row without its route is harmless (and may belong to work not merged yet): said, not failed.
    if (stale.length) report(`authorization matrix: rows without a route: ${stale.join(', ')}`);
    for (const [key, probe] of Object.entries(MATRIX)) {
      assert.equal(probe.expect.trim().split(/\s+/).length, PARTIES.length, `${key}: one token per party`);
    }
  });

  it('answers every route × party as the table says; others’ records are 404 and never leak', async () => {
    const sessions: Record<Party, Session | null> = { ...f.sessions };
    const rows = routes
      .filter((r) => MATRIX[r.key])
      .sort((a, b) => {
        const la = MATRIX[a.key]!.last ? 1 : 0;
        const lb = MATRIX[b.key]!.last ? 1 : 0;
        return la - lb;
      });
    const failures: string[] = [];
    const observed: string[] = [];
    let cells = 0;
    let hidden = 0;
    for (const route of rows) {
      const probe = MATRIX[route.key]!;
      probeMethods.set(probe, route.method);
      const expected = probe.expect.trim().split(/\s+/);
      const got: string[] = new Array(PARTIES.length).fill('?');
      // Refusals first, so that an allowed party's change cannot turn a 404 into something else.
      const order = PARTIES.map((_p, i) => i).sort(
        (a, b) => Number(expected[a] === 'ok') - Number(expected[b] === 'ok'),
      );
      for (const i of order) {
        const party = PARTIES[i]!;
        let session = sessions[party];
        if (probe.freshSession && party !== 'anonymous') session = await login(t.url, ACCOUNTS[party]);
        const path = probe.path(f);
        const answer = await send(probe, session, path);
        cells++;
        got[i] = token(answer.status);
        const where = `${route.key} as ${party} (${answer.status})`;
        if (got[i] !== expected[i]) failures.push(`${where}: expected ${expected[i]}`);
        if (answer.status >= 500) failures.push(`${where}: server error ${answer.text.slice(0, 200)}`);
        if (answer.status >= 400) {
          try {
            assertErrorBody(answer.json, where);
          } catch (err) {
            failures.push((err as Error).message);
          }
        }
        if (OUTSIDERS.includes(party)) {
          // An id the caller sent itself may come back (e.g. bulk results); anything else is a leak.
          const sent = path + JSON.stringify(probe.body?.(f) ?? null);
          for (const id of privateIds(f)) {
            if (answer.text.includes(id) && !sent.includes(id))
              failures.push(`${where}: leaks county A's record ${id}`);
          }
        }
        if (answer.status === 404 && OUTSIDERS.includes(party) && path.match(UUID)) {
          // "Not yours" must look exactly like "does not exist".
          hidden++;
          const unknown = await send(
            probe,
            session,
            path.replace(UUID, () => randomUUID()),
          );
          const a = answer.json as { error?: { code: string; message: string } };
          const b = unknown.json as { error?: { code: string; message: string } };
          if (unknown.status !== 404 || a?.error?.message !== b?.error?.message)
            failures.push(
              `${where}: differs from an unknown id (${unknown.status} ${b?.error?.message} vs ${a?.error?.message})`,
            );
        }
      }
      observed.push(`  '${route.key}': '${got.join(' ')}',`);
    }
    if (process.env.JIQUN_MATRIX_PRINT === '1') console.log(observed.join('\n'));
    report(
      `authorization matrix ${rows.length} routes × ${PARTIES.length} parties = ${cells} cells ` +
        `(${hidden} out-of-scope 404s compared with unknown ids)`,
    );
    assert.deepEqual(failures, []);
  });

  it('answers bulk actions on others’ declarations exactly as for unknown ids', async () => {
    for (const party of ['countyB', 'unitB', 'expertOther'] as const) {
      const s = await login(t.url, ACCOUNTS[party]);
      const res = await fetch(`${t.url}/api/v1/declarations/bulk-actions/accept`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ ids: [f.submittedId, randomUUID()] }),
      });
      const body = (await res.json()) as { results: { ok: boolean; error: unknown }[] };
      assert.equal(res.status, 200, party);
      assert.equal(body.results.length, 2);
      assert.equal(body.results[0]!.ok, false, party);
      assert.deepEqual(body.results[0]!.error, body.results[1]!.error, party);
    }
  });

  it('lists only the caller’s scope: outsiders see none of county A’s declarations', async () => {
    for (const party of ['countyB', 'unitB', 'expertOther'] as const) {
      const s = await login(t.url, ACCOUNTS[party]);
      const res = await fetch(`${t.url}/api/v1/declarations?campaignYear=${f.year}&limit=100`, {
        headers: { cookie: s.cookie },
      });
      const body = (await res.json()) as { items: { id: string }[]; total: number };
      assert.equal(res.status, 200);
      assert.deepEqual(
        body.items.filter((d) => [f.draftId, f.submittedId].includes(d.id)),
        [],
        party,
      );
    }
  });
});
