// The real server (`server/main.ts`) as a child process the reliability tests can kill -9 and start again
// on the same data: a PGlite data directory or a PostgreSQL database.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { projectPath } from '../platform/paths.ts';

export type ChildServer = {
  url: string;
  /** Starts the process and waits until /readyz answers 200. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, in-flight requests are cut off. */
  kill9(): Promise<void>;
  /** SIGTERM and wait (graceful shutdown). */
  stop(): Promise<void>;
  /** The last lines it printed, for failure messages. */
  output(): string;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export async function childServer(env: Record<string, string>): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let log = '';
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.NODE_TEST_CONTEXT; // node's test runner sets it for its own children only
  delete childEnv.DATABASE_URL;
  Object.assign(childEnv, { PORT: String(port), HOST: '127.0.0.1', JIQUN_LOG_LEVEL: 'warn' }, env);
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);

  const waitReady = async () => {
    const deadline = Date.now() + 120_000;
    let dead = false;
    void exited.then(() => {
      dead = true;
    });
    while (Date.now() < deadline) {
      if (dead) throw new Error(`the server exited before it was ready:\n${log}`);
      try {
        const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the server was not ready within 120 s:\n${log}`);
  };

  const halt = async (signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child?.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };

  return {
    url,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', projectPath('server', 'main.ts')], {
        cwd: projectPath(),
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const keep = (chunk: Buffer) => {
        log = (log + chunk.toString('utf8')).slice(-20_000);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      const c = child;
      exited = new Promise((resolve) => c.once('exit', () => resolve()));
      await waitReady();
    },
    kill9: () => halt('SIGKILL'),
    async stop() {
      await halt('SIGTERM');
      process.off('exit', killOnExit);
    },
    output: () => log,
  };
}
