#!/usr/bin/env node
/*
 * `npm run test:adopter`: Golden Paths installed as a platform team
 * installs it, into an app it did not write.
 *
 *  1. a new app from the published create-app template, converted to npm
 *     workspaces (nothing else changed);
 *  2. the steps of the README's "For Backstage adopters" section, applied
 *     as written (they build and pack this repository's packages and
 *     install the tarballs);
 *  3. the app's `tsc:full`, `npx golden-paths --help`, the app's build;
 *  4. the backend started on SQLite, checked through the HTTP API and in
 *     Chromium.
 *
 * Prints the time of each phase. Environment:
 *   ADOPTER_DIR   work here instead of a new temporary folder (kept)
 *   ADOPTER_PORT  the backend's port (7017)
 *   ADOPTER_REUSE=1  with ADOPTER_DIR: keep the app made by an earlier run
 *                 there and only start and check it (for working on the
 *                 checks; never in CI)
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { renderApp } = require('./renderApp');
const { convertToNpm } = require('./convertToNpm');
const { readAdopterSteps } = require('./readmeSteps');
const { applyStep } = require('./applySteps');
const { startBackend } = require('./startBackend');
const checks = require('./checkApp');
const { guestToken } = require('../../e2e/lib/backstage');
const { stopAllGroups } = require('../../e2e/lib/portal');

const ROOT = path.resolve(__dirname, '../..');
const timings = [];

function log(line) {
  process.stdout.write(`[adopter] ${line}\n`);
}

async function phase(name, work) {
  const started = Date.now();
  log(`--- ${name}`);
  const result = await work();
  const seconds = (Date.now() - started) / 1000;
  timings.push([name, seconds]);
  log(`--- ${name}: ${seconds.toFixed(1)} s`);
  return result;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: process.env,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status}) in ${cwd}`,
    );
  }
}

function printTimings() {
  const width = Math.max(...timings.map(([n]) => n.length));
  log('timings:');
  for (const [name, seconds] of timings) {
    log(`  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(7)} s`);
  }
}

async function main() {
  const workDir =
    process.env.ADOPTER_DIR ??
    fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-adopter-'));
  const appDir = path.join(workDir, 'my-backstage-app');
  const port = Number(process.env.ADOPTER_PORT ?? 7017);
  fs.mkdirSync(workDir, { recursive: true });
  // The README has the app and a clone of this repository side by side.
  const cloneLink = path.join(workDir, 'golden-paths');
  fs.rmSync(cloneLink, { force: true, recursive: true });
  fs.symlinkSync(ROOT, cloneLink);
  log(`working in ${workDir}`);

  const reuse =
    process.env.ADOPTER_REUSE === '1' &&
    process.env.ADOPTER_DIR &&
    fs.existsSync(path.join(appDir, 'packages/app/dist'));
  if (!reuse) {
    await makeApp(appDir);
  }
  await checkApp(appDir, workDir, port);
  printTimings();
  log(`passed; screenshots and backend.log in ${workDir}`);
}

/** A step's name in the timings: the first command it runs, or its file. */
function describeStep(step) {
  if (step.kind === 'run') {
    const commands = step.script
      .split('\n')
      .filter(line => /^[a-z]/.test(line))
      .map(line => line.split(' ').slice(0, 3).join(' '));
    return `(${step.where}) ${commands.join('; ')}`;
  }
  return `${step.kind} ${step.file}`;
}

async function makeApp(appDir) {
  await phase('create app (create-app template, npm conversion)', async () => {
    fs.rmSync(appDir, { recursive: true, force: true });
    const version = await renderApp(appDir, 'my-backstage-app');
    convertToNpm(appDir);
    log(`@backstage/create-app ${version}`);
  });
  // No install of the app as generated here: the README's first step moves
  // its Backstage packages and removes node_modules and the lockfile, so
  // the README's first npm install is the app's install.
  const steps = readAdopterSteps(path.join(ROOT, 'README.md'));
  for (const step of steps) {
    await phase(`README.md:${step.line} ${describeStep(step)}`, () =>
      applyStep(step, { appDir, repositoryDir: ROOT, log }),
    );
  }
  await phase('tsc:full (the app)', () =>
    run('npm', ['run', 'tsc:full'], appDir),
  );
  await phase('npx golden-paths --help', () =>
    run('npx', ['--no-install', 'golden-paths', '--help'], appDir),
  );
  await phase('build (the app)', () =>
    run('npm', ['run', 'build', '--workspace', 'app'], appDir),
  );
}

async function checkApp(appDir, workDir, port) {
  const backend = await phase(
    'start (backend on SQLite, serving the app)',
    () =>
      startBackend({
        appDir,
        port,
        logFile: path.join(workDir, 'backend.log'),
        log,
      }),
  );
  try {
    const token = await guestToken(backend.url);
    await phase('catalog: GoldenPath with its relations', () =>
      checks.checkCatalog(backend.url, token),
    );
    const summary = await phase('API: /api/golden-paths/paths', () =>
      checks.checkPathsApi(backend.url, token),
    );
    log(
      `${summary.ref}: adoption ${summary.adoption}, compliant ${summary.compliant}`,
    );
    const dryRun = await phase('scaffolder: the path template dry-runs', () =>
      checks.checkDryRun(backend.url, token, {
        templateDir: path.join(ROOT, 'examples/templates/node-http-service'),
        values: {
          name: 'adopter-service',
          description: 'Scaffolded by the adopter test',
          owner: 'group:default/platform-team',
          port: 3000,
          cpuRequest: '100m',
          memoryRequest: '128Mi',
          memoryLimit: '256Mi',
          autoscaling: 'hpa',
          minReplicas: 2,
          maxReplicas: 10,
          imageRegistry: 'ghcr.io/example-org',
          severityThreshold: 'high',
          team: 'platform-team',
          costCenter: 'PLT-1234',
          observability: 'opentelemetry',
        },
      }),
    );
    log(
      `dry-run steps ${dryRun.steps.join(', ')}; ${dryRun.files.length} files`,
    );
    await phase('Chromium: page and card', () =>
      checks.checkInBrowser(backend.url, workDir),
    );
  } finally {
    await backend.stop();
  }
}

main().catch(async error => {
  await stopAllGroups();
  if (timings.length) printTimings();
  process.stderr.write(
    `[adopter] FAILED: ${error instanceof Error ? error.stack : error}\n`,
  );
  process.exit(1);
});
