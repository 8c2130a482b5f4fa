import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { rootRouteRef, templateRouteRef } from '../routes';

/** The routes the plugin links to, mounted where an app mounts them. */
export const mountedRoutes = {
  '/golden-paths': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
  '/create/templates/:namespace/:templateName': templateRouteRef,
};
