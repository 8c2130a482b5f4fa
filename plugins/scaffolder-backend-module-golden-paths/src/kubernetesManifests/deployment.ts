import type { AutoscalingMode } from './autoscalers';
import { labels, metadata, selectorLabels } from './labels';
import { networkFunctionPod } from './networkFunction';
import { observabilityEnv } from './observability';
import type { PodVariant } from './podVariant';
import { healthProbes } from './probes';
import { resourceRequirements, resourcesComment } from './resources';
import type { ManifestsInput } from './schema';
import {
  RESTRICTED_CONTAINER_SECURITY,
  restrictedPodSecurity,
  writableVolumes,
} from './security';
import { portName } from './service';
import type { ManifestFile, YamlComment } from './types';

/** A service's or frontend's pod: restricted, spread over nodes. */
function restrictedPod(input: ManifestsInput): PodVariant {
  return {
    extendedResources: {},
    containerSecurity: RESTRICTED_CONTAINER_SECURITY,
    podSecurity: restrictedPodSecurity(input),
    annotations: {},
    volumes: [],
    volumeMounts: [],
    spread: true,
    // Rolls without losing a pod.
    rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    resourcesNote: '',
    comments: [],
  };
}

/**
 * The Deployment of a long-running workload (service, frontend, network
 * function). With an HPA it sets no replica count: the HPA owns it.
 */
export function deployment(
  input: ManifestsInput,
  mode: AutoscalingMode,
): ManifestFile {
  const nf =
    input.workload === 'network-function' ? input.networkFunction : undefined;
  const variant = nf ? networkFunctionPod(input, nf) : restrictedPod(input);
  const port = portName(input);
  const writable = writableVolumes(input);

  const container = {
    name: input.name,
    image: input.image,
    ports: [{ name: port, containerPort: input.port, protocol: 'TCP' }],
    env: observabilityEnv(input),
    resources: resourceRequirements(input, variant.extendedResources),
    securityContext: variant.containerSecurity,
    ...healthProbes(port, nf?.healthProbe ?? 'http'),
    volumeMounts: [...writable.volumeMounts, ...variant.volumeMounts],
  };

  const podSpec = {
    serviceAccountName: input.name,
    automountServiceAccountToken: false,
    securityContext: variant.podSecurity,
    ...(variant.spread
      ? {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selectorLabels(input) },
            },
          ],
        }
      : {}),
    containers: [container],
    volumes: [...writable.volumes, ...variant.volumes],
  };

  const comments: YamlComment[] = [
    {
      path: ['spec', 'template', 'spec', 'containers', 0, 'resources'],
      text: resourcesComment(input) + variant.resourcesNote,
    },
  ];
  if (mode === 'hpa') {
    comments.push({
      path: ['spec', 'selector'],
      text:
        ' No spec.replicas: the HorizontalPodAutoscaler owns the replica count,\n' +
        ' and a fixed value here would be reset on every GitOps sync.',
    });
  }
  comments.push(...variant.comments);

  const { annotations } = variant;
  return {
    fileName: 'deployment.yaml',
    object: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata(input),
      spec: {
        ...(mode === 'hpa' ? {} : { replicas: input.replicas }),
        selector: { matchLabels: selectorLabels(input) },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: variant.rollingUpdate,
        },
        template: {
          metadata: {
            labels: labels(input),
            ...(Object.keys(annotations).length ? { annotations } : {}),
          },
          spec: podSpec,
        },
      },
    },
    comments,
  };
}
