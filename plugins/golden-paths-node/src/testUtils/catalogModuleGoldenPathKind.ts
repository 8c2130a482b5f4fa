import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GoldenPathEntitiesProcessor } from '../catalog/GoldenPathEntitiesProcessor';

/**
 * A catalog module that adds `GoldenPathEntitiesProcessor`, for the
 * test backends of plugins: it gives their real catalog the `GoldenPath`
 * kind and its relations without a dependency on the catalog module
 * package (`@golden-paths/catalog-backend-module-golden-paths`, which
 * adopters install and which does the same).
 *
 * @public
 */
export const catalogModuleGoldenPathKind = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'golden-paths-test-kind',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new GoldenPathEntitiesProcessor());
      },
    });
  },
});
