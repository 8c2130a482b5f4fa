import type { PodVariant } from './podVariant';
import type { ManifestsInput } from './schema';

type NetworkFunction = NonNullable<ManifestsInput['networkFunction']>;

/**
 * A network function's pod: on its Multus networks, with SR-IOV virtual
 * functions and hugepages as extended resources, NET_ADMIN (and IPC_LOCK for
 * DPDK or hugepages), rolled without surging.
 */
export function networkFunctionPod(
  input: ManifestsInput,
  nf: NetworkFunction,
): PodVariant {
  const extendedResources: Record<string, string> = {};
  if (nf.sriovResource) {
    extendedResources[nf.sriovResource] = String(
      nf.sriovCount ?? nf.networks.length,
    );
  }
  if (nf.hugepages2Mi) {
    extendedResources['hugepages-2Mi'] = nf.hugepages2Mi;
  }
  const addedCapabilities = [
    'NET_ADMIN',
    ...(nf.dpdk || nf.hugepages2Mi ? ['IPC_LOCK'] : []),
  ];
  return {
    extendedResources,
    containerSecurity: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'], add: addedCapabilities },
    },
    // Kubernetes grants added capabilities to UID 0 only (no ambient
    // capabilities), so a network function cannot use NET_ADMIN as non-root.
    podSecurity: { seccompProfile: { type: 'RuntimeDefault' } },
    annotations: { 'k8s.v1.cni.cncf.io/networks': nf.networks.join(',') },
    volumes: nf.hugepages2Mi
      ? [{ name: 'hugepages', emptyDir: { medium: 'HugePages-2Mi' } }]
      : [],
    volumeMounts: nf.hugepages2Mi
      ? [{ name: 'hugepages', mountPath: '/dev/hugepages' }]
      : [],
    spread: false,
    // SR-IOV functions and hugepages are finite per node, so the pod rolls
    // without surging.
    rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    resourcesNote:
      nf.dpdk && !input.resources.cpuLimit
        ? '\n DPDK usually needs exclusive CPUs from the static CPU manager, which\n' +
          ' requires Guaranteed QoS: set resources.cpuLimit equal to a whole-core\n' +
          ' cpuRequest, and memoryRequest equal to memoryLimit.'
        : '',
    comments: [
      {
        path: ['spec', 'template', 'spec', 'securityContext'],
        text:
          ' Not runAsNonRoot: Kubernetes grants added capabilities (NET_ADMIN,\n' +
          ' IPC_LOCK) to UID 0 only. Privilege escalation stays off, all other\n' +
          ' capabilities are dropped and the root filesystem is read-only.',
      },
    ],
  };
}
