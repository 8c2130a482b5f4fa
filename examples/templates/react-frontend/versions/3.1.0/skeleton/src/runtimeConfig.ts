/**
 * Settings that differ between environments. They are read from
 * `/config.json` at start-up, never baked into the bundle: in the cluster that
 * file is a ConfigMap mounted into the nginx document root, so the image that
 * ran in staging is byte for byte the one that runs in production.
 */
export interface AppConfig {
  /** Name of the environment, shown in the UI and on every span. */
  environment: string;
  /**
   * Origins of the APIs the app calls, such as `https://api.example.com`.
   * Trace headers go to these origins only.
   */
  apiOrigins: string[];
{%- if values.observability == 'datadog' %}
  /** Datadog RUM; telemetry stays off while the application id is empty. */
  datadog?: { applicationId: string; clientToken: string; site: string };
{%- else %}
  /** Where the browser sends spans; nginx proxies it to the collector. */
  otlpTracesEndpoint?: string;
{%- endif %}
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string');
}

/** Checks the shape of `/config.json`, so a broken ConfigMap fails loudly. */
export function parseConfig(value: unknown): AppConfig {
  if (typeof value !== 'object' || value === null) {
    throw new Error('config.json must hold a JSON object');
  }
  const raw = value as Record<string, unknown>;
  if (typeof raw.environment !== 'string' || raw.environment === '') {
    throw new Error('config.json: "environment" must be a non-empty string');
  }
  const apiOrigins = raw.apiOrigins ?? [];
  if (!isStringArray(apiOrigins)) {
    throw new Error('config.json: "apiOrigins" must be an array of strings');
  }
{%- if values.observability == 'datadog' %}
  const datadog = raw.datadog as AppConfig['datadog'] | undefined;
  if (
    datadog !== undefined &&
    (typeof datadog !== 'object' ||
      typeof datadog.applicationId !== 'string' ||
      typeof datadog.clientToken !== 'string' ||
      typeof datadog.site !== 'string')
  ) {
    throw new Error(
      'config.json: "datadog" needs string "applicationId", "clientToken" and "site"',
    );
  }
  return { environment: raw.environment, apiOrigins, datadog };
{%- else %}
  if (
    raw.otlpTracesEndpoint !== undefined &&
    typeof raw.otlpTracesEndpoint !== 'string'
  ) {
    throw new Error('config.json: "otlpTracesEndpoint" must be a string');
  }
  return {
    environment: raw.environment,
    apiOrigins,
    otlpTracesEndpoint: raw.otlpTracesEndpoint,
  };
{%- endif %}
}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`could not load /config.json: HTTP ${response.status}`);
  }
  return parseConfig(await response.json());
}
