import type { Config } from '@backstage/config';
import { readWholeNumbers } from '../lib/readWholeNumber';

/** Where the local repository reader's limits are configured. */
export const LOCAL_READER_LIMITS_CONFIG_KEY =
  'goldenPaths.localRepositories.limits';

/** Bounds on what one call of the local repository reader reads. */
export interface LocalReaderLimits {
  /** Bytes of one file (`readUrl`, and each file of a tree or search). */
  maxFileBytes: number;
  /** Files a `readTree` or `search` returns, after the caller's filter. */
  maxTreeFiles: number;
  /** Bytes of the files a `readTree` or `search` returns, after the filter. */
  maxTreeBytes: number;
  /** Files and folders a `readTree` or `search` looks at, kept or not. */
  maxTreeEntries: number;
}

/** Defaults of `goldenPaths.localRepositories.limits`. */
export const DEFAULT_LOCAL_READER_LIMITS: LocalReaderLimits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxTreeFiles: 10_000,
  maxTreeBytes: 256 * 1024 * 1024,
  maxTreeEntries: 100_000,
};

/** Reads `goldenPaths.localRepositories.limits` over the defaults. */
export function readLocalReaderLimits(config: Config): LocalReaderLimits {
  return readWholeNumbers(
    config,
    LOCAL_READER_LIMITS_CONFIG_KEY,
    DEFAULT_LOCAL_READER_LIMITS,
  );
}
