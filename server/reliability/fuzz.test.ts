// Property-based fuzzing of every write route (and the query strings of every read route) with fast-check:
// generated and mutated bodies, malformed JSON, odd content types, broken path parameters, junk query strings
// and forged or missing credentials. Each case is invalid in at least one way by construction, so the answer
// must be a 4xx with the standard error body — never a 5xx — and the database must be unchanged afterwards.
// JIQUN_FUZZ_RUNS sets the cases per write route (default 30; read routes get a quarter of it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { ZodType } from 'zod';
import { login, type Session, startTestApp, type TestApp } from '../test-support/app.ts';
import { MATRIX } from './authorization-matrix.ts';
import {
  apiRoutes,
  assertErrorBody,
  buildFixture,
  type Fixture,
  fingerprint,
  fuzzRuns,
  isWrite,
  PARTIES,
  type RouteInfo,
  report,
  withRouteTable,
} from './support.ts';

const RUNS = fuzzRuns(30);
let t: TestApp;
let routes: RouteInfo[];
let f: Fixture;
/** Sessions of the accounts outside the nine parties that probes name in `fuzzAs`. */
const extra = new Map<string, Session>();

before(async () => {
  const built = await withRouteTable(() => startTestApp());
  t = built.result;
  routes = apiRoutes(built.routes);
  f = await buildFixture(t, 2092);
  for (const probe of Object.values(MATRIX))
    if (probe.fuzzAs && !extra.has(probe.fuzzAs)) extra.set(probe.fuzzAs, await login(t.url, probe.fuzzAs));
});
after(() => t?.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Values that have broken servers before: injections, control characters, huge and odd numbers. */
const SPECIAL: unknown[] = [
  "' OR 1=1 --",
  "'; DROP TABLE declarations; --",
  '<script>alert(1)</script>',
  '\u0000',
  '\u202e\u0000\r\n',
  'x'.repeat(100_000),
  '../../../../etc/passwd',
  '\ud800',
  '💥',
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  1.5,
  true,
  null,
  [],
  {},
  [[[[[[[[[[[]]]]]]]]]]],
  { $gt: '' },
  '2024-02-30',
  '9999-99-99',
];
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 50 }) },
);

/** Paths (as key lists) into a JSON value, up to three levels deep. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 3 || value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [
    [...prefix, k],
    ...pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k], depth + 1),
  ]);
}

function setAt(value: unknown, path: (string | number)[], v: unknown, remove: boolean): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = v;
  return copy;
}

/** Generated bodies and mutations of the route's valid body. */
function bodies(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const options: fc.Arbitrary<unknown>[] = [junk];
  if (paths.length) {
    options.push(
      fc.tuple(fc.constantFrom(...paths), junk).map(([p, v]) => setAt(valid, p, v, false)),
      fc.constantFrom(...paths).map((p) => setAt(valid, p, undefined, true)),
    );
  }
  if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
    options.push(
      fc.tuple(fc.string({ maxLength: 20 }), junk).map(([k, v]) => ({ ...valid, [k]: v })),
      fc.constantFrom({ ...valid, constructor: { prototype: { admin: true } } }),
    );
  }
  return fc.oneof(...options);
}

/** Percent-encodes every byte (lone surrogates become U+FFFD, as a browser would send them). */
const pct = (v: string) =>
  [...Buffer.from(v, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
/** Raw encodings servers often trip over: invalid UTF-8, a bare %, a bad escape. */
const RAW_QUERY = ['%ff%fe', '%', '%zz', '%00', '%c0%ae%c0%ae', '[]=1', 'a[b]=1'];

const queryJunk = fc.option(
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom('limit', 'cursor', 'q', 'status', 'campaignYear'),
        ),
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom(...SPECIAL.filter((v) => typeof v === 'string')),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${pct(k)}=${pct(String(v))}`))
    .chain((pairs) => fc.subarray(RAW_QUERY, { maxLength: 1 }).map((raw) => [...pairs, ...raw])),
  { nil: undefined },
);

type Case =
  | { kind: 'none' }
  | { kind: 'body'; body: unknown }
  | { kind: 'json'; text: string }
  | { kind: 'content-type'; type: string }
  | { kind: 'param'; value: string }
  | { kind: 'credentials'; how: 'no-csrf' | 'bad-csrf' | 'bad-cookie' | 'bad-bearer'; value: string }
  | { kind: 'multipart'; filename: string; data: Uint8Array; category: string };

type Target = {
  route: RouteInfo;
  session: Session | null;
  path: string;
  valid: unknown;
  headers: Record<string, string>;
};

/** The party that gets past the route's role check (the matrix's first cell that is not 401/403). */
function targetOf(route: RouteInfo): Target {
  const probe = MATRIX[route.key];
  assert.ok(probe, `${route.key} has no row in the authorization matrix`);
  const tokens = probe.expect.trim().split(/\s+/);
  const index =
    route.access === 'public' ? 0 : tokens.findIndex((tk, i) => i > 0 && tk !== '401' && tk !== '403');
  const outside = probe.fuzzAs ? extra.get(probe.fuzzAs) : undefined;
  assert.ok(index >= 0 || outside, `${route.key}: nobody may call it`);
  return {
    route,
    session: index >= 0 ? f.sessions[PARTIES[index]!] : outside!,
    path: probe.path(f),
    valid: probe.body?.(f),
    headers: { ...probe.headers },
  };
}

function casesFor(target: Target): fc.Arbitrary<Case> {
  const schema = target.route.schema?.body as ZodType | undefined;
  const consumes = (target.route.schema as { consumes?: string[] } | undefined)?.consumes ?? [];
  const options: fc.Arbitrary<Case>[] = [
    fc
      .oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', 'nul', '"\\u00"', '\u0000'),
      )
      .filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      })
      .map((text) => ({ kind: 'json', text })),
  ];
  if (schema) {
    options.push(bodies(target.valid ?? {}).map((body) => ({ kind: 'body', body })));
    // With a valid body, a type no parser accepts (text/plain becomes a string the schema refuses).
    options.push(
      fc
        .constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'image/png',
          'multipart/form-data',
        )
        .map((type) => ({ kind: 'content-type', type })),
    );
  }
  if (UUID.test(target.path)) {
    UUID.lastIndex = 0;
    options.push(
      fc
        .oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('..', '%00', "1' OR '1'='1", '00000000-0000-0000-0000-000000000000'),
        )
        .filter((v) => !/^[0-9a-f-]{36}$/.test(v) || v.startsWith('00000000'))
        .map((value) => ({ kind: 'param', value })),
    );
  }
  if (target.route.access !== 'public') {
    options.push(
      fc
        .tuple(
          fc.constantFrom('no-csrf', 'bad-csrf', 'bad-cookie', 'bad-bearer') as fc.Arbitrary<'no-csrf'>,
          fc.string({ minLength: 1, maxLength: 60 }),
        )
        .map(([how, value]) => ({ kind: 'credentials', how, value })),
    );
  }
  if (consumes.includes('multipart/form-data')) {
    options.push(
      fc
        .record({
          filename: fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.constantFrom('../../x.pdf', 'a\u0000.pdf', 'CON', '.pdf'),
          ),
          data: fc.uint8Array({ maxLength: 2048 }),
          category: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('output_statistics')),
        })
        // Random bytes are never a PDF, image or Office file; make sure of it.
        .filter((m) => !/^(%PDF|\x89PNG|\xff\xd8|PK)/.test(Buffer.from(m.data).toString('latin1')))
        .map((m) => ({ kind: 'multipart', ...m })),
    );
  }
  return fc.oneof(...options);
}

async function send(target: Target, c: Case, query: string[] | undefined) {
  let path = target.path;
  if (c.kind === 'param') path = path.replace(UUID, () => pct(c.value));
  UUID.lastIndex = 0;
  if (query?.length) path += (path.includes('?') ? '&' : '?') + query.join('&');
  const headers: Record<string, string> = { ...target.headers };
  const s = target.session;
  if (s) {
    headers.cookie = s.cookie;
    headers['x-csrf-token'] = s.csrfToken;
  }
  let body: string | FormData | Uint8Array | undefined;
  switch (c.kind) {
    case 'none':
      break;
    case 'body':
      headers['content-type'] = 'application/json';
      body = JSON.stringify(c.body) ?? 'null';
      break;
    case 'json':
      headers['content-type'] = 'application/json';
      body = c.text;
      break;
    case 'content-type':
      headers['content-type'] = c.type;
      body = JSON.stringify(target.valid ?? {});
      break;
    case 'param':
      headers['content-type'] = 'application/json';
      body = JSON.stringify(target.valid ?? {});
      break;
    case 'credentials':
      headers['content-type'] = 'application/json';
      body = JSON.stringify(target.valid ?? {});
      if (c.how === 'no-csrf') delete headers['x-csrf-token'];
      if (c.how === 'bad-csrf') headers['x-csrf-token'] = c.value.replace(/[^\x21-\x7e]/g, 'x');
      if (c.how === 'bad-cookie') {
        headers.cookie = `jiqun_session=${encodeURIComponent(c.value)}`;
        delete headers['x-csrf-token'];
      }
      if (c.how === 'bad-bearer') {
        delete headers.cookie;
        headers.authorization = `Bearer jq_${c.value.replace(/[^\x21-\x7e]/g, 'x')}`;
      }
      break;
    case 'multipart': {
      const form = new FormData();
      form.append('category', c.category);
      form.append('file', new Blob([new Uint8Array(c.data)]), c.filename);
      body = form;
      break;
    }
  }
  const res = await fetch(`${t.url}${path}`, { method: target.route.method, headers, body: body as string });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // asserted below
  }
  return { status: res.status, json, text, path };
}

describe('fuzzing', () => {
  it('answers every generated write with a 4xx and the standard error body, and writes nothing', async () => {
    const writes = routes.filter(isWrite);
    const statuses = new Map<number, number>();
    let cases = 0;
    for (const route of writes) {
      const target = targetOf(route);
      const schema = route.schema?.body as ZodType | undefined;
      const before = await fingerprint(t.database.raw);
      await fc.assert(
        fc.asyncProperty(casesFor(target), queryJunk, async (c, query) => {
          // A generated body that happens to be valid is no refusal test.
          fc.pre(!(c.kind === 'body' && schema?.safeParse(c.body).success));
          const r = await send(target, c, query);
          cases++;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          const where = `${route.key} ${c.kind} → ${r.status} ${r.text.slice(0, 200)}`;
          assert.ok(r.status >= 400 && r.status < 500, where);
          assertErrorBody(r.json, where);
        }),
        { numRuns: RUNS, maxSkipsPerRun: 1000 },
      );
      assert.equal(await fingerprint(t.database.raw), before, `${route.key}: the database changed`);
    }
    const spread = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    report(`fuzzing ${writes.length} write routes: ${cases} cases, all refused (${spread.join(', ')})`);
  });

  it('never fails with a 5xx on generated query strings of read routes', async () => {
    const reads = routes.filter((r) => r.method === 'GET');
    let cases = 0;
    for (const route of reads) {
      const target = targetOf(route);
      await fc.assert(
        fc.asyncProperty(queryJunk, async (query) => {
          const r = await send(target, { kind: 'none' }, query ?? ['q=%27']);
          cases++;
          assert.ok(r.status < 500, `${route.key} ${r.path} → ${r.status} ${r.text.slice(0, 200)}`);
          if (r.status >= 400) assertErrorBody(r.json, `${route.key} ${r.path}`);
        }),
        { numRuns: Math.max(5, Math.round(RUNS / 4)) },
      );
    }
    report(`fuzzing ${reads.length} read routes: ${cases} query strings, no 5xx`);
  });
});
