import type {
  CatalogWalk,
  EvaluationMeasurement,
  LatencyMeasurement,
  ProcessSample,
} from './measure';
import type { Breakdown } from './profile';

export type LoopState = 'quiescent' | 'active';

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
  paths: LatencyMeasurement;
  yardstick: LatencyMeasurement;
  /** The machine's 1-minute load average after the measurements. */
  loadAverage?: number;
  /** The evaluation's catalog reads alone, made over HTTP by the bench. */
  catalogWalk?: CatalogWalk;
  /** One more evaluation, under the CPU and allocation profilers. */
  profile: {
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
  states: StateResult[];
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

function latencyTable(report: Report): string {
  const rows = report.sizes.flatMap(size =>
    size.states.map(({ state, paths, yardstick }) => [
      k(size.components),
      state,
      `${ms(paths.p50)} / ${ms(paths.p95)}`,
      `${ms(yardstick.p50)} / ${ms(yardstick.p95)}`,
    ]),
  );
  return table(
    [
      'components',
      'processing loop',
      'GET /api/golden-paths/paths p50 / p95 ms',
      'yardstick by-query kind=component limit=20 totalItems=exclude p50 / p95 ms',
    ],
    rows,
  );
}

function loadTable(report: Report): string {
  const rows = report.sizes.map(size => [
    k(size.components),
    size.load ? String(size.load.addedEntities) : 'reused',
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
    size.states.map(r => ({
      label: `${k(size.components)} ${r.state} (${s(
        r.profile.evaluation.runMs,
      )} s)`,
      values: new Map((pick(r) ?? []).map(c => [c.category, c.value] as const)),
    })),
  );
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

function targets(report: Report): Target[] {
  const at = (n: number, state: LoopState) =>
    report.sizes
      .find(size => size.components === n)
      ?.states.find(r => r.state === state);
  return (['active', 'quiescent'] as LoopState[]).flatMap(state => {
    const r50 = at(50_000, state);
    const r100 = at(100_000, state);
    const r10 = at(10_000, state);
    return [
      {
        name: 'GET /paths p95 ≤ yardstick p95 at 50k',
        state,
        measured: r50
          ? `${ms(r50.paths.p95)} ms vs ${ms(r50.yardstick.p95)} ms`
          : 'not measured',
        pass: r50 ? r50.paths.p95 <= r50.yardstick.p95 : undefined,
      },
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
    ];
  });
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
    '## Read latency (200 sequential requests after 20 warm-up, interleaved)',
    '',
    latencyTable(report),
    '',
    '## Targets',
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
      r => r.profile.cpu,
      v => (v / 1000).toFixed(1),
    ),
    '',
    'Memory allocated during the same profiled evaluation (V8 sampling heap profiler, objects collected since included), by the code that allocated it; most of it is garbage by the end (see "retained after GC" above):',
    '',
    breakdownTable(
      report,
      'allocated, MB',
      r => r.profile.allocations,
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
