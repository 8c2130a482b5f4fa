import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  PathUpgradePlans,
  UpgradePlan,
  UpgradeResult,
} from '@golden-paths/golden-paths-common';
import type {
  ComponentUpgradeRequest,
  ComponentUpgraderService,
  FollowerUpgradeCandidate,
} from '@golden-paths/golden-paths-node';
import type { UpgradeRateLimiter } from './UpgradeRateLimiter';

/**
 * The upgrade routes' service: each request takes one of the caller's
 * tokens (`goldenPaths.upgrades.rateLimit`) before the upgrader, which
 * bounds the work itself (`goldenPaths.upgrades.*`), prepares anything.
 */
export class UpgradeService {
  readonly #upgrader: ComponentUpgraderService;
  readonly #limiter: UpgradeRateLimiter;

  constructor(options: {
    upgrader: ComponentUpgraderService;
    limiter: UpgradeRateLimiter;
  }) {
    this.#upgrader = options.upgrader;
    this.#limiter = options.limiter;
  }

  async plan(options: ComponentUpgradeRequest): Promise<UpgradePlan> {
    this.#limiter.take(options.credentials);
    return this.#upgrader.plan(options);
  }

  async run(options: ComponentUpgradeRequest): Promise<UpgradeResult> {
    this.#limiter.take(options.credentials);
    return this.#upgrader.run(options);
  }

  async planFollowers(options: {
    pathRef: string;
    credentials: BackstageCredentials;
    /**
     * The followers of the path that the caller may read, with their
     * versions, when known (otherwise the upgrader reads them).
     */
    candidates: () => Promise<FollowerUpgradeCandidate[] | undefined>;
  }): Promise<PathUpgradePlans> {
    this.#limiter.take(options.credentials);
    return this.#upgrader.planFollowers({
      pathRef: options.pathRef,
      credentials: options.credentials,
      candidates: await options.candidates(),
    });
  }
}
