/*
 * Benchmark of the golden-paths evaluation and read API against a real
 * catalog on PostgreSQL, in one process. Not part of `npm test`.
 *
 *   npm run bench -w plugins/golden-paths-backend -- [options]
 *
 *   --sizes 10000,50000,100000   component counts, loaded incrementally
 *   --reuse                      keep the catalog database of an earlier run
 *                                (sizes below what it holds are skipped)
 *   --repositories 300           local repositories for the read figures
 *                                (0: skip that part)
 *   --requests 200               measured requests per read endpoint
 *   --repeat 3                   measured evaluations per size and state
 *                                (the median run is reported)
 *   --stale-statistics           do not VACUUM (ANALYZE) the databases the
 *                                way autovacuum would; writes
 *                                RESULTS-stale-statistics.md instead
 *   --output <file>              write the results there instead
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
import {
  keepProcessingLoopBusy,
  measureLatencies,
  quiesceProcessingLoop,
  request,
  runEvaluation,
  startSampling,
  vacuum,
  waitForStitched,
  walkCatalogLikeTheEvaluation,
} from './measure';
import {
  changeRepositories,
  createRepositories,
  repositoryComponents,
} from './repositories';
import {
  formatReport,
  type LoopState,
  type Machine,
  type Report,
  type RepositoryResult,
  type SizeResult,
  type StateResult,
} from './report';
import { profileDuring } from './profile';
import { syntheticCatalog, syntheticComponent } from './syntheticCatalog';

const PREFIX = 'gp_bench_';
const REPOSITORIES_PREFIX = 'gp_bench_repos_';
const YARDSTICK =
  '/api/catalog/entities/by-query?filter=kind=component&limit=20&totalItems=exclude';
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

async function measureState(
  backend: BenchBackend,
  state: LoopState,
  options: { requests: number; repeat: number },
): Promise<StateResult> {
  await vacuum(backend, 'catalog');
  const stopBusy =
    state === 'active' ? await keepProcessingLoopBusy(backend) : undefined;
  const evaluations = [];
  for (let i = 0; i < options.repeat; i++) {
    const e = await runEvaluation(backend);
    log(
      `  ${state}: evaluation ${e.runMs} ms, heap +${e.heapGrowthMb.toFixed(
        0,
      )} MB, ${e.stats.catalogRequests} catalog requests, ${e.stalls} stalls`,
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
  const [paths, yardstick] = await measureLatencies(
    backend,
    ['/api/golden-paths/paths', YARDSTICK],
    { count: options.requests, warmUp: 20 },
  );
  const catalogWalk = await walkCatalogLikeTheEvaluation(backend);
  log(
    `  ${state}: catalog reads alone ${catalogWalk.ms.toFixed(
      0,
    )} ms, heap +${catalogWalk.sample.heapGrowthMb.toFixed(0)} MB`,
  );
  const profiled = await profileDuring(() => runEvaluation(backend));
  log(
    `  ${state}: profiled evaluation ${profiled.result.runMs} ms: ${profiled.cpu
      .slice(0, 4)
      .map(c => `${c.category} ${c.value.toFixed(0)} ms`)
      .join(', ')}; allocated ${profiled.allocations
      .slice(0, 4)
      .map(c => `${c.category} ${c.value.toFixed(0)} MB`)
      .join(', ')}`,
  );
  const processed = (await stopBusy?.()) ?? 0;
  if (stopBusy) {
    await quiesceProcessingLoop(backend);
  }
  log(
    `  ${state}: /paths p50 ${paths.p50.toFixed(1)} p95 ${paths.p95.toFixed(
      1,
    )} ms; yardstick p50 ${yardstick.p50.toFixed(
      1,
    )} p95 ${yardstick.p95.toFixed(1)} ms; ${processed} entities processed`,
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
    loadAverage: loadavg()[0],
    catalogWalk,
    profile: {
      evaluation: profiled.result,
      cpu: profiled.cpu,
      allocations: profiled.allocations,
    },
  };
}

async function loadedComponents(backend: BenchBackend): Promise<number> {
  const row = await backend
    .catalogDb('refresh_state')
    .where('entity_ref', 'like', 'component:default/svc-%')
    .count({ count: '*' })
    .first();
  return Number(row?.count ?? 0);
}

async function catalogSizes(
  sizes: number[],
  options: {
    reuse: boolean;
    requests: number;
    repeat: number;
    emulateAutovacuum: boolean;
  },
  report: Report,
  write: () => void,
): Promise<void> {
  const names = databaseNames(PREFIX);
  // The plugin's tables only hold derived results: start them afresh.
  await dropDatabases(
    options.reuse ? [names.goldenPaths] : [names.catalog, names.goldenPaths],
  );
  const backend = await startBenchBackend({
    prefix: PREFIX,
    repositoriesDirectory: join(tmpdir(), 'golden-paths-bench-none'),
    emulateAutovacuum: options.emulateAutovacuum,
  });
  try {
    const base = syntheticCatalog();
    const fixed: Entity[] = [...base.groups, ...base.systems, ...base.paths];
    // Entities left due by an interrupted run would slow the load down.
    await quiesceProcessingLoop(backend);
    let loaded = await loadedComponents(backend);
    if (loaded) {
      log(`the catalog already holds ${loaded} synthetic components`);
    }
    for (const size of sizes) {
      if (size < loaded) {
        log(`skipping ${size}: the reused catalog holds ${loaded}`);
        report.skippedSizes.push(size);
        continue;
      }
      const components = Array.from({ length: size }, (_, i) =>
        syntheticComponent(base, i),
      );
      const followers = components.filter(
        c => c.metadata.annotations?.['golden-paths.dev/path'],
      ).length;
      const added = size - loaded;
      log(`${size} components (${followers} followers): adding ${added}`);
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
      loaded = size;
      log(`  loaded in ${totalMs} ms (applyMutation ${mutationMs} ms)`);
      const rssAfterLoadMb = process.memoryUsage().rss / 1024 ** 2;

      await quiesceProcessingLoop(backend);
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
      const states: StateResult[] = [];
      for (const state of ['quiescent', 'active'] as const) {
        states.push(await measureState(backend, state, options));
      }
      const result: SizeResult = {
        components: size,
        followers,
        ...(added > 0
          ? { load: { addedEntities: added, mutationMs, totalMs } }
          : {}),
        rssAfterLoadMb,
        warmUp,
        states,
      };
      report.sizes.push(result);
      write();
    }
  } finally {
    await backend.stop();
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
      'stale-statistics': { type: 'boolean', default: false },
      output: { type: 'string' },
    },
  });
  const emulateAutovacuum = !values['stale-statistics'];
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
      ...(repositories
        ? Object.values(databaseNames(REPOSITORIES_PREFIX))
        : []),
    ],
    entityBytes:
      sample.reduce((sum, json) => sum + json.length, 0) / sample.length,
    sizes: [],
    skippedSizes: [],
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
