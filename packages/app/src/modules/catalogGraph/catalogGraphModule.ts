import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATIONS,
  ALL_RELATION_PAIRS,
  DefaultCatalogGraphApi,
  catalogGraphApiRef,
} from '@backstage/plugin-catalog-graph';
import { GOLDEN_PATH_RELATION_PAIRS } from '@golden-paths/golden-paths-common';

/**
 * The catalog graph only draws relations it knows. This teaches it the golden
 * path relations, so a path's page shows its templates, followers and
 * replacement next to its owner.
 */
const catalogGraphApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: [
            ...ALL_RELATIONS,
            ...GOLDEN_PATH_RELATION_PAIRS.flat(),
          ],
          knownRelationPairs: [
            ...ALL_RELATION_PAIRS,
            ...GOLDEN_PATH_RELATION_PAIRS.map(
              ([left, right]) => [left, right] as [string, string],
            ),
          ],
          defaultRelationTypes: { exclude: [] },
        }),
    }),
});

export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [catalogGraphApi],
});
