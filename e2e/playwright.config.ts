/*
 * `npm run test:e2e`: the browser suite on @playwright/test, shaped like
 * Backstage's own root playwright.config.ts (and create-app's), with
 * Debian's Chromium instead of a downloaded browser and the portal started
 * once for the whole run by ./globalSetup.ts.
 *
 * Environment (read here and in ./globalSetup.ts):
 *   E2E_BASE_URL         test this running frontend instead of starting one
 *   E2E_BACKEND_URL      its backend (default: :7007 for a :3000 frontend,
 *                        else the frontend's origin, as in production)
 *   E2E_APP_PORT         frontend port of the portal started here (3000)
 *   E2E_BACKEND_PORT     backend port of the portal started here (7007)
 *   E2E_START_TIMEOUT_MS how long the first build may take (900000)
 *   E2E_CHROMIUM         the browser (/usr/bin/chromium)
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/browser';
import { appUrl, STORAGE_STATE } from './support/env';

/** Where every run's output goes (git-ignored). */
const OUTPUT = path.join(__dirname, 'test-results');

export default defineConfig({
  testDir: path.join(__dirname, 'tests'),
  globalSetup: require.resolve('./globalSetup'),

  // Sized for a dev server and a backend sharing a loaded 2-core machine.
  timeout: 180_000,
  expect: { timeout: 30_000 },

  // One portal for the whole suite: its catalog and scaffolded repositories
  // are shared state, so one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One worker by design: a slow file is no hint to parallelise.
  reportSlowTests: null,
  retries: process.env.CI ? 2 : 0,

  reporter: [
    ['list'],
    [
      'html',
      {
        open: 'never',
        outputFolder: path.join(__dirname, 'playwright-report'),
      },
    ],
  ],
  outputDir: OUTPUT,

  use: {
    baseURL: appUrl(),
    viewport: { width: 1440, height: 900 },
    actionTimeout: 30_000,
    // A fresh context loads the dev server's whole bundle.
    navigationTimeout: 120_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      // No browser download: Debian's chromium (.ci/run installs it).
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },

  projects: [
    // The guest signs in once; every other test starts signed in.
    { name: 'sign-in', testMatch: /sign-in\.setup\.ts$/ },
    {
      name: 'portal',
      testMatch: /\.spec\.ts$/,
      dependencies: ['sign-in'],
      use: { storageState: STORAGE_STATE },
    },
  ],
});
