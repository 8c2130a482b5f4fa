{% if values.observability == 'datadog' -%}
import { datadogRum } from '@datadog/browser-rum';
import type { AppConfig } from './runtimeConfig';

/**
 * Starts Datadog RUM with the settings from `/config.json`. Trace headers are
 * sent only to `apiOrigins`, so a click in the browser and the backend spans
 * share one trace without leaking trace ids to third parties.
 */
export function startTelemetry(config: AppConfig): void {
  const datadog = config.datadog;
  if (!datadog?.applicationId || !datadog.clientToken) {
    return;
  }
  datadogRum.init({
    applicationId: datadog.applicationId,
    clientToken: datadog.clientToken,
    site: datadog.site,
    service: '${{ values.name }}',
    env: config.environment,
    sessionSampleRate: 100,
    trackResources: true,
    allowedTracingUrls: config.apiOrigins,
  });
}
{% else -%}
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { DocumentLoadInstrumentation } from '@opentelemetry/instrumentation-document-load';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  WebTracerProvider,
} from '@opentelemetry/sdk-trace-web';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { AppConfig } from './runtimeConfig';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
}

/** Matches URLs on one of the origins, and nothing that merely starts alike. */
export function originMatchers(origins: string[]): RegExp[] {
  return origins.map(
    origin => new RegExp(`^${escapeRegExp(origin.replace(/\/+$/, ''))}(/|$)`),
  );
}

/**
 * Registers the OpenTelemetry web tracer with the document-load and fetch
 * instrumentations. `traceparent` is sent only to `apiOrigins` (and the app's
 * own origin), so a click in the browser and the backend spans share one
 * trace without leaking trace ids or tripping CORS preflights elsewhere.
 */
export function startTelemetry(config: AppConfig): void {
  if (!config.otlpTracesEndpoint) {
    return;
  }
  const provider = new WebTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: '${{ values.name }}',
      'deployment.environment.name': config.environment,
    }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: config.otlpTracesEndpoint }),
      ),
    ],
  });
  provider.register();

  registerInstrumentations({
    instrumentations: [
      new DocumentLoadInstrumentation(),
      new FetchInstrumentation({
        propagateTraceHeaderCorsUrls: originMatchers(config.apiOrigins),
        // The exporter's own requests are not worth a span each.
        ignoreUrls: [/\/otlp\//],
      }),
    ],
  });
}
{% endif -%}
