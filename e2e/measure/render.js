/*
 * First render of /golden-paths with 500 extra paths: the production build
 * served by the backend (the app backend serves packages/app/dist), 500
 * synthetic GoldenPath entities registered through the catalog API, and
 * headless Chromium timing each load with the browser's performance APIs.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('../lib/portal');
const { loadPaths, startBackend } = require('./measureBackend');
const { measureLoads } = require('./pageLoads');
const { syntheticPaths } = require('./syntheticPaths');

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The whole render measurement.
 *
 * @param {{ port: number, count: number, runs: number, firstPage: number, resultsDir: string, log: (line: string) => void }} options
 */
async function measureRender({
  port,
  count,
  runs,
  firstPage,
  resultsDir,
  log,
}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-measure-'));
  const pathsDir = path.join(tmp, 'repositories');
  const file = path.join(pathsDir, 'measure-paths', 'catalog-info.yaml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, syntheticPaths(count));
  const loadavg = os.loadavg();
  const backend = await startBackend({
    port,
    pathsDir,
    logFile: path.join(resultsDir, 'measure-backend.log'),
    log,
  });
  try {
    // The example paths of app-config.yaml's locations are there too, once
    // the catalog has read them.
    const examples = (
      fs
        .readFileSync(path.join(ROOT, 'examples', 'golden-paths.yaml'), 'utf8')
        .match(/^kind:\s*GoldenPath\s*$/gm) ?? []
    ).length;
    const expected = examples + count;
    await loadPaths({ url: backend.url, file, expected, log });
    const loads = await measureLoads({
      url: backend.url,
      runs,
      expected,
      firstPage,
      log,
      screenshot: path.join(resultsDir, `measure-golden-paths-${expected}.png`),
    });
    const pick = (/** @type {string} */ key) =>
      loads
        .map(l => /** @type {any} */ (l)[key])
        .filter(v => typeof v === 'number');
    return {
      expected,
      loadavg,
      loads,
      median: {
        domContentLoaded: median(pick('domContentLoaded')),
        scriptsLoaded: median(pick('scriptsLoaded')),
        shell: median(pick('shell')),
        signInEnd: median(pick('signInEnd')),
        catalogStart: median(pick('catalogStart')),
        catalogEnd: median(pick('catalogEnd')),
        catalogBytes: median(pick('catalogBytes')),
        pathsStart: median(pick('pathsStart')),
        pathsEnd: median(pick('pathsEnd')),
        pathsBytes: median(pick('pathsBytes')),
        fcp: median(pick('fcp')),
        firstCard: median(pick('firstCard')),
        listReady: median(pick('listReady')),
        allCardsAfterClicks: median(pick('allCardsAfterClicks')),
      },
    };
  } finally {
    await backend.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { measureRender, syntheticPaths };
