/*
 * Starts the portal the way a developer does (`npm start` at the root:
 * `backstage-cli repo start`, frontend dev server and backend), waits until
 * both answer, and stops the whole process group afterwards.
 */
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * @typedef {object} PortalUrls
 * @property {string} appUrl The frontend, e.g. http://localhost:3000
 * @property {string} backendUrl The backend, e.g. http://localhost:7007
 */

/**
 * Whether something already listens on `port`: a connection to it on the
 * IPv4 or IPv6 loopback succeeds, or binding it fails.
 *
 * @param {number} port
 * @returns {Promise<string | undefined>} why the port is taken, or undefined
 */
async function portTaken(port) {
  for (const host of ['127.0.0.1', '::1']) {
    const connected = await new Promise(resolve => {
      const socket = net.connect({ port, host });
      socket.setTimeout(1000);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(false));
    });
    if (connected) {
      return `something accepts connections on ${host}:${port}`;
    }
  }
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) =>
      resolve(`port ${port} cannot be bound (${error.code})`),
    );
    server.listen(port, () => server.close(() => resolve(undefined)));
  });
}

/**
 * Fails with a clear message when a port the portal needs is in use: a
 * portal left running would otherwise be tested instead of this checkout.
 *
 * @param {number[]} ports
 */
async function assertPortsFree(ports) {
  const taken = [];
  for (const port of ports) {
    const reason = await portTaken(port);
    if (reason) {
      taken.push(reason);
    }
  }
  if (taken.length > 0) {
    throw new Error(
      `cannot start the portal: ${taken.join('; ')}.\n` +
        `Stop whatever runs there (e.g. another \`npm start\`; see \`ss -ltnp\`), ` +
        `or set E2E_BASE_URL to test a portal that is already running.`,
    );
  }
}

/**
 * Polls `check` until it resolves true or the deadline passes.
 *
 * @param {string} what
 * @param {() => Promise<boolean>} check
 * @param {{ timeoutMs: number, intervalMs?: number, abort?: () => string | undefined }} options
 */
async function waitFor(what, check, { timeoutMs, intervalMs = 2000, abort }) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    const aborted = abort?.();
    if (aborted) {
      throw new Error(`${what}: ${aborted}`);
    }
    try {
      if (await check()) {
        return;
      }
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not ready after ${timeoutMs / 1000}s${
          lastError ? ` (last error: ${lastError})` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/**
 * GET with a timeout of its own, so a dev server still compiling does not
 * hold the poll forever.
 *
 * @param {string} url
 * @param {number} timeoutMs
 */
async function get(url, timeoutMs) {
  return fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
}

/**
 * A config file for the portal under test: other ports when asked, and the
 * catalog reading a copy of examples/golden-paths.yaml, so that a scenario
 * can release a new path version (as a platform engineer would) without
 * touching the checkout.
 *
 * @param {number} appPort
 * @param {number} backendPort
 * @returns {{ configFile: string, goldenPathsFile: string }}
 */
function writeE2eConfig(appPort, backendPort) {
  const { parse, stringify } = require('yaml');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-e2e-'));
  const goldenPathsFile = path.join(dir, 'golden-paths.yaml');
  fs.copyFileSync(
    path.join(ROOT, 'examples', 'golden-paths.yaml'),
    goldenPathsFile,
  );
  const base = parse(
    fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
  );
  // Arrays are replaced, not merged, by later config files: the whole list.
  const locations = base.catalog.locations.map(
    (/** @type {{ type: string, target: string }} */ location) =>
      location.target.endsWith('/examples/golden-paths.yaml')
        ? { type: 'file', target: goldenPathsFile }
        : location,
  );
  const config = {
    app: { baseUrl: `http://localhost:${appPort}` },
    backend: {
      baseUrl: `http://localhost:${backendPort}`,
      listen: { port: backendPort },
      cors: { origin: `http://localhost:${appPort}` },
    },
    catalog: { locations },
  };
  const configFile = path.join(dir, 'app-config.e2e.yaml');
  fs.writeFileSync(configFile, stringify(config));
  return { configFile, goldenPathsFile };
}

/**
 * The config lines of a backend that serves the built app itself, at one
 * address (as in production): app and backend share the URL, the port and
 * the CORS origin.
 *
 * @param {number} port
 * @returns {string[]} its YAML lines, for the caller to add its own to
 */
function backendServesAppConfig(port) {
  const url = `http://localhost:${port}`;
  return [
    'app:',
    `  baseUrl: ${url}`,
    'backend:',
    `  baseUrl: ${url}`,
    '  listen:',
    `    port: ${port}`,
    '  cors:',
    `    origin: ${url}`,
  ];
}

/** The stop functions of the process groups started and not yet stopped. */
const running = new Set();

/**
 * Stops every process group this process started (on a signal, say).
 */
async function stopAllGroups() {
  await Promise.all([...running].map(stop => stop()));
}

/**
 * Runs a command in its own process group, its output to `logFile`; `stop`
 * ends the whole group (npm, backstage-cli, the dev server, the backend):
 * SIGTERM, then SIGKILL after 10 s.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, logFile: string, env?: NodeJS.ProcessEnv }} options
 * @returns {{ stop: () => Promise<void>, exited: () => string | undefined }}
 */
function spawnGroup(command, args, { cwd, logFile, env }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const child = spawn(command, args, {
    cwd,
    detached: true, // its own process group, stopped as a whole
    stdio: ['ignore', out, out],
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0', ...env },
  });
  fs.closeSync(out);
  /** @type {string | undefined} */
  let exitReason;
  child.once('exit', (code, signal) => {
    exitReason = `${command} ${args[0]} exited early (${
      signal ?? `code ${code}`
    }); see ${logFile}`;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped || child.pid === undefined) {
      return;
    }
    stopped = true;
    running.delete(stop);
    const pgid = child.pid;
    const alive = () => {
      try {
        process.kill(-pgid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 50 && alive(); i++) {
      await new Promise(r => setTimeout(r, 200));
    }
    if (alive()) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  running.add(stop);
  return { stop, exited: () => (stopped ? undefined : exitReason) };
}

/**
 * Starts `npm start` in its own process group and waits for the backend's
 * readiness and the frontend's first build.
 *
 * @param {{ logFile: string, timeoutMs: number, appPort?: number, backendPort?: number, log: (line: string) => void }} options
 * @returns {Promise<PortalUrls & { stop: () => Promise<void>, goldenPathsFile: string }>}
 */
async function startPortal({
  logFile,
  timeoutMs,
  appPort = 3000,
  backendPort = 7007,
  log,
}) {
  await assertPortsFree([appPort, backendPort]);
  const { configFile, goldenPathsFile } = writeE2eConfig(appPort, backendPort);
  const args = [
    'start',
    '--',
    '--config',
    path.join(ROOT, 'app-config.yaml'),
    '--config',
    configFile,
  ];
  log(
    `starting the portal: npm ${args.join(' ')} (output in ${path.relative(
      ROOT,
      logFile,
    )})`,
  );
  const { stop, exited } = spawnGroup('npm', args, { cwd: ROOT, logFile });

  const appUrl = `http://localhost:${appPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  const started = Date.now();
  try {
    await waitFor(
      `backend ${backendUrl}`,
      async () =>
        (
          await get(`${backendUrl}/.backstage/health/v1/readiness`, 5000)
        ).ok,
      { timeoutMs, abort: exited },
    );
    log(`backend ready after ${((Date.now() - started) / 1000).toFixed(0)}s`);
    await waitFor(
      `frontend ${appUrl}`,
      async () => {
        // The dev server holds requests until its first build is done.
        const response = await get(appUrl, 120_000);
        return (
          response.ok && (await response.text()).includes('<div id="root"')
        );
      },
      {
        timeoutMs: Math.max(timeoutMs - (Date.now() - started), 60_000),
        abort: exited,
      },
    );
    log(`frontend ready after ${((Date.now() - started) / 1000).toFixed(0)}s`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { appUrl, backendUrl, stop, goldenPathsFile };
}

module.exports = {
  assertPortsFree,
  backendServesAppConfig,
  spawnGroup,
  startPortal,
  stopAllGroups,
  waitFor,
  ROOT,
};
