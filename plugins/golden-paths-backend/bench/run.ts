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
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseNames } from './backend';
import { CONDITIONAL_POLICY_TEXT } from './policies';
import { formatReport } from './report';
import type { Report } from './reportTypes';
import { snapshotName } from './snapshots';
import { syntheticCatalog, syntheticComponent } from './syntheticCatalog';
import { log, PREFIX, REPOSITORIES_PREFIX } from './runSettings';
import { codeVersion, machine } from './machine';
import { repositoryFacts } from './runRepositories';
import { catalogSizes } from './runCatalogSizes';

const results = (staleStatistics: boolean) =>
  join(
    __dirname,
    staleStatistics ? 'RESULTS-stale-statistics.md' : 'RESULTS.md',
  );
const RESULTS_JSON = join(tmpdir(), 'golden-paths-bench-results.json');

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
