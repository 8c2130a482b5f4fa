/*
 * Benchmark of the golden-paths evaluation and read API against a real
 * catalog on PostgreSQL, in one process. Not part of `npm test`.
 *
 *   npm run bench -w plugins/golden-paths-backend -- [options]
 *
 *   --sizes 10000,50000,100000   component counts, loaded incrementally
 *   --reuse                      start each size from the copy of its
 *                                catalog an earlier run kept
 *                                (gp_bench_catalog_<size>), or from the
 *                                largest smaller one, instead of loading
 *                                everything again
 *   --repositories 300           local repositories for the read figures
 *                                (0: skip that part)
 *   --requests 200               measured requests per read endpoint
 *   --repeat 3                   measured evaluations per size and state
 *                                (the median run is reported)
 *   --skip-profile               no profiled evaluation (its tables say
 *                                not measured; saves an evaluation per
 *                                size and state)
 *   --stale-statistics           do not VACUUM (ANALYZE) the databases the
 *                                way autovacuum would; writes
 *                                RESULTS-stale-statistics.md instead
 *   --output <file>              write the results there instead
 *
 * Only what issue 12 (conditional permissions) needs, from kept catalogs:
 *   --sizes 50000,100000 --repositories 0 --skip-profile --reuse
 *
 * Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Writes
 * bench/RESULTS.md and prints the same. Type-check with
 * `npx tsc -p plugins/golden-paths-backend/bench` (the root tsconfig
 * covers src/ only).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { Entity } from '@backstage/catalog-model';
import {
  type BenchBackend,
  connectTo,
  databaseNames,
  dropDatabases,
  startBenchBackend,
} from './backend';
import { compareWithCatalog } from './exactness';
import { seedHistory } from './history';
import {
  keepProcessingLoopBusy,
  measureLatencies,
  quiesceProcessingLoop,
  request,
  runEvaluation,
  startSampling,
  timedRequest,
  vacuum,
  waitForStitched,
  walkCatalogLikeTheEvaluation,
} from './measure';
import {
  CONDITIONAL_POLICY_TEXT,
  CONDITIONAL_USER,
  conditionalUserPolicy,
  randomPolicies,
} from './policies';
import {
  changeRepositories,
  createRepositories,
  repositoryComponents,
} from './repositories';
import { formatReport } from './report';
import type {
  FirstRequest,
  LoopState,
  Machine,
  Report,
  RepositoryResult,
  SizeResult,
  ReadRoute,
  StateResult,
} from './reportTypes';
import { profileDuring } from './profile';
import {
  catalogFingerprint,
  copyDatabase,
  holdsCatalog,
  markCatalog,
  snapshotName,
  snapshotSizes,
} from './snapshots';
import {
  type SyntheticCatalog,
  syntheticCatalog,
  syntheticComponent,
} from './syntheticCatalog';

const PREFIX = 'gp_bench_';
const REPOSITORIES_PREFIX = 'gp_bench_repos_';
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
const HISTORY_DAYS = 90;
const RANDOM_POLICY_COUNT = 20;
const results = (staleStatistics: boolean) =>
  join(
    __dirname,
    staleStatistics ? 'RESULTS-stale-statistics.md' : 'RESULTS.md',
  );
const RESULTS_JSON = join(tmpdir(), 'golden-paths-bench-results.json');

const log = (message: string) =>
  process.stdout.write(`[${new Date().toISOString()}] ${message}\n`);

async function machine(): Promise<Machine> {
  const db = connectTo('postgres');
  const { rows } = await db.raw('select version() as version');
  const autovacuum = await db.raw('show autovacuum');
  await db.destroy();
  return {
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim()}`,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    postgres: String(rows[0].version).split(' on ')[0],
    date: new Date().toISOString(),
    loadAverage: loadavg()
      .map(l => l.toFixed(2))
      .join(' '),
    autovacuum: String(autovacuum.rows[0].autovacuum),
  };
}

/** The commit measured, and whether the plugin's own files differ from it. */
function codeVersion(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: join(__dirname, '..') })
      .toString()
      .trim();
  const changed = git('status', '--porcelain', '--', 'src', 'migrations');
  return `commit ${git('log', '-1', '--format=%h %s')}${
    changed ? ' (with uncommitted changes in src/ or migrations/)' : ''
  }`;
}

/** The followers the stored results count, from GET /paths. */
async function adoption(backend: BenchBackend) {
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

async function repositoryFacts(
  count: number,
  emulateAutovacuum: boolean,
): Promise<RepositoryResult> {
  const names = databaseNames(REPOSITORIES_PREFIX);
  await dropDatabases([names.catalog, names.goldenPaths]);
  const directory = await mkdtemp(join(tmpdir(), 'golden-paths-bench-repos-'));
  const { filesPerRepository } = await createRepositories(directory, count);
  const backend = await startBenchBackend({
    prefix: REPOSITORIES_PREFIX,
    repositoriesDirectory: directory,
    emulateAutovacuum,
  });
  try {
    const base = syntheticCatalog();
    const entities = [
      ...base.groups,
      ...base.systems,
      ...base.paths,
      ...repositoryComponents(directory, count, base.owners),
    ];
    const start = Date.now();
    await backend.provider.apply(entities);
    await waitForStitched(backend, entities.length, () => undefined);
    const loadMs = Date.now() - start;
    log(`repositories: ${count} components loaded in ${loadMs} ms`);

    const runs: RepositoryResult['runs'] = [];
    const first = await runEvaluation(backend);
    runs.push({ label: 'first (nothing cached)', evaluation: first });
    log(`repositories: first evaluation ${JSON.stringify(first.stats)}`);
    const second = await runEvaluation(backend);
    runs.push({ label: 'second, nothing changed', evaluation: second });
    log(`repositories: second evaluation ${JSON.stringify(second.stats)}`);
    const changes = Math.min(10, count);
    const changed = Array.from({ length: changes }, (_, i) =>
      Math.floor((i * count) / changes),
    );
    await changeRepositories(directory, changed);
    const third = await runEvaluation(backend);
    runs.push({
      label: `third, ${changed.length} repositories changed`,
      evaluation: third,
    });
    log(`repositories: third evaluation ${JSON.stringify(third.stats)}`);
    const { byName } = await adoption(backend);
    return {
      repositories: count,
      filesPerRepository,
      loadMs,
      runs,
      compliant: byName.get('node-http-service')?.compliant ?? 0,
    };
  } finally {
    await backend.stop();
    await rm(directory, { recursive: true, force: true });
  }
}

/** How many entries a read answered with (items, or history points). */
function itemsOf(body: string): number {
  return (JSON.parse(body) as { items: unknown[] }).items.length;
}

async function measureState(
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

/** Synthetic components in a catalog database, processed or not. */
async function loadedComponents(database: string): Promise<number> {
  const db = connectTo(database);
  try {
    const row = await db('refresh_state')
      .where('entity_ref', 'like', 'component:default/svc-%')
      .count({ count: '*' })
      .first();
    return Number(row?.count ?? 0);
  } finally {
    await db.destroy();
  }
}

/**
 * Brings the working catalog database to `size` components, the cheapest
 * way: from its own copy of an earlier run (`--reuse`), or by loading what
 * is missing onto the working database or onto the largest smaller copy.
 * Returns the backend started on it and the load figures, if it loaded.
 */
async function prepareCatalog(
  size: number,
  context: {
    reuse: boolean;
    fingerprint: string;
    /** Components the working database holds; updated. */
    loaded: { count: number };
    base: SyntheticCatalog;
    startBackend: () => Promise<BenchBackend>;
  },
): Promise<{
  backend: BenchBackend;
  load?: SizeResult['load'];
  rssAfterLoadMb: number;
}> {
  const { catalog } = databaseNames(PREFIX);
  const { reuse, fingerprint, loaded, base } = context;
  const snapshots = reuse ? await snapshotSizes(catalog, fingerprint) : [];
  const restore = async (from: number) => {
    log(`${size}: the catalog from its copy of ${from} components`);
    await copyDatabase(snapshotName(catalog, from), catalog);
    loaded.count = from;
  };
  const fixed: Entity[] = [...base.groups, ...base.systems, ...base.paths];
  if (snapshots.includes(size)) {
    await restore(size);
    const backend = await context.startBackend();
    await waitForStitched(backend, fixed.length + size, () => undefined);
    await quiesceProcessingLoop(backend);
    return { backend, rssAfterLoadMb: process.memoryUsage().rss / 1024 ** 2 };
  }
  const smaller = snapshots.filter(n => n < size).pop();
  if (loaded.count > size || (smaller && smaller > loaded.count)) {
    if (smaller) {
      await restore(smaller);
    } else {
      await dropDatabases([catalog]);
      loaded.count = 0;
    }
  }

  let backend = await context.startBackend();
  // Entities left due by an interrupted run would slow the load down.
  await quiesceProcessingLoop(backend);
  const components = Array.from({ length: size }, (_, i) =>
    syntheticComponent(base, i),
  );
  const added = size - loaded.count;
  log(`${size} components: adding ${added}`);
  const start = Date.now();
  await backend.provider.apply([...fixed, ...components]);
  const mutationMs = Date.now() - start;
  components.length = 0;
  let lastLog = 0;
  await waitForStitched(backend, fixed.length + size, count => {
    if (Date.now() - lastLog > 60_000) {
      lastLog = Date.now();
      log(`  stitched ${count} of ${fixed.length + size}`);
    }
  });
  const totalMs = Date.now() - start;
  loaded.count = size;
  log(`  loaded in ${totalMs} ms (applyMutation ${mutationMs} ms)`);
  const rssAfterLoadMb = process.memoryUsage().rss / 1024 ** 2;
  await quiesceProcessingLoop(backend);

  // A copy for later runs; PostgreSQL copies a database nobody uses.
  await backend.stop();
  await markCatalog(catalog, fingerprint);
  const copyStart = Date.now();
  await copyDatabase(catalog, snapshotName(catalog, size));
  log(
    `  kept as ${snapshotName(catalog, size)} (${Date.now() - copyStart} ms)`,
  );
  backend = await context.startBackend();
  await quiesceProcessingLoop(backend);
  return {
    backend,
    load: added > 0 ? { addedEntities: added, mutationMs, totalMs } : undefined,
    rssAfterLoadMb,
  };
}

async function catalogSizes(
  sizes: number[],
  options: {
    reuse: boolean;
    requests: number;
    repeat: number;
    profile: boolean;
    emulateAutovacuum: boolean;
  },
  report: Report,
  write: () => void,
): Promise<void> {
  const names = databaseNames(PREFIX);
  const base = syntheticCatalog();
  const fingerprint = catalogFingerprint(base);
  const policies = [
    conditionalUserPolicy,
    ...randomPolicies(base, RANDOM_POLICY_COUNT),
  ];
  const loaded = { count: 0 };
  if (options.reuse && (await holdsCatalog(names.catalog, fingerprint))) {
    // A catalog left by an earlier run: a start to load onto.
    loaded.count = await loadedComponents(names.catalog);
    log(`the working catalog holds ${loaded.count} synthetic components`);
  } else {
    await dropDatabases([names.catalog]);
  }
  const startBackend = async () => {
    // The plugin's tables only hold derived results: start them afresh.
    await dropDatabases([names.goldenPaths]);
    return startBenchBackend({
      prefix: PREFIX,
      repositoriesDirectory: join(tmpdir(), 'golden-paths-bench-none'),
      emulateAutovacuum: options.emulateAutovacuum,
      policies,
    });
  };

  for (const size of sizes) {
    const followers = Array.from({ length: size }, (_, i) =>
      syntheticComponent(base, i),
    ).filter(c => c.metadata.annotations?.['golden-paths.dev/path']).length;
    const { backend, load, rssAfterLoadMb } = await prepareCatalog(size, {
      reuse: options.reuse,
      fingerprint,
      loaded,
      base,
      startBackend,
    });
    try {
      const warmUp = await runEvaluation(backend);
      log(`  warm-up evaluation ${warmUp.runMs} ms`);
      const counted = (await adoption(backend)).adoption;
      if (counted !== followers || warmUp.storedResults !== followers) {
        report.notes.push(
          `At ${size}: GET /paths counted ${counted} followers and the run stored ${warmUp.storedResults} results; ${followers} expected.`,
        );
      }
      if (warmUp.stats.components !== warmUp.storedResults) {
        report.notes.push(
          `At ${size}: the run's stats say ${warmUp.stats.components} components, it stored ${warmUp.storedResults} results.`,
        );
      }
      const history = await seedHistory(backend.goldenPathsDb, {
        days: HISTORY_DAYS,
      });
      log(
        history.seeded
          ? `  history: ${history.days} days, ${history.intervals} intervals of ${history.followers} followers, ${history.changesPerDay} changes a day (${history.ms} ms)`
          : `  history not seeded: ${history.reason}`,
      );
      const states: StateResult[] = [];
      for (const state of ['quiescent', 'active'] as const) {
        states.push(
          await measureState(backend, state, {
            ...options,
            history: history.seeded,
          }),
        );
      }
      const exactness = await compareWithCatalog(backend, policies.slice(1));
      log(
        `  exactness: ${exactness.exact}/${exactness.policies} policies exact, ${exactness.pathCounts} path counts compared, ${exactness.differences.length} differ`,
      );
      report.sizes.push({
        components: size,
        followers,
        ...(load ? { load } : {}),
        rssAfterLoadMb,
        warmUp,
        history,
        states,
        exactness,
      });
      write();
    } finally {
      await backend.stop();
    }
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,50000,100000' },
      reuse: { type: 'boolean', default: false },
      repositories: { type: 'string', default: '300' },
      requests: { type: 'string', default: '200' },
      repeat: { type: 'string', default: '3' },
      'skip-profile': { type: 'boolean', default: false },
      'stale-statistics': { type: 'boolean', default: false },
      output: { type: 'string' },
    },
  });
  const emulateAutovacuum = !values['stale-statistics'];
  if (values.reuse && !emulateAutovacuum) {
    // A kept catalog carries the planner statistics of the run that made it.
    throw new Error('--stale-statistics needs fresh databases: no --reuse');
  }
  const sizes = values
    .sizes!.split(',')
    .map(Number)
    .sort((a, b) => a - b);
  if (sizes.some(n => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`--sizes: positive integers, got ${values.sizes}`);
  }
  const repositories = Number(values.repositories);
  const base = syntheticCatalog();
  const sample = Array.from({ length: 10_000 }, (_, i) =>
    JSON.stringify(syntheticComponent(base, i)),
  );
  const report: Report = {
    machine: await machine(),
    command: `npm run bench -w plugins/golden-paths-backend -- ${process.argv
      .slice(2)
      .join(' ')}`.trim(),
    code: codeVersion(),
    emulateAutovacuum,
    databases: [
      ...Object.values(databaseNames(PREFIX)),
      ...sizes.map(size => snapshotName(databaseNames(PREFIX).catalog, size)),
      ...(repositories
        ? Object.values(databaseNames(REPOSITORIES_PREFIX))
        : []),
    ],
    entityBytes:
      sample.reduce((sum, json) => sum + json.length, 0) / sample.length,
    sizes: [],
    skippedSizes: [],
    requests: Number(values.requests),
    conditionalPolicy: CONDITIONAL_POLICY_TEXT,
    notes: [
      'One process hosts the catalog, the golden-paths plugin and the client that measures; heap and RSS are that whole process (garbage collected just before each baseline, `--expose-gc`), and the measuring client shares its event loop.',
      'Processing loop: `catalog.processingInterval` is 24 h, so after a load nothing is due and the loop only polls (**quiescent**). **Active** sets `next_update_at = now()` on every `refresh_state` row (again whenever fewer than 1000 are left), as in a large catalog whose loop never catches up with the default 100-150 s interval; the count in brackets is how many entities the loop took while that state was measured (unchanged entities: processed, not re-stitched, as in production).',
      'The synthetic components name no readable repository (`backstage.io/managed-by-location: bench:synthetic`, no `source-location`), so the evaluations at 10k-100k read no repository and their repository checks say `unknown`: they measure catalog paging, the checks and the database writes. Repository reads are measured apart, in their own small catalog (`gp_bench_repos_*`) so that neither part dilutes the other.',
      'Evaluations are triggered with `POST /api/golden-paths/refresh` (task cadence `manual`); "run" is `evaluation_runs.started_at` → `finished_at` (the run row is written after the paths and owners are read); "from POST" adds the scheduler picking the task up (it polls every 5 s); "after run" is the task\'s tail after the run is committed (`ANALYZE component_results`) until the scheduler releases it. Heap and event-loop figures cover the whole span, POST to release.',
      'Before the measured evaluations of each size one warm-up evaluation runs, so every measured run, like a production one, replaces a previous run of the same catalog.',
      `Heap growth is the peak of \`heapUsed\` minus the baseline; "retained" is \`heapUsed\` after a full collection at the end minus the baseline. The peak is mostly garbage not yet collected, and depends on when V8 runs a full collection: with the default old-space limit (${(
        getHeapStatistics().heap_size_limit /
        1024 ** 2
      ).toFixed(
        0,
      )} MB in this process) it does so late. \`NODE_OPTIONS=--max-old-space-size=<MB>\` lowers the peak.`,
    ],
  };
  if (values.reuse) {
    report.notes.push(
      '`--reuse`: a size whose catalog database was kept by an earlier run (`gp_bench_catalog_<size>`, same synthetic catalog) starts from that copy and has no load figures; others load onto the largest smaller copy.',
    );
  }
  if (report.machine.autovacuum === 'off') {
    report.notes.push(
      emulateAutovacuum
        ? 'This PostgreSQL runs with `autovacuum = off`, so the benchmark vacuums and analyzes its own databases. Without that the catalog plans its cursor pages with no statistics and no visibility map: see `RESULTS-stale-statistics.md` (`--stale-statistics`).'
        : 'This PostgreSQL runs with `autovacuum = off` and the benchmark did not vacuum or analyze (`--stale-statistics`): the catalog plans its queries with no statistics.',
    );
  }
  const write = () => {
    writeFileSync(
      values.output ?? results(!emulateAutovacuum),
      formatReport(report),
    );
    // The figures themselves, to format them again without a rerun.
    writeFileSync(RESULTS_JSON, JSON.stringify(report, null, 2));
  };

  if (repositories > 0) {
    log(`repository reads: ${repositories} repositories`);
    report.repositories = await repositoryFacts(
      repositories,
      emulateAutovacuum,
    );
    write();
  }
  await catalogSizes(
    sizes,
    {
      reuse: values.reuse!,
      requests: Number(values.requests),
      repeat: Math.max(1, Number(values.repeat)),
      profile: !values['skip-profile'],
      emulateAutovacuum,
    },
    report,
    write,
  );
  write();
  process.stdout.write(`\n${formatReport(report)}`);
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
