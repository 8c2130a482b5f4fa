/*
 * Starts the portal once for the whole suite, as a developer does
 * (`npm start` with app-config.yaml and a generated config: the catalog
 * reads a copy of examples/golden-paths.yaml), unless E2E_BASE_URL names a
 * running one; returns the teardown that stops it. The portal's output is
 * e2e/test-results/portal.log.
 */
import path from 'node:path';
import { startPortal } from './lib/portal';
import { appUrl, backendUrl } from './support/env';

/** @param line - a progress line for the runner's output */
function log(line: string) {
  process.stdout.write(`[e2e] ${line}\n`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.E2E_BASE_URL) {
    log(`testing the running portal at ${appUrl()} (backend ${backendUrl()})`);
    return async () => {};
  }
  const started = Date.now();
  const portal = await startPortal({
    logFile: path.join(__dirname, 'test-results', 'portal.log'),
    timeoutMs: Number(process.env.E2E_START_TIMEOUT_MS ?? 900_000),
    appPort: Number(process.env.E2E_APP_PORT ?? 3000),
    backendPort: Number(process.env.E2E_BACKEND_PORT ?? 7007),
    log,
  });
  log(`portal ready in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  // Read by the workers (support/env.ts).
  process.env.E2E_BACKEND_URL = portal.backendUrl;
  process.env.E2E_GOLDEN_PATHS_FILE = portal.goldenPathsFile;

  const stop = async () => {
    log('stopping the portal');
    await portal.stop();
  };
  // Playwright runs the teardown on Ctrl-C; on SIGTERM and SIGHUP it would
  // leave the portal's process group running.
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      stop().finally(() => process.exit(143));
    });
  }
  return stop;
}
