import type { Breakdown } from './profile';
import type { Report, StateResult } from './reportTypes';
import { k, mb, ms, s, table } from './reportMarkdown';

/*
 * The report's tables of evaluations: duration and heap, where the time
 * goes, profiles, the catalog reads alone, loading.
 */
export function evaluationTable(report: Report): string {
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

export function loadTable(report: Report): string {
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

export function timeTable(report: Report): string {
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
export function breakdownTable(
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

export function walkTable(report: Report): string {
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
