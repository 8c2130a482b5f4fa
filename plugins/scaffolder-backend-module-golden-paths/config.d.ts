export interface Config {
  goldenPaths?: {
    scaffolder?: {
      localPublish?: {
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
    };
  };
}
