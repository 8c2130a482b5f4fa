import type { Config } from '@backstage/config';
import {
  ScmIntegrations,
  type ScmIntegrationRegistry,
} from '@backstage/integration';
import type {
  PathUpgradePlans,
  UpgradePlan,
  UpgradeResult,
} from '@golden-paths/golden-paths-common';
import { resolveReadableRepositoryDirectories } from '../localRepositories/localRepositoriesDirectory';
import { TemplateRenderer } from '../render/TemplateRenderer';
import type { TemplateRenderServices } from '../render/templateRenderServices';
import {
  readTemplateTreeConfig,
  TemplateTreeReader,
} from '../render/templateTree';
import type {
  ComponentUpgradeRequest,
  ComponentUpgraderService,
  FollowerUpgradePlansRequest,
} from './componentUpgraderService';
import { deliverUpgrade } from './deliverUpgrade';
import { PlanCache } from './planCache';
import { planFollowerUpgrades } from './planFollowerUpgrades';
import { PlanSlots } from './planSlots';
import type { Prepared, PrepareOptions } from './preparedUpgrade';
import { prepareUpgrade, type UpgradePreparers } from './prepareUpgrade';
import { newReadCache } from './readCache';
import {
  DEFAULT_UPGRADE_LIMITS,
  readUpgradeLimits,
  type UpgradeLimits,
} from './upgradeLimits';

/**
 * The services an upgrade reads and renders with.
 *
 * @public
 */
export interface ComponentUpgraderOptions extends TemplateRenderServices {
  /** Absolute directories whose git repositories upgrades may write branches in. */
  localDirectories: string[];
  /**
   * What plans may cost (`readUpgradeLimits(config)`); defaults to
   * {@link DEFAULT_UPGRADE_LIMITS}.
   */
  limits?: UpgradeLimits;
}

/**
 * Plans and runs the upgrade of a component scaffolded from a golden path
 * to the path's current version: it renders the version the repository was
 * made at (the base) and the new one with the values kept in
 * `.golden-paths/scaffold.yaml`, through the scaffolder's engine and with
 * the caller's credentials, and merges them three ways with the repository
 * using git's own merge machinery.
 *
 * @public
 */
export class ComponentUpgrader implements ComponentUpgraderService {
  /**
   * An upgrader over the plugin's services, configured by `goldenPaths.*`
   * (`upgrades`, `templates`, `localRepositories` and the local publish
   * directory) and `integrations`: what the default factory of
   * {@link componentUpgraderServiceRef} builds.
   */
  static fromConfig(
    config: Config,
    services: Pick<
      ComponentUpgraderOptions,
      'catalog' | 'urlReader' | 'discovery' | 'auth'
    >,
  ): ComponentUpgrader {
    return new ComponentUpgrader({
      ...services,
      integrations: ScmIntegrations.fromConfig(config),
      localDirectories: resolveReadableRepositoryDirectories(config),
      limits: readUpgradeLimits(config),
      ...readTemplateTreeConfig(config),
    });
  }

  readonly #preparers: UpgradePreparers;
  readonly #integrations: ScmIntegrationRegistry;
  readonly #limits: UpgradeLimits;
  readonly #slots: PlanSlots;
  readonly #plans: PlanCache;

  constructor(options: ComponentUpgraderOptions) {
    this.#limits = options.limits ?? DEFAULT_UPGRADE_LIMITS;
    this.#preparers = {
      catalog: options.catalog,
      urlReader: options.urlReader,
      localDirectories: options.localDirectories,
      limits: this.#limits,
      templates: new TemplateTreeReader(options),
      renderer: new TemplateRenderer(options),
    };
    this.#integrations = options.integrations;
    this.#slots = new PlanSlots(this.#limits);
    this.#plans = new PlanCache(this.#limits.planCache);
  }

  /**
   * A dry plan: nothing is written anywhere. The same plan asked again
   * within `goldenPaths.upgrades.planCache.ttlSeconds` is reused.
   */
  async plan(request: ComponentUpgradeRequest): Promise<UpgradePlan> {
    return this.#dryPlan(
      await this.#prepareInSlot({ ...request, plans: this.#plans }),
    );
  }

  /**
   * Plans, then delivers: a branch in the local repository (the embedded
   * default), or a pull request on GitHub.
   */
  async run(request: ComponentUpgradeRequest): Promise<UpgradeResult> {
    const prepared = await this.#prepareInSlot(request);
    if ('cached' in prepared) {
      throw new Error('A run is never prepared from a cached plan');
    }
    try {
      return await deliverUpgrade({
        integrations: this.#integrations,
        ...prepared,
      });
    } finally {
      await prepared.merge.dispose();
    }
  }

  /**
   * Plans (dry) the upgrade of every follower of a path that is behind it,
   * oldest version first, at most `limit` of them (and never more than
   * `goldenPaths.upgrades.maxFollowersPerRequest`), two at a time. With
   * `candidates` (the followers behind as the caller may see them, from
   * stored results) no follower is read but those planned.
   */
  async planFollowers(
    request: FollowerUpgradePlansRequest,
  ): Promise<PathUpgradePlans> {
    const cache = newReadCache();
    const most = this.#limits.maxFollowersPerRequest;
    return planFollowerUpgrades({
      ...request,
      limit: Math.min(request.limit ?? most, most),
      catalog: this.#preparers.catalog,
      plan: async entity =>
        this.#dryPlan(
          await this.#prepareInSlot({
            entity,
            credentials: request.credentials,
            cache,
            plans: this.#plans,
          }),
        ),
    });
  }

  /** The plan of a dry run: its merge freed, kept for the next ask. */
  async #dryPlan(prepared: Prepared): Promise<UpgradePlan> {
    if ('cached' in prepared) {
      return prepared.plan;
    }
    await prepared.merge.dispose();
    this.#plans.set(prepared.cacheKey, prepared.plan);
    return prepared.plan;
  }

  /** Prepares in one of the bounded slots, under the plan's deadline. */
  #prepareInSlot(options: PrepareOptions): Promise<Prepared> {
    return this.#slots.run(signal => {
      const work = prepareUpgrade(this.#preparers, { ...options, signal });
      // Finished after its deadline, a plan is nobody's: free its merge.
      work.then(
        prepared => {
          if (signal.aborted && 'merge' in prepared) {
            void prepared.merge.dispose();
          }
        },
        () => {},
      );
      return work;
    });
  }
}
