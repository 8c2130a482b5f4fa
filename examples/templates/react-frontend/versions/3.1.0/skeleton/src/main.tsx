import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './runtimeConfig';
import { startTelemetry } from './telemetry';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no element with id "root"');
}
const root = createRoot(container);

loadConfig()
  .then(config => {
    startTelemetry(config);
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    console.error(error);
    root.render(
      <p role="alert">The configuration could not be loaded. Reload the page.</p>,
    );
  });
