import { ACTION_ID } from './actionId';
import type { KubernetesObject } from './types';

type PodSpecLike = {
  containers?: Array<{ name?: string; resources?: any }>;
};

/** Pod templates of every object, with where they are, for the checks below. */
function podTemplates(object: KubernetesObject): Array<{
  where: string;
  labels?: Record<string, string>;
  spec?: PodSpecLike;
}> {
  const spec = object.spec as any;
  switch (object.kind) {
    case 'Deployment':
      return [
        {
          where: 'spec.template',
          labels: spec.template.metadata?.labels,
          spec: spec.template.spec,
        },
      ];
    case 'CronJob':
      return [
        {
          where: 'spec.jobTemplate.spec.template',
          labels: spec.jobTemplate.spec.template.metadata?.labels,
          spec: spec.jobTemplate.spec.template.spec,
        },
      ];
    case 'PyTorchJob':
      return Object.entries<any>(spec.pytorchReplicaSpecs).map(
        ([role, replica]) => ({
          where: `spec.pytorchReplicaSpecs.${role}.template`,
          labels: replica.template.metadata?.labels,
          spec: replica.template.spec,
        }),
      );
    case 'SparkApplication':
      // The operator builds the pods; requests come from cores and memory,
      // so only the labels are ours to check here.
      return ['driver', 'executor'].map(role => ({
        where: `spec.${role}`,
        labels: spec[role].labels,
      }));
    default:
      return [];
  }
}

const REQUIRED_LABELS = [
  'app.kubernetes.io/name',
  'team',
  'cost-center',
  'golden-path',
];

/**
 * Checks the promises of the golden path on the objects about to be written:
 * cost and ownership labels on every object and pod template, and requests
 * and a memory limit on every container.
 */
export function assertInvariants(objects: KubernetesObject[]) {
  const fail = (message: string): never => {
    throw new Error(`${ACTION_ID} generated an invalid object: ${message}`);
  };
  for (const object of objects) {
    const id = `${object.kind} ${object.metadata.name}`;
    const objectLabels = (object.metadata.labels ?? {}) as Record<
      string,
      string
    >;
    for (const label of REQUIRED_LABELS) {
      if (!objectLabels[label]) fail(`${id} has no ${label} label`);
    }
    for (const pod of podTemplates(object)) {
      for (const label of REQUIRED_LABELS) {
        if (!pod.labels?.[label])
          fail(`${id} ${pod.where} has no ${label} label`);
      }
      for (const container of pod.spec?.containers ?? []) {
        const r = container.resources ?? {};
        if (!r.requests?.cpu || !r.requests?.memory || !r.limits?.memory) {
          fail(
            `${id} container ${container.name} lacks requests or a memory limit`,
          );
        }
      }
    }
  }
}
