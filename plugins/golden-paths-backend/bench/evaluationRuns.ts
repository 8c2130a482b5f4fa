import { setTimeout as sleep } from 'node:timers/promises';
import {
  GOLDEN_PATH_KIND,
  entityRefKey,
} from '@golden-paths/golden-paths-common';
import type { RunStats } from '../src/database/EvaluationStore';
import { FOLLOWER_FIELDS } from '../src/services/evaluation/EvaluationService';
import type { BenchBackend } from './backend';
import { type MetersSnapshot, metersDelta } from './instrumentation';
import { type ProcessSample, startSampling } from './processSampling';
import { request } from './measure';

/*
 * Evaluations triggered and measured as the scheduler runs them, and the
 * same catalog reads made by the bench alone.
 */
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
