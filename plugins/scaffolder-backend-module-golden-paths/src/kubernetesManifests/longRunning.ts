import {
  autoscalingMode,
  horizontalPodAutoscaler,
  verticalPodAutoscaler,
} from './autoscalers';
import { deployment } from './deployment';
import { podDisruptionBudget } from './podDisruptionBudget';
import type { ManifestsInput } from './schema';
import { service } from './service';
import { serviceAccount } from './serviceAccount';
import type { ManifestFile } from './types';

/**
 * A service, frontend or network function: ServiceAccount, Deployment,
 * Service, PodDisruptionBudget, and an HPA or a VPA as its mode says.
 */
export function longRunningManifests(input: ManifestsInput): ManifestFile[] {
  const mode = autoscalingMode(input);
  const files = [
    serviceAccount(input),
    deployment(input, mode),
    service(input),
    podDisruptionBudget(input),
  ];
  if (mode === 'hpa') {
    files.push(horizontalPodAutoscaler(input));
  } else if (mode === 'vpa') {
    files.push(verticalPodAutoscaler(input));
  }
  return files;
}
