import type { LatencyMeasurement } from './measure';
import type { ConditionalReads, ReadRoute, Report } from './reportTypes';
import { k, ms, s, table } from './reportMarkdown';

/*
 * The report's tables of reads: latency for the allow-all and the
 * conditional caller, history, exactness.
 */
const latency = (l: LatencyMeasurement | undefined) =>
  l ? `${ms(l.p50)} / ${ms(l.p95)}` : 'not measured';

export function latencyTable(report: Report): string {
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

export function conditionalTable(report: Report): string {
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

export function historySentence(report: Report): string {
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

export function exactnessTable(report: Report): string {
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

export function exactnessDifferences(report: Report): string[] {
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
