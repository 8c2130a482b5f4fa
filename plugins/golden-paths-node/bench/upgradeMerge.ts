/*
 * Times the three-way merge of template upgrades on every fixture case
 * (src/upgrade/__fixtures__), both repository sides, the 20,000-line
 * lockfile included. Not part of `npm test`.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/upgradeMerge.ts [--runs 5]
 *
 * Run from plugins/golden-paths-node. Writes bench/RESULTS.md (medians of
 * the runs) and prints the same. Type-check with
 * `npx tsc -p plugins/golden-paths-node/bench`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFixtureRepository } from '../src/upgrade/__fixtures__/fixtureRepository';
import {
  fixtureExclude,
  fixtureLabels,
  renderTemplate,
} from '../src/upgrade/__fixtures__/fixtureTemplate';
import {
  repositoryFiles,
  upgradeFixtureCases,
} from '../src/upgrade/__fixtures__/upgradeFixtures';
import { commitToLocalBranch } from '../src/upgrade/commitToLocalBranch';
import { planThreeWayMerge } from '../src/upgrade/planThreeWayMerge';
import type { RepositorySide } from '../src/upgrade/types';

interface Row {
  name: string;
  side: RepositorySide['type'];
  files: number;
  conflicts: number;
  planMs: number;
  writeMs: number;
  mergeMs: number;
  classifyMs: number;
  deliverMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value: number) => value.toFixed(1);

async function measure(runs: number, root: string): Promise<Row[]> {
  const base = renderTemplate(1);
  const template = renderTemplate(2);
  const rows: Row[] = [];
  let count = 0;
  for (const side of ['git', 'files'] as const) {
    for (const fixtureCase of upgradeFixtureCases) {
      count += 1;
      const files = repositoryFiles(fixtureCase);
      const repository = createFixtureRepository(
        join(root, `repo-${count}`),
        files,
      );
      const samples: Omit<Row, 'name' | 'side'>[] = [];
      // One unmeasured run warms the file cache and the module loader.
      for (let run = 0; run <= runs; run++) {
        const merge = await planThreeWayMerge({
          base,
          template,
          repository:
            side === 'git'
              ? {
                  type: 'git',
                  gitDir: repository.gitDir,
                  commit: repository.commit,
                }
              : { type: 'files', files },
          labels: fixtureLabels,
          exclude: fixtureExclude,
        });
        const started = performance.now();
        await commitToLocalBranch({
          merge,
          gitDir: repository.gitDir,
          parent: repository.commit,
          branch: 'golden-paths/upgrade-fixture-service',
          message: 'Upgrade to fixture-service 2.0.0',
        });
        const deliverMs = performance.now() - started;
        await merge.dispose();
        if (run > 0) {
          samples.push({
            files: merge.files.length,
            conflicts: merge.conflicts,
            planMs: merge.timings.totalMs,
            writeMs: merge.timings.writeMs,
            mergeMs: merge.timings.mergeMs,
            classifyMs: merge.timings.classifyMs,
            deliverMs,
          });
        }
      }
      const row: Row = {
        name: fixtureCase.name,
        side,
        files: samples[0].files,
        conflicts: samples[0].conflicts,
        planMs: median(samples.map(s => s.planMs)),
        writeMs: median(samples.map(s => s.writeMs)),
        mergeMs: median(samples.map(s => s.mergeMs)),
        classifyMs: median(samples.map(s => s.classifyMs)),
        deliverMs: median(samples.map(s => s.deliverMs)),
      };
      rows.push(row);
      process.stderr.write(`${side} ${row.name}: plan ${ms(row.planMs)} ms\n`);
    }
  }
  return rows;
}

// Aligned the way Prettier aligns Markdown tables, so the file passes
// `prettier --check`; columns from `leftColumns` on are numbers.
function markdownTable(
  header: string[],
  rows: string[][],
  leftColumns: number,
): string[] {
  const widths = header.map((h, i) =>
    Math.max(h.length, 3, ...rows.map(r => r[i].length)),
  );
  const cell = (value: string, i: number) =>
    i < leftColumns ? value.padEnd(widths[i]) : value.padStart(widths[i]);
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = widths.map((w, i) =>
    i < leftColumns ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`,
  );
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)];
}

function report(rows: Row[], runs: number): string {
  const git = execFileSync('git', ['--version']).toString().trim();
  const lockfileLines =
    renderTemplate(1)
      .find(f => f.path === 'package-lock.json')!
      .content.toString()
      .split('\n').length - 1;
  const lines = [
    '# Upgrade merge benchmark',
    '',
    `Median of ${runs} runs per case (after one warm-up run), ${new Date()
      .toISOString()
      .slice(0, 10)}.`,
    `${git}, Node.js ${process.version}, ${cpus().length} × ${
      cpus()[0]?.model ?? 'CPU'
    }, load ${loadavg()[0].toFixed(2)}.`,
    '',
    `Every case merges the fixture template v1 → v2 (${
      renderTemplate(2).length
    } files, a ${lockfileLines.toLocaleString('en')}-line`,
    '`package-lock.json` among them) with a repository of v1 plus the developer edit the case names.',
    '_plan_ is `planThreeWayMerge` end to end: _write_ (the three trees into the temporary',
    'repository, one `git fast-import`), _merge_ (`git merge-tree` and rename detection, in',
    'parallel, and listing the result) and _classify_ (outcomes, labelled conflicts, final tree).',
    '_deliver_ is `commitToLocalBranch` (objects copied, `commit-tree`, `update-ref`).',
    '',
    ...markdownTable(
      [
        'case',
        'repository',
        'files',
        'conflicts',
        'plan ms',
        'write ms',
        'merge ms',
        'classify ms',
        'deliver ms',
      ],
      rows.map(r => [
        r.name,
        r.side,
        String(r.files),
        String(r.conflicts),
        ms(r.planMs),
        ms(r.writeMs),
        ms(r.mergeMs),
        ms(r.classifyMs),
        ms(r.deliverMs),
      ]),
      2,
    ),
    '',
  ];
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' } },
  });
  const runs = Number(values.runs);
  const root = mkdtempSync(join(tmpdir(), 'upgrade-merge-bench-'));
  try {
    const text = report(await measure(runs, root), runs);
    writeFileSync(join(__dirname, 'RESULTS.md'), text);
    process.stdout.write(text);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
