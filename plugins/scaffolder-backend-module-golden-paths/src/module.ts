import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCatalogWriteAction } from './actions/catalogWrite';
import { createKubernetesManifestsAction } from './actions/kubernetesManifests';
import { createPathCheckAction } from './actions/pathCheck';
import { createPublishLocalAction } from './actions/publishLocal';
import { createSupplyChainCiAction } from './actions/supplyChainCi';

/**
 * Scaffolder module with the Golden Paths actions: `golden-paths:path:check`,
 * `golden-paths:catalog:write`, `golden-paths:supply-chain:ci`,
 * `golden-paths:kubernetes:manifests` and `golden-paths:publish:local`.
 *
 * @public
 */
export const scaffolderModuleGoldenPaths = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-paths',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, catalog, config }) {
        scaffolder.addActions(
          createCatalogWriteAction(),
          createSupplyChainCiAction(),
          createKubernetesManifestsAction(),
          createPathCheckAction({ catalog }),
          createPublishLocalAction({ config }),
        );
      },
    });
  },
});
