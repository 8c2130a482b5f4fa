import { ConflictError, InputError } from '@backstage/errors';
import semver from 'semver';

/** Refuses an upgrade unless both versions are semver and the path is ahead. */
export function checkUpgradeVersions(options: {
  entityRef: string;
  fromVersion: string;
  pathRef: string;
  toVersion: string;
}): void {
  const { entityRef, fromVersion, pathRef, toVersion } = options;
  if (!semver.valid(fromVersion) || !semver.valid(toVersion)) {
    throw new InputError(
      `Versions must be semver to upgrade: ${entityRef} is at "${fromVersion}", ${pathRef} at "${toVersion}"`,
    );
  }
  if (!semver.gt(toVersion, fromVersion)) {
    throw new ConflictError(
      `${entityRef} is at ${fromVersion}, which is not behind ${pathRef} ${toVersion}`,
    );
  }
}
