import type { Monitor } from './monitors';
import type { PodTemplate, Workload } from './workload';
import { nonEmpty } from './values';

const OTEL_ENV = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
];
const DATADOG_ENV = ['DD_AGENT_HOST', 'DD_TRACE_AGENT_URL'];

/** What the observability check looks for, in words for reasons. */
export const TELEMETRY_IN_WORDS =
  'no container sets OTEL_EXPORTER_OTLP_ENDPOINT or DD_AGENT_HOST, and no prometheus.io/scrape annotation, Datadog admission label, ServiceMonitor or PodMonitor covers them';

/**
 * How the pods of a template export telemetry, or undefined: OpenTelemetry
 * or Datadog settings in a (non-init) container's env, the OpenTelemetry
 * Operator's injection, Datadog's admission label, the Prometheus scrape
 * annotation, or a ServiceMonitor or PodMonitor that scrapes them.
 */
export function podTelemetry(
  workload: Workload,
  pod: PodTemplate,
  monitors: ReadonlyArray<Monitor>,
): string | undefined {
  const env = pod.containers.filter(c => !c.init).flatMap(c => c.env);
  const set = (names: string[]) =>
    env.find(
      variable =>
        names.includes(variable.name) &&
        (variable.fromSource || nonEmpty(variable.value)),
    )?.name;
  const otel = set(OTEL_ENV);
  if (otel) {
    return `OpenTelemetry, ${otel}`;
  }
  const injected = Object.entries(pod.annotations).find(
    ([key, value]) =>
      key.startsWith('instrumentation.opentelemetry.io/inject-') &&
      value !== 'false',
  );
  if (injected) {
    return `OpenTelemetry Operator, ${injected[0]}`;
  }
  const datadog = set(DATADOG_ENV);
  if (datadog) {
    return `Datadog, ${datadog}`;
  }
  if (pod.labels['admission.datadoghq.com/enabled'] === 'true') {
    return 'Datadog, admission.datadoghq.com/enabled';
  }
  if (pod.annotations['prometheus.io/scrape'] === 'true') {
    return 'Prometheus, prometheus.io/scrape';
  }
  const monitor = monitors.find(m => m.scrapes(workload, pod));
  return monitor ? `Prometheus, ${monitor.kind} ${monitor.name}` : undefined;
}
