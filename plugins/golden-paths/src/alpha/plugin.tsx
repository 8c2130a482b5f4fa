import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { GoldenPathsClient } from '@golden-paths/golden-paths-common';
import { goldenPathsApiRef } from '../api';
import {
  editorRouteRef,
  pathRouteRef,
  rootRouteRef,
  templateRouteRef,
} from '../routes';
import { GoldenPathsIcon } from './GoldenPathsIcon';

const goldenPathsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: goldenPathsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GoldenPathsClient({ discoveryApi, fetchApi }),
    }),
});

const goldenPathsPage = PageBlueprint.make({
  params: {
    path: '/golden-paths',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    title: 'Golden Paths',
    icon: <GoldenPathsIcon />,
    noHeader: true,
    loader: () =>
      import('../components/Router').then(m =>
        compatWrapper(<m.GoldenPathsRouter />),
      ),
  },
});

const entityGoldenPathCard = EntityCardBlueprint.make({
  name: 'golden-path',
  params: {
    filter: 'kind:component',
    loader: () =>
      import('../components/EntityGoldenPathCard').then(m =>
        compatWrapper(<m.EntityGoldenPathCard />),
      ),
  },
});

const entityGoldenPathContent = EntityContentBlueprint.make({
  name: 'golden-path',
  params: {
    path: '/golden-path',
    title: 'Golden path',
    filter: 'kind:goldenpath',
    loader: () =>
      import('../components/GoldenPathPage').then(m =>
        compatWrapper(<m.GoldenPathEntityContent />),
      ),
  },
});

const costPreviewField = FormFieldBlueprint.make({
  name: 'cost-preview',
  params: {
    field: () =>
      import('../components/GoldenPathCostPreview').then(
        m => m.goldenPathCostPreviewFormField,
      ),
  },
});

/**
 * The Golden Paths plugin for the new frontend system: the API, the Golden
 * Paths page (with its nav item), the Component card, the GoldenPath entity
 * tab and the scaffolder's cost preview field.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'golden-paths',
  title: 'Golden Paths',
  icon: <GoldenPathsIcon />,
  info: { packageJson: () => import('../../package.json') },
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    path: pathRouteRef,
    editor: editorRouteRef,
  }),
  externalRoutes: convertLegacyRouteRefs({ template: templateRouteRef }),
  extensions: [
    goldenPathsApi,
    goldenPathsPage,
    entityGoldenPathCard,
    entityGoldenPathContent,
    costPreviewField,
  ],
});
