import { metadata } from './labels';
import type { ManifestsInput } from './schema';
import type { ManifestFile } from './types';

/** The workload's own ServiceAccount, which mounts no token unless asked. */
export function serviceAccount(
  input: ManifestsInput,
  options: { automountToken?: boolean } = {},
): ManifestFile {
  return {
    fileName: 'serviceaccount.yaml',
    object: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: metadata(input),
      // Only the Spark driver talks to the API server (to start executors).
      automountServiceAccountToken: options.automountToken ?? false,
    },
    comments: [],
  };
}
