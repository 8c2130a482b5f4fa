/*
 * The backend of the render measurement: started alone (it serves the built
 * app), with the synthetic paths registered in its catalog and evaluated.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
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

module.exports = { loadPaths, startBackend };
