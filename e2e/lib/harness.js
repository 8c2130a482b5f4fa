/*
 * A small scenario runner: named scenarios in order, each with a timeout and
 * a screenshot, a summary at the end. No test framework is installed in this
 * repository for browsers, and the suite needs only this much.
 */
'use strict';

/**
 * @typedef {object} Scenario
 * @property {string} name Short kebab-case name; also the screenshot's name.
 * @property {string} title What a user does and sees, for the report.
 * @property {number} [timeoutMs] Default 120 s.
 * @property {string[]} [needs] Names of scenarios that must have passed first
 *   (sign-in, or the one that scaffolded the component this one opens).
 * @property {(ctx: any) => Promise<void>} run
 */

/**
 * @typedef {object} ScenarioResult
 * @property {string} name
 * @property {number} number its place in the full list, as in the screenshots' names
 * @property {string} title
 * @property {'passed' | 'failed' | 'skipped'} status
 * @property {number} ms
 * @property {string} [error]
 */

/**
 * Rejects after `ms` with a message naming the scenario, unless `promise`
 * settles first.
 *
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${ms / 1000}s`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Formats an error for the report: the message, and the first stack lines
 * that point into the scenarios (not into playwright's internals).
 *
 * @param {unknown} error
 * @returns {string}
 */
function describeError(error) {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const ours = (error.stack ?? '')
    .split('\n')
    .filter(line => line.includes('/e2e/') && !line.includes('harness.js'))
    .slice(0, 3)
    .map(line => `      ${line.trim()}`);
  // Playwright's messages carry a colored call log; its first lines say enough.
  const message = error.message
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .trim()
    .split('\n')
    .slice(0, 6)
    .join('\n');
  return [message, ...ours].join('\n');
}

/**
 * Runs the scenarios in order. A failing scenario does not stop the others,
 * except those that declared it in `needs`, which are skipped.
 *
 * @param {Scenario[]} scenarios
 * @param {(scenario: Scenario, index: number) => any} makeContext
 * @param {{ onFailure?: (scenario: Scenario, index: number, ctx: any) => Promise<void>, log?: (line: string) => void, numberOf?: (scenario: Scenario, index: number) => number }} [options]
 * @returns {Promise<ScenarioResult[]>}
 */
async function runScenarios(scenarios, makeContext, options = {}) {
  const log = options.log ?? (line => process.stdout.write(`${line}\n`));
  /** @type {ScenarioResult[]} */
  const results = [];
  const passed = new Set();
  for (const [index, scenario] of scenarios.entries()) {
    const number = options.numberOf?.(scenario, index) ?? index + 1;
    const label = `${String(number).padStart(2, '0')} ${scenario.name}`;
    const missing = (scenario.needs ?? []).filter(name => !passed.has(name));
    if (missing.length > 0) {
      results.push({
        name: scenario.name,
        number,
        title: scenario.title,
        status: 'skipped',
        ms: 0,
        error: `skipped: needs ${missing.join(', ')}, which did not pass`,
      });
      log(`- ${label}: SKIPPED (needs ${missing.join(', ')})`);
      continue;
    }
    log(`> ${label}: ${scenario.title}`);
    const started = Date.now();
    const ctx = makeContext(scenario, number - 1);
    try {
      await withTimeout(
        scenario.run(ctx),
        scenario.timeoutMs ?? 120_000,
        `scenario "${scenario.name}"`,
      );
      const ms = Date.now() - started;
      passed.add(scenario.name);
      results.push({
        name: scenario.name,
        number,
        title: scenario.title,
        status: 'passed',
        ms,
      });
      log(`  ok ${label} (${(ms / 1000).toFixed(1)}s)`);
    } catch (error) {
      const ms = Date.now() - started;
      const message = describeError(error);
      results.push({
        name: scenario.name,
        number,
        title: scenario.title,
        status: 'failed',
        ms,
        error: message,
      });
      log(`  FAILED ${label} (${(ms / 1000).toFixed(1)}s)\n    ${message}`);
      if (options.onFailure) {
        await options.onFailure(scenario, index, ctx).catch(() => undefined);
      }
    }
  }
  return results;
}

/**
 * The closing summary; its last line is "N passed, N failed, N skipped".
 *
 * @param {ScenarioResult[]} results
 * @returns {string}
 */
function summarize(results) {
  const count = (/** @type {string} */ status) =>
    results.filter(r => r.status === status).length;
  const lines = ['', 'e2e summary:'];
  for (const r of results) {
    const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[r.status];
    lines.push(
      `  ${mark} ${String(r.number).padStart(2, '0')} ${r.name.padEnd(28)} ${(
        r.ms / 1000
      )
        .toFixed(1)
        .padStart(6)}s  ${r.title}`,
    );
    if (r.status !== 'passed' && r.error) {
      lines.push(`         ${r.error.split('\n').join('\n         ')}`);
    }
  }
  lines.push(
    `e2e: ${count('passed')} passed, ${count('failed')} failed, ${count(
      'skipped',
    )} skipped`,
  );
  return lines.join('\n');
}

module.exports = { runScenarios, summarize, withTimeout };
