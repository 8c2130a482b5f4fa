import type { YamlRecord } from './values';

/** The resources the `resource-requests` guarantee asks every container for. */
export interface ContainerResources {
  cpuRequest?: string;
  memoryRequest?: string;
  memoryLimit?: string;
}

/** An environment variable of a container. */
export interface ContainerEnvVar {
  name: string;
  /** The literal value; undefined when it comes from `valueFrom`. */
  value?: string;
  /** Whether the value comes from `valueFrom` (a field, secret or config map). */
  fromSource: boolean;
}

/** A container of a pod template, or what a custom resource turns into one. */
export interface WorkloadContainer {
  name: string;
  /** How reasons name it: "container app", "init container migrate", "driver". */
  label: string;
  init: boolean;
  resources: ContainerResources;
  /** The field each resource is declared in, for reasons. */
  resourceFields: Record<keyof ContainerResources, string>;
  env: ContainerEnvVar[];
}

/** One kind of pod a workload runs. */
export interface PodTemplate {
  /** Replica type of workloads with several: "Worker", "driver", "head". */
  role?: string;
  /** Field of the pod labels in the object, for reasons. */
  labelsField: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  containers: WorkloadContainer[];
}

/** An object that runs pods. */
export interface Workload {
  file: string;
  kind: string;
  name: string;
  namespace?: string;
  /** `metadata.labels` of the object itself. */
  labels: Record<string, string>;
  pods: PodTemplate[];
  /** The whole object, for what only one kind has (Spark's dynamic allocation). */
  body: YamlRecord;
}

/** "Deployment payments-api in k8s/deployment.yaml". */
export function describeWorkload(workload: Workload): string {
  return `${workload.kind} ${workload.name} in ${workload.file}`;
}

/** "k8s/deployment.yaml (Deployment payments-api)", with the role when there is one. */
export function describePodOf(workload: Workload, pod: PodTemplate): string {
  const role = pod.role ? `, ${pod.role}` : '';
  return `${workload.file} (${workload.kind} ${workload.name}${role})`;
}

/** "container app in k8s/deployment.yaml (Deployment payments-api)". */
export function describeContainer(
  workload: Workload,
  pod: PodTemplate,
  container: WorkloadContainer,
): string {
  // A Spark driver is both the container and the role: name it once.
  const role = pod.role && pod.role !== container.label ? `, ${pod.role}` : '';
  return `${container.label} in ${workload.file} (${workload.kind} ${workload.name}${role})`;
}
