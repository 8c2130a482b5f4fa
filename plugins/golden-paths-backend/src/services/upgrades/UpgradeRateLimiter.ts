import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { CustomErrorBase } from '@backstage/errors';
import { callerKey, readWholeNumbers } from '@golden-paths/golden-paths-node';

/**
 * Too many requests from one caller: HTTP 429, with the seconds to wait
 * (the router sends them as `Retry-After`).
 */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  readonly statusCode = 429;
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** How many upgrade requests one caller may make: a burst, then a rate. */
export interface UpgradeRateLimits {
  /** Requests a caller may make at once. */
  burst: number;
  /** Requests a caller regains per minute, up to `burst`. */
  perMinute: number;
}

/** Where {@link UpgradeRateLimits} live in the configuration. */
export const UPGRADE_RATE_LIMIT_CONFIG_KEY = 'goldenPaths.upgrades.rateLimit';

/** Defaults of `goldenPaths.upgrades.rateLimit`. */
export const DEFAULT_UPGRADE_RATE_LIMITS: UpgradeRateLimits = {
  burst: 10,
  perMinute: 10,
};

/** Callers remembered at most; callers with a full bucket go first. */
const MAX_CALLERS = 10_000;

/** Reads `goldenPaths.upgrades.rateLimit` over the defaults. */
export function readUpgradeRateLimits(config: Config): UpgradeRateLimits {
  return readWholeNumbers(
    config,
    UPGRADE_RATE_LIMIT_CONFIG_KEY,
    DEFAULT_UPGRADE_RATE_LIMITS,
  );
}

/**
 * A token bucket per caller (their user entity ref, or the calling
 * service): each upgrade request takes a token; an empty bucket refuses
 * with {@link TooManyRequestsError}.
 */
export class UpgradeRateLimiter {
  readonly #limits: UpgradeRateLimits;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(limits: UpgradeRateLimits) {
    this.#limits = limits;
  }

  /** Takes one token of the caller's, or throws. */
  take(credentials: BackstageCredentials) {
    const { burst, perMinute } = this.#limits;
    const caller = callerKey(credentials);
    const now = Date.now();
    const bucket = this.#refilled(caller, now);
    if (bucket.tokens < 1) {
      const seconds = Math.ceil(((1 - bucket.tokens) * 60) / perMinute);
      throw new TooManyRequestsError(
        `Too many upgrade requests: at most ${burst} at once and ${perMinute} a minute per caller (${UPGRADE_RATE_LIMIT_CONFIG_KEY}); try again in ${seconds} s`,
        seconds,
      );
    }
    bucket.tokens -= 1;
    // Most recently used last, for #forget.
    this.#buckets.delete(caller);
    this.#buckets.set(caller, bucket);
    this.#forget(now);
  }

  #refilled(caller: string, now: number) {
    const { burst, perMinute } = this.#limits;
    const bucket = this.#buckets.get(caller) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(
      burst,
      bucket.tokens + ((now - bucket.at) * perMinute) / 60_000,
    );
    bucket.at = now;
    return bucket;
  }

  // A full bucket is what a new caller gets: forgetting it changes nothing.
  #forget(now: number) {
    if (this.#buckets.size <= MAX_CALLERS) {
      return;
    }
    for (const [caller] of this.#buckets) {
      if (this.#refilled(caller, now).tokens >= this.#limits.burst) {
        this.#buckets.delete(caller);
      }
    }
    for (const [caller] of this.#buckets) {
      if (this.#buckets.size <= MAX_CALLERS) {
        break;
      }
      this.#buckets.delete(caller);
    }
  }
}
