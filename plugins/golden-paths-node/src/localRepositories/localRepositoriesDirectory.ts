import { dirname, resolve as resolvePath } from 'node:path';
import type { Config } from '@backstage/config';

/**
 * Where `golden-paths:publish:local` keeps its repositories, in config.
 *
 * @public
 */
export const LOCAL_PUBLISH_DIRECTORY_CONFIG_KEY =
  'goldenPaths.scaffolder.localPublish.directory';

/**
 * Further directories of repositories the local URL reader serves, in config.
 *
 * @public
 */
export const LOCAL_REPOSITORIES_DIRECTORIES_CONFIG_KEY =
  'goldenPaths.localRepositories.directories';

/**
 * Where locally published repositories go when nothing is configured.
 *
 * @public
 */
export const DEFAULT_LOCAL_PUBLISH_DIRECTORY = './.data/repositories';

/**
 * The absolute directory of locally published repositories. Relative paths
 * are resolved against the backend's working directory, so the publisher
 * (scaffolder) and the reader (catalog) of one backend agree on it.
 *
 * @public
 */
export function resolveLocalRepositoriesDirectory(config: Config): string {
  const configured =
    config.getOptionalString(LOCAL_PUBLISH_DIRECTORY_CONFIG_KEY) ??
    DEFAULT_LOCAL_PUBLISH_DIRECTORY;
  return resolvePath(process.cwd(), configured);
}

/**
 * Every directory the local URL reader serves, absolute, each once: the
 * local publish directory first (unless local publishing is turned off with
 * `goldenPaths.scaffolder.localPublish.enabled: false`, as in production,
 * where nothing is published there), then
 * `goldenPaths.localRepositories.directories`, resolved the same way. An
 * empty entry (which would resolve to the working directory) and the file
 * system root are refused: either would open far more than repositories.
 *
 * @public
 */
export function resolveReadableRepositoryDirectories(config: Config): string[] {
  const extra =
    config.getOptionalStringArray(LOCAL_REPOSITORIES_DIRECTORIES_CONFIG_KEY) ??
    [];
  const publishes =
    config.getOptionalBoolean('goldenPaths.scaffolder.localPublish.enabled') ??
    true;
  const directories = publishes
    ? [resolveLocalRepositoriesDirectory(config)]
    : [];
  extra.forEach((directory, index) => {
    if (directory.trim() === '') {
      throw new Error(
        `${LOCAL_REPOSITORIES_DIRECTORIES_CONFIG_KEY}[${index}] is empty; name a directory of repositories`,
      );
    }
    const absolute = resolvePath(process.cwd(), directory);
    if (dirname(absolute) === absolute) {
      throw new Error(
        `${LOCAL_REPOSITORIES_DIRECTORIES_CONFIG_KEY}[${index}] is the root of the file system; name a directory of repositories`,
      );
    }
    if (!directories.includes(absolute)) {
      directories.push(absolute);
    }
  });
  return directories;
}
