import fs from 'node:fs/promises';
import path from 'node:path';
import { BENCH_VAR, median } from '../lib/common.ts';
import type { Context } from '../lib/context.ts';
import { bareScript, serverEnv, serverScript, startNode } from '../lib/proc.ts';
import { fmt, type Row, type ScenarioResult } from '../lib/report.ts';

const RUNS = 3;

async function timeStarts(name: string, script: string, env: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await startNode(`${name}-${i}`, script, env);
    times.push(s.readyMs);
    await s.stop();
  }
  return times;
}

/**
 * Start-up: `node dist/server/main.js` (what `npm start` runs once built) until /readyz answers, on PGlite
 * (demo mode, an existing data directory) and on PostgreSQL, against bare Fastify opening the same PGlite
 * directory. The first PGlite start creates and seeds the directory and is not timed.
 */
export async function startup(ctx: Context): Promise<ScenarioResult> {
  const dataDir = path.join(BENCH_VAR, 'pglite-startup');
  await fs.rm(dataDir, { recursive: true, force: true });
  const pgliteEnv = serverEnv(
    { pgliteDataDir: dataDir },
    { JIQUN_UPLOAD_DIR: path.join(dataDir, 'uploads') },
  );
  const first = await startNode('startup-pglite-first', serverScript(), pgliteEnv, { timeoutMs: 300_000 });
  await first.stop();
  ctx.log(`startup: first PGlite start (creates and seeds the database) ${fmt.ms(first.readyMs)}`);
  const pglite = await timeStarts('startup-pglite', serverScript(), pgliteEnv);
  const postgres = await timeStarts(
    'startup-postgres',
    serverScript(),
    serverEnv({ databaseUrl: ctx.databaseUrl }),
  );
  const bare = await timeStarts('startup-bare', bareScript('pglite-hello'), {
    BENCH_PGLITE_DIR: path.join(dataDir, 'db'),
    JIQUN_LOG_LEVEL: pgliteEnv.JIQUN_LOG_LEVEL!,
  });
  const b = median(bare);
  const rows: Row[] = [['PGlite', median(pglite)] as const, ['PostgreSQL', median(postgres)] as const].map(
    ([engine, ms]) => ({
      scenario: 'start-up',
      metric: `start → /readyz on ${engine} (median of ${RUNS})`,
      value: fmt.ms(ms),
      baseline: `${fmt.ms(b)} bare Fastify+PGlite`,
      ratio: fmt.ratio(ms / b),
      target: '≤ 3× bare',
      met: ms / b <= 3,
    }),
  );
  rows.push({
    scenario: 'start-up',
    metric: 'first start on PGlite (creates, migrates, seeds)',
    value: fmt.ms(first.readyMs),
    baseline: '',
    ratio: '',
    target: '',
    met: null,
  });
  return {
    rows,
    raw: { pgliteMs: pglite, postgresMs: postgres, bareMs: bare, firstPgliteMs: first.readyMs },
  };
}
