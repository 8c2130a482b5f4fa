import type { LatencyMeasurement } from './measure';
import type { LoopState, ReadRoute, Report, StateResult } from './reportTypes';
import { mb, ms, s } from './reportMarkdown';

/* The targets of issue 12, each measured against its threshold. */
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

export function targets(report: Report): Target[] {
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
