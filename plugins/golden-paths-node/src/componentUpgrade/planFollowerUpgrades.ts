import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GOLDEN_PATH_VERSION,
  GOLDEN_PATH_KIND,
  RELATION_FOLLOWS_GOLDEN_PATH,
  isGoldenPathEntity,
  type FollowerUpgradePlan,
  type PathUpgradePlans,
  type UpgradePlan,
} from '@golden-paths/golden-paths-common';
import semver from 'semver';
import { forEachConcurrently } from '../lib/forEachConcurrently';

/**
 * A follower of a path and the version it followed when last evaluated, as
 * a caller may see it: from stored evaluation results, so that planning
 * needs no walk of the catalog.
 *
 * @public
 */
export interface FollowerUpgradeCandidate {
  /** Full entity ref. */
  entityRef: string;
  /** The version it follows (`golden-paths.dev/path-version`). */
  version: string;
}

/** The fields a follower is read with for planning. */
const FOLLOWER_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  // The whole annotations: the plan needs the repository's location.
  'metadata.annotations',
];

/**
 * The followers of a path the caller may read that are behind it, oldest
 * version first, each planned (dry) up to `limit`; a follower that cannot
 * be planned gets the reason instead. The followers behind are the
 * `candidates` when given (only the planned ones are then read, with the
 * caller's credentials, and one the caller can no longer read is left
 * out), otherwise read from the catalog in pages, by relation, with only
 * the fields needed.
 */
export async function planFollowerUpgrades(options: {
  catalog: CatalogService;
  pathRef: string;
  credentials: BackstageCredentials;
  limit?: number;
  candidates?: FollowerUpgradeCandidate[];
  /** Plans one follower, given as read here (its annotations included). */
  plan: (entity: Entity) => Promise<UpgradePlan>;
}): Promise<PathUpgradePlans> {
  const { catalog, credentials } = options;
  const limit = options.limit ?? 50;
  const pathRef = stringifyEntityRef(
    parseEntityRef(options.pathRef, { defaultKind: GOLDEN_PATH_KIND }),
  );
  const path = await catalog.getEntityByRef(pathRef, { credentials });
  if (!path || !isGoldenPathEntity(path)) {
    throw new NotFoundError(`Golden path ${pathRef} not found`);
  }
  const latest = path.spec.version;
  const { behind, planned } = options.candidates
    ? await readCandidates(options.candidates, latest, limit, options)
    : await walkFollowers(pathRef, latest, limit, options);
  await forEachConcurrently(planned, 2, async ({ follower, entity }) => {
    try {
      const plan = await options.plan(entity);
      follower.plan = {
        fromVersion: plan.fromVersion,
        toVersion: plan.toVersion,
        mode: plan.mode,
        summary: plan.summary,
        ...(plan.recopyReason ? { recopyReason: plan.recopyReason } : {}),
      };
    } catch (error) {
      follower.error = (error as Error).message;
    }
  });
  return {
    path: { entityRef: pathRef, title: path.metadata.title, version: latest },
    followers: planned.map(p => p.follower),
    ...(behind > limit ? { omitted: behind - limit } : {}),
  };
}

type Planned = Array<{ follower: FollowerUpgradePlan; entity: Entity }>;

function byVersion(
  a: { version: string; entityRef: string },
  b: { version: string; entityRef: string },
): number {
  return (
    semver.compare(a.version, b.version) ||
    a.entityRef.localeCompare(b.entityRef)
  );
}

function isBehind(version: string | undefined, latest: string): boolean {
  return Boolean(
    version && semver.valid(version) && semver.lt(version, latest),
  );
}

function plannedFollower(entity: Entity, version: string) {
  return {
    entity,
    follower: {
      entityRef: stringifyEntityRef(entity),
      title: entity.metadata.title,
      version,
    },
  };
}

/**
 * The first `limit` candidates behind `latest`, read by ref with the
 * caller's credentials: one the caller can no longer read, or that has
 * moved on since it was evaluated, is left out.
 */
async function readCandidates(
  candidates: FollowerUpgradeCandidate[],
  latest: string,
  limit: number,
  options: { catalog: CatalogService; credentials: BackstageCredentials },
): Promise<{ behind: number; planned: Planned }> {
  const behind = candidates
    .filter(c => isBehind(c.version, latest))
    .sort(byVersion);
  const first = behind.slice(0, limit);
  if (first.length === 0) {
    return { behind: behind.length, planned: [] };
  }
  const { items } = await options.catalog.getEntitiesByRefs(
    { entityRefs: first.map(c => c.entityRef), fields: FOLLOWER_FIELDS },
    { credentials: options.credentials },
  );
  const planned: Planned = [];
  for (const entity of items) {
    const version =
      entity?.metadata.annotations?.[ANNOTATION_GOLDEN_PATH_VERSION];
    if (entity && version && isBehind(version, latest)) {
      planned.push(plannedFollower(entity, version));
    }
  }
  return { behind: behind.length, planned };
}

/** Every follower of the path behind `latest`, read from the catalog. */
async function walkFollowers(
  pathRef: string,
  latest: string,
  limit: number,
  options: { catalog: CatalogService; credentials: BackstageCredentials },
): Promise<{ behind: number; planned: Planned }> {
  const behind: Planned = [];
  let cursor: string | undefined;
  do {
    const page = await options.catalog.queryEntities(
      cursor
        ? { cursor, limit: 500 }
        : {
            filter: { [`relations.${RELATION_FOLLOWS_GOLDEN_PATH}`]: pathRef },
            fields: FOLLOWER_FIELDS,
            limit: 500,
          },
      { credentials: options.credentials },
    );
    for (const entity of page.items) {
      const version =
        entity.metadata.annotations?.[ANNOTATION_GOLDEN_PATH_VERSION];
      if (version && isBehind(version, latest)) {
        behind.push(plannedFollower(entity, version));
      }
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  behind.sort((a, b) =>
    byVersion(
      { version: a.follower.version!, entityRef: a.follower.entityRef },
      { version: b.follower.version!, entityRef: b.follower.entityRef },
    ),
  );
  return { behind: behind.length, planned: behind.slice(0, limit) };
}
