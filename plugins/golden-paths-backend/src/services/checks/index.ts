export { builtInChecks, createBuiltInChecks } from './builtInChecks';
export type { BuiltInChecksOptions } from './builtInChecks';
export { ownerCheck } from './ownerCheck';
export { ciCheck } from './ciCheck';
export { sbomCheck } from './sbomCheck';
export { imageSigningCheck } from './imageSigningCheck';
export { vulnerabilityScanCheck } from './vulnerabilityScanCheck';
export { resourceRequestsCheck } from './resourceRequestsCheck';
export { autoscalingCheck } from './autoscalingCheck';
export { observabilityCheck } from './observabilityCheck';
export {
  costLabelsCheck,
  createCostLabelsCheck,
  DEFAULT_COST_LABELS,
} from './costLabelsCheck';
export type { CostLabelsCheckOptions } from './costLabelsCheck';
