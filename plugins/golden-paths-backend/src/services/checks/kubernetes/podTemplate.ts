import type {
  ContainerEnvVar,
  ContainerResources,
  PodTemplate,
  WorkloadContainer,
} from './workload';
import {
  arrayOf,
  isRecord,
  nonEmpty,
  recordOf,
  scalarText,
  stringMap,
} from './values';

/** `env` of a container (a list of `{ name, value | valueFrom }`). */
export function envVarsOf(env: unknown): ContainerEnvVar[] {
  return arrayOf(env)
    .filter(isRecord)
    .filter(item => typeof item.name === 'string')
    .map(item => ({
      name: item.name as string,
      value: scalarText(item.value),
      fromSource: isRecord(item.valueFrom),
    }));
}

/**
 * Requests and limits of a Kubernetes container. A resource with a limit
 * and no request is requested at its limit: the API server defaults the
 * request to the limit.
 */
function resourcesOf(resources: unknown): ContainerResources {
  const requests = stringMap(recordOf(resources).requests);
  const limits = stringMap(recordOf(resources).limits);
  return {
    cpuRequest: nonEmpty(requests.cpu) ?? nonEmpty(limits.cpu),
    memoryRequest: nonEmpty(requests.memory) ?? nonEmpty(limits.memory),
    memoryLimit: nonEmpty(limits.memory),
  };
}

const CONTAINER_RESOURCE_FIELDS = {
  cpuRequest: 'resources.requests.cpu',
  memoryRequest: 'resources.requests.memory',
  memoryLimit: 'resources.limits.memory',
};

/** The containers of a list such as `spec.containers`. */
export function containersOf(
  list: unknown,
  kind: 'container' | 'init container' | 'sidecar',
): WorkloadContainer[] {
  return arrayOf(list)
    .filter(isRecord)
    .map((container, index) => {
      const name =
        typeof container.name === 'string' ? container.name : `#${index + 1}`;
      return {
        name,
        label: `${kind} ${name}`,
        init: kind === 'init container',
        resources: resourcesOf(container.resources),
        resourceFields: CONTAINER_RESOURCE_FIELDS,
        env: envVarsOf(container.env),
      };
    });
}

/**
 * A pod template (`{ metadata, spec }`), or a Pod, at `field` of its object
 * (empty for a Pod itself).
 */
export function podTemplateOf(
  template: unknown,
  field: string,
  role?: string,
): PodTemplate {
  const metadata = recordOf(recordOf(template).metadata);
  const spec = recordOf(recordOf(template).spec);
  return {
    role,
    labelsField: field ? `${field}.metadata.labels` : 'metadata.labels',
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    containers: [
      ...containersOf(spec.initContainers, 'init container'),
      ...containersOf(spec.containers, 'container'),
    ],
  };
}
