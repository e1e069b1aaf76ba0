// Database restart under load: the real server (child process) runs against a private PostgreSQL cluster
// started for this test (never the shared server), which is stopped and started again while counties keep
// creating and saving declarations. While it is down every failed request is a 503 with the standard body
// and /readyz says 503 (/healthz stays 200); afterwards the server recovers by itself and every acknowledged
// write is there. PostgreSQL only: PGlite lives inside the server process, there is no server to restart.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { call, login, openCampaign, type Session } from '../test-support/app.ts';
import { TEST_ENGINE } from '../test-support/database.ts';
import { type ChildServer, childServer, freePort } from './child-server.ts';
import { assertErrorBody, report } from './support.ts';

const YEAR = 2088;

/** The newest PostgreSQL binaries on this machine, or null. */
function pgBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** initdb and pg_ctl refuse to run as root: as root they run as the `postgres` account. */
function asPostgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function skipReason(): string | false {
  if (TEST_ENGINE !== 'postgres') return 'PostgreSQL only (DATABASE_URL): PGlite has no server to restart';
  if (!pgBin()) return 'no PostgreSQL binaries under /usr/lib/postgresql/*/bin';
  try {
    asPostgresUser();
  } catch {
    return 'running as root and there is no postgres account to run initdb as';
  }
  return false;
}

class PrivateCluster {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiqun-pg-'));
  readonly bin = pgBin()!;
  readonly owner = asPostgresUser();
  constructor(readonly port: number) {
    if (this.owner) fs.chownSync(this.dir, this.owner.uid, this.owner.gid);
  }
  private run(tool: string, args: string[]) {
    const exe = path.join(this.bin, tool);
    const [cmd, argv] = this.owner ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
    return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).toString();
  }
  init() {
    this.run('initdb', [
      '-D',
      path.join(this.dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
  }
  start() {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c shared_buffers=16MB -c max_connections=40`;
    this.run('pg_ctl', [
      '-D',
      path.join(this.dir, 'data'),
      '-l',
      path.join(this.dir, 'log'),
      '-o',
      opts,
      '-w',
      'start',
    ]);
  }
  stop(mode: 'fast' | 'immediate' = 'fast') {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }
  url(db = 'postgres') {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }
  remove() {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('database restart under load', { skip: skipReason() }, () => {
  let cluster: PrivateCluster;
  let server: ChildServer;
  let dataDir: string;

  before(async () => {
    cluster = new PrivateCluster(await freePort());
    cluster.init();
    cluster.start();
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE jiqun');
    await admin.end();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiqun-restart-'));
    server = await childServer({
      DATABASE_URL: cluster.url('jiqun'),
      JIQUN_DEMO: '1',
      JIQUN_DATA_DIR: dataDir,
      // A request waits at most this long for a connection before its 503.
      JIQUN_DB_CONNECT_TIMEOUT_MS: '1500',
    });
    await server.start();
  });

  after(async () => {
    await server?.stop();
    try {
      cluster?.stop('immediate');
    } catch {
      // already stopped
    }
    cluster?.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while the database is down, recovers by itself and loses no acknowledged write', async () => {
    const ministry = await login(server.url, 'ministry');
    assert.equal(
      (await call(server.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR))).status,
      201,
    );
    const counties = await Promise.all(
      ['county-330281', 'county-330282', 'county-330681', 'county-320581'].map((u) => login(server.url, u)),
    );
    const acked = new Map<string, number>(); // declaration id → highest acknowledged version
    const statuses = new Map<number, number>();
    const bad: string[] = [];
    let stopLoad = false;
    let phase: 'before' | 'down' | 'after' = 'before';
    const afterRecovery = { ok: 0 };

    const record = (status: number, body: unknown, what: string) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status < 400) {
        if (phase === 'after') afterRecovery.ok++;
        return;
      }
      // 409: a save committed while its answer was lost, then retried on the old version.
      if (status === 409 && what === 'save') return;
      if (status !== 503) bad.push(`${what} (${phase}): ${status} ${JSON.stringify(body).slice(0, 200)}`);
      else {
        try {
          assertErrorBody(body, what);
        } catch (err) {
          bad.push((err as Error).message);
        }
      }
    };
    const worker = async (s: Session, n: number) => {
      let mine: { id: string; version: number } | null = null;
      let i = 0;
      while (!stopLoad) {
        i++;
        try {
          if (!mine || i % 4 === 0) {
            const r = await call(server.url, s, 'POST', '/api/v1/declarations', {
              campaignYear: YEAR,
              clusterName: `重启测试${n}-${i}`,
            });
            record(r.status, r.body, 'create');
            if (r.status === 201) {
              mine = { id: r.body.id, version: r.body.version };
              acked.set(mine.id, mine.version);
            }
          } else {
            const r = await call(
              server.url,
              s,
              'PATCH',
              `/api/v1/declarations/${mine.id}`,
              { landAreaKm2: i },
              {
                'if-match': String(mine.version),
              },
            );
            record(r.status, r.body, 'save');
            if (r.status === 200) {
              mine.version = r.body.version;
              acked.set(mine.id, mine.version);
            } else if (r.status === 409) {
              // A save that committed just before its answer was lost: go on with a new declaration.
              mine = null;
            }
          }
        } catch (err) {
          bad.push(`${phase}: no HTTP answer: ${(err as Error).message}`);
          if (bad.length > 50) stopLoad = true;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const load = Promise.all(counties.map((s, n) => worker(s, n)));

    const answer = async (p: string) => {
      try {
        return (await fetch(`${server.url}${p}`)).status;
      } catch (err) {
        throw new Error(
          `GET ${p}: no answer (${(err as Error).message}); server output:\n${server.output()}`,
        );
      }
    };
    const readyz = () => answer('/readyz');
    const healthz = () => answer('/healthz');
    const waitFor = async (what: string, ok: () => Promise<boolean>, ms = 30_000) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (await ok()) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${what} within ${ms / 1000} s\n${server.output()}`);
    };

    try {
      await outage();
    } finally {
      stopLoad = true;
      await load;
    }
    async function outage() {
      await new Promise((r) => setTimeout(r, 1500));
      phase = 'down';
      cluster.stop('fast');
      await waitFor('readyz did not report the outage', async () => (await readyz()) === 503);
      const unavailableBefore = statuses.get(503) ?? 0;
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal(await healthz(), 200, 'the process stays up');
      assert.ok((statuses.get(503) ?? 0) > unavailableBefore, 'requests were answered 503 while down');
      cluster.start();
      await waitFor('the server did not recover by itself', async () => (await readyz()) === 200);
      phase = 'after';
      await waitFor('no write succeeded after the restart', async () => afterRecovery.ok >= 10);
    }

    assert.deepEqual(bad, [], 'only 503s while down, answers always');
    const check = await login(server.url, 'ministry');
    for (const [id, version] of acked) {
      const d = await call(server.url, check, 'GET', `/api/v1/declarations/${id}`);
      assert.equal(d.status, 200, `acknowledged declaration ${id} lost`);
      assert.ok(d.body.version >= version, `${id}: version ${d.body.version} < acknowledged ${version}`);
    }
    const spread = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    report(
      `database restart: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests under load ` +
        `(${spread.join(', ')}), readyz 503 while down and 200 after, ${acked.size} acknowledged declarations all present`,
    );
  });
});
