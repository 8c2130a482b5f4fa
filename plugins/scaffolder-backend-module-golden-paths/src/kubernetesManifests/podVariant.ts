import type { YamlComment } from './types';

/**
 * What a long-running workload's Deployment takes from its kind: a service
 * or frontend runs restricted and spreads over nodes; a network function
 * gets its networks, devices and the capabilities they need.
 */
export type PodVariant = {
  /** Extended resources (SR-IOV, hugepages), requested and limited. */
  extendedResources: Record<string, string>;
  containerSecurity: Record<string, unknown>;
  podSecurity: Record<string, unknown>;
  /** Annotations of the pod template, if any. */
  annotations: Record<string, string>;
  volumes: Array<Record<string, unknown>>;
  volumeMounts: Array<{ name: string; mountPath: string }>;
  /** Whether to spread the pods over nodes. */
  spread: boolean;
  rollingUpdate: { maxUnavailable: number; maxSurge: number };
  /** Said after the resources comment. */
  resourcesNote: string;
  /** Comments of the variant's own choices. */
  comments: YamlComment[];
};
