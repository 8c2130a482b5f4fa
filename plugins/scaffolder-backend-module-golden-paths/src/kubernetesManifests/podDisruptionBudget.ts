import { metadata, selectorLabels } from './labels';
import type { ManifestsInput } from './schema';
import type { ManifestFile } from './types';

/** A PodDisruptionBudget that lets one pod go at a time. */
export function podDisruptionBudget(input: ManifestsInput): ManifestFile {
  return {
    fileName: 'pdb.yaml',
    object: {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: metadata(input),
      spec: {
        maxUnavailable: 1,
        selector: { matchLabels: selectorLabels(input) },
      },
    },
    comments: [
      {
        path: ['spec', 'maxUnavailable'],
        text:
          ' maxUnavailable rather than minAvailable: with a single replica,\n' +
          ' minAvailable: 1 would block node drains forever.',
      },
    ],
  };
}
