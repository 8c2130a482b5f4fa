import { labels, metadata } from './labels';
import { observabilityEnv } from './observability';
import { resourceRequirements, resourcesComment } from './resources';
import type { ManifestsInput } from './schema';
import {
  RESTRICTED_CONTAINER_SECURITY,
  restrictedPodSecurity,
  writableVolumes,
} from './security';
import type { ManifestFile } from './types';

/** A data pipeline: a CronJob in UTC whose runs never overlap. */
export function cronJob(input: ManifestsInput): ManifestFile {
  return {
    fileName: 'cronjob.yaml',
    object: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: metadata(input),
      spec: {
        schedule: input.schedule,
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels: labels(input) },
          spec: {
            backoffLimit: 2,
            template: {
              metadata: { labels: labels(input) },
              spec: {
                restartPolicy: 'OnFailure',
                serviceAccountName: input.name,
                automountServiceAccountToken: false,
                securityContext: restrictedPodSecurity(input),
                containers: [
                  {
                    name: input.name,
                    image: input.image,
                    env: observabilityEnv(input),
                    resources: resourceRequirements(input),
                    securityContext: RESTRICTED_CONTAINER_SECURITY,
                    volumeMounts: writableVolumes(input).volumeMounts,
                  },
                ],
                volumes: writableVolumes(input).volumes,
              },
            },
          },
        },
      },
    },
    comments: [
      {
        path: [
          'spec',
          'jobTemplate',
          'spec',
          'template',
          'spec',
          'containers',
          0,
          'resources',
        ],
        text: resourcesComment(input),
      },
      {
        path: ['spec', 'concurrencyPolicy'],
        text: ' A run that overlaps the previous one is skipped, not stacked.',
      },
    ],
  };
}
