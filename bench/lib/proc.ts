import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { projectPath } from '../../server/platform/paths.ts';
import { BENCH_DIST, BENCH_VAR, sleep } from './common.ts';

/**
 * Compiles the server (and the bare baselines in bench/bare) into var/bench/dist, leaving dist/ alone for
 * whoever else is building. The server then runs as `npm start` runs it: plain node on compiled JS.
 */
export async function buildForBench(log: (line: string) => void = console.log): Promise<number> {
  const started = performance.now();
  const startedAt = Date.now();
  try {
    await run(process.execPath, [
      projectPath('node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      projectPath('bench', 'tsconfig.build.json'),
    ]);
  } catch (err) {
    // tsc still emits on type errors; work in progress elsewhere in a shared tree must not stop a benchmark.
    const emitted = fs.statSync(serverScript(), { throwIfNoEntry: false });
    if (!emitted || emitted.mtimeMs < startedAt - 1000) throw err;
    const first = (err as Error).message.split('\n').slice(1, 3).join(' / ');
    log(`warning: the server compiled with type errors (benchmarking it anyway): ${first}`);
  }
  return performance.now() - started;
}

/** Runs a command to completion; rejects with its output when it fails. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: projectPath(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// Every process the benchmarks start, so a crash of the runner never leaves one behind.
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export type Started = {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Milliseconds from spawn to the first 200 from the ready path. */
  readyMs: number;
  stop(): Promise<void>;
};

/**
 * Starts `node <script>` with the environment given, logging to var/bench/logs/<name>.log, and waits until
 * `readyPath` answers 200. The process is always ours: stopped by its pid, never by a name pattern.
 */
export async function startNode(
  name: string,
  script: string,
  env: Record<string, string>,
  opts: { readyPath?: string; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<Started> {
  const port = await freePort();
  const logDir = path.join(BENCH_VAR, 'logs');
  await fsp.mkdir(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, `${name}.log`), 'w');
  const t0 = performance.now();
  // BENCH_PROFILE=1 writes a V8 CPU profile of every process the benchmarks start (var/bench/profiles).
  const profile = process.env.BENCH_PROFILE
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${path.join(BENCH_VAR, 'profiles')}`,
        `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`,
      ]
    : [];
  const child = spawn(process.execPath, [...profile, ...(opts.nodeArgs ?? []), script], {
    cwd: projectPath(),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  children.add(child);
  let exited: number | null = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
    children.delete(child);
  });
  const url = `http://127.0.0.1:${port}`;
  const readyPath = opts.readyPath ?? '/readyz';
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (exited !== null)
      throw new Error(`${name} exited with ${exited} before it was ready (see var/bench/logs/${name}.log)`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready within ${opts.timeoutMs ?? 120_000} ms`);
    }
    try {
      const res = await fetch(url + readyPath);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  const readyMs = performance.now() - t0;
  return {
    child,
    pid: child.pid!,
    url,
    readyMs,
    async stop() {
      if (exited !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** The compiled server entry point (what `npm start` runs after building). */
export const serverScript = () => path.join(BENCH_DIST, 'server', 'main.js');
export const bareScript = (name: string) => path.join(BENCH_DIST, 'bench', 'bare', `${name}.js`);

/** The server's environment for a benchmark: PostgreSQL (DATABASE_URL) or PGlite in its own data dir. */
export function serverEnv(
  db: { databaseUrl: string } | { pgliteDataDir: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  const base: Record<string, string> = {
    NODE_ENV: 'production',
    JIQUN_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    JIQUN_UPLOAD_DIR: path.join(BENCH_VAR, 'uploads'),
  };
  // glibc malloc tuning as docs/deploy.md recommends it (BENCH_MALLOC_ARENA_MAX=0 leaves glibc's default).
  const arenas = process.env.BENCH_MALLOC_ARENA_MAX ?? '2';
  if (arenas !== '0') base.MALLOC_ARENA_MAX = arenas;
  // Experiments: other glibc tunables and Node options reach the server as they are.
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k.startsWith('MALLOC_')) base[k] = v;
  if (process.env.BENCH_NODE_OPTIONS) base.NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS;
  if ('databaseUrl' in db) {
    base.DATABASE_URL = db.databaseUrl;
    base.JIQUN_DEMO = '0';
    base.JIQUN_DATA_DIR = path.join(BENCH_VAR, 'data-pg');
  } else {
    base.JIQUN_DATA_DIR = db.pgliteDataDir;
  }
  return { ...base, ...extra };
}
