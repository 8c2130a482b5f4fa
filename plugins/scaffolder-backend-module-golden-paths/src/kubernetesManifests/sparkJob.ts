import { labels, metadata } from './labels';
import { observabilityEnv } from './observability';
import type { ManifestsInput } from './schema';
import { serviceAccount } from './serviceAccount';
import type { ManifestFile } from './types';

/**
 * A Spark job for the Spark operator: a ServiceAccount with a token, the
 * driver's Role and RoleBinding, and the SparkApplication.
 */
export function sparkJobManifests(input: ManifestsInput): ManifestFile[] {
  return [
    serviceAccount(input, { automountToken: true }),
    ...sparkRbac(input),
    sparkApplication(input),
  ];
}

function sparkRbac(input: ManifestsInput): ManifestFile[] {
  // The driver creates and deletes its executor pods, their headless
  // service and config maps; this is the least the Spark on Kubernetes
  // scheduler backend needs.
  return [
    {
      fileName: 'role.yaml',
      object: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: metadata(input),
        rules: [
          {
            apiGroups: [''],
            resources: [
              'pods',
              'services',
              'configmaps',
              'persistentvolumeclaims',
            ],
            verbs: [
              'create',
              'get',
              'list',
              'watch',
              'patch',
              'delete',
              'deletecollection',
            ],
          },
        ],
      },
      comments: [],
    },
    {
      fileName: 'rolebinding.yaml',
      object: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: metadata(input),
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: input.name,
        },
        subjects: [
          {
            kind: 'ServiceAccount',
            name: input.name,
            namespace: input.namespace,
          },
        ],
      },
      comments: [],
    },
  ];
}

function sparkApplication(input: ManifestsInput): ManifestFile {
  const spark = input.spark!;
  const podCommon = {
    labels: labels(input),
    env: observabilityEnv(input),
    // Spark writes scratch data and fetched dependencies under its work
    // directory inside the image, so the root filesystem stays writable.
    securityContext: {
      runAsNonRoot: true,
      ...(input.runAsUser ? { runAsUser: input.runAsUser } : {}),
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
  };
  return {
    fileName: 'sparkapplication.yaml',
    object: {
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      metadata: metadata(input),
      spec: {
        type: spark.type,
        ...(spark.type === 'Python' ? { pythonVersion: '3' } : {}),
        mode: 'cluster',
        image: input.image,
        imagePullPolicy: 'IfNotPresent',
        mainApplicationFile: spark.mainApplicationFile,
        ...(spark.mainClass ? { mainClass: spark.mainClass } : {}),
        sparkVersion: spark.sparkVersion,
        restartPolicy: { type: 'Never' },
        driver: {
          cores: spark.driverCores,
          memory: spark.driverMemory,
          serviceAccount: input.name,
          ...podCommon,
        },
        executor: {
          cores: spark.executorCores,
          instances: spark.executorInstances,
          memory: spark.executorMemory,
          ...podCommon,
        },
      },
    },
    comments: [
      {
        path: ['spec', 'driver'],
        text:
          ' Resources: the operator requests `cores` CPUs with no CPU limit (no\n' +
          ' coreLimit, to avoid CFS throttling) and sets the memory request and\n' +
          ' limit to `memory` plus the Spark memory overhead.',
      },
      {
        path: ['spec', 'driver', 'securityContext'],
        text:
          ' Root filesystem writable: Spark writes scratch data and fetched\n' +
          ' dependencies under its work directory inside the image.',
      },
    ],
  };
}
