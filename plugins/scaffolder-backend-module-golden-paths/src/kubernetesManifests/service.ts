import { metadata, selectorLabels } from './labels';
import type { ManifestsInput } from './schema';
import type { ManifestFile } from './types';

/** The name of the container port: a network function's is management. */
export function portName(input: ManifestsInput): string {
  return input.workload === 'network-function' ? 'mgmt' : 'http';
}

/** The ClusterIP Service in front of a long-running workload. */
export function service(input: ManifestsInput): ManifestFile {
  const name = portName(input);
  return {
    fileName: 'service.yaml',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(input),
      spec: {
        type: 'ClusterIP',
        selector: selectorLabels(input),
        ports: [
          {
            name,
            port: input.port,
            targetPort: name,
            protocol: 'TCP',
          },
        ],
      },
    },
    comments: [],
  };
}
