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
  RELATION_FOLLOWS_GOLDEN_PATH,
  isGoldenPathEntity,
  type FollowerUpgradePlan,
  type PathUpgradePlans,
  type UpgradePlan,
} from '@golden-paths/golden-paths-common';
import semver from 'semver';
import { forEachConcurrently } from '../lib/forEachConcurrently';

/**
 * The followers of a path the caller may read that are behind it (read in
 * pages, by relation, with only the fields needed), oldest version first,
 * each planned (dry) up to `limit`; a follower that cannot be planned gets
 * the reason instead.
 */
export async function planFollowerUpgrades(options: {
  catalog: CatalogService;
  pathRef: string;
  credentials: BackstageCredentials;
  limit?: number;
  /** Plans one follower, given as read here (its annotations included). */
  plan: (entity: Entity) => Promise<UpgradePlan>;
}): Promise<PathUpgradePlans> {
  const { catalog, credentials } = options;
  const limit = options.limit ?? 50;
  const pathRef = stringifyEntityRef(
    parseEntityRef(options.pathRef, { defaultKind: 'goldenpath' }),
  );
  const path = await catalog.getEntityByRef(pathRef, { credentials });
  if (!path || !isGoldenPathEntity(path)) {
    throw new NotFoundError(`Golden path ${pathRef} not found`);
  }
  const latest = path.spec.version;
  const behind: Array<{ follower: FollowerUpgradePlan; entity: Entity }> = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: 500 }
        : {
            filter: { [`relations.${RELATION_FOLLOWS_GOLDEN_PATH}`]: pathRef },
            fields: [
              'kind',
              'metadata.namespace',
              'metadata.name',
              'metadata.title',
              // The whole annotations: the plan needs the repository's location.
              'metadata.annotations',
            ],
            limit: 500,
          },
      { credentials },
    );
    for (const entity of page.items) {
      const version =
        entity.metadata.annotations?.[ANNOTATION_GOLDEN_PATH_VERSION];
      if (version && semver.valid(version) && semver.lt(version, latest)) {
        behind.push({
          entity,
          follower: {
            entityRef: stringifyEntityRef(entity),
            title: entity.metadata.title,
            version,
          },
        });
      }
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  behind.sort(
    (a, b) =>
      semver.compare(a.follower.version!, b.follower.version!) ||
      a.follower.entityRef.localeCompare(b.follower.entityRef),
  );
  const planned = behind.slice(0, limit);
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
    ...(behind.length > limit ? { omitted: behind.length - limit } : {}),
  };
}
