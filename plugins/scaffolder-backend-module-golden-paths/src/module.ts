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
import { createTemplateRenderAction } from './actions/templateRender';
import { createUpgradeAction } from './actions/upgrade';
import {
  componentUpgraderServiceRef,
  readTemplateTreeConfig,
} from '@golden-paths/golden-paths-node';
import { ScmIntegrations } from '@backstage/integration';

/**
 * Scaffolder module with the Golden Paths actions: `golden-paths:path:check`,
 * `golden-paths:catalog:write`, `golden-paths:supply-chain:ci`,
 * `golden-paths:kubernetes:manifests`, `golden-paths:template:render`,
 * `golden-paths:upgrade` and `golden-paths:publish:local` (unless
 * `goldenPaths.scaffolder.localPublish.enabled` is false).
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
        urlReader: coreServices.urlReader,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        componentUpgrader: componentUpgraderServiceRef,
      },
      async init({
        scaffolder,
        catalog,
        config,
        urlReader,
        discovery,
        auth,
        permissions,
        componentUpgrader,
      }) {
        const integrations = ScmIntegrations.fromConfig(config);
        // Off in production, where templates publish to a Git host and a
        // repository on one replica's disk would be lost to the others.
        if (
          config.getOptionalBoolean(
            'goldenPaths.scaffolder.localPublish.enabled',
          ) ??
          true
        ) {
          scaffolder.addActions(createPublishLocalAction({ config }));
        }
        scaffolder.addActions(
          createCatalogWriteAction(),
          createSupplyChainCiAction(),
          createKubernetesManifestsAction(),
          createPathCheckAction({ catalog }),
          createTemplateRenderAction({
            catalog,
            urlReader,
            integrations,
            discovery,
            auth,
            ...readTemplateTreeConfig(config),
          }),
          createUpgradeAction({ upgrader: componentUpgrader, permissions }),
        );
      },
    });
  },
});
