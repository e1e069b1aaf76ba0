import pg from 'pg';
import { BATCH_YEAR, median } from '../lib/common.ts';
import type { Context } from '../lib/context.ts';
import { issueSessions, request, type Session } from '../lib/http.ts';
import { serverEnv, serverScript, startNode } from '../lib/proc.ts';
import { fmt, type Row, type ScenarioResult } from '../lib/report.ts';
import { sampleRss } from '../lib/rss.ts';

const RUNS = 5;

/**
 * Exports: the national registry as XLSX and one Declaration Form as PDF, five times each (after a warm-up),
 * with the server's RSS growth while producing them. The registry JSON of the same rows is the baseline for
 * the XLSX.
 */
export async function exportsScenario(ctx: Context): Promise<ScenarioResult> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const sessions = await issueSessions(client, ['bench-ministry']);
  const session = sessions.get('bench-ministry')!;
  const [declaration] = (
    await client.query<{ id: string }>(
      `SELECT id FROM declarations WHERE campaign_year = $1 AND status = 'identified' ORDER BY id LIMIT 1`,
      [BATCH_YEAR],
    )
  ).rows;
  await client.end();
  const server = await startNode(
    'exports-jiqun',
    serverScript(),
    serverEnv({ databaseUrl: ctx.databaseUrl }),
  );
  try {
    const measure = async (label: string, path: string, s?: Session) => {
      const once = async () => {
        const t = performance.now();
        const r = await request(server.url + path, s ? { session: s } : {});
        if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
        return { ms: performance.now() - t, bytes: r.body.length };
      };
      await once();
      const rss = sampleRss(server.pid, 20);
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await once();
        times.push(r.ms);
        bytes = r.bytes;
      }
      const mem = rss.stop();
      ctx.log(
        `exports ${label}: ${fmt.ms(median(times))} median, ${fmt.mb(bytes)}, RSS +${fmt.mb(mem.growth)}`,
      );
      return { ms: median(times), bytes, growth: mem.growth, peak: mem.peak };
    };
    const json = await measure('registry JSON', '/api/v1/public/clusters');
    const xlsx = await measure('registry XLSX', '/api/v1/public/clusters.xlsx');
    const pdf = await measure('form PDF', `/api/v1/declarations/${declaration!.id}/form.pdf`, session);
    const rows: Row[] = [
      {
        scenario: 'exports',
        metric: `national registry XLSX (${fmt.mb(xlsx.bytes)})`,
        value: `${fmt.ms(xlsx.ms)}, RSS +${fmt.mb(xlsx.growth)}`,
        baseline: `${fmt.ms(json.ms)} same rows as JSON`,
        ratio: fmt.ratio(xlsx.ms / json.ms),
        target: '',
        met: null,
      },
      {
        scenario: 'exports',
        metric: `one Declaration Form PDF (${fmt.mb(pdf.bytes)})`,
        value: `${fmt.ms(pdf.ms)}, RSS +${fmt.mb(pdf.growth)}`,
        baseline: `peak RSS ${fmt.mb(pdf.peak)}`,
        ratio: '',
        target: '',
        met: null,
      },
    ];
    return { rows, raw: { json, xlsx, pdf, runs: RUNS } };
  } finally {
    await server.stop();
  }
}
