import fs from 'node:fs/promises';
import path from 'node:path';
import { BENCH_VAR } from '../lib/common.ts';
import type { Context } from '../lib/context.ts';
import { request } from '../lib/http.ts';
import { hammer, type Load } from '../lib/load.ts';
import { bareScript, serverEnv, serverScript, startNode } from '../lib/proc.ts';
import { fmt, type Row, type ScenarioResult } from '../lib/report.ts';
import { sampleRss } from '../lib/rss.ts';

/** The registry as the public queries it: first page and the usual filters (year, region, industry, unit, text). */
export const REGISTRY_PATHS = [
  '/api/v1/public/clusters?limit=50',
  '/api/v1/public/clusters?limit=50&year=2024',
  '/api/v1/public/clusters?limit=50&region=east',
  '/api/v1/public/clusters?limit=50&industry=C',
  '/api/v1/public/clusters?limit=50&unitCode=330000&year=2023',
  '/api/v1/public/clusters?limit=50&q=%E6%9C%BA%E6%A2%B0',
];
export const STATS_PATHS = [
  '/api/v1/public/stats',
  '/api/v1/public/stats?year=2024',
  '/api/v1/public/stats?region=west',
];

/**
 * Public read: the registry and the statistics under autocannon (64 connections) against the real server
 * on PostgreSQL, and against bare Fastify answering the identical bodies from memory, in alternating rounds.
 */
export async function publicRead(ctx: Context): Promise<ScenarioResult> {
  const real = await startNode(
    'public-read-jiqun',
    serverScript(),
    serverEnv({ databaseUrl: ctx.databaseUrl }),
  );
  const bodies: Record<string, string> = {};
  const sizes: Record<string, number> = {};
  try {
    for (const p of [...REGISTRY_PATHS, ...STATS_PATHS]) {
      const r = await request(real.url + p);
      if (r.status !== 200) throw new Error(`${p} answered ${r.status}: ${r.body.toString().slice(0, 200)}`);
      bodies[p] = r.body.toString('utf8');
      sizes[p] = r.body.length;
    }
    const bodiesFile = path.join(BENCH_VAR, 'bare-bodies.json');
    await fs.writeFile(bodiesFile, JSON.stringify(bodies));
    const bare = await startNode('public-read-bare', bareScript('registry'), {
      BENCH_BARE_BODIES: bodiesFile,
      JIQUN_LOG_LEVEL: serverEnv({ databaseUrl: '' }).JIQUN_LOG_LEVEL!,
    });
    try {
      const results: Record<string, { real: Load[]; bare: Load[]; rss: number[] }> = {
        registry: { real: [], bare: [], rss: [] },
        stats: { real: [], bare: [], rss: [] },
      };
      const seconds = ctx.loadSeconds;
      // Warm both (JIT, pools, plans) before measuring.
      await hammer(real.url, REGISTRY_PATHS.concat(STATS_PATHS), { seconds: 3 });
      await hammer(bare.url, REGISTRY_PATHS.concat(STATS_PATHS), { seconds: 2 });
      for (const round of [0, 1]) {
        for (const [name, paths] of [
          ['registry', REGISTRY_PATHS],
          ['stats', STATS_PATHS],
        ] as const) {
          const order = round === 0 ? (['real', 'bare'] as const) : (['bare', 'real'] as const);
          for (const which of order) {
            const server = which === 'real' ? real : bare;
            const rss = sampleRss(server.pid, 200);
            const load = await hammer(server.url, paths, { seconds });
            const mem = rss.stop();
            results[name]![which].push(load);
            if (which === 'real') results[name]!.rss.push(mem.peak);
            ctx.log(
              `public-read ${name} ${which} round ${round + 1}: ${fmt.n(load.rps)} req/s p50 ${load.p50} ms p99 ${load.p99} ms` +
                (load.errors || load.non2xx ? ` errors ${load.errors} non2xx ${load.non2xx}` : ''),
            );
          }
        }
      }
      const rows: Row[] = [];
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      for (const name of ['registry', 'stats'] as const) {
        const r = results[name]!;
        const rps = mean(r.real.map((l) => l.rps));
        const bRps = mean(r.bare.map((l) => l.rps));
        const p50 = mean(r.real.map((l) => l.p50));
        const bP50 = mean(r.bare.map((l) => l.p50));
        const p99 = mean(r.real.map((l) => l.p99));
        const bP99 = mean(r.bare.map((l) => l.p99));
        const failures = r.real.reduce((n, l) => n + l.errors + l.non2xx, 0);
        const label =
          name === 'registry' ? 'GET /public/clusters (6 filters)' : 'GET /public/stats (3 filters)';
        rows.push(
          {
            scenario: 'public read',
            metric: `${label} req/s`,
            value: fmt.n(rps),
            baseline: `${fmt.n(bRps)} bare`,
            ratio: fmt.pct(rps / bRps),
            target: '≥ 50% of bare',
            met: rps / bRps >= 0.5 && failures === 0,
          },
          {
            scenario: 'public read',
            metric: `${label} p50 / p99`,
            value: `${fmt.ms(p50)} / ${fmt.ms(p99)}`,
            baseline: `${fmt.ms(bP50)} / ${fmt.ms(bP99)}`,
            ratio: `${fmt.ratio(p50 / Math.max(bP50, 1))} / ${fmt.ratio(p99 / Math.max(bP99, 1))}`,
            target: 'p99 ≤ 3× bare',
            met: p99 / Math.max(bP99, 1) <= 3,
          },
        );
      }
      rows.push({
        scenario: 'public read',
        metric: 'server peak RSS under load',
        value: fmt.mb(Math.max(...results.registry!.rss, ...results.stats!.rss)),
        baseline: '',
        ratio: '',
        target: '',
        met: null,
      });
      return { rows, raw: { sizes, results, connections: 64, seconds } };
    } finally {
      await bare.stop();
    }
  } finally {
    await real.stop();
  }
}
