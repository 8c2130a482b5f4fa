/*
 * The browser side of the render measurement: headless Chromium, signed in
 * as the guest once, loads /golden-paths in fresh tabs with the HTTP cache
 * off and reads the browser's performance timings and the card marks.
 */
'use strict';

const { launchChromium } = require('../lib/browser');
const { observeCards } = require('./observeCards');

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

module.exports = { measureLoads };
