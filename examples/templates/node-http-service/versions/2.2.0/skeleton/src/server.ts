import { buildApp } from './app';

const port = Number(process.env.PORT ?? ${{ values.port }});
const host = process.env.HOST ?? '0.0.0.0';

let shuttingDown = false;

const app = buildApp({
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  isReady: () => !shuttingDown,
});

// Kubernetes sends SIGTERM before it kills a pod. Stop taking new requests,
// let the ones in flight finish, then let the process end on its own so the
// telemetry exporter can flush.
async function shutdown(signal: NodeJS.Signals) {
  if (shuttingDown) {
    return;
  }
  shuttingDown = true;
  app.log.info({ signal }, 'shutting down');
  try {
    await app.close();
  } catch (error) {
    app.log.error(error, 'error while shutting down');
    process.exitCode = 1;
  }
}

process.once('SIGTERM', signal => void shutdown(signal));
process.once('SIGINT', signal => void shutdown(signal));

app.listen({ port, host }).catch(error => {
  app.log.error(error, 'could not start the server');
  process.exit(1);
});
