import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  goldenPaths?: {
    /** How the Golden Paths backend evaluates the followers of every path. */
    evaluation?: {
      /**
       * When the evaluation runs; one instance runs it at a time. Defaults
       * to every 30 minutes with a 10 minute timeout, first run 30 seconds
       * after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Labels every workload's pods must carry for the `cost-labels` check.
       * Defaults to `team` and `cost-center`.
       */
      costLabels?: string[];
      /** Bounds on reading components' repositories. */
      repositories?: {
        /** Repositories read at the same time. Default 4. */
        concurrency?: number;
        /**
         * Repository downloads per evaluation (reads answered "not modified"
         * by ETag count too). Default 2000.
         */
        maxReadsPerRun?: number;
        /** Larger files are not read. Default 262144 (256 KiB). */
        maxFileBytes?: number;
        /** Files kept per repository. Default 50. */
        maxFilesPerRepository?: number;
        /** Bytes kept per repository. Default 1048576 (1 MiB). */
        maxBytesPerRepository?: number;
        /** Time allowed for one repository read, in milliseconds. Default 30000. */
        timeoutMs?: number;
      };
    };
    upgrades?: {
      /**
       * Requests to the upgrade routes (`GET …/upgrade`, `POST …/upgrade`,
       * `GET …/upgrade-plans`) per caller (user, or calling service); more
       * are refused with 429 and `Retry-After`.
       */
      rateLimit?: {
        /** Requests a caller may make at once. Default 10. */
        burst?: number;
        /** Requests a caller regains per minute, up to `burst`. Default 10. */
        perMinute?: number;
      };
    };
  };
}
