import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read adoption, compliance, drift and history figures of golden paths.
 * Entities behind the figures are further limited to those the caller may
 * read in the catalog.
 *
 * @public
 */
export const goldenPathsInsightsReadPermission = createPermission({
  name: 'golden-paths.insights.read',
  attributes: { action: 'read' },
});

/**
 * Start an evaluation of every golden path's followers now.
 *
 * @public
 */
export const goldenPathsRefreshPermission = createPermission({
  name: 'golden-paths.refresh',
  attributes: { action: 'update' },
});

/**
 * Run the upgrade of a component to its path's current version: write the
 * branch `golden-paths/upgrade-<path>` in its repository. Planning needs
 * only read access to the component in the catalog.
 *
 * @public
 */
export const goldenPathsUpgradeCreatePermission = createPermission({
  name: 'golden-paths.upgrade.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the Golden Paths plugin.
 *
 * @public
 */
export const goldenPathsPermissions = [
  goldenPathsInsightsReadPermission,
  goldenPathsRefreshPermission,
  goldenPathsUpgradeCreatePermission,
];
