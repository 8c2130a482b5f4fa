import { resolve } from 'node:path';
import type { JsonObject } from '@backstage/types';

/**
 * The app configuration of the tests that run upgrades in a real backend
 * (catalog, scaffolder, Golden Paths): the kinds they need, catalog files
 * below `workdir`, local repositories in `repositories`, and an
 * evaluation that never runs on its own.
 */
export function upgradeTestConfig(options: {
  workdir: string;
  repositories: string;
  /** Catalog files, relative to `workdir` or absolute. */
  locations: string[];
  /** More of `goldenPaths`, such as `upgrades`. */
  goldenPaths?: JsonObject;
}): JsonObject {
  const { workdir, repositories, locations } = options;
  return {
    catalog: {
      processingInterval: { seconds: 1 },
      rules: [
        {
          allow: [
            'Component',
            'System',
            'Domain',
            'Group',
            'User',
            'Template',
            'GoldenPath',
            'Location',
          ],
        },
      ],
      locations: locations.map(file => ({
        type: 'file',
        target: resolve(workdir, file),
      })),
    },
    goldenPaths: {
      scaffolder: { localPublish: { directory: repositories } },
      evaluation: {
        schedule: {
          frequency: { hours: 1 },
          timeout: { minutes: 1 },
          initialDelay: { hours: 1 },
        },
      },
      ...options.goldenPaths,
    },
  };
}
