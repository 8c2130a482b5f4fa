{% if values.observability == 'datadog' -%}
// Loaded with `node --import` before the application, so that dd-trace can
// patch http and fastify before they are first required. Service, env and
// version come from DD_SERVICE, DD_ENV and DD_VERSION on the Deployment
// (unified service tagging); the agent address from DD_AGENT_HOST.
import tracer from 'dd-trace';

tracer.init({
  service: process.env.DD_SERVICE ?? '${{ values.name }}',
  // Adds dd.trace_id and dd.span_id to every pino log line.
  logInjection: true,
});

export default tracer;
{% else -%}
// Loaded with `node --import` before the application, so that the
// instrumentations can patch http, fastify and pino before they are first
// required. Exporter, endpoint and sampler come from the standard OTEL_*
// variables on the Deployment (OTEL_EXPORTER_OTLP_ENDPOINT points at the
// collector), so nothing here changes between environments.
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { NodeSDK } from '@opentelemetry/sdk-node';

const sdk = new NodeSDK({
  serviceName: process.env.OTEL_SERVICE_NAME ?? '${{ values.name }}',
  instrumentations: [
    getNodeAutoInstrumentations({
      // One span per file read is noise, not insight.
      '@opentelemetry/instrumentation-fs': { enabled: false },
    }),
  ],
});

sdk.start();

// Flush spans that are still buffered when Kubernetes stops the pod.
process.once('SIGTERM', () => {
  sdk.shutdown().catch(error => {
    console.error('OpenTelemetry shutdown failed', error);
  });
});
{% endif -%}
