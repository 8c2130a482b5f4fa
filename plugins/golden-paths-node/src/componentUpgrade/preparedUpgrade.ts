import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { UpgradePlan } from '@golden-paths/golden-paths-common';
import type { ScaffoldRecord } from '../scaffold/scaffoldRecord';
import type { ThreeWayMerge } from '../upgrade/types';
import type { ComponentRepository } from './componentRepository';
import type { PlanCache } from './planCache';
import type { ReadCache } from './readCache';

/** A plan rendered and merged, ready to be delivered or disposed of. */
export interface PreparedUpgrade {
  plan: UpgradePlan;
  merge: ThreeWayMerge;
  repository: ComponentRepository;
  record: ScaffoldRecord;
  cacheKey: string;
}

/** A plan found in the cache: nothing was rendered or merged. */
export interface CachedPlan {
  plan: UpgradePlan;
  cached: true;
}

export type Prepared = PreparedUpgrade | CachedPlan;

/**
 * The component as a ref, or already read (with at least its annotations)
 * by a bulk planning, which shares its reads of paths, templates and
 * revisions through `cache`; `plans` when a cached plan may answer;
 * `signal` fires at the plan's deadline.
 */
export type PrepareOptions = {
  credentials: BackstageCredentials;
  cache?: ReadCache;
  plans?: PlanCache;
  signal?: AbortSignal;
} & ({ entityRef: string } | { entity: Entity });
