import { labels, metadata } from './labels';
import { observabilityEnv } from './observability';
import { resourceRequirements, resourcesComment } from './resources';
import type { ManifestsInput } from './schema';
import {
  RESTRICTED_CONTAINER_SECURITY,
  restrictedPodSecurity,
  writableVolumes,
} from './security';
import { serviceAccount } from './serviceAccount';
import type { ManifestFile } from './types';

/** A training job: a ServiceAccount and a Kubeflow PyTorchJob. */
export function mlTrainingManifests(input: ManifestsInput): ManifestFile[] {
  return [serviceAccount(input), pyTorchJob(input)];
}

/** The pod template of the master and of every worker. */
function trainingPod(input: ManifestsInput) {
  const { training } = input;
  const gpus = training.gpusPerWorker;
  const gpuResources: Record<string, string> =
    gpus > 0 ? { 'nvidia.com/gpu': String(gpus) } : {};
  return {
    metadata: { labels: labels(input) },
    spec: {
      serviceAccountName: input.name,
      automountServiceAccountToken: false,
      securityContext: restrictedPodSecurity(input),
      ...(gpus > 0
        ? {
            tolerations: [
              {
                key: 'nvidia.com/gpu',
                operator: 'Exists',
                effect: 'NoSchedule',
              },
            ],
          }
        : {}),
      containers: [
        {
          // The training operator finds the training container by this name.
          name: 'pytorch',
          image: input.image,
          ...(training.command ? { command: training.command } : {}),
          env: observabilityEnv(input),
          resources: resourceRequirements(input, gpuResources),
          securityContext: RESTRICTED_CONTAINER_SECURITY,
          volumeMounts: [
            ...writableVolumes(input).volumeMounts,
            { name: 'dshm', mountPath: '/dev/shm' },
          ],
        },
      ],
      volumes: [
        ...writableVolumes(input).volumes,
        // PyTorch data loaders share tensors through /dev/shm, which is 64Mi
        // by default; memory-backed, it counts against the memory limit.
        { name: 'dshm', emptyDir: { medium: 'Memory' } },
      ],
    },
  };
}

function pyTorchJob(input: ManifestsInput): ManifestFile {
  const template = trainingPod(input);
  const replicaSpec = (replicas: number) => ({
    replicas,
    restartPolicy: 'OnFailure',
    template,
  });
  const resourcesPath = (role: string) => [
    'spec',
    'pytorchReplicaSpecs',
    role,
    'template',
    'spec',
    'containers',
    0,
    'resources',
  ];
  return {
    fileName: 'pytorchjob.yaml',
    object: {
      apiVersion: 'kubeflow.org/v1',
      kind: 'PyTorchJob',
      metadata: metadata(input),
      spec: {
        runPolicy: { cleanPodPolicy: 'None', backoffLimit: 3 },
        pytorchReplicaSpecs: {
          Master: replicaSpec(1),
          Worker: replicaSpec(input.training.workers),
        },
      },
    },
    comments: [
      { path: resourcesPath('Master'), text: resourcesComment(input) },
      { path: resourcesPath('Worker'), text: resourcesComment(input) },
    ],
  };
}
