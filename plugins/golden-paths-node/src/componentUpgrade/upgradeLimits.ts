import type { Config } from '@backstage/config';
import { readWholeNumber } from '../lib/readWholeNumber';

/**
 * Bounds on one read of a component's repository by an upgrade.
 *
 * @public
 */
export interface RepositoryReadLimits {
  /** Files in the repository; more refuses the plan. */
  maxFiles: number;
  /** Bytes of one file; a larger file refuses the plan. */
  maxFileBytes: number;
  /** Bytes of every file together; more refuses the plan. */
  maxTotalBytes: number;
  /** Milliseconds one read may take. */
  timeoutMs: number;
}

/**
 * What upgrade plans may cost: the repository read, how many are prepared
 * at once and wait, how long one may take, how long a plan is reused, and
 * how many followers one bulk planning covers.
 *
 * @public
 */
export interface UpgradeLimits {
  /** Bounds on reading the component's repository. */
  repositories: RepositoryReadLimits;
  /** Plans prepared at the same time by one backend instance. */
  concurrency: number;
  /** Plans waiting for a free slot; more are refused at once. */
  maxQueued: number;
  /** Milliseconds one plan may take from its start, waiting excluded. */
  planTimeoutMs: number;
  /** Reuse of a plan for identical requests. */
  planCache: {
    /** Seconds a plan is reused for an identical request; 0 turns reuse off. */
    ttlSeconds: number;
    /** Plans kept; the least recently used go first. */
    maxEntries: number;
  };
  /** Followers one bulk planning plans; the rest are counted as left out. */
  maxFollowersPerRequest: number;
}

/**
 * Where {@link UpgradeLimits} live in the configuration.
 *
 * @public
 */
export const UPGRADE_LIMITS_CONFIG_KEY = 'goldenPaths.upgrades';

/**
 * The defaults of `goldenPaths.upgrades`.
 *
 * @public
 */
export const DEFAULT_UPGRADE_LIMITS: UpgradeLimits = {
  repositories: {
    maxFiles: 5000,
    maxFileBytes: 5 * 1024 * 1024,
    maxTotalBytes: 50 * 1024 * 1024,
    timeoutMs: 60_000,
  },
  concurrency: 2,
  maxQueued: 10,
  planTimeoutMs: 120_000,
  planCache: { ttlSeconds: 120, maxEntries: 200 },
  maxFollowersPerRequest: 20,
};

/**
 * The config key of one limit, for error messages: `repositories.maxFiles`
 * gives `goldenPaths.upgrades.repositories.maxFiles`.
 *
 * @public
 */
export function upgradeLimitKey(key: string): string {
  return `${UPGRADE_LIMITS_CONFIG_KEY}.${key}`;
}

/**
 * Reads `goldenPaths.upgrades` over {@link DEFAULT_UPGRADE_LIMITS}; a value
 * that is not a whole number in range stops the backend with its key.
 *
 * @public
 */
export function readUpgradeLimits(config: Config): UpgradeLimits {
  const d = DEFAULT_UPGRADE_LIMITS;
  const number = (key: string, fallback: number, min = 1) =>
    readWholeNumber(config, upgradeLimitKey(key), fallback, min);
  return {
    repositories: {
      maxFiles: number('repositories.maxFiles', d.repositories.maxFiles),
      maxFileBytes: number(
        'repositories.maxFileBytes',
        d.repositories.maxFileBytes,
      ),
      maxTotalBytes: number(
        'repositories.maxTotalBytes',
        d.repositories.maxTotalBytes,
      ),
      timeoutMs: number('repositories.timeoutMs', d.repositories.timeoutMs),
    },
    concurrency: number('concurrency', d.concurrency),
    maxQueued: number('maxQueued', d.maxQueued, 0),
    planTimeoutMs: number('planTimeoutMs', d.planTimeoutMs),
    planCache: {
      ttlSeconds: number('planCache.ttlSeconds', d.planCache.ttlSeconds, 0),
      maxEntries: number('planCache.maxEntries', d.planCache.maxEntries),
    },
    maxFollowersPerRequest: number(
      'maxFollowersPerRequest',
      d.maxFollowersPerRequest,
    ),
  };
}
