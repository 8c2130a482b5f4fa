import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { createWorkloadCheck } from './kubernetes/createWorkloadCheck';
import { type Monitor, monitorsOf } from './kubernetes/monitors';
import { podTelemetry, TELEMETRY_IN_WORDS } from './kubernetes/telemetry';
import {
  describePodOf,
  describeWorkload,
  type Workload,
} from './kubernetes/workload';
import { isRecord, valueAt } from './kubernetes/values';
import { countOf, listSome } from './text';

type Finding = { observed: string } | { offenders: string[] };

function sparkFinding(workload: Workload, monitors: Monitor[]): Finding {
  const base =
    workload.kind === 'SparkApplication' ? ['spec'] : ['spec', 'template'];
  const monitoring = valueAt(workload.body, [...base, 'monitoring']);
  const driver = workload.pods.find(pod => pod.role === 'driver');
  const how =
    isRecord(monitoring) && Object.keys(monitoring).length > 0
      ? `Spark metrics, ${base.join('.')}.monitoring`
      : driver && podTelemetry(workload, driver, monitors);
  if (how) {
    return { observed: `${describeWorkload(workload)} (${how})` };
  }
  const at = base.join('.');
  return {
    offenders: [
      `the driver of ${describeWorkload(
        workload,
      )} exports no telemetry: there is no OTEL_EXPORTER_OTLP_ENDPOINT in ${at}.driver.env and no ${at}.monitoring`,
    ],
  };
}

function podsFinding(workload: Workload, monitors: Monitor[]): Finding {
  if (workload.pods.length === 0) {
    return { offenders: [`${describeWorkload(workload)} has no pod template`] };
  }
  const ways = workload.pods.map(pod => ({
    pod,
    how: podTelemetry(workload, pod, monitors),
  }));
  const offenders = ways
    .filter(way => !way.how)
    .map(
      way =>
        `the pods of ${describePodOf(
          workload,
          way.pod,
        )} export no telemetry: ${TELEMETRY_IN_WORDS}`,
    );
  if (offenders.length > 0) {
    return { offenders };
  }
  const hows = [...new Set(ways.map(way => way.how))];
  return { observed: `${describeWorkload(workload)} (${hows.join('; ')})` };
}

/**
 * The `observability` guarantee: the pods of every workload export
 * telemetry (OpenTelemetry or Datadog settings in a container's env, the
 * Prometheus scrape annotation, or a ServiceMonitor or PodMonitor of the
 * manifests); a SparkApplication through `spec.monitoring` or OpenTelemetry
 * settings in the driver's env.
 *
 * @public
 */
export const observabilityCheck: GoldenPathCheck = createWorkloadCheck({
  id: 'observability',
  judge({ manifests, workloads }) {
    const monitors = monitorsOf(manifests.objects);
    const observed: string[] = [];
    const offenders: string[] = [];
    for (const workload of workloads) {
      const finding = workload.kind.endsWith('SparkApplication')
        ? sparkFinding(workload, monitors)
        : podsFinding(workload, monitors);
      if ('observed' in finding) {
        observed.push(finding.observed);
      } else {
        offenders.push(...finding.offenders);
      }
    }
    if (offenders.length > 0) {
      const others =
        offenders.length > 1
          ? `, and ${countOf(offenders.length - 1, 'other pod template')} ${
              offenders.length === 2 ? 'exports' : 'export'
            } none either`
          : '';
      return {
        status: 'fail',
        reason: `${offenders[0]}${others}`,
        fix: 'Set OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME in the env of the main container, as the path\'s template does, or use Datadog (DD_AGENT_HOST), a prometheus.io/scrape: "true" annotation on the pod template, or a ServiceMonitor or PodMonitor.',
      };
    }
    return {
      status: 'pass',
      reason: `telemetry is exported by ${listSome(observed)}`,
    };
  },
});
