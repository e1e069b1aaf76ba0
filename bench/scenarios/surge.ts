import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { EVIDENCE_CATEGORIES } from '../../domain/declaration-form.ts';
import { sampleContent } from '../../server/db/seed/sample-content.ts';
import { BENCH_VAR, median, SURGE_YEAR, SYNTHETIC } from '../lib/common.ts';
import type { Context } from '../lib/context.ts';
import { issueSessions, json, multipartFrame, pdfBytes, request, type Session } from '../lib/http.ts';
import { serverEnv, serverScript, startNode } from '../lib/proc.ts';
import { fmt, type Row, type ScenarioResult } from '../lib/report.ts';
import { sampleRss } from '../lib/rss.ts';

const CONNECTIONS = 64;
const BIG = 5 * 1024 * 1024;
const REQUIRED = EVIDENCE_CATEGORIES.filter((c) => c.required).map((c) => c.key);

type Outcome = {
  county: string;
  ok: boolean;
  id?: string;
  step?: string;
  error?: string;
  doneAt?: number;
  marker?: string;
};

/** Removes what an earlier surge left (its declarations and files), so every run starts the same. */
async function resetSurge(client: pg.Client, uploadDir: string) {
  await client.query('DELETE FROM declarations WHERE campaign_year = $1', [SURGE_YEAR]);
  await client.query(`DELETE FROM sessions WHERE user_agent = 'jiqun-bench'`);
  await fs.rm(uploadDir, { recursive: true, force: true });
}

/**
 * The deadline surge: every county (2,854) creates a declaration, edits it, uploads its evidence (one 5 MB
 * file and six small ones: submitting needs all seven required categories) and submits, 64 at a time.
 * Afterwards every acknowledged write is checked in the database and on disk (lost writes must be 0).
 */
export async function surge(ctx: Context): Promise<ScenarioResult> {
  const uploadDir = path.join(BENCH_VAR, 'uploads-surge');
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    await resetSurge(client, uploadDir);
    const counties = (
      await client.query<{ username: string; division_code: string }>(
        `SELECT username, division_code FROM users WHERE role = 'county' ORDER BY division_code LIMIT $1`,
        [ctx.surgeCounties],
      )
    ).rows;
    const sessions = await issueSessions(
      client,
      counties.map((c) => c.username),
    );
    const server = await startNode(
      'surge-jiqun',
      serverScript(),
      serverEnv({ databaseUrl: ctx.databaseUrl }, { JIQUN_UPLOAD_DIR: uploadDir }),
    );
    const big = pdfBytes(BIG, 5);
    const bigSha = createHash('sha256').update(big).digest('hex');
    const small = pdfBytes(24 * 1024, 7);
    const frames = Object.fromEntries(
      REQUIRED.map((cat, i) => [
        cat,
        { ...multipartFrame(cat, `${cat}${SYNTHETIC}.pdf`), file: i === 0 ? big : small },
      ]),
    );
    const outcomes: Outcome[] = [];
    const latencies: Record<string, number[]> = {
      create: [],
      edit: [],
      upload5mb: [],
      uploadSmall: [],
      submit: [],
    };
    let next = 0;
    let stopStarting = false;
    const t0 = performance.now();
    const rss = sampleRss(server.pid, 200);
    const timer = setTimeout(() => {
      stopStarting = true;
    }, ctx.surgeSeconds * 1000);
    const timed = async <T>(step: string, fn: () => Promise<T>) => {
      const s = performance.now();
      const r = await fn();
      latencies[step]!.push(performance.now() - s);
      return r;
    };

    const declare = async (county: { username: string; division_code: string }, session: Session) => {
      const out: Outcome = { county: county.username, ok: false };
      const content = sampleContent(SURGE_YEAR, {
        clusterName: `${county.division_code}县特色产业集群${SYNTHETIC}`,
        industry: '模具',
        industryCode: '3525',
        subSector: '精密注塑模具',
      });
      const { narratives, developmentPlan, integrityPledge, ...firstHalf } = content;
      try {
        out.step = 'create';
        const created = await timed('create', () =>
          json<{ id: string; version: number }>(`${server.url}/api/v1/declarations`, {
            method: 'POST',
            session,
            body: { ...firstHalf, campaignYear: SURGE_YEAR },
          }),
        );
        if (created.status !== 201)
          throw new Error(`create ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`);
        out.id = created.body.id;
        out.step = 'edit';
        out.marker = `${county.username} 治理结构（合成）`;
        const edited = await timed('edit', () =>
          json<{ version: number }>(`${server.url}/api/v1/declarations/${out.id}`, {
            method: 'PATCH',
            session,
            headers: { 'if-match': String(created.body.version) },
            body: { narratives: { ...narratives, governance: out.marker }, developmentPlan, integrityPledge },
          }),
        );
        if (edited.status !== 200)
          throw new Error(`edit ${edited.status} ${JSON.stringify(edited.body).slice(0, 200)}`);
        for (const cat of REQUIRED) {
          out.step = `upload ${cat}`;
          const f = frames[cat]!;
          const up = await timed(f.file === big ? 'upload5mb' : 'uploadSmall', () =>
            request(`${server.url}/api/v1/declarations/${out.id}/attachments`, {
              method: 'POST',
              session,
              headers: { 'content-type': f.contentType },
              body: [f.head, f.file, f.tail],
            }),
          );
          if (up.status !== 201) throw new Error(`upload ${up.status} ${up.body.toString().slice(0, 200)}`);
        }
        out.step = 'submit';
        const submitted = await timed('submit', () =>
          json<{ status: string }>(`${server.url}/api/v1/declarations/${out.id}/actions/submit`, {
            method: 'POST',
            session,
            body: {},
          }),
        );
        if (submitted.status !== 200 || submitted.body.status !== 'submitted')
          throw new Error(`submit ${submitted.status} ${JSON.stringify(submitted.body).slice(0, 300)}`);
        out.ok = true;
        out.doneAt = performance.now() - t0;
      } catch (err) {
        out.error = (err as Error).message;
      }
      outcomes.push(out);
    };

    try {
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (!stopStarting && next < counties.length) {
            const county = counties[next++]!;
            await declare(county, sessions.get(county.username)!);
            if (outcomes.length % 250 === 0) {
              const okSoFar = outcomes.filter((o) => o.ok).length;
              ctx.log(
                `surge: ${outcomes.length}/${counties.length} counties done (${okSoFar} submitted) after ${((performance.now() - t0) / 1000).toFixed(0)} s`,
              );
            }
          }
        }),
      );
    } finally {
      clearTimeout(timer);
    }
    const elapsed = (performance.now() - t0) / 1000;
    const mem = rss.stop();
    await server.stop();

    // --- lost writes: every acknowledged submission must be in the database and on disk, intact ---------
    const ok = outcomes.filter((o) => o.ok);
    const found = await client.query<{
      id: string;
      status: string;
      governance: string | null;
      submitted_version: number | null;
      snapshot: number;
      files: { key: string; size: number; sha256: string; category: string }[] | null;
    }>(
      `SELECT d.id, d.status, d.content->'narratives'->>'governance' AS governance, d.submitted_version,
         (SELECT count(*)::int FROM declaration_versions v WHERE v.declaration_id = d.id) AS snapshot,
         (SELECT json_agg(json_build_object('key', a.storage_key, 'size', a.size, 'sha256', a.sha256, 'category', a.category))
            FROM attachments a WHERE a.declaration_id = d.id AND a.deleted_at IS NULL) AS files
       FROM declarations d WHERE d.campaign_year = $1`,
      [SURGE_YEAR],
    );
    const byId = new Map(found.rows.map((r) => [r.id, r]));
    const lost: string[] = [];
    let checkedHashes = 0;
    for (const [i, o] of ok.entries()) {
      const r = byId.get(o.id!);
      const problem = !r
        ? 'declaration missing'
        : r.status !== 'submitted'
          ? `status ${r.status}`
          : r.governance !== o.marker
            ? 'edit lost'
            : r.snapshot < 1 || r.submitted_version === null
              ? 'no submitted snapshot'
              : (r.files ?? []).length !== REQUIRED.length
                ? `${(r.files ?? []).length} files`
                : null;
      if (problem) {
        lost.push(`${o.county}: ${problem}`);
        continue;
      }
      for (const f of r!.files!) {
        const stat = await fs.stat(path.join(uploadDir, f.key)).catch(() => null);
        const want = f.category === REQUIRED[0] ? BIG : small.length;
        if (!stat || stat.size !== want || Number(f.size) !== want) {
          lost.push(`${o.county}: ${f.category} file ${stat ? `${stat.size} bytes` : 'missing'}`);
          break;
        }
        // Hash a sample of the 5 MB files end to end (all of them would re-read 14 GB).
        if (f.category === REQUIRED[0] && i % 50 === 0) {
          const sha = createHash('sha256')
            .update(await fs.readFile(path.join(uploadDir, f.key)))
            .digest('hex');
          checkedHashes++;
          if (sha !== bigSha || f.sha256 !== bigSha) lost.push(`${o.county}: 5 MB file corrupted`);
        }
      }
    }
    const errors = outcomes.filter((o) => !o.ok);
    const skipped = counties.length - outcomes.length;
    // Steady state: the middle 80% of completions, away from the ramp-up and the tail.
    const done = ok.map((o) => o.doneAt!).sort((a, b) => a - b);
    const lo = done[Math.floor(done.length * 0.1)] ?? 0;
    const hi = done[Math.floor(done.length * 0.9)] ?? 0;
    const steady =
      hi > lo ? (Math.floor(done.length * 0.9) - Math.floor(done.length * 0.1)) / ((hi - lo) / 1000) : 0;
    const bytes = ok.length * (BIG + 6 * small.length);
    const p = (xs: number[]) => (xs.length ? `${fmt.ms(median(xs))}` : '–');
    const p99 = (xs: number[]) =>
      xs.length ? fmt.ms([...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!) : '–';
    const rows: Row[] = [
      {
        scenario: 'deadline surge',
        metric: `submissions/s (${ok.length} of ${counties.length} counties, 64 at once)`,
        value: `${steady.toFixed(1)} steady, ${(ok.length / elapsed).toFixed(1)} overall`,
        baseline: `${fmt.mbps(bytes / elapsed)} evidence in`,
        ratio: '',
        target: '',
        met: null,
      },
      {
        scenario: 'deadline surge',
        metric: 'errors / lost writes',
        value: `${errors.length} / ${lost.length}`,
        baseline: skipped ? `${skipped} not started (time cap)` : 'all counties ran',
        ratio: '',
        target: '0 / 0',
        met: errors.length === 0 && lost.length === 0,
      },
      {
        scenario: 'deadline surge',
        metric: 'server peak RSS',
        value: fmt.mb(mem.peak),
        baseline: `${fmt.mb(mem.start)} at start`,
        ratio: '',
        target: '< 300 MB',
        met: mem.peak < 300 * 1024 * 1024,
      },
      {
        scenario: 'deadline surge',
        metric: 'median / p99 per step: create, edit, 5 MB, small, submit',
        value: ['create', 'edit', 'upload5mb', 'uploadSmall', 'submit']
          .map((k) => p(latencies[k]!))
          .join(', '),
        baseline: ['create', 'edit', 'upload5mb', 'uploadSmall', 'submit']
          .map((k) => p99(latencies[k]!))
          .join(', '),
        ratio: '',
        target: '',
        met: null,
      },
    ];
    const raw = {
      counties: counties.length,
      submitted: ok.length,
      skipped,
      elapsedSeconds: elapsed,
      steadyPerSecond: steady,
      errors: errors.slice(0, 20),
      errorCount: errors.length,
      lost: lost.slice(0, 20),
      lostCount: lost.length,
      checkedHashes,
      rss: mem,
    };
    await resetSurge(client, uploadDir);
    return { rows, raw };
  } finally {
    await client.end();
  }
}
