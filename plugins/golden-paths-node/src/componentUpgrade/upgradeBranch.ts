import { parseEntityRef } from '@backstage/catalog-model';
import { GOLDEN_PATH_KIND } from '@golden-paths/golden-paths-common';

/**
 * The branch an upgrade to a path is delivered on: one per path, updated
 * in place when the upgrade is run again.
 *
 * @public
 */
export function upgradeBranchName(pathRef: string): string {
  const { name } = parseEntityRef(pathRef, { defaultKind: GOLDEN_PATH_KIND });
  return `golden-paths/upgrade-${name.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}
