import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  GOLDEN_PATH_KIND,
  entityRefKey,
} from '@golden-paths/golden-paths-common';
import type { RunStats } from '../src/database/EvaluationStore';
import { FOLLOWER_FIELDS } from '../src/services/evaluation/EvaluationService';
import type { BenchBackend } from './backend';
import { type MetersSnapshot, metersDelta } from './instrumentation';

const MB = 1024 * 1024;

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

export interface ProcessSample {
  heapBaselineMb: number;
  heapPeakMb: number;
  heapGrowthMb: number;
  /** Heap after a full collection at the end, minus the baseline. */
  heapRetainedMb: number;
  rssPeakMb: number;
  /** `monitorEventLoopDelay`, 10 ms resolution. */
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
  /** Ticks of a 20 ms interval that came more than 100 ms late. */
  stalls: number;
  longestStallMs: number;
}

/**
 * Samples heap and RSS every 50 ms and watches the event loop until the
 * returned function is called. Collects garbage first (with --expose-gc),
 * so the baseline is what is live.
 */
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export function startSampling(): () => ProcessSample {
  gc();
  const baseline = process.memoryUsage();
  let heapPeak = baseline.heapUsed;
  let rssPeak = baseline.rss;
  const memory = setInterval(() => {
    const usage = process.memoryUsage();
    heapPeak = Math.max(heapPeak, usage.heapUsed);
    rssPeak = Math.max(rssPeak, usage.rss);
  }, 50);

  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const TICK_MS = 20;
  let stalls = 0;
  let longestStall = 0;
  let last = performance.now();
  const drift = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    last = now;
    if (late > 100) {
      stalls += 1;
      longestStall = Math.max(longestStall, late);
    }
  }, TICK_MS);

  return () => {
    clearInterval(memory);
    clearInterval(drift);
    histogram.disable();
    const end = process.memoryUsage();
    heapPeak = Math.max(heapPeak, end.heapUsed);
    rssPeak = Math.max(rssPeak, end.rss);
    gc();
    const retained = process.memoryUsage().heapUsed;
    return {
      heapBaselineMb: baseline.heapUsed / MB,
      heapPeakMb: heapPeak / MB,
      heapGrowthMb: (heapPeak - baseline.heapUsed) / MB,
      heapRetainedMb: (retained - baseline.heapUsed) / MB,
      rssPeakMb: rssPeak / MB,
      loopDelayMaxMs: histogram.max / 1e6,
      loopDelayP99Ms: histogram.percentile(99) / 1e6,
      stalls,
      longestStallMs: longestStall,
    };
  };
}

export interface EvaluationMeasurement extends ProcessSample {
  runId: number;
  /** `evaluation_runs`: started_at to finished_at. */
  runMs: number;
  /** From the POST /refresh to finished_at (includes the scheduler's pickup). */
  triggerToFinishMs: number;
  /** From finished_at until the scheduler released the task. */
  afterRunMs?: number;
  stats: RunStats;
  /** Rows the run stored in `component_results`. */
  storedResults: number;
  /** Inside the backend, from just before the trigger to completion. */
  meters: MetersSnapshot;
}

/**
 * What autovacuum would have done by now: `VACUUM (ANALYZE)` of one of the
 * backend's databases. Without it (autovacuum off, as on the CI-configured
 * PostgreSQL here) the catalog plans its paging queries with no statistics.
 */
export async function vacuum(
  backend: BenchBackend,
  database: 'catalog' | 'goldenPaths',
): Promise<void> {
  if (backend.emulateAutovacuum) {
    await (database === 'catalog'
      ? backend.catalogDb
      : backend.goldenPathsDb
    ).raw('VACUUM (ANALYZE)');
  }
}

const TASKS_TABLE = 'backstage_backend_tasks__tasks';
const TASK_ID = 'golden-paths-evaluation';

/** The scheduler's row of the evaluation task: claimed while it runs. */
async function evaluationTask(backend: BenchBackend) {
  return backend
    .goldenPathsDb(TASKS_TABLE)
    .where('id', TASK_ID)
    .select('current_run_ticket', 'last_run_ended_at')
    .first();
}

async function waitForTaskRelease(backend: BenchBackend): Promise<Date> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const task = await evaluationTask(backend);
    if (!task?.current_run_ticket) {
      return new Date(task?.last_run_ended_at ?? Date.now());
    }
    if (Date.now() > deadline) {
      throw new Error('The evaluation task stayed claimed for 10 minutes');
    }
    await sleep(100);
  }
}

/**
 * Triggers the evaluation through `POST /api/golden-paths/refresh`, waits
 * for its row in `evaluation_runs` to leave `running` and for the scheduler
 * to release the task (the plugin refreshes planner statistics after the
 * run is complete).
 */
export async function runEvaluation(
  backend: BenchBackend,
): Promise<EvaluationMeasurement> {
  const db = backend.goldenPathsDb;
  await waitForTaskRelease(backend);
  // Autovacuum gets to the rows the previous run deleted between runs.
  await vacuum(backend, 'goldenPaths');
  const before = await db('evaluation_runs').max({ id: 'id' }).first();
  const lastId = Number(before?.id ?? 0);
  const meters = backend.meters.snapshot();

  const stop = startSampling();
  const triggeredAt = Date.now();
  const response = await request(backend, '/api/golden-paths/refresh', {
    method: 'POST',
  });
  if (response.status !== 202) {
    stop();
    throw new Error(`POST /refresh: ${response.status} ${response.body}`);
  }
  let row;
  for (;;) {
    row = await db('evaluation_runs')
      .where('id', '>', lastId)
      .whereNot('status', 'running')
      .orderBy('id')
      .first();
    if (row) break;
    await sleep(100);
  }
  const releasedAt = await waitForTaskRelease(backend);
  const sample = stop();
  const metersAfter = backend.meters.snapshot();
  if (row.status !== 'succeeded') {
    throw new Error(`Evaluation run ${row.id} ${row.status}: ${row.error}`);
  }
  const startedAt = new Date(row.started_at).getTime();
  const finishedAt = new Date(row.finished_at).getTime();
  const stored = await db('component_results')
    .where('run_id', row.id)
    .count({ count: '*' })
    .first();
  return {
    ...sample,
    runId: Number(row.id),
    runMs: finishedAt - startedAt,
    triggerToFinishMs: finishedAt - triggeredAt,
    afterRunMs: releasedAt.getTime() - finishedAt,
    stats: JSON.parse(row.stats) as RunStats,
    storedResults: Number(stored?.count ?? 0),
    meters: metersDelta(metersAfter, meters),
  };
}

export interface CatalogWalk {
  ms: number;
  requests: number;
  entities: number;
  sample: ProcessSample;
}

/**
 * Reads what the evaluation reads from the catalog, and nothing else: each
 * path's followers by its `followsGoldenPath` relation, the evaluation's
 * fields, 500 a page, two paths at a time (as EvaluationService does at the
 * commit measured; keep the two alike).
 */
export async function walkCatalogLikeTheEvaluation(
  backend: BenchBackend,
): Promise<CatalogWalk> {
  const pathsPage = JSON.parse(
    (
      await request(
        backend,
        '/api/catalog/entities/by-query?filter=kind=goldenpath&fields=metadata.name,metadata.namespace&limit=500',
      )
    ).body,
  ) as { items: Array<{ metadata: { name: string; namespace?: string } }> };
  const refs = pathsPage.items.map(p =>
    entityRefKey({
      kind: GOLDEN_PATH_KIND,
      namespace: p.metadata.namespace ?? 'default',
      name: p.metadata.name,
    }),
  );
  const fields = `&fields=${FOLLOWER_FIELDS.join(',')}&limit=500`;
  let requests = 0;
  let entities = 0;
  const walk = async (ref: string) => {
    let next = `filter=relations.followsgoldenpath=${encodeURIComponent(
      ref,
    )}&totalItems=exclude`;
    for (;;) {
      const response = await request(
        backend,
        `/api/catalog/entities/by-query?${next}${fields}`,
      );
      requests += 1;
      const page = JSON.parse(response.body) as {
        items: unknown[];
        pageInfo: { nextCursor?: string };
      };
      entities += page.items.length;
      if (!page.pageInfo.nextCursor || !page.items.length) return;
      next = `cursor=${encodeURIComponent(page.pageInfo.nextCursor)}`;
    }
  };
  const stop = startSampling();
  const start = performance.now();
  const queue = [...refs];
  await Promise.all(
    [0, 1].map(async () => {
      for (let ref = queue.shift(); ref; ref = queue.shift()) await walk(ref);
    }),
  );
  const ms = performance.now() - start;
  return { ms, requests, entities, sample: stop() };
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

/** Entities the catalog serves: stitched, `final_entity` written. */
export async function stitchedCount(backend: BenchBackend): Promise<number> {
  const row = await backend
    .catalogDb('final_entities')
    .whereNotNull('final_entity')
    .count({ count: '*' })
    .first();
  return Number(row?.count ?? 0);
}

/** Waits until the catalog serves `expected` entities. */
export async function waitForStitched(
  backend: BenchBackend,
  expected: number,
  onProgress: (count: number) => void,
): Promise<void> {
  let lastCount = -1;
  let lastChange = Date.now();
  let lastVacuum = Date.now();
  for (;;) {
    const count = await stitchedCount(backend);
    if (count >= expected) {
      onProgress(count);
      await vacuum(backend, 'catalog');
      return;
    }
    if (Date.now() - lastVacuum > 120_000) {
      await vacuum(backend, 'catalog');
      lastVacuum = Date.now();
    }
    if (count !== lastCount) {
      lastCount = count;
      lastChange = Date.now();
      onProgress(count);
    } else if (Date.now() - lastChange > 300_000) {
      const errors = await backend
        .catalogDb('refresh_state')
        .whereNot('errors', '')
        .select('entity_ref', 'errors')
        .limit(3);
      throw new Error(
        `The catalog stopped at ${count} of ${expected} entities; errors: ${JSON.stringify(
          errors,
        )}`,
      );
    }
    await sleep(5000);
  }
}

/**
 * The processing loop picks entities whose `next_update_at` has passed.
 * Quiescent: none of the processed ones due for a day (unprocessed ones
 * stay due, so an interrupted load still completes).
 */
export async function quiesceProcessingLoop(
  backend: BenchBackend,
): Promise<void> {
  const db = backend.catalogDb;
  await db('refresh_state')
    .whereNotNull('result_hash')
    .update({ next_update_at: db.raw(`now() + interval '1 day'`) });
  // Let the batches already taken finish.
  await sleep(5000);
}

/**
 * Keeps the processing loop busy, as in a large catalog whose loop never
 * catches up with the default 100-150 s interval: every entity is made due,
 * and again whenever fewer than 1000 are left. Returns a function that
 * stops it and says how many entities the loop took meanwhile.
 */
export async function keepProcessingLoopBusy(
  backend: BenchBackend,
): Promise<() => Promise<number>> {
  const db = backend.catalogDb;
  const makeAllDue = () =>
    db('refresh_state').update({ next_update_at: db.fn.now() });
  let due = await makeAllDue();
  let taken = 0;
  let stopped = false;
  const watching = (async () => {
    while (!stopped) {
      await sleep(2000);
      const now = await dueEntities(backend);
      taken += Math.max(0, due - now);
      due = now < 1000 && !stopped ? await makeAllDue() : now;
    }
  })();
  return async () => {
    stopped = true;
    await watching;
    taken += Math.max(0, due - (await dueEntities(backend)));
    return taken;
  };
}

/** Entities due for processing now. */
export async function dueEntities(backend: BenchBackend): Promise<number> {
  const row = await backend
    .catalogDb('refresh_state')
    .where('next_update_at', '<=', backend.catalogDb.fn.now())
    .count({ count: '*' })
    .first();
  return Number(row?.count ?? 0);
}
