import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  createScaffolderFieldExtension,
  type FieldExtensionComponent,
} from '@backstage/plugin-scaffolder-react';
import { GoldenPathsClient } from '@golden-paths/golden-paths-common';
import type { JSX } from 'react';
import { goldenPathsApiRef } from './api';
// The file, not the folder: the folder also exports the new frontend
// system's field, which this entry point must not pull in.
import { goldenPathCostPreviewField } from './components/GoldenPathCostPreview/goldenPathCostPreviewField';
import type { GoldenPathCostPreviewUiOptions } from './components/GoldenPathCostPreview/readCostInputs';
import type { EntityGoldenPathCardProps } from './components/EntityGoldenPathCard/EntityGoldenPathCard';
import {
  editorRouteRef,
  pathRouteRef,
  rootRouteRef,
  templateRouteRef,
} from './routes';

/**
 * The Golden Paths frontend plugin, for apps on the legacy frontend system.
 * Apps on the new frontend system use the default export of
 * `@golden-paths/golden-paths/alpha`.
 *
 * @public
 */
export const goldenPathsPlugin = createPlugin({
  id: 'golden-paths',
  routes: {
    root: rootRouteRef,
    path: pathRouteRef,
    editor: editorRouteRef,
  },
  externalRoutes: {
    template: templateRouteRef,
  },
  apis: [
    createApiFactory({
      api: goldenPathsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GoldenPathsClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Golden Paths page with its sub-pages: every path, each path's page
 * (`/:namespace/:name`) and the YAML editor (`/editor`).
 *
 * @public
 */
export const GoldenPathsPage: () => JSX.Element = goldenPathsPlugin.provide(
  createRoutableExtension({
    name: 'GoldenPathsPage',
    component: () =>
      import('./components/Router').then(m => m.GoldenPathsRouter),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The card for a Component's entity page: the path it follows, its drift and
 * each check with the reason; for components on no path, the paths that fit.
 *
 * @public
 */
export const EntityGoldenPathCard: (
  props: EntityGoldenPathCardProps,
) => JSX.Element = goldenPathsPlugin.provide(
  createComponentExtension({
    name: 'EntityGoldenPathCard',
    component: {
      lazy: () =>
        import('./components/EntityGoldenPathCard').then(
          m => m.EntityGoldenPathCard,
        ),
    },
  }),
);

/**
 * A GoldenPath entity's page content: its figures, guarantees, steps,
 * followers and history.
 *
 * @public
 */
export const EntityGoldenPathContent: () => JSX.Element =
  goldenPathsPlugin.provide(
    createComponentExtension({
      name: 'EntityGoldenPathContent',
      component: {
        lazy: () =>
          import('./components/GoldenPathPage').then(
            m => m.GoldenPathEntityContent,
          ),
      },
    }),
  );

/**
 * The scaffolder field `ui:field: GoldenPathCostPreview`: the estimated
 * monthly cost of the form's CPU and memory requests and replicas. Add it
 * inside `<ScaffolderFieldExtensions>`.
 *
 * @public
 */
export const GoldenPathCostPreviewFieldExtension: FieldExtensionComponent<
  null | undefined,
  GoldenPathCostPreviewUiOptions
> = goldenPathsPlugin.provide(
  createScaffolderFieldExtension(goldenPathCostPreviewField),
);
