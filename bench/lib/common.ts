import path from 'node:path';
import { projectPath } from '../../server/platform/paths.ts';

/** Everything the benchmarks write at run time lives here (git-ignored with the rest of var/). */
export const BENCH_VAR = projectPath('var', 'bench');
export const BENCH_DIST = path.join(BENCH_VAR, 'dist');
export const RESULTS_DIR = projectPath('bench', 'results');

/** The dedicated benchmark database; `npm run bench:data` drops and re-creates it. */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jiqun_bench';

/** Every synthetic account has this password (hashed once, like the demo accounts). */
export const BENCH_PASSWORD = 'bench-synthetic-2026';

/** The closed campaign holding the 3,000 synthetic declarations, and the open one the surge declares in. */
export const BATCH_YEAR = 2025;
export const SURGE_YEAR = 2026;

/** Marks every synthetic name, so nobody mistakes the data for a real programme record. */
export const SYNTHETIC = '（合成）';

/** Small deterministic PRNG (mulberry32): the same seed gives the same data on every machine. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }
  /** A deterministic UUID (version-4 layout) from the stream. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
