import { createApiRef } from '@backstage/core-plugin-api';
import type { GoldenPathsApi } from '@golden-paths/golden-paths-common';

/**
 * The Golden Paths backend's API in the frontend; the default implementation
 * is `GoldenPathsClient` from `@golden-paths/golden-paths-common`.
 *
 * @public
 */
export const goldenPathsApiRef = createApiRef<GoldenPathsApi>({
  id: 'plugin.golden-paths.service',
});
