/*
 * Debian's Chromium through playwright-core: no browser download, a fresh
 * profile per run (playwright's default for launch()).
 */
'use strict';

const { chromium } = require('playwright-core');

/** The browser: E2E_CHROMIUM, else Debian's chromium. */
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, and quiet: no network of its own, no updates, no first-run. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * @returns {Promise<import('playwright-core').Browser>}
 */
async function launchChromium() {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    throw new Error(
      `could not start Chromium at ${CHROMIUM} (install Debian's chromium, as .ci/run does, or set E2E_CHROMIUM): ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, launchChromium };
