import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { type BenchBackend } from './backend';
import {
  keepProcessingLoopBusy,
  quiesceProcessingLoop,
} from './processingLoop';
import { measureLatencies, request, timedRequest } from './measure';
import {
  runEvaluation,
  vacuum,
  walkCatalogLikeTheEvaluation,
} from './evaluationRuns';
import { startSampling } from './processSampling';
import { CONDITIONAL_USER } from './policies';
import type {
  FirstRequest,
  LoopState,
  ReadRoute,
  StateResult,
} from './reportTypes';
import { profileDuring } from './profile';
import { log } from './runSettings';

/*
 * One size and processing-loop state of a benchmark run: measured
 * evaluations, then the reads of an allow-all and a conditional caller.
 */
const YARDSTICK =
  '/api/catalog/entities/by-query?filter=kind=component&limit=20&totalItems=exclude';
/** The most followed path: the largest page of followers and history. */
const MEASURED_PATH = 'default/node-http-service';
const ROUTES: Record<ReadRoute, string> = {
  paths: '/api/golden-paths/paths',
  // The page the portal's followers table asks for first (20 rows), the
  // same size as the yardstick's page.
  followers: `/api/golden-paths/paths/${MEASURED_PATH}/followers?limit=20`,
  // No from/to: the default window, the 90 days before today and today.
  history: `/api/golden-paths/paths/${MEASURED_PATH}/history`,
};

/** The followers the stored results count, from GET /paths. */
export async function adoption(backend: BenchBackend) {
  const { body } = await request(backend, '/api/golden-paths/paths');
  const items = (
    JSON.parse(body) as {
      items: Array<{ name: string; adoption: number; compliant: number }>;
    }
  ).items;
  return {
    adoption: items.reduce((sum, p) => sum + p.adoption, 0),
    byName: new Map(items.map(p => [p.name, p] as const)),
  };
}

/** How many entries a read answered with (items, or history points). */
function itemsOf(body: string): number {
  return (JSON.parse(body) as { items: unknown[] }).items.length;
}

export async function measureState(
  backend: BenchBackend,
  state: LoopState,
  options: {
    requests: number;
    repeat: number;
    profile: boolean;
    /** Whether 90 days of history were seeded: /history is measured. */
    history: boolean;
  },
): Promise<StateResult> {
  await vacuum(backend, 'catalog');
  const stopBusy =
    state === 'active' ? await keepProcessingLoopBusy(backend) : undefined;
  const conditionalToken = backend.userToken(CONDITIONAL_USER);
  const routes: ReadRoute[] = options.history
    ? ['paths', 'followers', 'history']
    : ['paths', 'followers'];
  const evaluations = [];
  const firstRequests: FirstRequest[] = [];
  for (let i = 0; i < options.repeat; i++) {
    const e = await runEvaluation(backend);
    // The conditional caller's first request after this evaluation, one
    // route after each evaluation in turn: nothing of theirs is warm.
    const route = routes[i % routes.length];
    const first = await timedRequest(backend, {
      path: ROUTES[route],
      token: conditionalToken,
    });
    firstRequests.push({ route, ms: first.ms });
    log(
      `  ${state}: evaluation ${e.runMs} ms, heap +${e.heapGrowthMb.toFixed(
        0,
      )} MB, ${e.stats.catalogRequests} catalog requests, ${
        e.stalls
      } stalls; then conditional ${route} ${first.ms.toFixed(0)} ms`,
    );
    evaluations.push(e);
  }
  // The run of median duration stands for the state; all are kept.
  const evaluation = [...evaluations].sort((a, b) => a.runMs - b.runMs)[
    Math.floor(evaluations.length / 2)
  ];
  // The same span with no evaluation: what the rest of the process (the
  // processing loop above all) does to the heap and the event loop alone.
  const stopControl = startSampling();
  await sleep(evaluation.triggerToFinishMs + (evaluation.afterRunMs ?? 0));
  const control = stopControl();

  // Every read interleaved with every other, allow-all and conditional.
  const timed = [
    { path: ROUTES.paths },
    { path: YARDSTICK },
    ...routes
      .filter(route => route !== 'paths')
      .map(route => ({ path: ROUTES[route] })),
    ...routes.map(route => ({
      path: ROUTES[route],
      token: conditionalToken,
    })),
    { path: YARDSTICK, token: conditionalToken },
  ];
  const latencies = await measureLatencies(backend, timed, {
    count: options.requests,
    warmUp: 20,
  });
  const [paths, yardstick, ...rest] = latencies;
  const allowAllOthers = rest.slice(0, routes.length - 1);
  const conditional = rest.slice(routes.length - 1, 2 * routes.length - 1);
  const conditionalYardstick = rest[2 * routes.length - 1];
  const byRoute = <T>(values: T[], of: ReadRoute[]) =>
    Object.fromEntries(of.map((route, i) => [route, values[i]])) as Partial<
      Record<ReadRoute, T>
    >;

  // What each caller was answered, to read the latencies by.
  const answered = async (route: ReadRoute, token?: string) =>
    itemsOf((await timedRequest(backend, { path: ROUTES[route], token })).body);
  const sumAdoption = async (token?: string) =>
    (
      JSON.parse(
        (await timedRequest(backend, { path: ROUTES.paths, token })).body,
      ) as { items: Array<{ adoption: number }> }
    ).items.reduce((sum, p) => sum + p.adoption, 0);
  const views = {
    followersVisible: await sumAdoption(conditionalToken),
    followersAll: await sumAdoption(),
    followersPage: await answered('followers', conditionalToken),
    ...(options.history
      ? {
          historyPointsAll: await answered('history'),
          historyPointsConditional: await answered('history', conditionalToken),
        }
      : {}),
  };

  const catalogWalk = await walkCatalogLikeTheEvaluation(backend);
  log(
    `  ${state}: catalog reads alone ${catalogWalk.ms.toFixed(
      0,
    )} ms, heap +${catalogWalk.sample.heapGrowthMb.toFixed(0)} MB`,
  );
  const profiled = options.profile
    ? await profileDuring(() => runEvaluation(backend))
    : undefined;
  if (profiled) {
    log(
      `  ${state}: profiled evaluation ${
        profiled.result.runMs
      } ms: ${profiled.cpu
        .slice(0, 4)
        .map(c => `${c.category} ${c.value.toFixed(0)} ms`)
        .join(', ')}; allocated ${profiled.allocations
        .slice(0, 4)
        .map(c => `${c.category} ${c.value.toFixed(0)} MB`)
        .join(', ')}`,
    );
  }
  const processed = (await stopBusy?.()) ?? 0;
  if (stopBusy) {
    await quiesceProcessingLoop(backend);
  }
  const p = (l: { p50: number; p95: number }) =>
    `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)}`;
  log(
    `  ${state}: p50 / p95 ms: yardstick ${p(yardstick)}; allow-all ${[
      paths,
      ...allowAllOthers,
    ]
      .map(p)
      .join(', ')}; conditional ${conditional.map(p).join(', ')} (yardstick ${p(
      conditionalYardstick,
    )}); ${processed} entities processed`,
  );
  return {
    state,
    evaluation,
    runsMs: evaluations.map(e => e.runMs),
    maxHeapGrowthMb: Math.max(...evaluations.map(e => e.heapGrowthMb)),
    control,
    processedDuringMeasurement: processed,
    paths,
    yardstick,
    allowAll: byRoute(allowAllOthers, routes.slice(1)),
    conditional: {
      ...byRoute(conditional, routes),
      yardstick: conditionalYardstick,
      firstRequests,
      ...views,
    },
    loadAverage: loadavg()[0],
    catalogWalk,
    ...(profiled
      ? {
          profile: {
            evaluation: profiled.result,
            cpu: profiled.cpu,
            allocations: profiled.allocations,
          },
        }
      : {}),
  };
}
