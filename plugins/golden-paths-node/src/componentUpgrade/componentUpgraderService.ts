import {
  type BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type {
  PathUpgradePlans,
  UpgradePlan,
  UpgradeResult,
} from '@golden-paths/golden-paths-common';
import { ComponentUpgrader } from './ComponentUpgrader';
import type { FollowerUpgradeCandidate } from './planFollowerUpgrades';

/**
 * The upgrade of one component, on behalf of a caller.
 *
 * @public
 */
export interface ComponentUpgradeRequest {
  /** The component, as an entity ref. */
  entityRef: string;
  /** The caller's: every catalog read and render is made with them. */
  credentials: BackstageCredentials;
}

/**
 * The upgrade plans of a path's followers that are behind it.
 *
 * @public
 */
export interface FollowerUpgradePlansRequest {
  /** The golden path, as an entity ref. */
  pathRef: string;
  /** The caller's: every catalog read and render is made with them. */
  credentials: BackstageCredentials;
  /** Followers to plan at most (never more than the configured bound). */
  limit?: number;
  /**
   * The followers behind as the caller may see them (from stored
   * results); without them the catalog is walked.
   */
  candidates?: FollowerUpgradeCandidate[];
}

/**
 * Plans and runs the upgrades of components to their golden path's current
 * version: what the Golden Paths backend's upgrade routes and the
 * `golden-paths:upgrade` scaffolder action call.
 *
 * @public
 */
export interface ComponentUpgraderService {
  /** A dry plan of the component's upgrade: nothing is written anywhere. */
  plan(request: ComponentUpgradeRequest): Promise<UpgradePlan>;
  /** Plans, then delivers the upgrade (a branch or a pull request). */
  run(request: ComponentUpgradeRequest): Promise<UpgradeResult>;
  /** Dry plans of the followers of a path that are behind it. */
  planFollowers(
    request: FollowerUpgradePlansRequest,
  ): Promise<PathUpgradePlans>;
}

/**
 * The component upgrader of a plugin: by default a {@link ComponentUpgrader}
 * over the plugin's catalog, URL reader, discovery and auth services,
 * configured by `goldenPaths.upgrades`, `goldenPaths.templates`, the local
 * repositories and `integrations` (`ComponentUpgrader.fromConfig`). Each
 * plugin that uses it (the Golden Paths backend, the scaffolder with the
 * Golden Paths module) has its own, with its own bounded slots and plan
 * cache.
 *
 * To replace it, add a factory of your own to the backend:
 * `backend.add(createServiceFactory({ service: componentUpgraderServiceRef, deps: {…}, factory: … }))`.
 *
 * @public
 */
export const componentUpgraderServiceRef =
  createServiceRef<ComponentUpgraderService>({
    id: 'golden-paths.component-upgrader',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          catalog: catalogServiceRef,
          urlReader: coreServices.urlReader,
          discovery: coreServices.discovery,
          auth: coreServices.auth,
        },
        factory: ({ config, ...services }) =>
          ComponentUpgrader.fromConfig(config, services),
      }),
  });
