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
 * Every permission of the Golden Paths plugin.
 *
 * @public
 */
export const goldenPathsPermissions = [
  goldenPathsInsightsReadPermission,
  goldenPathsRefreshPermission,
];
