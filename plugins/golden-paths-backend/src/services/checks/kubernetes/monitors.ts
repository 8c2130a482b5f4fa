import { labelSelectorMatches, serviceSelectorMatches } from './labelSelector';
import type { ManifestObject } from './manifests';
import type { PodTemplate, Workload } from './workload';
import { arrayOf, recordOf, scalarText, stringMap } from './values';

/** A Prometheus Operator ServiceMonitor or PodMonitor of the manifests. */
export interface Monitor {
  kind: 'ServiceMonitor' | 'PodMonitor';
  name: string;
  file: string;
  /** Whether the monitor scrapes the pods of a workload's template. */
  scrapes(workload: Workload, pod: PodTemplate): boolean;
}

/** Whether an object selecting in `namespace` can see the workload. */
function inNamespaceOf(
  selector: ManifestObject,
  namespace: string | undefined,
): boolean {
  const namespaceSelector = recordOf(
    recordOf(selector.body.spec).namespaceSelector,
  );
  if (namespaceSelector.any === true) {
    return true;
  }
  const names = arrayOf(namespaceSelector.matchNames).map(scalarText);
  if (names.length > 0) {
    return !namespace || names.includes(namespace);
  }
  return !selector.namespace || !namespace || selector.namespace === namespace;
}

function podMonitor(object: ManifestObject): Monitor {
  const selector = recordOf(object.body.spec).selector;
  return {
    kind: 'PodMonitor',
    name: object.name,
    file: object.file,
    scrapes: (workload, pod) =>
      inNamespaceOf(object, workload.namespace) &&
      labelSelectorMatches(selector, pod.labels),
  };
}

/**
 * A ServiceMonitor scrapes the pods behind the Services it selects. When no
 * Service of the manifests matches its selector (the Service is elsewhere),
 * the selector is tried on the pod labels, which Services usually share.
 */
function serviceMonitor(
  object: ManifestObject,
  services: ReadonlyArray<ManifestObject>,
): Monitor {
  const selector = recordOf(object.body.spec).selector;
  const selected = services.filter(
    service =>
      inNamespaceOf(object, service.namespace) &&
      labelSelectorMatches(
        selector,
        stringMap(recordOf(service.body.metadata).labels),
      ),
  );
  return {
    kind: 'ServiceMonitor',
    name: object.name,
    file: object.file,
    scrapes: (workload, pod) =>
      selected.length > 0
        ? selected.some(
            service =>
              (!service.namespace ||
                !workload.namespace ||
                service.namespace === workload.namespace) &&
              serviceSelectorMatches(
                recordOf(service.body.spec).selector,
                pod.labels,
              ),
          )
        : inNamespaceOf(object, workload.namespace) &&
          labelSelectorMatches(selector, pod.labels),
  };
}

/** The ServiceMonitors and PodMonitors among the manifests' objects. */
export function monitorsOf(objects: ReadonlyArray<ManifestObject>): Monitor[] {
  const services = objects.filter(object => object.kind === 'Service');
  return objects.flatMap((object): Monitor[] => {
    if (object.kind === 'PodMonitor') {
      return [podMonitor(object)];
    }
    if (object.kind === 'ServiceMonitor') {
      return [serviceMonitor(object, services)];
    }
    return [];
  });
}
