/** The workloads the action writes manifests for. */
export const WORKLOADS = [
  'service',
  'frontend',
  'data',
  'spark-job',
  'ml-training',
  'network-function',
] as const;

/** A kind of workload, which decides the objects written. */
export type Workload = (typeof WORKLOADS)[number];

/** Workloads that run behind a Service and get a PDB and autoscaling. */
export const LONG_RUNNING: readonly Workload[] = [
  'service',
  'frontend',
  'network-function',
];
