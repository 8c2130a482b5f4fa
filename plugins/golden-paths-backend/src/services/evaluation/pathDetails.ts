import {
  GOLDEN_PATH_KIND,
  type GoldenPathEntityV1alpha1,
  type PathDetails,
  entityRefKey,
  normalizeEntityRef,
} from '@golden-paths/golden-paths-common';
import type { FollowerFigures } from './FollowerTally';

/**
 * A path's stored summary: its entity's fields and its followers' figures.
 * `previous` is the path's summary from the last run, which dates its version.
 */
export function pathDetails(
  path: GoldenPathEntityV1alpha1,
  figures: FollowerFigures,
  evaluatedAt: Date,
  previous?: Pick<PathDetails, 'version' | 'versionSince'>,
): PathDetails {
  const namespace = path.metadata.namespace ?? 'default';
  const ref = (value: string, defaultKind: string) =>
    normalizeEntityRef(value, { defaultKind, defaultNamespace: namespace }) ??
    value;
  return {
    ref: entityRefKey(path),
    namespace,
    name: path.metadata.name,
    title: path.metadata.title ?? path.metadata.name,
    ...(path.metadata.description
      ? { description: path.metadata.description }
      : {}),
    tags: path.metadata.tags ?? [],
    owner: ref(path.spec.owner, 'group'),
    lifecycle: path.spec.lifecycle,
    category: path.spec.category,
    version: path.spec.version,
    ...(path.spec.replacedBy
      ? { replacedBy: ref(path.spec.replacedBy, GOLDEN_PATH_KIND) }
      : {}),
    templates: (path.spec.templates ?? []).map(t => ref(t, 'template')),
    guarantees: [...(path.spec.guarantees ?? [])],
    stack: Object.fromEntries(
      Object.entries(path.spec.stack ?? {}).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    ),
    ...figures,
    evaluatedAt: evaluatedAt.toISOString(),
    versionSince:
      previous?.version === path.spec.version && previous.versionSince
        ? previous.versionSince
        : evaluatedAt.toISOString(),
  };
}
