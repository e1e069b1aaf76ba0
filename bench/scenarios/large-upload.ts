import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { BENCH_VAR, median, SURGE_YEAR, SYNTHETIC } from '../lib/common.ts';
import type { Context } from '../lib/context.ts';
import { issueSessions, json, multipartFrame, request, type Session } from '../lib/http.ts';
import { bareScript, run, serverEnv, serverScript, startNode } from '../lib/proc.ts';
import { fmt, type Row, type ScenarioResult } from '../lib/report.ts';
import { cpuMsOf, sampleRss } from '../lib/rss.ts';

/** A PDF-looking file of `size` bytes on disk (made once, reused), and its SHA-256. */
async function bigFile(size: number): Promise<{ file: string; sha256: string }> {
  const file = path.join(BENCH_VAR, `evidence-${size}.pdf`);
  const shaFile = `${file}.sha256`;
  const stat = await fs.stat(file).catch(() => null);
  if (stat?.size === size) {
    const sha = await fs.readFile(shaFile, 'utf8').catch(() => '');
    if (sha) return { file, sha256: sha };
  }
  const chunk = Buffer.alloc(4 * 1024 * 1024);
  for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((i * 2654435761) >>> 0, i);
  const head = Buffer.from('%PDF-1.7\n% synthetic benchmark evidence (large)\n');
  const hash = createHash('sha256');
  const fh = await fs.open(file, 'w');
  try {
    let written = 0;
    const write = async (b: Buffer) => {
      await fh.write(b);
      hash.update(b);
      written += b.length;
    };
    await write(head);
    while (written < size) await write(chunk.subarray(0, Math.min(chunk.length, size - written)));
  } finally {
    await fh.close();
  }
  const sha256 = hash.digest('hex');
  await fs.writeFile(shaFile, sha256);
  return { file, sha256 };
}

/** SHA-256 of `size` bytes already in memory, on this thread: what hashing alone costs one core here. */
async function hashAlone(size: number): Promise<number> {
  const block = Buffer.alloc(64 * 1024 * 1024, 0x5a);
  const hash = createHash('sha256');
  const t = performance.now();
  for (let done = 0; done < size; done += block.length)
    hash.update(block.subarray(0, Math.min(block.length, size - done)));
  hash.digest();
  return performance.now() - t;
}

const execFileAsync = promisify(execFile);

/** Whether curl is installed: a C client measures the server, not the runner's own HTTP client. */
async function hasCurl(): Promise<boolean> {
  return execFileAsync('curl', ['--version']).then(
    () => true,
    () => false,
  );
}

/** The same multipart upload with curl (the category field first, as the server reads it). */
async function curlUpload(
  url: string,
  session: Session,
  file: string,
): Promise<{ status: number; body: Buffer }> {
  const { stdout } = await execFileAsync(
    'curl',
    [
      '-s',
      '-w',
      '\n%{http_code}',
      '-H',
      `cookie: ${session.cookie}`,
      '-H',
      `x-csrf-token: ${session.csrf}`,
      '-F',
      'category=other',
      '-F',
      `file=@${file};type=application/pdf;filename=large（合成）.pdf`,
      url,
    ],
    { maxBuffer: 1024 * 1024 },
  );
  const cut = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(cut + 1)), body: Buffer.from(stdout.slice(0, cut)) };
}

/** The same bytes as a plain request body to the bare Node baseline (socket → SHA-256 → file). */
async function curlBare(url: string, file: string): Promise<{ status: number; body: Buffer }> {
  const { stdout } = await execFileAsync(
    'curl',
    ['-s', '-w', '\n%{http_code}', '-X', 'POST', '-T', file, url],
    {
      maxBuffer: 1024 * 1024,
    },
  );
  const cut = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(cut + 1)), body: Buffer.from(stdout.slice(0, cut)) };
}

/** Drops the written file from the page cache's dirty list, so one step's writeback does not bill the next. */
const sync = () => run('sync', []);

/**
 * One large evidence file (1 GB by default) uploaded through the real pipeline (multipart → temp file with
 * SHA-256 on the way → type check → commit), against `cp` of the same bytes to the same disk and against a
 * bare Node server that only streams socket → SHA-256 → file (bench/bare/upload.ts, the fair comparison for
 * a streaming server: `cp` copies in the kernel), alternating, three times each (median). The server's RSS growth during the
 * upload shows whether anything buffers the file.
 */
export async function largeUpload(ctx: Context): Promise<ScenarioResult> {
  const size = ctx.largeUploadBytes;
  const { file, sha256 } = await bigFile(size);
  const uploadDir = path.join(BENCH_VAR, 'uploads-large');
  await fs.rm(uploadDir, { recursive: true, force: true });
  await fs.mkdir(uploadDir, { recursive: true });
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const county = 'county-110101';
  const sessions = await issueSessions(client, [county]);
  const session = sessions.get(county)!;
  const server = await startNode(
    'large-upload-jiqun',
    serverScript(),
    serverEnv(
      { databaseUrl: ctx.databaseUrl },
      { JIQUN_UPLOAD_DIR: uploadDir, JIQUN_MAX_UPLOAD_MB: String(Math.ceil(size / 1024 / 1024) + 64) },
    ),
  );
  const bare = await startNode('large-upload-bare', bareScript('upload'), {
    BENCH_UPLOAD_DIR: path.join(uploadDir, 'bare'),
  });
  let uploader = 'Node http';
  const cpTimes: number[] = [];
  const bareTimes: number[] = [];
  const bareCpu: number[] = [];
  const upCpu: number[] = [];
  const upTimes: number[] = [];
  const growth: number[] = [];
  // Ceilings, to take the gap to cp apart: receiving alone, receiving + writing, and hashing alone.
  const discardTimes: number[] = [];
  const writeTimes: number[] = [];
  const hashTimes: number[] = [];
  let declarationId = '';
  try {
    const created = await json<{ id: string }>(`${server.url}/api/v1/declarations`, {
      method: 'POST',
      session,
      body: { campaignYear: SURGE_YEAR, clusterName: `大文件上传测试${SYNTHETIC}` },
    });
    if (created.status !== 201) throw new Error(`create ${created.status}`);
    declarationId = created.body.id;
    // Read the source once so both contenders start from the page cache.
    for await (const _ of (await fs.open(file)).createReadStream({ highWaterMark: 4 * 1024 * 1024 })) {
      // read and dropped
    }
    const frame = multipartFrame('other', `large${SYNTHETIC}.pdf`);
    const curl = await hasCurl();
    uploader = curl ? 'curl' : 'Node http';
    for (const round of [0, 1, 2]) {
      for (const which of round % 2 === 0 ? ['cp', 'bare', 'upload'] : ['upload', 'bare', 'cp']) {
        await sync();
        if (which === 'bare') {
          const cpu = cpuMsOf(bare.pid);
          const t = performance.now();
          const url = `${bare.url}/upload`;
          const r = curl
            ? await curlBare(url, file)
            : await request(url, { method: 'POST', body: [{ file }] });
          bareTimes.push(performance.now() - t);
          bareCpu.push(cpuMsOf(bare.pid) - cpu);
          if (r.status !== 201)
            throw new Error(`bare upload ${r.status}: ${r.body.toString().slice(0, 300)}`);
          const body = JSON.parse(r.body.toString()) as { sha256: string; size: number };
          if (body.sha256 !== sha256 || body.size !== size)
            throw new Error('bare: uploaded file differs from the source');
        } else if (which === 'cp') {
          const target = path.join(uploadDir, `cp-copy-${round}`);
          const t = performance.now();
          await run('cp', [file, target]);
          cpTimes.push(performance.now() - t);
          await fs.rm(target);
        } else {
          const rss = sampleRss(server.pid, 50);
          const cpu = cpuMsOf(server.pid);
          const t = performance.now();
          const url = `${server.url}/api/v1/declarations/${declarationId}/attachments`;
          const r = curl
            ? await curlUpload(url, session, file)
            : await request(url, {
                method: 'POST',
                session,
                headers: { 'content-type': frame.contentType },
                body: [frame.head, { file }, frame.tail],
              });
          upTimes.push(performance.now() - t);
          upCpu.push(cpuMsOf(server.pid) - cpu);
          const mem = rss.stop();
          growth.push(mem.growth);
          if (r.status !== 201) throw new Error(`upload ${r.status}: ${r.body.toString().slice(0, 300)}`);
          const body = JSON.parse(r.body.toString()) as { sha256: string; size: number };
          if (body.sha256 !== sha256 || body.size !== size)
            throw new Error('uploaded file differs from the source');
        }
        const times = which === 'cp' ? cpTimes : which === 'bare' ? bareTimes : upTimes;
        ctx.log(`large-upload round ${round + 1} ${which}: ${fmt.ms(times.at(-1)!)}`);
      }
      if (curl) {
        for (const [mode, times] of [
          ['discard', discardTimes],
          ['write', writeTimes],
        ] as const) {
          await sync();
          const t = performance.now();
          const r = await curlBare(`${bare.url}/${mode}`, file);
          times.push(performance.now() - t);
          if (r.status !== 201) throw new Error(`bare ${mode} ${r.status}`);
        }
      }
      hashTimes.push(await hashAlone(size));
      ctx.log(
        `large-upload round ${round + 1} ceilings: receive ${fmt.ms(discardTimes.at(-1) ?? 0)}, receive + write ${fmt.ms(writeTimes.at(-1) ?? 0)}, SHA-256 alone ${fmt.ms(hashTimes.at(-1)!)}`,
      );
    }
  } finally {
    await server.stop();
    await bare.stop();
    await client
      .query('DELETE FROM declarations WHERE id = $1', [declarationId || null])
      .catch(() => undefined);
    await client.end();
    await fs.rm(uploadDir, { recursive: true, force: true });
  }
  const cp = median(cpTimes);
  const up = median(upTimes);
  const bareMs = median(bareTimes);
  const cpuPerGb = (ms: number) => `${(ms / 1000 / (size / 2 ** 30)).toFixed(2)} CPU s/GB`;
  const ratio = cp / up;
  const maxGrowth = Math.max(...growth);
  const mbps = (ms: number) => fmt.mbps(size / (ms / 1000));
  const ceiling = (ms: number) => `${mbps(ms)} (${fmt.pct(cp / ms)} of cp)`;
  const rows: Row[] = [
    {
      scenario: 'large upload',
      metric: `${fmt.mb(size)} evidence: throughput (client: ${uploader})`,
      value: fmt.mbps(size / (up / 1000)),
      baseline: `${fmt.mbps(size / (cp / 1000))} cp`,
      ratio: fmt.pct(ratio),
      target: '≥ 70% of cp',
      met: ratio >= 0.7,
    },
    {
      scenario: 'large upload',
      metric: 'the same, against bare Node (socket → SHA-256 → file)',
      value: fmt.mbps(size / (up / 1000)),
      baseline: `${fmt.mbps(size / (bareMs / 1000))} bare Node (${fmt.pct(cp / bareMs)} of cp)`,
      ratio: fmt.pct(bareMs / up),
      target: '—',
      met: null,
    },
    {
      scenario: 'large upload',
      metric: 'server CPU time per GB (user + system), against bare Node',
      value: cpuPerGb(median(upCpu)),
      baseline: cpuPerGb(median(bareCpu)),
      ratio: `${(median(upCpu) / median(bareCpu)).toFixed(2)}×`,
      target: '—',
      met: null,
    },
    {
      scenario: 'large upload',
      metric: 'ceilings here: SHA-256 alone (one core, in memory)',
      value: ceiling(median(hashTimes)),
      baseline: `${mbps(cp)} cp`,
      ratio: fmt.pct(cp / median(hashTimes)),
      target: '—',
      met: null,
    },
    ...(discardTimes.length
      ? [
          {
            scenario: 'large upload',
            metric: 'ceilings here: bare Node receive only / receive → file',
            value: `${ceiling(median(discardTimes))} / ${ceiling(median(writeTimes))}`,
            baseline: `${mbps(cp)} cp`,
            ratio: `${fmt.pct(cp / median(discardTimes))} / ${fmt.pct(cp / median(writeTimes))}`,
            target: '—',
            met: null,
          },
        ]
      : []),
    {
      scenario: 'large upload',
      metric: 'server RSS growth during upload',
      value: fmt.mb(maxGrowth),
      baseline: '',
      ratio: '',
      target: '< 64 MB',
      met: maxGrowth < 64 * 1024 * 1024,
    },
  ];
  return {
    rows,
    raw: {
      size,
      client: uploader,
      cpMs: cpTimes,
      bareMs: bareTimes,
      uploadMs: upTimes,
      bareCpuMs: bareCpu,
      uploadCpuMs: upCpu,
      rssGrowth: growth,
      discardMs: discardTimes,
      writeMs: writeTimes,
      hashMs: hashTimes,
    },
  };
}
