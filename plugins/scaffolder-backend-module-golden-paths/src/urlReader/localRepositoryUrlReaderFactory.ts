import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import { resolveReadableRepositoryDirectories } from '@golden-paths/golden-paths-node';
import { LocalRepositoryUrlReader } from './LocalRepositoryUrlReader';
import { readLocalReaderLimits } from './localReaderLimits';

/**
 * A URL reader factory for local repositories: it serves `file://` URLs
 * inside `goldenPaths.scaffolder.localPublish.directory` (where
 * `golden-paths:publish:local` creates repositories) and inside each of
 * `goldenPaths.localRepositories.directories`, and matches nothing else.
 * Every read stays inside the repository it names, within
 * `goldenPaths.localRepositories.limits`.
 *
 * @public
 */
export const localRepositoryUrlReaderFactory: ReaderFactory = ({
  config,
  treeResponseFactory,
}) => {
  const reader = new LocalRepositoryUrlReader({
    directories: resolveReadableRepositoryDirectories(config),
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
