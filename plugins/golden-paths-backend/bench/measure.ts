import type { BenchBackend } from './backend';

/* Requests to the benchmark's backend, and their latency. */

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

/**
 * A request to the backend, with the benchmark's static token (a service:
 * every permission allowed) unless `init.token` is a user's.
 */
export async function request(
  backend: BenchBackend,
  path: string,
  init: { method?: string; token?: string } = {},
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${backend.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${init.token ?? backend.token}` },
  });
  return { status: response.status, body: await response.text() };
}

export interface LatencyMeasurement {
  p50: number;
  p95: number;
  max: number;
}

/** A GET to time: a path, and a user's token or the static one. */
export type TimedRequest = string | { path: string; token?: string };

/**
 * Sequential GETs of each request, interleaved (a, b, a, b, ...) so all see
 * the same conditions: `warmUp` rounds, then `count` measured rounds.
 */
export async function measureLatencies(
  backend: BenchBackend,
  requests: TimedRequest[],
  options: { count: number; warmUp: number },
): Promise<LatencyMeasurement[]> {
  const times = requests.map(() => [] as number[]);
  for (let round = 0; round < options.warmUp + options.count; round++) {
    for (const [i, timed] of requests.entries()) {
      const { path, token } =
        typeof timed === 'string' ? { path: timed, token: undefined } : timed;
      const start = performance.now();
      const response = await request(backend, path, { token });
      const elapsed = performance.now() - start;
      if (response.status !== 200) {
        throw new Error(`GET ${path}: ${response.status} ${response.body}`);
      }
      if (round >= options.warmUp) {
        times[i].push(elapsed);
      }
    }
  }
  return times.map(t => ({
    p50: percentile(t, 50),
    p95: percentile(t, 95),
    max: Math.max(...t),
  }));
}

/** One GET, timed; throws unless it answers 200. */
export async function timedRequest(
  backend: BenchBackend,
  timed: { path: string; token?: string },
): Promise<{ ms: number; body: string }> {
  const start = performance.now();
  const response = await request(backend, timed.path, { token: timed.token });
  const ms = performance.now() - start;
  if (response.status !== 200) {
    throw new Error(`GET ${timed.path}: ${response.status} ${response.body}`);
  }
  return { ms, body: response.body };
}
