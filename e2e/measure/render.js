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
const { pathToFileURL } = require('node:url');
const { launchChromium } = require('../lib/browser');
const {
  api,
  guestToken,
  poll,
  refreshEvaluation,
} = require('../lib/backstage');
const {
  assertPortsFree,
  backendServesAppConfig,
  spawnGroup,
  waitFor,
  ROOT,
} = require('../lib/portal');

const CATEGORIES = [
  'service',
  'data',
  'ml',
  'frontend',
  'network-function',
  'library',
];
const LIFECYCLES = ['supported', 'supported', 'supported', 'beta'];
const GUARANTEES = [
  'owner',
  'ci',
  'sbom',
  'image-signing',
  'vulnerability-scan',
  'resource-requests',
  'autoscaling',
  'observability',
  'cost-labels',
];
const STACKS = [
  { language: 'TypeScript', runtime: 'Node.js 22', framework: 'Fastify' },
  { language: 'Python', runtime: 'Python 3.12', framework: 'Dagster' },
  { language: 'Scala', runtime: 'Spark 3.5', framework: 'Spark Operator' },
  { language: 'Go', runtime: 'Go 1.23', framework: 'net/http' },
  { language: 'TypeScript', runtime: 'Browser', framework: 'React 18' },
];

/**
 * A multi-document YAML file of `count` GoldenPaths, as varied as the
 * examples: every category, lifecycle, several stacks, 3 to 9 guarantees,
 * a few steps each.
 *
 * @param {number} count
 * @returns {string}
 */
function syntheticPaths(count) {
  const docs = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(3, '0');
    const stack = STACKS[i % STACKS.length];
    const guarantees = GUARANTEES.slice(0, 3 + (i % 7));
    docs.push(
      [
        'apiVersion: golden-paths.dev/v1alpha1',
        'kind: GoldenPath',
        'metadata:',
        `  name: measure-path-${n}`,
        `  title: Measured path ${n} (${stack.framework})`,
        `  description: Synthetic golden path ${n} for the render measurement, a ${stack.framework} workload on Kubernetes with signed images and autoscaling.`,
        `  tags: [measure, ${stack.language
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')}, kubernetes]`,
        'spec:',
        `  owner: group:default/${i % 2 ? 'platform-team' : 'payments-team'}`,
        `  lifecycle: ${LIFECYCLES[i % LIFECYCLES.length]}`,
        `  category: ${CATEGORIES[i % CATEGORIES.length]}`,
        `  version: ${1 + (i % 3)}.${i % 10}.0`,
        '  templates: [template:default/node-http-service]',
        '  stack:',
        ...Object.entries({
          ...stack,
          ci: 'GitHub Actions',
          deploy: 'Argo CD',
        }).map(([k, v]) => `    ${k}: ${v}`),
        `  guarantees: [${guarantees.join(', ')}]`,
        '  steps:',
        '    - title: Scaffold the service',
        '      description: Open the template and fill in the form.',
        '    - title: Ship it',
        '      description: Merge to main; CI signs and deploys the image.',
      ].join('\n'),
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

/**
 * Starts the backend alone (it serves the built app), with the temporary
 * directory of the synthetic paths readable as a local repository.
 *
 * @param {{ port: number, pathsDir: string, logFile: string, log: (line: string) => void }} options
 */
async function startBackend({ port, pathsDir, logFile, log }) {
  await assertPortsFree([port]);
  const configFile = path.join(pathsDir, '..', 'app-config.measure.yaml');
  const url = `http://localhost:${port}`;
  fs.writeFileSync(
    configFile,
    [
      ...backendServesAppConfig(port),
      'goldenPaths:',
      '  localRepositories:',
      '    directories:',
      '      - ../../examples/repositories',
      `      - ${JSON.stringify(pathsDir)}`,
      '',
    ].join('\n'),
  );
  // The backend's entry point run as `backstage-cli package start` runs it
  // (TypeScript through the CLI's require hook, NODE_ENV=development, so
  // guest sign-in works), but without its file watcher: an edit elsewhere in
  // the checkout must not restart the backend, and lose its in-memory
  // catalog, in the middle of a measurement.
  const args = [
    '--enable-source-maps',
    '--require',
    require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
      paths: [require.resolve('@backstage/cli/package.json')],
    }),
    'src/index',
    '--config',
    path.join(ROOT, 'app-config.yaml'),
    '--config',
    configFile,
  ];
  log(
    `starting the backend: node ${args.join(
      ' ',
    )} (in packages/backend, output in ${path.relative(ROOT, logFile)})`,
  );
  const { stop, exited } = spawnGroup(process.execPath, args, {
    cwd: path.join(ROOT, 'packages', 'backend'),
    logFile,
    env: {
      NODE_ENV: 'development',
      ESBK_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.json'),
    },
  });
  try {
    await waitFor(
      `backend ${url}`,
      async () =>
        (
          await fetch(`${url}/.backstage/health/v1/readiness`, {
            signal: AbortSignal.timeout(5000),
          })
        ).ok,
      { timeoutMs: 600_000, abort: exited },
    );
    const html = await (await fetch(`${url}/golden-paths`)).text();
    if (!html.includes('<div id="root"')) {
      throw new Error(
        `the backend does not serve the built app at ${url}/ (is packages/app/dist there?)`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/**
 * Registers the synthetic paths and waits until the catalog has them and the
 * backend has evaluated them (so the page shows figures, as in use).
 *
 * @param {{ url: string, file: string, expected: number, log: (line: string) => void }} options
 */
async function loadPaths({ url, file, expected, log }) {
  const token = await guestToken(url);
  const target = pathToFileURL(file).href;
  await api(url, token, '/api/catalog/locations', {
    method: 'POST',
    body: { type: 'url', target },
  });
  log(`registered ${target}`);
  const started = Date.now();
  await poll(
    `${expected} GoldenPath entities in the catalog`,
    async () => {
      const body = await api(
        url,
        token,
        '/api/catalog/entities/by-query?filter=kind=goldenpath&limit=1',
      );
      return body.totalItems >= expected;
    },
    { timeoutMs: 600_000, intervalMs: 3000 },
  );
  log(
    `catalog has ${expected} paths after ${(
      (Date.now() - started) /
      1000
    ).toFixed(0)}s`,
  );
  await refreshEvaluation(url, token);
  await poll(
    `${expected} evaluated paths from /api/golden-paths/paths`,
    async () => {
      let count = 0;
      let cursor;
      do {
        const page = await api(
          url,
          token,
          `/api/golden-paths/paths?limit=500${
            cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
          }`,
        );
        count += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      if (count < expected) {
        await refreshEvaluation(url, token);
      }
      return count >= expected;
    },
    { timeoutMs: 600_000, intervalMs: 5000 },
  );
  log(`backend has figures for ${expected} paths`);
}

/**
 * Recorded in the page from its first script on: when cards and the list's
 * count appear, against the navigation's start (performance.now()).
 */
function observeCards() {
  /** @type {any} */
  const w = window;
  /** @type {{ shell?: number, firstCard?: number, listReady?: number, allCards?: number, cards: number, total?: number }} */
  const marks = (w.__goldenPathsMarks = {
    shell: undefined,
    firstCard: undefined,
    listReady: undefined,
    allCards: undefined,
    cards: 0,
    total: undefined,
  });
  const check = () => {
    if (marks.shell === undefined && document.querySelector('nav')) {
      marks.shell = performance.now();
    }
    const cards = document.querySelectorAll(
      '[data-testid="golden-path-card"]',
    ).length;
    marks.cards = cards;
    if (cards > 0 && marks.firstCard === undefined) {
      marks.firstCard = performance.now();
    }
    if (marks.total === undefined) {
      for (const el of document.querySelectorAll('[role="status"]')) {
        const m = /^(\d+) paths?$/.exec((el.textContent ?? '').trim());
        if (m) {
          marks.total = Number(m[1]);
        }
      }
    }
    if (
      marks.listReady === undefined &&
      marks.total !== undefined &&
      cards >= Math.min(marks.total, w.__goldenPathsFirstPage ?? 1)
    ) {
      marks.listReady = performance.now();
    }
    if (
      marks.allCards === undefined &&
      marks.total !== undefined &&
      cards >= marks.total
    ) {
      marks.allCards = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Loads /golden-paths `runs` times in fresh tabs with the HTTP cache off and
 * reads the paint timings and the card marks.
 *
 * @param {{ url: string, runs: number, expected: number, firstPage: number, log: (line: string) => void, screenshot: string }} options
 */
async function measureLoads({
  url,
  runs,
  expected,
  firstPage,
  log,
  screenshot,
}) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      baseURL: url,
      viewport: { width: 1440, height: 900 },
    });
    await context.addInitScript(
      `window.__goldenPathsFirstPage = ${firstPage};`,
    );
    await context.addInitScript(observeCards);
    // Sign in once; later tabs restore the guest session as a returning user's do.
    const signIn = await context.newPage();
    await signIn.goto('/');
    await signIn.getByRole('button', { name: 'Enter' }).click();
    await signIn
      .getByRole('navigation')
      .getByRole('link', { name: 'Golden Paths' })
      .waitFor({ timeout: 60_000 });
    await signIn.close();

    const loads = [];
    for (let run = 0; run <= runs; run++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto('/golden-paths', { waitUntil: 'load' });
      await page.waitForFunction(
        () =>
          /** @type {any} */ (window).__goldenPathsMarks?.listReady !==
          undefined,
        undefined,
        { timeout: 120_000 },
      );
      const marks = await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const nav = /** @type {PerformanceNavigationTiming} */ (
          performance.getEntriesByType('navigation')[0]
        );
        const resources = /** @type {PerformanceResourceTiming[]} */ (
          performance.getEntriesByType('resource')
        );
        /** @param {RegExp} re */
        const request = re => {
          const r = resources.find(e => re.test(e.name));
          return (
            r && {
              start: r.startTime,
              end: r.responseEnd,
              bytes: r.encodedBodySize,
            }
          );
        };
        const initialScripts = resources.filter(
          e =>
            e.initiatorType === 'script' &&
            /\/static\/[^/]+\.js$/.test(e.name) &&
            !/chunk\.js$/.test(e.name),
        );
        return {
          fcp: paint ? paint.startTime : undefined,
          domContentLoaded: nav?.domContentLoadedEventEnd,
          scriptsLoaded: Math.max(0, ...initialScripts.map(e => e.responseEnd)),
          signIn: request(/\/api\/auth\/guest\/refresh/),
          catalog: request(/\/api\/catalog\/entities\?.*kind[=%]/i),
          paths: request(/\/api\/golden-paths\/paths\?/),
          ...w.__goldenPathsMarks,
        };
      });
      if (marks.total !== expected) {
        throw new Error(
          `the page lists ${marks.total} paths, expected ${expected}`,
        );
      }
      if (run === runs) {
        // What the user sees at "list ready".
        await page.screenshot({ path: screenshot });
      }
      // The rest of the cards: "Show more" as a user would press it.
      const more = page.getByRole('button', { name: /^Show \d+ more of/ });
      const clicksStarted = await page.evaluate(() => performance.now());
      let clicks = 0;
      while ((await more.count()) > 0 && clicks < 100) {
        await more.click();
        clicks++;
      }
      const all = await page.evaluate(
        () => /** @type {any} */ (window).__goldenPathsMarks,
      );
      const load = {
        domContentLoaded: marks.domContentLoaded,
        scriptsLoaded: marks.scriptsLoaded,
        shell: marks.shell,
        signInEnd: marks.signIn?.end,
        catalogStart: marks.catalog?.start,
        catalogEnd: marks.catalog?.end,
        catalogBytes: marks.catalog?.bytes,
        pathsStart: marks.paths?.start,
        pathsEnd: marks.paths?.end,
        pathsBytes: marks.paths?.bytes,
        fcp: marks.fcp,
        firstCard: marks.firstCard,
        listReady: marks.listReady,
        cardsAtReady: marks.cards,
        showMoreClicks: clicks,
        allCardsAfterClicks:
          all.allCards !== undefined ? all.allCards - clicksStarted : undefined,
      };
      if (run === 0) {
        log(`warm-up load (not counted): ${JSON.stringify(roundAll(load))}`);
      } else {
        loads.push(load);
        log(`load ${run}: ${JSON.stringify(roundAll(load))}`);
      }
      await page.close();
    }
    return loads;
  } finally {
    await browser.close();
  }
}

/** @param {Record<string, any>} o */
function roundAll(o) {
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [
      k,
      typeof v === 'number' ? Math.round(v) : v,
    ]),
  );
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
