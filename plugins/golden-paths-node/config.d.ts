export interface Config {
  goldenPaths?: {
    /** How Golden Paths reads registered templates and their revisions. */
    templates?: {
      /**
       * Directories whose templates may be read from the backend's disk,
       * besides the folder of every `type: file` entry of
       * `catalog.locations` (for a glob, the folder above its first
       * pattern). A template registered from a file elsewhere (for example
       * through a Location entity pointing outside those folders) needs its
       * folder here. Relative paths are resolved against the backend's
       * working directory. Even inside them, a template reads its revisions
       * only below its own folder, by real path (no symbolic link leads
       * out). Templates registered from a URL are always read through the
       * URL readers. Default: none.
       */
      directories?: string[];
      /**
       * Files (and, on the disk, folders) read in one template revision.
       * Default 1000.
       */
      maxFilesPerRevision?: number;
      /** Bytes of one template file. Default 1048576 (1 MiB). */
      maxFileBytes?: number;
      /** Bytes of one template revision. Default 10485760 (10 MiB). */
      maxBytesPerRevision?: number;
    };
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
    localRepositories?: {
      /**
       * Further directories of repositories that the local URL reader
       * (`goldenPathsLocalUrlReaderServiceFactory`) serves as `file://` URLs,
       * besides `goldenPaths.scaffolder.localPublish.directory`; for example
       * a folder of example repositories whose `catalog-info.yaml` files are
       * registered as `file` locations. Relative paths are resolved against
       * the backend's working directory. Nothing outside these directories is
       * read: not `..`, not a symbolic link that leads out, never `.git`.
       * Default: none.
       */
      directories?: string[];
      /**
       * Bounds on one read of the local URL reader. A `readUrl` of a larger
       * file, or a `readTree` or `search` past a bound, is refused with an
       * `InputError` naming the key; files the caller's filter (or the
       * glob) leaves out are neither read nor counted, except in
       * `maxTreeEntries`.
       */
      limits?: {
        /** Bytes of one file. Default 16777216 (16 MiB). */
        maxFileBytes?: number;
        /** Files a tree or a search returns. Default 10000. */
        maxTreeFiles?: number;
        /** Bytes of the files a tree or a search returns. Default 268435456 (256 MiB). */
        maxTreeBytes?: number;
        /** Files and folders looked at by a tree or a search. Default 100000. */
        maxTreeEntries?: number;
      };
    };
  };
}
