import {
  goldenPathsLocalUrlReaderServiceFactory as nodeUrlReaderServiceFactory,
  localRepositoryUrlReaderFactory as nodeUrlReaderFactory,
} from '@golden-paths/golden-paths-node';

/**
 * The URL reader factory of local repositories.
 *
 * @public
 * @deprecated Import `localRepositoryUrlReaderFactory` from
 * `@golden-paths/golden-paths-node` instead.
 */
export const localRepositoryUrlReaderFactory = nodeUrlReaderFactory;

/**
 * Adds the URL reader of local repositories to every plugin's URL readers.
 *
 * @public
 * @deprecated Import `goldenPathsLocalUrlReaderServiceFactory` from
 * `@golden-paths/golden-paths-node` instead.
 */
export const goldenPathsLocalUrlReaderServiceFactory =
  nodeUrlReaderServiceFactory;
