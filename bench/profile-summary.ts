/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: self time by function and by package, from
 * a V8 CPU profile (BENCH_PROFILE=1 npm run bench … writes them to var/bench/profiles).
 */
import fs from 'node:fs';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const profile: Profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return 'node core';
  const ours = /\/(server|domain|bench)\/(.*)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url;
};
const fnKey = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const pkgKey = (n: Node) => {
  const w = where(n.callFrame.url);
  return w.startsWith('server/') || w.startsWith('domain/') ? w.split(':')[0]! : w;
};

const sum = (key: (n: Node) => string) => {
  const out = new Map<string, number>();
  for (const [id, t] of selfTime) {
    const n = byId.get(id)!;
    out.set(key(n), (out.get(key(n)) ?? 0) + t);
  }
  return [...out.entries()].sort((a, b) => b[1] - a[1]);
};
const top = Number(topArg ?? 25);
const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
console.log('\nself time by package / file:');
for (const [k, t] of sum(pkgKey).slice(0, top)) console.log(`${pct(t)}  ${k}`);
console.log('\nself time by function:');
for (const [k, t] of sum(fnKey).slice(0, top)) console.log(`${pct(t)}  ${k}`);
