import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import { resolveReadableRepositoryDirectories } from '../localRepositories/localRepositoriesDirectory';
import { LocalRepositoryUrlReader } from './LocalRepositoryUrlReader';
import { readLocalReaderLimits } from './localReaderLimits';

/**
 * A URL reader factory for local repositories: it serves `file://` URLs
 * inside `goldenPaths.scaffolder.localPublish.directory` (where
 * `golden-paths:publish:local` creates repositories) and inside each of
 * `goldenPaths.localRepositories.directories`, and matches nothing else
 * (no reader at all when there is neither).
 * Every read stays inside the repository it names, within
 * `goldenPaths.localRepositories.limits`.
 *
 * @public
 */
export const localRepositoryUrlReaderFactory: ReaderFactory = ({
  config,
  treeResponseFactory,
}) => {
  const directories = resolveReadableRepositoryDirectories(config);
  // Nothing to serve (local publishing off, no further directories): the
  // factory may stay installed in a production backend and read nothing.
  if (directories.length === 0) {
    return [];
  }
  const reader = new LocalRepositoryUrlReader({
    directories,
    treeResponseFactory,
    limits: readLocalReaderLimits(config),
  });
  return [{ reader, predicate: (url: URL) => reader.canRead(url) }];
};

/**
 * Adds {@link localRepositoryUrlReaderFactory} to the URL readers of every
 * plugin, so that the catalog can read (and `catalog:register` can register)
 * `file://…/catalog-info.yaml` from a locally published repository, and other
 * plugins can read the files of local repositories.
 *
 * @public
 */
export const goldenPathsLocalUrlReaderServiceFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  factory: () => localRepositoryUrlReaderFactory,
});
