import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GoldenPathEntitiesProcessor } from '@golden-paths/golden-paths-node';

/**
 * Catalog module that validates `GoldenPath` entities and emits the
 * relations between golden paths, their owners, templates, replacements and
 * the components that follow them.
 *
 * @public
 */
export const catalogModuleGoldenPaths = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'golden-paths',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ catalog }) {
        catalog.addProcessor(new GoldenPathEntitiesProcessor());
      },
    });
  },
});
