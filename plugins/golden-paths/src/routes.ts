import {
  createExternalRouteRef,
  createRouteRef,
  createSubRouteRef,
} from '@backstage/core-plugin-api';

/**
 * The Golden Paths page.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'golden-paths' });

/**
 * One golden path's page.
 *
 * @public
 */
export const pathRouteRef = createSubRouteRef({
  id: 'golden-paths/path',
  parent: rootRouteRef,
  path: '/:namespace/:name',
});

/**
 * The GoldenPath YAML editor.
 *
 * @public
 */
export const editorRouteRef = createSubRouteRef({
  id: 'golden-paths/editor',
  parent: rootRouteRef,
  path: '/editor',
});

/**
 * The scaffolder page of one template, where "Start" leads. Bound to the
 * scaffolder's `selectedTemplate` route by default in the new frontend
 * system; bind it in `App.tsx` in the legacy one.
 *
 * @public
 */
export const templateRouteRef = createExternalRouteRef({
  id: 'golden-paths/template',
  params: ['namespace', 'templateName'],
  optional: true,
  defaultTarget: 'scaffolder.selectedTemplate',
});
