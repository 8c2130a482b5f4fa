import semver from 'semver';
import type {
  DriftInfo,
  DriftStatus,
  GoldenPathEntityV1alpha1,
} from '@golden-paths/golden-paths-common';
import { shareValue } from '../../database/sharedJson';

/**
 * Versions a {@link driftLookup} remembers: followers name few versions, but
 * the annotation is free text and must not grow memory without bound.
 */
const REMEMBERED_VERSIONS = 1000;

/**
 * Compares a follower's `golden-paths.dev/path-version` with its path's
 * `spec.version` as semver: 1.9.0 is behind 1.10.0.
 */
export function driftStatus(
  currentVersion: string | undefined,
  latestVersion: string,
): DriftStatus {
  const current = currentVersion ? semver.valid(currentVersion) : null;
  const latest = semver.valid(latestVersion);
  if (!current || !latest) {
    return 'unknown';
  }
  if (semver.eq(current, latest)) {
    return 'up-to-date';
  }
  if (semver.gt(current, latest)) {
    return 'ahead';
  }
  // By the numbers, not semver.diff: a release candidate of the latest
  // version (2.0.0-rc.1 → 2.0.0) already has its contract, so it is only a
  // patch behind.
  if (semver.major(current) !== semver.major(latest)) {
    return 'major-behind';
  }
  if (semver.minor(current) !== semver.minor(latest)) {
    return 'minor-behind';
  }
  return 'patch-behind';
}

/** A follower's drift against its path. */
export function driftOf(
  currentVersion: string | undefined,
  path: GoldenPathEntityV1alpha1,
): DriftInfo {
  const deprecated = path.spec.lifecycle === 'deprecated';
  return {
    status: driftStatus(currentVersion, path.spec.version),
    ...(currentVersion ? { currentVersion } : {}),
    latestVersion: path.spec.version,
    deprecated,
    ...(deprecated && path.spec.replacedBy
      ? { replacedBy: path.spec.replacedBy }
      : {}),
  };
}

/**
 * {@link driftOf} for the followers of one path, computed once per version:
 * followers at the same version get the same DriftInfo, frozen and marked
 * shared, so it is also serialized once.
 */
export function driftLookup(
  path: GoldenPathEntityV1alpha1,
): (currentVersion: string | undefined) => DriftInfo {
  const known = new Map<string | undefined, DriftInfo>();
  return currentVersion => {
    let drift = known.get(currentVersion);
    if (!drift) {
      drift = driftOf(currentVersion, path);
      if (known.size < REMEMBERED_VERSIONS) {
        known.set(currentVersion, shareValue(drift));
      }
    }
    return drift;
  };
}
