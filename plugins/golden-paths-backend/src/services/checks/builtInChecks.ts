import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { autoscalingCheck } from './autoscalingCheck';
import { ciCheck } from './ciCheck';
import { createCostLabelsCheck } from './costLabelsCheck';
import { imageSigningCheck } from './imageSigningCheck';
import { observabilityCheck } from './observabilityCheck';
import { ownerCheck } from './ownerCheck';
import { resourceRequestsCheck } from './resourceRequestsCheck';
import { sbomCheck } from './sbomCheck';
import { vulnerabilityScanCheck } from './vulnerabilityScanCheck';

/**
 * Options of {@link createBuiltInChecks}.
 *
 * @public
 */
export interface BuiltInChecksOptions {
  /** The labels the `cost-labels` check asks for; defaults to `team` and `cost-center`. */
  costLabels?: ReadonlyArray<string>;
}

/**
 * The checks of the nine guarantees, in the order of
 * `GOLDEN_PATH_GUARANTEES`. Each applies to the paths that list its id in
 * `spec.guarantees`.
 *
 * @public
 */
export function createBuiltInChecks(
  options: BuiltInChecksOptions = {},
): GoldenPathCheck[] {
  return [
    ownerCheck,
    ciCheck,
    sbomCheck,
    imageSigningCheck,
    vulnerabilityScanCheck,
    resourceRequestsCheck,
    autoscalingCheck,
    observabilityCheck,
    createCostLabelsCheck({ labels: options.costLabels }),
  ];
}

/**
 * The built-in checks with their defaults.
 *
 * @public
 */
export const builtInChecks: GoldenPathCheck[] = createBuiltInChecks();
