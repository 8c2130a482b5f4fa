export interface Config {
  goldenPaths?: {
    scaffolder?: {
      localPublish?: {
        /**
         * Where `golden-paths:publish:local` creates repositories, relative to
         * the backend's working directory. Default `./.data/repositories`.
         */
        directory?: string;
      };
    };
  };
}
