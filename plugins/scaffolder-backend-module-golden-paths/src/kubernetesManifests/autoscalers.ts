import { metadata } from './labels';
import type { ManifestsInput } from './schema';
import type { ManifestFile } from './types';

/** How a long-running workload scales. */
export type AutoscalingMode = 'hpa' | 'vpa' | 'none';

/** The input's autoscaling mode, or the workload's default. */
export function autoscalingMode(input: ManifestsInput): AutoscalingMode {
  if (input.autoscaling.mode) {
    return input.autoscaling.mode;
  }
  // Network functions scale with provisioned capacity (SR-IOV virtual
  // functions are a per-node resource), not with CPU.
  return input.workload === 'network-function' ? 'none' : 'hpa';
}

const deploymentRef = (input: ManifestsInput) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: input.name,
});

/** A HorizontalPodAutoscaler on CPU utilization (against the request). */
export function horizontalPodAutoscaler(input: ManifestsInput): ManifestFile {
  return {
    fileName: 'hpa.yaml',
    object: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(input),
      spec: {
        scaleTargetRef: deploymentRef(input),
        minReplicas: input.autoscaling.minReplicas,
        maxReplicas: input.autoscaling.maxReplicas,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: {
                type: 'Utilization',
                averageUtilization: input.autoscaling.targetCPUUtilization,
              },
            },
          },
        ],
      },
    },
    comments: [
      {
        path: ['spec', 'metrics'],
        text: ' Utilization is measured against the CPU request.',
      },
    ],
  };
}

/** A VerticalPodAutoscaler that sets requests and limits of the container. */
export function verticalPodAutoscaler(input: ManifestsInput): ManifestFile {
  return {
    fileName: 'vpa.yaml',
    object: {
      apiVersion: 'autoscaling.k8s.io/v1',
      kind: 'VerticalPodAutoscaler',
      metadata: metadata(input),
      spec: {
        targetRef: deploymentRef(input),
        updatePolicy: { updateMode: 'Recreate' },
        resourcePolicy: {
          containerPolicies: [
            {
              containerName: input.name,
              controlledResources: ['cpu', 'memory'],
              controlledValues: 'RequestsAndLimits',
            },
          ],
        },
      },
    },
    comments: [
      {
        path: ['spec', 'updatePolicy'],
        text:
          " 'Recreate' is what 'Auto' meant before VPA 1.4 deprecated it. VPA keeps\n" +
          ' the limit-to-request ratio, so the memory limit moves with the request.',
      },
    ],
  };
}
