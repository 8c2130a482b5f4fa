import type { ExactnessResult } from './exactness';
import type { SeededHistory } from './history';
import type {
  CatalogWalk,
  EvaluationMeasurement,
  LatencyMeasurement,
  ProcessSample,
} from './measure';
import type { Breakdown } from './profile';

export type LoopState = 'quiescent' | 'active';

/** The golden-paths reads measured for both callers. */
export type ReadRoute = 'paths' | 'followers' | 'history';

/** A conditional caller's first request after an evaluation. */
export interface FirstRequest {
  route: ReadRoute;
  ms: number;
}

/** The reads of the caller under the conditional policy. */
export interface ConditionalReads
  extends Partial<Record<ReadRoute, LatencyMeasurement>> {
  /** The yardstick's by-query with this caller's token. */
  yardstick: LatencyMeasurement;
  /** One after each measured evaluation, the routes in turn. */
  firstRequests: FirstRequest[];
  /** Followers GET /paths counts for this caller, and for an allow-all one. */
  followersVisible: number;
  followersAll: number;
  /** Items on this caller's first page of followers. */
  followersPage: number;
  /** History points answered (when history was measured). */
  historyPointsAll?: number;
  historyPointsConditional?: number;
}

export interface StateResult {
  state: LoopState;
  /** The run of median duration. */
  evaluation: EvaluationMeasurement;
  /** Every measured run's duration. */
  runsMs?: number[];
  /** The largest heap growth of the measured runs. */
  maxHeapGrowthMb?: number;
  /** As long again with no evaluation. */
  control?: ProcessSample;
  /** Entities the processing loop took during the measurements (active). */
  processedDuringMeasurement: number;
  /** GET /paths, allow-all. */
  paths: LatencyMeasurement;
  yardstick: LatencyMeasurement;
  /** The other reads, allow-all. */
  allowAll?: Partial<Record<ReadRoute, LatencyMeasurement>>;
  conditional?: ConditionalReads;
  /** The machine's 1-minute load average after the measurements. */
  loadAverage?: number;
  /** The evaluation's catalog reads alone, made over HTTP by the bench. */
  catalogWalk?: CatalogWalk;
  /** One more evaluation, under the CPU and allocation profilers. */
  profile?: {
    evaluation: EvaluationMeasurement;
    cpu: Breakdown;
    allocations?: Breakdown;
  };
}

export interface SizeResult {
  components: number;
  followers: number;
  /** Undefined when the catalog already held this size (`--reuse`). */
  load?: { addedEntities: number; mutationMs: number; totalMs: number };
  rssAfterLoadMb: number;
  warmUp: EvaluationMeasurement;
  /** The past days given to the plugin's tables before measuring. */
  history?: SeededHistory;
  states: StateResult[];
  /** Random conditional policies: our counts against the catalog's. */
  exactness?: ExactnessResult;
}

export interface RepositoryResult {
  repositories: number;
  filesPerRepository: number;
  loadMs: number;
  runs: Array<{ label: string; evaluation: EvaluationMeasurement }>;
  compliant: number;
}

export interface Machine {
  cpus: string;
  memoryGb: number;
  node: string;
  postgres: string;
  date: string;
  loadAverage: string;
  /** PostgreSQL's `autovacuum` setting. */
  autovacuum: string;
}

export interface Report {
  machine: Machine;
  command: string;
  /** The code measured: commit, and whether the plugin's files differ. */
  code: string;
  emulateAutovacuum: boolean;
  databases: string[];
  entityBytes: number;
  sizes: SizeResult[];
  skippedSizes: number[];
  repositories?: RepositoryResult;
  /** Measured requests per read (after 20 warm-up). */
  requests?: number;
  /** The conditional caller's policy, in words. */
  conditionalPolicy?: string;
  notes: string[];
}

const s = (ms: number) => (ms / 1000).toFixed(1);
const ms = (value: number) => value.toFixed(0);
const mb = (value: number) => value.toFixed(0);
const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** A Markdown table, padded the way Prettier formats it. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map(row => row[i].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    line(widths.map(width => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n');
}

function evaluationTable(report: Report): string {
  const rows = report.sizes.flatMap(size =>
    size.states.map(r => [
      k(size.components),
      String(r.evaluation.storedResults),
      r.state === 'active'
        ? `active (${r.processedDuringMeasurement} processed)`
        : r.state,
      r.loadAverage?.toFixed(1) ?? '-',
      r.runsMs && r.runsMs.length > 1
        ? `${s(r.evaluation.runMs)} (${r.runsMs.map(s).join(', ')})`
        : s(r.evaluation.runMs),
      s(r.evaluation.triggerToFinishMs),
      r.evaluation.afterRunMs === undefined ? '-' : s(r.evaluation.afterRunMs),
      `${mb(r.evaluation.heapGrowthMb)}${
        r.maxHeapGrowthMb !== undefined &&
        r.maxHeapGrowthMb !== r.evaluation.heapGrowthMb
          ? ` (max ${mb(r.maxHeapGrowthMb)})`
          : ''
      } / ${mb(r.evaluation.heapRetainedMb)} / ${
        r.control ? mb(r.control.heapGrowthMb) : '-'
      }`,
      mb(r.evaluation.rssPeakMb),
      String(r.evaluation.stats.catalogRequests),
      `${ms(r.evaluation.loopDelayMaxMs)} / ${ms(r.evaluation.loopDelayP99Ms)}`,
      `${r.evaluation.stalls} (${ms(r.evaluation.longestStallMs)})${
        r.control ? `; ${r.control.stalls} without` : ''
      }`,
    ]),
  );
  return table(
    [
      'components',
      'followers evaluated',
      'processing loop',
      'machine load (1 min avg)',
      'evaluation s, median run (all runs)',
      's from POST',
      's after run until task released',
      'heap growth MB: peak (max of runs) / retained after GC / peak in the same span without evaluation',
      'RSS peak MB',
      'catalog requests',
      'loop delay max / p99 ms',
      'stalls > 100 ms (longest ms); without evaluation',
    ],
    rows,
  );
}

const latency = (l: LatencyMeasurement | undefined) =>
  l ? `${ms(l.p50)} / ${ms(l.p95)}` : 'not measured';

function latencyTable(report: Report): string {
  const rows = report.sizes.flatMap(size =>
    size.states.map(({ state, paths, yardstick, allowAll }) => [
      k(size.components),
      state,
      latency(yardstick),
      latency(paths),
      latency(allowAll?.followers),
      latency(allowAll?.history),
    ]),
  );
  return table(
    [
      'components',
      'processing loop',
      'yardstick by-query kind=component limit=20 totalItems=exclude p50 / p95 ms',
      'GET /api/golden-paths/paths p50 / p95 ms',
      '/paths/:ns/:name/followers first page p50 / p95 ms',
      '/paths/:ns/:name/history 90 days p50 / p95 ms',
    ],
    rows,
  );
}

/** The first requests after evaluations to one route: `ms, ms`. */
function firstRequests(reads: ConditionalReads, route: ReadRoute): string {
  const times = reads.firstRequests.filter(f => f.route === route);
  return times.length ? times.map(f => ms(f.ms)).join(', ') : 'not measured';
}

function conditionalTable(report: Report): string {
  const rows = report.sizes.flatMap(size =>
    size.states.flatMap(({ state, yardstick, conditional: c }) =>
      c
        ? [
            [
              k(size.components),
              state,
              `${c.followersVisible} of ${c.followersAll}`,
              latency(yardstick),
              latency(c.yardstick),
              latency(c.paths),
              latency(c.followers),
              c.history
                ? `${latency(c.history)} (${c.historyPointsConditional} points)`
                : 'not measured',
              (['paths', 'followers', 'history'] as const)
                .map(route => firstRequests(c, route))
                .join(' / '),
            ],
          ]
        : [],
    ),
  );
  return table(
    [
      'components',
      'processing loop',
      'followers the caller may read',
      'yardstick p50 / p95 ms (allow-all)',
      'yardstick as this caller p50 / p95 ms',
      'GET /paths p50 / p95 ms',
      '/followers first page p50 / p95 ms',
      '/history 90 days p50 / p95 ms',
      'first request after an evaluation ms: /paths / /followers / /history',
    ],
    rows,
  );
}

function historySentence(report: Report): string {
  const seeded = report.sizes.flatMap(size =>
    size.history?.seeded
      ? [
          `${k(size.components)}: ${size.history.intervals} intervals of ${
            size.history.followers
          } followers, ${size.history.changesPerDay.toFixed(
            0,
          )} changes of compliance a day`,
        ]
      : [],
  );
  const missing = report.sizes.find(
    size => size.history && !size.history.seeded,
  )?.history as { reason: string } | undefined;
  if (!seeded.length) {
    return `History was not seeded (${
      missing?.reason ?? 'not run'
    }): the /history rows are not measured.`;
  }
  const first = report.sizes.find(size => size.history?.seeded)!.history as {
    days: number;
  };
  return `Before measuring, each size's plugin tables get ${
    first.days
  } past days of history (\`bench/history.ts\`): for every follower of the current run, intervals in \`follower_intervals\` in which about 1% of followers change compliance a day, ending in an open interval in its current state, and the \`path_history\` rows they count to (${seeded.join(
    '; ',
  )}).`;
}

function exactnessTable(report: Report): string {
  const rows = report.sizes.flatMap(size =>
    size.exactness
      ? [
          [
            k(size.components),
            `${size.exactness.exact}/${size.exactness.policies}`,
            String(size.exactness.pathSets),
            String(size.exactness.pathCounts),
            String(size.exactness.differences.length),
            s(size.exactness.ms),
          ],
        ]
      : [],
  );
  return table(
    [
      'components',
      'policies with every figure equal',
      'sets of visible paths compared',
      'path adoption counts compared',
      'differ',
      's',
    ],
    rows,
  );
}

function exactnessDifferences(report: Report): string[] {
  const differences = report.sizes.flatMap(size =>
    (size.exactness?.differences ?? []).map(
      d =>
        `- ${k(size.components)}, ${d.policy}, ${d.what}: ours ${
          d.ours
        }, the catalog's ${d.catalog}`,
    ),
  );
  return differences.length > 20
    ? [...differences.slice(0, 20), `- and ${differences.length - 20} more`]
    : differences;
}

function loadTable(report: Report): string {
  const rows = report.sizes.map(size => [
    k(size.components),
    size.load ? String(size.load.addedEntities) : 'kept copy',
    size.load ? s(size.load.mutationMs) : '-',
    size.load ? s(size.load.totalMs) : '-',
    size.load
      ? (size.load.addedEntities / (size.load.totalMs / 1000)).toFixed(0)
      : '-',
    mb(size.rssAfterLoadMb),
    `${s(size.warmUp.runMs)} (${mb(size.warmUp.heapGrowthMb)} MB)`,
  ]);
  return table(
    [
      'components',
      'entities added',
      'applyMutation s',
      'until all stitched s',
      'entities/s',
      'RSS after load MB',
      'warm-up evaluation s (heap growth)',
    ],
    rows,
  );
}

function timeTable(report: Report): string {
  const rows = report.sizes.flatMap(size =>
    size.states.map(({ state, evaluation: e }) => {
      const { catalogQueries: c, goldenPathsDb: d } = e.meters;
      return [
        k(size.components),
        state,
        s(e.runMs),
        `${s(c.busyMs)} (${c.calls}, ${ms(c.totalMs / Math.max(1, c.calls))})`,
        `${s(d.busyMs)} (${d.calls})`,
      ];
    }),
  );
  return table(
    [
      'components',
      'processing loop',
      'evaluation s',
      'catalog serving by-query s (requests, ms each)',
      'golden-paths database s (statements)',
    ],
    rows,
  );
}

/** Categories as rows, profiled runs as columns; rows under 0.05 left out. */
function breakdownTable(
  report: Report,
  title: string,
  pick: (r: StateResult) => Breakdown | undefined,
  format: (value: number) => string,
): string {
  const runs = report.sizes.flatMap(size =>
    size.states.flatMap(r =>
      r.profile
        ? [
            {
              label: `${k(size.components)} ${r.state} (${s(
                r.profile.evaluation.runMs,
              )} s)`,
              values: new Map(
                (pick(r) ?? []).map(c => [c.category, c.value] as const),
              ),
            },
          ]
        : [],
    ),
  );
  if (!runs.length) {
    return 'Not measured (`--skip-profile`).';
  }
  const largest = (category: string) =>
    Math.max(...runs.map(run => run.values.get(category) ?? 0));
  const categories = [...new Set(runs.flatMap(run => [...run.values.keys()]))]
    .filter(category => Number(format(largest(category))) > 0)
    .sort((a, b) => largest(b) - largest(a));
  return table(
    [title, ...runs.map(run => run.label)],
    categories.map(category => [
      category,
      ...runs.map(run => format(run.values.get(category) ?? 0)),
    ]),
  );
}

function walkTable(report: Report): string {
  const rows = report.sizes.flatMap(size =>
    size.states.flatMap(({ state, evaluation: e, catalogWalk: w }) =>
      w
        ? [
            [
              k(size.components),
              state,
              `${s(e.runMs)} / ${mb(e.heapGrowthMb)}`,
              `${s(w.ms)} / ${mb(w.sample.heapGrowthMb)}`,
              String(w.requests),
              String(w.entities),
            ],
          ]
        : [],
    ),
  );
  return table(
    [
      'components',
      'processing loop',
      'evaluation: s / heap growth MB',
      'catalog reads alone: s / heap growth MB',
      'requests',
      'entities',
    ],
    rows,
  );
}

interface Target {
  name: string;
  state: LoopState;
  measured: string;
  pass: boolean | undefined;
}

/** The largest heap growth of the measured runs. */
const heapGrowth = (r: StateResult) =>
  r.maxHeapGrowthMb ?? r.evaluation.heapGrowthMb;

const ROUTE_NAMES: Record<ReadRoute, string> = {
  paths: 'GET /paths',
  followers: 'GET /paths/:ns/:name/followers (first page, limit=20)',
  history: 'GET /paths/:ns/:name/history (90 days)',
};

/** A p95 against a multiple of the yardstick's, or not measured. */
function againstYardstick(
  name: string,
  state: LoopState,
  l: LatencyMeasurement | undefined,
  yardstick: LatencyMeasurement | undefined,
  factor: number,
): Target {
  return {
    name,
    state,
    measured:
      l && yardstick
        ? `${ms(l.p95)} ms vs ${ms(yardstick.p95)} ms`
        : 'not measured',
    pass: l && yardstick ? l.p95 <= factor * yardstick.p95 : undefined,
  };
}

function targets(report: Report): Target[] {
  const size = (n: number) => report.sizes.find(x => x.components === n);
  const at = (n: number, state: LoopState) =>
    size(n)?.states.find(r => r.state === state);
  const perState = (['active', 'quiescent'] as LoopState[]).flatMap(state => {
    const r50 = at(50_000, state);
    const r100 = at(100_000, state);
    const r10 = at(10_000, state);
    const timeRatio =
      r100?.catalogWalk && r100.evaluation.runMs / r100.catalogWalk.ms;
    const heapOverReads =
      r100?.catalogWalk &&
      r100.evaluation.heapGrowthMb - r100.catalogWalk.sample.heapGrowthMb;
    return [
      againstYardstick(
        'allow-all: GET /paths p95 ≤ yardstick p95 at 50k',
        state,
        r50?.paths,
        r50?.yardstick,
        1,
      ),
      ...(['followers', 'history'] as const).map(route =>
        againstYardstick(
          `allow-all: ${ROUTE_NAMES[route]} p95 ≤ yardstick p95 at 50k`,
          state,
          r50?.allowAll?.[route],
          r50?.yardstick,
          1,
        ),
      ),
      ...(['paths', 'followers', 'history'] as const).flatMap(route => {
        const first = r50?.conditional?.firstRequests.filter(
          f => f.route === route,
        );
        const slowest = first?.length
          ? Math.max(...first.map(f => f.ms))
          : undefined;
        return [
          againstYardstick(
            `conditional: ${ROUTE_NAMES[route]} p95 ≤ 2 × yardstick p95 at 50k`,
            state,
            r50?.conditional?.[route],
            r50?.yardstick,
            2,
          ),
          {
            name: `conditional: ${ROUTE_NAMES[route]} first request after an evaluation ≤ 1 s at 50k`,
            state,
            measured:
              slowest === undefined
                ? 'not measured'
                : `${ms(slowest)} ms${
                    first!.length > 1 ? ` (slowest of ${first!.length})` : ''
                  }`,
            pass: slowest === undefined ? undefined : slowest <= 1000,
          },
        ];
      }),
      {
        name: 'evaluation of 100k < 60 s (median run)',
        state,
        measured: r100 ? `${s(r100.evaluation.runMs)} s` : 'not measured',
        pass: r100 ? r100.evaluation.runMs < 60_000 : undefined,
      },
      {
        name: 'heap growth during the 100k evaluation < 200 MB (largest of the runs)',
        state,
        measured: r100 ? `${mb(heapGrowth(r100))} MB` : 'not measured',
        pass: r100 ? heapGrowth(r100) < 200 : undefined,
      },
      ...(state === 'active'
        ? [
            {
              name: 'heap growth of the 100k evaluation − of its catalog reads alone ≤ 50 MB (median run)',
              state,
              measured:
                heapOverReads === undefined
                  ? 'not measured'
                  : `${mb(r100!.evaluation.heapGrowthMb)} − ${mb(
                      r100!.catalogWalk!.sample.heapGrowthMb,
                    )} = ${mb(heapOverReads)} MB`,
              pass:
                heapOverReads === undefined ? undefined : heapOverReads <= 50,
            },
          ]
        : []),
      {
        name: 'evaluation time 100k / 10k ≤ 11 (median runs)',
        state,
        measured:
          r100 && r10
            ? (r100.evaluation.runMs / r10.evaluation.runMs).toFixed(2)
            : 'not measured',
        pass:
          r100 && r10
            ? r100.evaluation.runMs / r10.evaluation.runMs <= 11
            : undefined,
      },
      {
        name: 'evaluation time 100k / its catalog reads alone ≤ 1.15 (median run)',
        state,
        measured:
          timeRatio === undefined
            ? 'not measured'
            : `${s(r100!.evaluation.runMs)} s / ${s(
                r100!.catalogWalk!.ms,
              )} s = ${timeRatio.toFixed(2)}`,
        pass: timeRatio === undefined ? undefined : timeRatio <= 1.15,
      },
    ];
  });
  const exactness = size(50_000)?.exactness;
  // Each target's rows together, active then quiescent.
  const names = [...new Set(perState.map(t => t.name))];
  return [
    ...names.flatMap(name => perState.filter(t => t.name === name)),
    {
      name: 'conditional: every count of GET /paths equals the catalog by-query’s, 20 random policies at 50k',
      state: 'quiescent',
      measured: exactness
        ? `${exactness.exact}/${exactness.policies} policies, ${exactness.pathCounts} path counts compared, ${exactness.differences.length} differ`
        : 'not measured',
      pass: exactness ? exactness.differences.length === 0 : undefined,
    },
  ];
}

const rate = (count: number, elapsedMs: number) =>
  elapsedMs > 0 ? (count / (elapsedMs / 1000)).toFixed(0) : '-';

function repositoryTable(result: RepositoryResult): string {
  const rows = result.runs.map(({ label, evaluation: e }) => [
    label,
    s(e.runMs),
    String(e.stats.repositoryReads),
    String(e.stats.repositoryNotModified),
    String(e.stats.repositoryFailures),
    `${e.meters.repositoryReads.calls} / ${s(e.meters.repositoryReads.busyMs)}`,
    rate(e.meters.repositoryReads.calls, e.meters.repositoryReads.busyMs),
    rate(e.meters.repositoryReads.calls, e.runMs),
  ]);
  return table(
    [
      'evaluation',
      'run s',
      'full reads',
      'not modified',
      'failed',
      'readTree calls / s busy reading',
      'reads per s of reading',
      'reads per s of run',
    ],
    rows,
  );
}

export function formatReport(report: Report): string {
  const m = report.machine;
  const lines = [
    '# Golden-paths evaluation benchmark: results',
    '',
    'Written by `npm run bench -w plugins/golden-paths-backend` (see `bench/run.ts`).',
    '',
    `- Date: ${m.date}`,
    `- Machine: ${m.cpus}, ${m.memoryGb.toFixed(
      0,
    )} GB memory, load average at start ${m.loadAverage}`,
    `- Node.js ${m.node}; ${m.postgres}, autovacuum ${m.autovacuum}; ${
      report.emulateAutovacuum
        ? 'the benchmark runs `VACUUM (ANALYZE)` on its databases as autovacuum would (every 2 min while loading, after loading, before each evaluation)'
        : 'no VACUUM or ANALYZE by the benchmark (`--stale-statistics`)'
    }`,
    `- Command: \`${report.command}\``,
    `- Code: ${report.code}`,
    `- Databases (kept for \`--reuse\`): ${report.databases
      .map(d => `\`${d}\``)
      .join(', ')}`,
    `- Catalog: 20 Groups, 10 Systems, the 7 example GoldenPaths, N Components (${report.entityBytes.toFixed(
      0,
    )} bytes of JSON on average as provided), 60% following a path`,
    '',
    '## Evaluation',
    '',
    evaluationTable(report),
    '',
    `## Read latency (${
      report.requests ?? 200
    } sequential requests of each read after 20 warm-up, all reads of a size and state interleaved)`,
    '',
    'An allow-all caller (the benchmark’s static token: a service, every permission allowed). Followers and history are those of `goldenpath:default/node-http-service`, the most followed path; history is the default window, the 90 days before today and today.',
    '',
    latencyTable(report),
    '',
    '## Reads under a conditional catalog policy',
    '',
    `${
      report.conditionalPolicy ?? 'A conditional policy'
    }; every other permission allowed. The caller has a Backstage user token, verified as the auth backend’s are (\`bench/userTokens.ts\`), so the plugin calls the catalog on the user’s behalf as in production. The decisions come from a permissions service in the backend (\`RandomPolicyPermissions\`), not over HTTP from a permission backend. Same requests as above, interleaved with them; the first request after an evaluation is that caller’s first after the evaluation’s task is released, one route after each measured evaluation in turn.`,
    '',
    conditionalTable(report),
    '',
    historySentence(report),
    '',
    'Exactness: 20 random conditional policies (`src/__testUtils__/randomPolicies.ts`, seed 12, each for its own user), checked after both loop states with each user’s token: the paths GET /paths lists against the GoldenPaths the catalog’s by-query returns, and each path’s adoption against the catalog’s `totalItems` for `kind=component,relations.followsGoldenPath=<path>`.',
    '',
    exactnessTable(report),
    '',
    ...(() => {
      const differences = exactnessDifferences(report);
      return differences.length ? [...differences, ''] : [];
    })(),
    '## Targets',
    '',
    '**allow-all**: the static token; **conditional**: the caller and policy of "Reads under a conditional catalog policy" above; the yardstick is the allow-all one. A first request is the slowest of those measured at that size and state.',
    '',
    table(
      ['target', 'processing loop', 'measured', 'result'],
      targets(report).map(t => [
        t.name,
        t.state,
        t.measured,
        // eslint-disable-next-line no-nested-ternary
        t.pass === undefined ? 'not measured' : t.pass ? 'pass' : '**FAIL**',
      ]),
    ),
    '',
    '## Where the time goes',
    '',
    'Measured evaluations: time the catalog spent serving the evaluation’s `by-query` requests (root HTTP router, request to response finished) and time the plugin spent in database statements (knex events); each counts overlapping calls once. With the next page fetched while the current one is evaluated, the two overlap each other and the checks.',
    '',
    timeTable(report),
    '',
    'CPU profile of one more evaluation per size and state (V8 sampling profiler, whole process, from the trigger to completion; native frames such as `JSON.parse` count for their caller; idle is time the process waited for PostgreSQL or the scheduler):',
    '',
    breakdownTable(
      report,
      'CPU self time, s',
      r => r.profile?.cpu,
      v => (v / 1000).toFixed(1),
    ),
    '',
    'Memory allocated during the same profiled evaluation (V8 sampling heap profiler, objects collected since included), by the code that allocated it; most of it is garbage by the end (see "retained after GC" above):',
    '',
    breakdownTable(
      report,
      'allocated, MB',
      r => r.profile?.allocations,
      v => v.toFixed(0),
    ),
    '',
    "The evaluation against its catalog reads alone: the benchmark reads the same pages the evaluation reads (each path's followers by its `followsGoldenPath` relation, the evaluation's fields, 500 a page, two paths at a time) over HTTP and drops them; the heap figure is the whole process, as above:",
    '',
    walkTable(report),
    '',
    '## Loading',
    '',
    loadTable(report),
    '',
  ];
  if (report.skippedSizes.length) {
    lines.push(
      `Skipped sizes (smaller than the reused catalog): ${report.skippedSizes.join(
        ', ',
      )}`,
      '',
    );
  }
  if (report.repositories) {
    const r = report.repositories;
    lines.push(
      '## Repository reads',
      '',
      `${r.repositories} local repositories (up to ${
        r.filesPerRepository
      } files each) read through the local-repository URL reader, in their own small catalog; loaded in ${s(
        r.loadMs,
      )} s; ${r.compliant} of ${r.repositories} compliant.`,
      '',
      repositoryTable(r),
      '',
    );
  }
  lines.push('## Notes', '', ...report.notes.map(n => `- ${n}`), '');
  return lines.join('\n');
}
