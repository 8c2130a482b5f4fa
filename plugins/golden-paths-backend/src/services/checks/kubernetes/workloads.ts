import { kustomizeTemplateLabels } from './kustomizeLabels';
import type { ManifestObject, Manifests } from './manifests';
import { podTemplateOf } from './podTemplate';
import { sparkPodTemplates } from './sparkApplication';
import type { PodTemplate, Workload } from './workload';
import { arrayOf, isRecord, recordOf, stringMap, valueAt } from './values';

type PodTemplateReader = (object: ManifestObject) => PodTemplate[];

/** A single pod template at a path: Deployments, Jobs, CronJobs and the like. */
function templateAt(...path: string[]): PodTemplateReader {
  return object => {
    const template = valueAt(object.body, path);
    return isRecord(template) ? [podTemplateOf(template, path.join('.'))] : [];
  };
}

/** Kubeflow training jobs: one template per replica type under `spec.<key>`. */
function replicaSpecs(key: string): PodTemplateReader {
  return object =>
    Object.entries(recordOf(valueAt(object.body, ['spec', key]))).flatMap(
      ([role, replicaSpec]) => {
        const template = recordOf(replicaSpec).template;
        return isRecord(template)
          ? [podTemplateOf(template, `spec.${key}.${role}.template`, role)]
          : [];
      },
    );
}

/** KubeRay: a head group and worker groups, in a RayCluster spec at `path`. */
function rayCluster(...path: string[]): PodTemplateReader {
  return object => {
    const spec = recordOf(valueAt(object.body, path));
    const field = path.join('.');
    const head = recordOf(spec.headGroupSpec).template;
    const workers = arrayOf(spec.workerGroupSpecs)
      .filter(isRecord)
      .map((group, index) =>
        podTemplateOf(
          group.template,
          `${field}.workerGroupSpecs[${index}].template`,
          typeof group.groupName === 'string'
            ? group.groupName
            : `worker group ${index + 1}`,
        ),
      );
    return [
      ...(isRecord(head)
        ? [podTemplateOf(head, `${field}.headGroupSpec.template`, 'head')]
        : []),
      ...workers,
    ];
  };
}

function spark(...path: string[]): PodTemplateReader {
  return object =>
    sparkPodTemplates(
      valueAt(object.body, path),
      path.join('.'),
      stringMap(valueAt(object.body, ['metadata', 'labels'])),
    );
}

/** The kinds that run pods, and where their pod templates are. */
const POD_TEMPLATE_READERS = new Map<string, PodTemplateReader>([
  ['Deployment', templateAt('spec', 'template')],
  ['StatefulSet', templateAt('spec', 'template')],
  ['DaemonSet', templateAt('spec', 'template')],
  ['ReplicaSet', templateAt('spec', 'template')],
  ['ReplicationController', templateAt('spec', 'template')],
  ['Rollout', templateAt('spec', 'template')],
  ['Job', templateAt('spec', 'template')],
  ['CronJob', templateAt('spec', 'jobTemplate', 'spec', 'template')],
  ['Pod', object => [podTemplateOf(object.body, '')]],
  ['PyTorchJob', replicaSpecs('pytorchReplicaSpecs')],
  ['TFJob', replicaSpecs('tfReplicaSpecs')],
  ['MPIJob', replicaSpecs('mpiReplicaSpecs')],
  ['XGBoostJob', replicaSpecs('xgbReplicaSpecs')],
  ['PaddleJob', replicaSpecs('paddleReplicaSpecs')],
  ['JAXJob', replicaSpecs('jaxReplicaSpecs')],
  ['SparkApplication', spark('spec')],
  ['ScheduledSparkApplication', spark('spec', 'template')],
  ['RayCluster', rayCluster('spec')],
  ['RayJob', rayCluster('spec', 'rayClusterSpec')],
  ['RayService', rayCluster('spec', 'rayClusterConfig')],
  ['ScaledJob', templateAt('spec', 'jobTargetRef', 'template')],
]);

/** The workload kinds {@link extractWorkloads} knows. */
export const WORKLOAD_KINDS: ReadonlyArray<string> = [
  ...POD_TEMPLATE_READERS.keys(),
];

/**
 * The workloads among the manifests' objects, with their pod templates and
 * containers, and with the labels kustomizations add to their templates.
 */
export function extractWorkloads(manifests: Manifests): Workload[] {
  const kustomizeLabels = kustomizeTemplateLabels(manifests);
  const workloads: Workload[] = [];
  for (const object of manifests.objects) {
    const read = POD_TEMPLATE_READERS.get(object.kind);
    if (!read) {
      continue;
    }
    const extraLabels = kustomizeLabels.get(object.file) ?? {};
    workloads.push({
      file: object.file,
      kind: object.kind,
      name: object.name,
      namespace: object.namespace,
      labels: {
        ...stringMap(valueAt(object.body, ['metadata', 'labels'])),
        ...extraLabels,
      },
      pods: read(object).map(pod => ({
        ...pod,
        labels: { ...pod.labels, ...extraLabels },
      })),
      body: object.body,
    });
  }
  return workloads;
}
