/**
 * The ids of the guarantees a golden path can promise. Each id names a check
 * the backend evaluates for every component that follows the path.
 *
 * @public
 */
export type GoldenPathGuaranteeId =
  | 'owner'
  | 'ci'
  | 'sbom'
  | 'image-signing'
  | 'vulnerability-scan'
  | 'resource-requests'
  | 'autoscaling'
  | 'observability'
  | 'cost-labels';

/**
 * A guarantee with the words the portal shows for it.
 *
 * @public
 */
export interface GoldenPathGuarantee {
  /** The id a path lists in `spec.guarantees`; also the id of its check. */
  id: GoldenPathGuaranteeId;
  /** A short title, e.g. `Owned`. */
  title: string;
  /** One sentence on what a follower must have to pass the check. */
  description: string;
}

/**
 * Every guarantee a golden path can list in `spec.guarantees`, in the order
 * the portal shows them.
 *
 * @public
 */
export const GOLDEN_PATH_GUARANTEES: ReadonlyArray<GoldenPathGuarantee> = [
  {
    id: 'owner',
    title: 'Owned',
    description:
      'The component has an owner that resolves to a Group in the catalog.',
  },
  {
    id: 'ci',
    title: 'Continuous integration',
    description:
      'The repository has a CI workflow that builds and tests every change.',
  },
  {
    id: 'sbom',
    title: 'SBOM',
    description:
      'CI generates a software bill of materials for every image it builds and attests it to the image.',
  },
  {
    id: 'image-signing',
    title: 'Signed images',
    description:
      'Every image CI pushes is signed (Sigstore cosign), so the cluster can verify where it came from.',
  },
  {
    id: 'vulnerability-scan',
    title: 'Vulnerability scan',
    description:
      'CI scans every image for known vulnerabilities and fails above the agreed severity.',
  },
  {
    id: 'resource-requests',
    title: 'Resource requests and limits',
    description:
      'Every container declares CPU and memory requests and a memory limit, so the scheduler can bin-pack nodes; CPU limits are left out on purpose, to avoid CFS throttling.',
  },
  {
    id: 'autoscaling',
    title: 'Autoscaling',
    description:
      'The workload scales with load through a HorizontalPodAutoscaler or VerticalPodAutoscaler.',
  },
  {
    id: 'observability',
    title: 'Observability',
    description:
      'The workload exports traces, metrics and logs (OpenTelemetry or Datadog) with its service name.',
  },
  {
    id: 'cost-labels',
    title: 'Cost labels',
    description:
      'Workloads carry the team, cost-center and golden-path labels that cost reports group by.',
  },
];

/**
 * The ids of {@link GOLDEN_PATH_GUARANTEES}.
 *
 * @public
 */
export const GOLDEN_PATH_GUARANTEE_IDS: ReadonlyArray<GoldenPathGuaranteeId> =
  GOLDEN_PATH_GUARANTEES.map(g => g.id);

/**
 * Returns whether a string is a known guarantee id.
 *
 * @public
 */
export function isGoldenPathGuaranteeId(
  id: string,
): id is GoldenPathGuaranteeId {
  return (GOLDEN_PATH_GUARANTEE_IDS as ReadonlyArray<string>).includes(id);
}
