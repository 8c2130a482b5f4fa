import type { Config } from '@backstage/config';

/** Bounds on what an evaluation reads from repositories. */
export interface RepositoryLimits {
  /** Repositories read at the same time. */
  concurrency: number;
  /** Repository downloads per evaluation; the rest wait for the next one. */
  maxReadsPerRun: number;
  maxFileBytes: number;
  maxFilesPerRepository: number;
  maxBytesPerRepository: number;
  timeoutMs: number;
}

/** Defaults of `goldenPaths.evaluation.repositories`. */
export const DEFAULT_REPOSITORY_LIMITS: RepositoryLimits = {
  concurrency: 4,
  maxReadsPerRun: 2000,
  maxFileBytes: 256 * 1024,
  maxFilesPerRepository: 50,
  maxBytesPerRepository: 1024 * 1024,
  timeoutMs: 30_000,
};

/** Reads `goldenPaths.evaluation.repositories` over the defaults. */
export function readRepositoryLimits(config: Config): RepositoryLimits {
  const c = config.getOptionalConfig('goldenPaths.evaluation.repositories');
  const d = DEFAULT_REPOSITORY_LIMITS;
  const positive = (key: string, fallback: number) => {
    const value = c?.getOptionalNumber(key);
    if (value === undefined) {
      return fallback;
    }
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `goldenPaths.evaluation.repositories.${key} must be a positive integer, got ${value}`,
      );
    }
    return value;
  };
  return {
    concurrency: positive('concurrency', d.concurrency),
    maxReadsPerRun: positive('maxReadsPerRun', d.maxReadsPerRun),
    maxFileBytes: positive('maxFileBytes', d.maxFileBytes),
    maxFilesPerRepository: positive(
      'maxFilesPerRepository',
      d.maxFilesPerRepository,
    ),
    maxBytesPerRepository: positive(
      'maxBytesPerRepository',
      d.maxBytesPerRepository,
    ),
    timeoutMs: positive('timeoutMs', d.timeoutMs),
  };
}
