import { InputError } from '@backstage/errors';
import { cronJob } from './cronJob';
import { longRunningManifests } from './longRunning';
import { mlTrainingManifests } from './pyTorchJob';
import type { ManifestsInput } from './schema';
import { serviceAccount } from './serviceAccount';
import { sparkJobManifests } from './sparkJob';
import type { ManifestFile } from './types';

/** The objects a workload needs, one file each, in the order written. */
export function buildManifests(input: ManifestsInput): ManifestFile[] {
  switch (input.workload) {
    case 'service':
    case 'frontend':
    case 'network-function':
      return longRunningManifests(input);
    case 'data':
      return [serviceAccount(input), cronJob(input)];
    case 'spark-job':
      return sparkJobManifests(input);
    case 'ml-training':
      return mlTrainingManifests(input);
    default:
      throw new InputError(`Unknown workload ${input.workload}`);
  }
}
