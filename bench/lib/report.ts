import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** One line of the results table: what was measured, its baseline in the same run, the ratio and the target. */
export type Row = {
  scenario: string;
  metric: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  /** null: informational, no target. */
  met: boolean | null;
};

export type ScenarioResult = { rows: Row[]; raw: Record<string, unknown> };

export const fmt = {
  n: (x: number, digits = 0) =>
    x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }),
  ms: (x: number) => `${x >= 100 ? Math.round(x) : x.toFixed(1)} ms`,
  mb: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`,
  mbps: (bytesPerSecond: number) => `${(bytesPerSecond / 1024 / 1024).toFixed(0)} MB/s`,
  ratio: (x: number) => `${x.toFixed(2)}×`,
  pct: (x: number) => `${(x * 100).toFixed(0)}%`,
};

/** The machine the numbers came from: they mean little without it. */
export function machine() {
  const cpus = os.cpus();
  let pg = 'unknown';
  try {
    pg = execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // psql not installed; the server version is in the scenarios' output
  }
  return {
    host: os.hostname(),
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    psql: pg,
    loadavg: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** The rows as a Markdown table (what the terminal shows and latest.md holds). */
export function table(rows: Row[]): string {
  const head = ['scenario', 'metric', 'value', 'baseline (same run)', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [
    r.scenario,
    r.metric,
    r.value,
    r.baseline,
    r.ratio,
    r.target,
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]!].length)));
  const line = (c: string[]) =>
    `| ${c.map((x, i) => x + ' '.repeat(width[i]! - [...x].length)).join(' | ')} |`;
  return [line(head), `| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.map(line)].join('\n');
}
