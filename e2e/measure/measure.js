#!/usr/bin/env node
/*
 * `npm run measure:frontend`: what the Golden Paths plugin costs the app.
 *
 *  1. Initial bundle: the production build's index.html scripts, gzipped,
 *     and the plugin's share of them, two ways: (a) by the build's source
 *     maps, which say which source every minified character comes from;
 *     (b) by building a second time without the plugin (app.packages
 *     exclude) and comparing, which also counts libraries only the plugin
 *     pulls into the initial chunks. Target: < 100 KB gzipped.
 *  2. First render of /golden-paths with 500 more paths: the built app served
 *     by the backend, 500 synthetic GoldenPaths registered via the catalog
 *     API, median of 5 cold loads in headless Chromium. Target: < 1 s.
 *
 * Writes e2e/measure/RESULTS.md, e2e-results/measure.json and a screenshot.
 *
 * Environment: MEASURE_SKIP_BUILD=1 (use the existing packages/app/dist),
 * MEASURE_SKIP_BASELINE=1 (no build without the plugin), MEASURE_PORT
 * (7007), MEASURE_PATHS (500), MEASURE_RUNS (5), MEASURE_KEEP_DIST=1 (keep
 * packages/app/dist afterwards; by default it is removed, so a later
 * `npm start` backend does not serve this stale build on :7007).
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {
  analyzeInitial,
  buildApp,
  pluginLazyChunks,
  DIST,
  ROOT,
} = require('./bundle');
const { machine } = require('./machine');
const {
  BUNDLE_TARGET_KB,
  FIRST_PAGE,
  RENDER_TARGET_MS,
  readOptions,
} = require('./options');
const { measureRender } = require('./render');
const { formatMarkdown, markdown } = require('./resultsMarkdown');
const { kb } = require('./units');
const { stopAllGroups } = require('../lib/portal');

const RESULTS_DIR = path.join(ROOT, 'e2e-results');
const RESULTS_MD = path.join(__dirname, 'RESULTS.md');

/** @param {string} line */
function log(line) {
  process.stdout.write(`[measure] ${line}\n`);
}

async function main() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const { skipBuild, skipBaseline, keepDist, port, count, runs } =
    readOptions();
  const started = Date.now();

  /** @type {ReturnType<typeof analyzeInitial> | undefined} */
  let baseline;
  /** @type {number | undefined} */
  let baselineBuildSeconds;
  if (!skipBaseline) {
    const exclude = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-measure-')),
      'app-config.without-golden-paths.yaml',
    );
    fs.writeFileSync(
      exclude,
      'app:\n  packages:\n    exclude:\n      - "@golden-paths/golden-paths"\n',
    );
    log('build 1 of 2: the app without the Golden Paths plugin');
    baselineBuildSeconds = await buildApp({
      extraConfig: exclude,
      log,
      logFile: path.join(RESULTS_DIR, 'measure-build-without-plugin.log'),
    });
    baseline = analyzeInitial();
    if (baseline.owners.plugin.bytes > 0) {
      throw new Error(
        'the build without the plugin still has plugin code in its initial scripts: app.packages.exclude did not apply',
      );
    }
  }
  /** @type {number | undefined} */
  let buildSeconds;
  if (!skipBuild) {
    log(`build ${skipBaseline ? '1 of 1' : '2 of 2'}: the app as configured`);
    buildSeconds = await buildApp({
      log,
      logFile: path.join(RESULTS_DIR, 'measure-build.log'),
    });
  }
  const initial = analyzeInitial();
  const lazy = pluginLazyChunks();
  log(
    `initial scripts: ${initial.scripts.length}, ${kb(
      initial.total.gzip,
    )} gzipped; plugin ${kb(initial.owners.plugin.bytes)} raw / ≤ ${kb(
      initial.owners.plugin.gzip,
    )} gzipped, common ${kb(initial.owners.common.bytes)} raw / ≤ ${kb(
      initial.owners.common.gzip,
    )} gzipped`,
  );
  const delta = baseline ? initial.total.gzip - baseline.total.gzip : undefined;
  if (delta !== undefined) {
    log(`with the plugin the initial scripts grow by ${kb(delta)} gzipped`);
  }

  const render = await measureRender({
    port,
    count,
    runs,
    firstPage: FIRST_PAGE,
    resultsDir: RESULTS_DIR,
    log,
  });
  log(`median of ${render.loads.length}: ${JSON.stringify(render.median)}`);

  // Pass/fail. The plugin's initial cost: the A/B difference when measured
  // (it includes what only the plugin imports), else the source-map bound.
  const pluginInitialGzip =
    delta ?? initial.owners.plugin.gzip + initial.owners.common.gzip;
  const bundlePass = pluginInitialGzip < BUNDLE_TARGET_KB * 1024;
  const renderPass =
    render.median.fcp < RENDER_TARGET_MS &&
    render.median.listReady < RENDER_TARGET_MS;

  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    buildSeconds,
    baselineBuildSeconds,
    initial,
    baseline: baseline && { total: baseline.total, scripts: baseline.scripts },
    lazy,
    render,
    pass: { bundle: bundlePass, render: renderPass },
  };
  fs.writeFileSync(
    path.join(RESULTS_DIR, 'measure.json'),
    JSON.stringify(report, null, 2),
  );
  fs.writeFileSync(
    RESULTS_MD,
    formatMarkdown(markdown(report, pluginInitialGzip)),
  );
  log(
    `wrote ${path.relative(ROOT, RESULTS_MD)} in ${(
      (Date.now() - started) /
      1000
    ).toFixed(0)}s total`,
  );
  log(
    `bundle: ${bundlePass ? 'PASS' : 'FAIL'}, render: ${
      renderPass ? 'PASS' : 'FAIL'
    }`,
  );

  if (!keepDist && !skipBuild) {
    fs.rmSync(DIST, { recursive: true, force: true });
  }
  return bundlePass && renderPass ? 0 : 1;
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    stopAllGroups().finally(() =>
      process.exit(signal === 'SIGINT' ? 130 : 143),
    );
  });
}

main().then(
  code => process.exit(code),
  error => {
    process.stderr.write(
      `[measure] ${error instanceof Error ? error.stack : error}\n`,
    );
    process.exit(1);
  },
);
