import { resolve as resolvePath } from 'node:path';
import type { Config } from '@backstage/config';

/** Where `golden-paths:publish:local` keeps its repositories, in config. */
export const LOCAL_PUBLISH_DIRECTORY_CONFIG_KEY =
  'goldenPaths.scaffolder.localPublish.directory';

export const DEFAULT_LOCAL_PUBLISH_DIRECTORY = './.data/repositories';

/**
 * The absolute directory of locally published repositories. Relative paths
 * are resolved against the backend's working directory, so the publisher
 * (scaffolder) and the reader (catalog) of one backend agree on it.
 */
export function resolveLocalRepositoriesDirectory(config: Config): string {
  const configured =
    config.getOptionalString(LOCAL_PUBLISH_DIRECTORY_CONFIG_KEY) ??
    DEFAULT_LOCAL_PUBLISH_DIRECTORY;
  return resolvePath(process.cwd(), configured);
}
