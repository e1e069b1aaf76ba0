import autocannon, { type AutocannonResult } from 'autocannon';

export type Load = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  bytesPerSecond: number;
};

/** Runs autocannon over the paths (each connection cycles through them) and keeps what the table needs. */
export async function hammer(
  baseUrl: string,
  paths: string[],
  opts: { connections?: number; seconds: number; headers?: Record<string, string> },
): Promise<Load> {
  const result: AutocannonResult = await autocannon({
    url: baseUrl,
    connections: opts.connections ?? 64,
    duration: opts.seconds,
    timeout: 30,
    requests: paths.map((path) => ({
      method: 'GET',
      path,
      ...(opts.headers ? { headers: opts.headers } : {}),
    })),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerSecond: result.throughput.average,
  };
}
