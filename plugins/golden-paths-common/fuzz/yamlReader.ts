/*
 * `npm run fuzz`: the property of parseYamlDocuments.property.test.ts
 * (any text up to the size limit comes back as problems or values within a
 * fixed time, never as an exception) for many more cases and inputs up to
 * the full 1 MiB. Prints the slowest input and writes fuzz/RESULTS.md.
 *
 *   npm run fuzz -- --runs 20000 --seed 42
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DEFAULT_YAML_LIMITS, parseYamlDocuments } from '../src';
import { hostileYaml } from '../src/validation/__testUtils__/yamlArbitraries';

const BUDGET_MS = 3_000;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const runs = option('runs', 5_000);
const seed = option('seed', Date.now() % 2 ** 31);

let slowest = { ms: -1, bytes: 0, sample: '' };
let cases = 0;
let totalMs = 0;
const started = Date.now();

const result = fc.check(
  fc.property(hostileYaml(DEFAULT_YAML_LIMITS.maxBytes), text => {
    const before = Date.now();
    const file = parseYamlDocuments(text);
    const ms = Date.now() - before;
    cases++;
    totalMs += ms;
    if (ms > slowest.ms) {
      slowest = {
        ms,
        bytes: Buffer.byteLength(text),
        sample: JSON.stringify(text.slice(0, 60)),
      };
    }
    for (const document of file.documents) {
      JSON.stringify(document.value);
    }
    return ms < BUDGET_MS;
  }),
  { seed, numRuns: runs },
);

const lines = [
  '# YAML reader fuzzing',
  '',
  `Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${
    cpus().length
  } cores: \`npm run fuzz -- --runs ${runs} --seed ${seed}\`.`,
  '',
  '| figure | value |',
  '|---|---|',
  `| cases | ${cases} |`,
  `| failures | ${result.failed ? 1 : 0} |`,
  `| wall time | ${((Date.now() - started) / 1000).toFixed(1)} s |`,
  `| mean time per case | ${(totalMs / Math.max(cases, 1)).toFixed(1)} ms |`,
  `| slowest case | ${slowest.ms} ms, ${
    slowest.bytes
  } bytes, starting ${slowest.sample.replace(/\|/g, '\\|')} |`,
  `| budget per case | ${BUDGET_MS} ms |`,
  '',
];
if (result.failed) {
  lines.push(
    'Failure:',
    '',
    '```',
    fc.defaultReportMessage(result)?.slice(0, 2000) ?? '',
    '```',
    '',
  );
}
const report = lines.join('\n');
process.stdout.write(report);
writeFileSync(join(__dirname, 'RESULTS.md'), report);
process.exitCode = result.failed ? 1 : 0;
