import { containersOf, envVarsOf } from './podTemplate';
import type { PodTemplate, WorkloadContainer } from './workload';
import { nonEmpty, recordOf, scalarText, stringMap } from './values';

const ROLES = ['driver', 'executor'] as const;

/**
 * The driver and executor pods of a SparkApplication spec, at `field` of the
 * object (`spec`, or `spec.template` of a ScheduledSparkApplication).
 *
 * The Spark Operator turns `coreRequest` (or `cores`) into the pod's CPU
 * request and `memory` (plus the memory overhead) into its memory request
 * and limit, and puts the application's own labels on both pods.
 */
export function sparkPodTemplates(
  spec: unknown,
  field: string,
  applicationLabels: Record<string, string>,
): PodTemplate[] {
  return ROLES.map(role => {
    const pod = recordOf(recordOf(spec)[role]);
    const at = `${field}.${role}`;
    const memory = nonEmpty(scalarText(pod.memory));
    const main: WorkloadContainer = {
      name: role,
      label: role,
      init: false,
      resources: {
        cpuRequest:
          nonEmpty(scalarText(pod.coreRequest)) ??
          nonEmpty(scalarText(pod.cores)),
        memoryRequest: memory,
        memoryLimit: memory,
      },
      resourceFields: {
        cpuRequest: `${at}.cores (or ${at}.coreRequest)`,
        memoryRequest: `${at}.memory`,
        memoryLimit: `${at}.memory`,
      },
      env: [
        ...envVarsOf(pod.env),
        ...Object.entries(stringMap(pod.envVars)).map(([name, value]) => ({
          name,
          value,
          fromSource: false,
        })),
      ],
    };
    return {
      role,
      labelsField: `${at}.labels (or metadata.labels)`,
      labels: { ...applicationLabels, ...stringMap(pod.labels) },
      annotations: stringMap(pod.annotations),
      containers: [
        ...containersOf(pod.initContainers, 'init container'),
        main,
        ...containersOf(pod.sidecars, 'sidecar'),
      ],
    };
  });
}
