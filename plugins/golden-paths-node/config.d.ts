export interface Config {
  goldenPaths?: {
    /**
     * What upgrade plans may cost (the `GET …/upgrade` and
     * `GET …/upgrade-plans` routes, `POST …/upgrade` and the
     * `golden-paths:upgrade` action). A plan that would pass a bound is
     * refused with an error naming the key, never made from part of a
     * repository.
     */
    upgrades?: {
      /** Bounds on each read of a component's repository. */
      repositories?: {
        /** Files in the repository. Default 5000. */
        maxFiles?: number;
        /** Bytes of any one file. Default 5242880 (5 MiB). */
        maxFileBytes?: number;
        /** Bytes of all files together. Default 52428800 (50 MiB). */
        maxTotalBytes?: number;
        /** Time allowed for one read, in milliseconds. Default 60000. */
        timeoutMs?: number;
      };
      /** Plans prepared at the same time by one backend instance. Default 2. */
      concurrency?: number;
      /**
       * Plans waiting for a free slot; more are refused with 503 and
       * `Retry-After`. Default 10.
       */
      maxQueued?: number;
      /** Time one plan may take once started, in milliseconds. Default 120000. */
      planTimeoutMs?: number;
      /** Plans reused when asked again with nothing changed. */
      planCache?: {
        /** Seconds a plan is reused; 0 turns reuse off. Default 120. */
        ttlSeconds?: number;
        /** Plans kept per backend instance. Default 200. */
        maxEntries?: number;
      };
      /**
       * Followers one bulk planning (`GET …/upgrade-plans`) plans; the
       * rest are counted as left out. Default 20.
       */
      maxFollowersPerRequest?: number;
    };
  };
}
