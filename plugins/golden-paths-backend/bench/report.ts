import type { Report, RepositoryResult } from './reportTypes';
import { s, table } from './reportMarkdown';
import {
  breakdownTable,
  evaluationTable,
  loadTable,
  timeTable,
  walkTable,
} from './reportEvaluation';
import {
  conditionalTable,
  exactnessDifferences,
  exactnessTable,
  historySentence,
  latencyTable,
} from './reportReads';
import { targets } from './reportTargets';

/*
 * The benchmark's Markdown report: its sections in order, each table from
 * the module of its section (evaluation, reads, targets).
 */

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
