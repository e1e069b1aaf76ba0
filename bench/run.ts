/**
 * `npm run bench`: every scenario against PostgreSQL (the database `npm run bench:data` prepared), each with
 * its own baseline measured in the same run, reported as ratios. `npm run bench -- --only=public-read,surge`
 * runs some; `--list` names them. Results: bench/results/<timestamp>.json and bench/results/latest.md.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { BENCH_DATABASE_URL, RESULTS_DIR } from './lib/common.ts';
import type { Context } from './lib/context.ts';
import { buildForBench } from './lib/proc.ts';
import { fmt, machine, type Row, type ScenarioResult, table } from './lib/report.ts';
import { exportsScenario } from './scenarios/exports.ts';
import { largeUpload } from './scenarios/large-upload.ts';
import { nationalBatch } from './scenarios/national-batch.ts';
import { publicRead } from './scenarios/public-read.ts';
import { startup } from './scenarios/startup.ts';
import { surge } from './scenarios/surge.ts';

const SCENARIOS: Record<string, { about: string; run: (ctx: Context) => Promise<ScenarioResult> }> = {
  'public-read': {
    about: 'registry and stats under autocannon vs bare Fastify from memory',
    run: publicRead,
  },
  surge: { about: 'every county creates, edits, uploads 5 MB and submits at 64 connections', run: surge },
  'large-upload': { about: 'one 1 GB evidence file vs cp of the same bytes', run: largeUpload },
  'national-batch': {
    about: 'standards check + ranking of 3,000 declarations vs just reading them',
    run: nationalBatch,
  },
  startup: { about: 'start to /readyz on PGlite and PostgreSQL vs bare Fastify+PGlite', run: startup },
  exports: { about: 'national registry XLSX and one form PDF: time and memory', run: exportsScenario },
};

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
if (args.includes('--list') || args.includes('--help')) {
  for (const [name, s] of Object.entries(SCENARIOS)) console.log(`${name.padEnd(15)} ${s.about}`);
  console.log(
    '\noptions: --only=a,b  --skip-build  --pglite  --load-seconds=10  --surge-counties=2854  --surge-seconds=300  --upload-mb=1024',
  );
  process.exit(0);
}
const only = arg('only')?.split(',') ?? Object.keys(SCENARIOS);
for (const name of only) if (!SCENARIOS[name]) throw new Error(`Unknown scenario ${name} (try --list)`);

const started = new Date();
const t0 = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const ctx: Context = {
  databaseUrl: BENCH_DATABASE_URL,
  pglite: args.includes('--pglite'),
  loadSeconds: Number(arg('load-seconds') ?? 10),
  surgeCounties: Number(arg('surge-counties') ?? 100_000),
  surgeSeconds: Number(arg('surge-seconds') ?? 300),
  largeUploadBytes: Number(arg('upload-mb') ?? 1024) * 1024 * 1024,
  log,
};

// The data must be there: say so plainly instead of failing somewhere inside a scenario.
const check = new pg.Client({ connectionString: ctx.databaseUrl });
try {
  await check.connect();
  const [{ n }] = (await check.query<{ n: number }>('SELECT count(*)::int AS n FROM declarations')).rows as [
    { n: number },
  ];
  if (n < 1) throw new Error('no declarations');
} catch (err) {
  console.error(
    `No benchmark data in ${ctx.databaseUrl} (${(err as Error).message}). Run \`npm run bench:data\` first.`,
  );
  process.exit(2);
} finally {
  await check.end().catch(() => undefined);
}

const rows: Row[] = [];
const raw: Record<string, unknown> = {};
if (!args.includes('--skip-build')) {
  const ms = await buildForBench(log);
  log(`server compiled into var/bench/dist in ${fmt.ms(ms)}`);
  raw.buildMs = ms;
}
let failed = false;
for (const name of only) {
  log(`--- ${name}: ${SCENARIOS[name]!.about}`);
  const s0 = performance.now();
  try {
    const result = await SCENARIOS[name]!.run(ctx);
    rows.push(...result.rows);
    raw[name] = { ...result.raw, seconds: Math.round((performance.now() - s0) / 1000) };
    console.log(table(result.rows));
  } catch (err) {
    failed = true;
    log(`${name} FAILED: ${(err as Error).stack ?? err}`);
    raw[name] = { error: String((err as Error).message ?? err) };
    rows.push({
      scenario: name,
      metric: 'failed to run',
      value: String((err as Error).message).slice(0, 80),
      baseline: '',
      ratio: '',
      target: '',
      met: false,
    });
  }
  log(`--- ${name} done in ${((performance.now() - s0) / 1000).toFixed(0)} s`);
}

const totalSeconds = Math.round((performance.now() - t0) / 1000);
const result = {
  startedAt: started.toISOString(),
  totalSeconds,
  machine: machine(),
  options: { ...ctx, log: undefined },
  rows,
  raw,
};
await fs.mkdir(RESULTS_DIR, { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-');
const jsonFile = path.join(RESULTS_DIR, `${stamp}.json`);
await fs.writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
const m = result.machine;
const md = [
  '# Latest benchmark results',
  '',
  `Run ${result.startedAt} (${totalSeconds} s): \`npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}\` on ${m.cpu}, ${m.memory}, ${m.os}, Node ${m.node}, ${m.psql}; load average at the end ${m.loadavg}.`,
  'Data: `npm run bench:data` (synthetic). Ratios compare against a baseline measured in the same run; see bench/README.md.',
  '',
  table(rows),
  '',
].join('\n');
if (only.length === Object.keys(SCENARIOS).length)
  await fs.writeFile(path.join(RESULTS_DIR, 'latest.md'), md);
console.log(
  `\n${table(rows)}\n\nresults: ${path.relative(process.cwd(), jsonFile)} (${totalSeconds} s in all)`,
);
process.exit(failed ? 1 : 0);
