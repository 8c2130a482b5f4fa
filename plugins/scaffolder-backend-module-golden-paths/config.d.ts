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
  };
}
