/*
 * Starts the new app's backend as `npm start` would (backstage-cli, SQLite
 * in memory from the app's own app-config.yaml), serving the built app, on
 * a port of its own so that it never meets a portal that is already up.
 */
const fs = require('node:fs');
const path = require('node:path');
const {
  backendServesAppConfig,
  spawnGroup,
  assertPortsFree,
  waitFor,
} = require('../../e2e/lib/portal');

/**
 * @param {{ appDir: string, port: number, logFile: string, log: (line: string) => void }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
async function startBackend({ appDir, port, logFile, log }) {
  await assertPortsFree([port]);
  const url = `http://localhost:${port}`;
  // The test's own settings, beside the app's config: the app is served by
  // the backend (app-backend) at the backend's address.
  const testConfig = path.join(appDir, 'app-config.adopter-test.yaml');
  fs.writeFileSync(
    testConfig,
    [...backendServesAppConfig(port), ''].join('\n'),
  );
  const backend = spawnGroup(
    'npm',
    [
      'run',
      'start',
      '--workspace',
      'backend',
      '--',
      '--config',
      path.join(appDir, 'app-config.yaml'),
      '--config',
      testConfig,
    ],
    { cwd: appDir, logFile },
  );
  log(`backend log: ${logFile}`);
  try {
    await waitFor(
      `the backend's readiness at ${url}`,
      async () => {
        const response = await fetch(`${url}/.backstage/health/v1/readiness`, {
          signal: AbortSignal.timeout(5000),
        }).catch(() => undefined);
        return response?.ok;
      },
      { timeoutMs: 600_000, abort: backend.exited },
    );
  } catch (error) {
    await backend.stop();
    const tail = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .slice(-40)
      .join('\n');
    throw new Error(
      `${error instanceof Error ? error.message : error}\n${tail}`,
    );
  }
  return { url, stop: backend.stop };
}

module.exports = { startBackend };
