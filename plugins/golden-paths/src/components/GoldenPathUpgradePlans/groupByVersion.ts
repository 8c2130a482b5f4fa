import {
  compareVersions,
  type FollowerUpgradePlan,
} from '@golden-paths/golden-paths-common';

/** The followers on one version of a path. */
export interface VersionGroup {
  /** Undefined for followers without a `golden-paths.dev/path-version`. */
  version?: string;
  followers: FollowerUpgradePlan[];
}

function oldestFirst(a?: string, b?: string): number {
  if (a === undefined || b === undefined) {
    return Number(a === undefined) - Number(b === undefined);
  }
  return compareVersions(a, b);
}

/**
 * Followers grouped by the version they are on, oldest first (they have the
 * most to take in); versions that are not semver, then no version, last.
 * Within a group the backend's order is kept.
 */
export function groupByVersion(
  followers: ReadonlyArray<FollowerUpgradePlan>,
): VersionGroup[] {
  const groups = new Map<string | undefined, FollowerUpgradePlan[]>();
  for (const follower of followers) {
    const list = groups.get(follower.version) ?? [];
    list.push(follower);
    groups.set(follower.version, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => oldestFirst(a, b))
    .map(([version, list]) => ({ version, followers: list }));
}
