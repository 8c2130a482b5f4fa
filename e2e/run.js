#!/usr/bin/env node
/*
 * `npm run test:e2e`: starts the portal (unless E2E_BASE_URL points to a
 * running one), drives Debian's Chromium through the scenarios in
 * ./scenarios.js as a user would, and writes a full-page screenshot of each
 * to e2e-results/<nn>-<name>.png.
 *
 * Environment:
 *   E2E_BASE_URL         test this running frontend instead of starting one
 *   E2E_BACKEND_URL      its backend (default: :7007 for a :3000 frontend,
 *                        else the frontend's origin, as in production)
 *   E2E_APP_PORT         frontend port of the portal started here (3000)
 *   E2E_BACKEND_PORT     backend port of the portal started here (7007)
 *   E2E_START_TIMEOUT_MS how long the first build may take (900000)
 *   E2E_ONLY             comma-separated scenario names to run (and the
 *                        ones they need)
 *   E2E_CHROMIUM         the browser (/usr/bin/chromium)
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { launchChromium } = require('./lib/browser');
const { runScenarios, summarize } = require('./lib/harness');
const { startPortal, ROOT } = require('./lib/portal');
const { guestToken } = require('./lib/backstage');
const { scenarios } = require('./scenarios');

const RESULTS = path.join(ROOT, 'e2e-results');

/** @param {string} line */
function log(line) {
  process.stdout.write(`[e2e] ${line}\n`);
}

/**
 * The scenarios to run: all, or E2E_ONLY's and what they need.
 *
 * @param {import('./lib/harness').Scenario[]} all
 */
function selectScenarios(all) {
  const only = process.env.E2E_ONLY?.split(',')
    .map(s => s.trim())
    .filter(Boolean);
  if (!only?.length) {
    return all;
  }
  const unknown = only.filter(name => !all.some(s => s.name === name));
  if (unknown.length) {
    throw new Error(
      `E2E_ONLY names unknown scenarios: ${unknown.join(', ')} (known: ${all
        .map(s => s.name)
        .join(', ')})`,
    );
  }
  const wanted = new Set(only);
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of all) {
      if (wanted.has(s.name)) {
        for (const need of s.needs ?? []) {
          if (!wanted.has(need)) {
            wanted.add(need);
            changed = true;
          }
        }
      }
    }
  }
  return all.filter(s => wanted.has(s.name));
}

/**
 * The text of the dev server's error overlay (a failed build), if shown.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string | undefined>}
 */
async function buildErrorOverlay(page) {
  for (const id of [
    'react-refresh-overlay',
    'webpack-dev-server-client-overlay',
  ]) {
    if (await page.locator(`iframe#${id}`).count()) {
      const text = await page
        .frameLocator(`iframe#${id}`)
        .locator('body')
        .innerText({ timeout: 2000 })
        .catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .slice(0, 12)
        .map(line => `      ${line}`)
        .join('\n');
    }
  }
  return undefined;
}

/**
 * A screenshot of the whole page. Backstage pages scroll inside a 100vh
 * layout, not the document, so playwright's fullPage alone stops at the
 * viewport: the viewport is made as tall as the content for the shot.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} file
 */
async function fullPageScreenshot(page, file) {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const hidden = await page.evaluate(() => {
    let most = 0;
    for (const el of document.querySelectorAll(
      'main, main *, body > div, body > div > div',
    )) {
      const { overflowY } = getComputedStyle(el);
      if (/auto|scroll/.test(overflowY)) {
        most = Math.max(most, el.scrollHeight - el.clientHeight);
        el.scrollTop = 0;
      }
    }
    window.scrollTo(0, 0);
    return most;
  });
  if (hidden > 0) {
    await page.setViewportSize({
      width: viewport.width,
      height: Math.min(viewport.height + hidden, 8000),
    });
    await page.waitForTimeout(300);
  }
  try {
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    if (hidden > 0) {
      await page.setViewportSize(viewport);
    }
  }
}

/** @param {string} appUrl */
function backendFor(appUrl) {
  if (process.env.E2E_BACKEND_URL) {
    return process.env.E2E_BACKEND_URL.replace(/\/$/, '');
  }
  const url = new URL(appUrl);
  if (url.port === '3000') {
    url.port = '7007';
  }
  return url.origin;
}

async function main() {
  const started = Date.now();
  const selected = selectScenarios(scenarios);
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const file of fs.readdirSync(RESULTS)) {
    // The last run's screenshots; the measurement's stay.
    if (/^\d\d-.*\.png$/.test(file)) {
      fs.rmSync(path.join(RESULTS, file));
    }
  }

  /** @type {(() => Promise<void>) | undefined} */
  let stopPortal;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    const stop = stopPortal;
    stopPortal = undefined;
    if (stop) {
      log('stopping the portal');
      await stop();
    }
  };
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }

  try {
    let appUrl;
    let backendUrl;
    /** @type {string | undefined} */
    let goldenPathsFile;
    if (process.env.E2E_BASE_URL) {
      appUrl = process.env.E2E_BASE_URL.replace(/\/$/, '');
      backendUrl = backendFor(appUrl);
      log(`testing the running portal at ${appUrl} (backend ${backendUrl})`);
    } else {
      const portal = await startPortal({
        logFile: path.join(RESULTS, 'portal.log'),
        timeoutMs: Number(process.env.E2E_START_TIMEOUT_MS ?? 900_000),
        appPort: Number(process.env.E2E_APP_PORT ?? 3000),
        backendPort: Number(process.env.E2E_BACKEND_PORT ?? 7007),
        log,
      });
      stopPortal = portal.stop;
      ({ appUrl, backendUrl, goldenPathsFile } = portal);
    }
    const portalSeconds = (Date.now() - started) / 1000;

    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: appUrl,
      viewport: { width: 1440, height: 900 },
    });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', error => pageErrors.push(error.message));

    /** Shared between scenarios: e.g. the scaffolded component's name. */
    const state = {};
    /** @type {string | undefined} */
    let token;
    const results = await runScenarios(
      selected,
      (scenario, index) => {
        const prefix = `${String(index + 1).padStart(2, '0')}-${scenario.name}`;
        return {
          page,
          context,
          appUrl,
          backendUrl,
          goldenPathsFile,
          state,
          log: (/** @type {string} */ line) => log(`  ${line}`),
          /** A guest token for direct backend calls. */
          token: async () => (token ??= await guestToken(backendUrl)),
          /**
           * Full-page screenshot e2e-results/<nn>-<name>[-<suffix>].png.
           *
           * @param {string} [suffix]
           */
          screenshot: async suffix => {
            const file = path.join(
              RESULTS,
              `${prefix}${suffix ? `-${suffix}` : ''}.png`,
            );
            await fullPageScreenshot(page, file);
            log(`  screenshot ${path.relative(ROOT, file)}`);
          },
        };
      },
      {
        log,
        numberOf: scenario => scenarios.indexOf(scenario) + 1,
        onFailure: async (_scenario, _index, ctx) => {
          await ctx.screenshot('failed');
          const overlay = await buildErrorOverlay(page);
          if (overlay) {
            log(
              `  the dev server shows build errors over the page:\n${overlay}`,
            );
          }
          if (pageErrors.length) {
            log(
              `  uncaught errors in the page: ${pageErrors
                .slice(-3)
                .join(' | ')}`,
            );
          }
        },
      },
    );
    await cleanUp();
    process.stdout.write(`${summarize(results)}\n`);
    log(
      `portal ready in ${portalSeconds.toFixed(0)}s, total ${(
        (Date.now() - started) /
        1000
      ).toFixed(0)}s; screenshots in ${path.relative(ROOT, RESULTS)}/`,
    );
    return results.every(r => r.status === 'passed') ? 0 : 1;
  } catch (error) {
    process.stderr.write(
      `[e2e] ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await cleanUp();
    return 1;
  }
}

main().then(code => process.exit(code));
