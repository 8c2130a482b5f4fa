import { createHash } from 'node:crypto';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { UpgradePlan } from '@golden-paths/golden-paths-common';
import { callerKey } from '../lib/callerKey';
import type { UpgradeLimits } from './upgradeLimits';

/**
 * Plans kept for a short time, so that the same plan asked again (the card
 * opened twice, the bulk view reloaded) costs no renders and no merge.
 *
 * @remarks
 * A plan is found only by the digest of everything it was made from (see
 * {@link planCacheKey}), the caller included, and only after the caller's
 * own catalog reads of the component, its path and its template: the cache
 * never answers for a component the caller cannot read.
 */
export class PlanCache {
  readonly #limits: UpgradeLimits['planCache'];
  readonly #entries = new Map<string, { plan: UpgradePlan; until: number }>();

  constructor(limits: UpgradeLimits['planCache']) {
    this.#limits = limits;
  }

  get(key: string): UpgradePlan | undefined {
    const entry = this.#entries.get(key);
    if (!entry) {
      return undefined;
    }
    this.#entries.delete(key);
    if (entry.until <= Date.now()) {
      return undefined;
    }
    // Most recently used last.
    this.#entries.set(key, entry);
    return entry.plan;
  }

  set(key: string, plan: UpgradePlan) {
    if (this.#limits.ttlSeconds === 0) {
      return;
    }
    this.#entries.delete(key);
    this.#entries.set(key, {
      plan,
      until: Date.now() + this.#limits.ttlSeconds * 1000,
    });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#limits.maxEntries) {
        break;
      }
      this.#entries.delete(oldest);
    }
  }
}

/**
 * The digest of what determines a plan: the caller (renders run with their
 * credentials, so plans are theirs), the component, the commit (or ETag,
 * or content) of its repository, its scaffold record, the path's version
 * and details, the template and the content hashes of the revisions
 * rendered.
 */
export function planCacheKey(
  credentials: BackstageCredentials,
  parts: Record<string, unknown>,
): string {
  return createHash('sha256')
    .update(JSON.stringify({ caller: callerKey(credentials), ...parts }))
    .digest('hex');
}
