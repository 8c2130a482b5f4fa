import type { ManifestsInput } from './schema';

/**
 * A container's requests and limits: CPU and memory requests, a memory
 * limit, a CPU limit only when the input sets one; `extra` (extended
 * resources, hugepages) goes in both.
 */
export function resourceRequirements(
  input: ManifestsInput,
  extra: Record<string, string> = {},
) {
  const { resources } = input;
  return {
    requests: {
      cpu: resources.cpuRequest,
      memory: resources.memoryRequest,
      ...extra,
    },
    limits: {
      ...(resources.cpuLimit ? { cpu: resources.cpuLimit } : {}),
      memory: resources.memoryLimit,
      ...extra,
    },
  };
}

const NO_CPU_LIMIT_COMMENT =
  ' No CPU limit on purpose: CPU limits make the kernel throttle the container\n' +
  ' (CFS quota) even when the node has idle CPU, which shows up as latency.\n' +
  ' The CPU request reserves the share. Memory keeps its limit: memory cannot\n' +
  ' be throttled, only reclaimed by killing the container.';

const CPU_LIMIT_COMMENT =
  ' CPU limit set explicitly (resources.cpuLimit). With requests equal to\n' +
  ' limits the pod gets Guaranteed QoS; otherwise expect CFS throttling when\n' +
  ' the container reaches the limit.';

/** The comment on a container's resources: why there is a CPU limit or not. */
export function resourcesComment(input: ManifestsInput): string {
  return input.resources.cpuLimit ? CPU_LIMIT_COMMENT : NO_CPU_LIMIT_COMMENT;
}
