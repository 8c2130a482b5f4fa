#!/usr/bin/env node
/*
 * `npm test`: everything CI runs, in order, stopping at the first failure.
 * Type-check, the API reports against the declarations it emitted, lint,
 * every test (unit, integration, PostgreSQL), then the end-to-end suite in
 * Chromium against a portal it starts (`npm run test:e2e`), then the
 * adopter test: the packed packages installed into a new create-app app by
 * the README's steps (`npm run test:adopter`). GOLDEN_PATHS_SKIP_E2E=1 skips
 * the last two locally; CI (CI=true in the environment) always runs them.
 */
const { spawnSync } = require('node:child_process');

// Database tests run on SQLite and on the PostgreSQL this machine provides.
// An explicit connection string in the environment wins.
const env = {
  ...process.env,
  CI: process.env.CI ?? 'true',
};
if (
  !Object.keys(env).some(k =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d*_CONNECTION_STRING$/.test(k),
  )
) {
  env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING =
    'postgresql://postgres@127.0.0.1:5432';
}

const steps = [
  // A full build, not an incremental one: the API reports below read the
  // declarations it writes, and an incremental build may print an inferred
  // union type's members in another order than the full build that
  // `npm run build:api-reports` (and a fresh checkout) makes.
  ['type-check', 'npm', ['run', 'tsc', '--', '--incremental', 'false']],
  // `npm run test:api-reports` without running tsc a second time.
  ['api-reports', 'npm', ['run', 'build:api-reports:only', '--', '--ci']],
  ['lint', 'npm', ['run', 'lint']],
  ['tests', 'npx', ['backstage-cli', 'repo', 'test', '--ci']],
];

// Checked on the environment as given, before the CI default above: a
// developer's `npm test` may skip the browser suite, CI never does.
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const skipE2e = /^(1|true|yes)$/i.test(process.env.GOLDEN_PATHS_SKIP_E2E ?? '');
if (!skipE2e || inCi) {
  if (skipE2e) {
    process.stdout.write('\n=== e2e: GOLDEN_PATHS_SKIP_E2E is ignored in CI\n');
  }
  steps.push(['e2e', 'npm', ['run', 'test:e2e']]);
  steps.push(['adopter', 'npm', ['run', 'test:adopter']]);
}

// repo-tools' own hint names yarn; this repository uses npm.
const hints = {
  'api-reports':
    'A public API changed and its report did not. Run `npm run build:api-reports` and commit the changed report*.api.md and cli-report.md files.',
};

for (const [name, command, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(`\n=== ${name} failed after ${seconds}s\n`);
    if (hints[name]) {
      process.stderr.write(`=== ${hints[name]}\n`);
    }
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`=== ${name} passed in ${seconds}s\n`);
}
if (skipE2e && !inCi) {
  process.stdout.write(
    '\n=== e2e: skipped (GOLDEN_PATHS_SKIP_E2E is set; CI always runs it)\n',
  );
}
