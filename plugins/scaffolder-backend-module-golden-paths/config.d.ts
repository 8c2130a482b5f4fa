export interface Config {
  goldenPaths?: {
    scaffolder?: {
      localPublish?: {
        /**
         * Whether the `golden-paths:publish:local` action is offered.
         * Default true. Set it to false where templates publish to a Git
         * host (production): the action is then not registered, and the
         * local URL reader no longer serves the publish directory, only
         * `goldenPaths.localRepositories.directories`.
         */
        enabled?: boolean;
        /**
         * Where `golden-paths:publish:local` creates repositories, relative to
         * the backend's working directory. Default `./.data/repositories`.
         * The local URL reader serves the repositories in it.
         */
        directory?: string;
      };
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
