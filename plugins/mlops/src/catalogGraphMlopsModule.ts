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
import { MLOPS_RELATION_PAIRS } from '@sovereign-ai/backstage-plugin-mlops-common';

/**
 * The catalog graph API with the lineage relations of the ML kinds added to
 * Backstage's own, so that both directions of a pair merge into one labelled
 * edge and the graph page's relation filter lists them.
 *
 * @public
 */
export function createMlopsCatalogGraphApi(): DefaultCatalogGraphApi {
  return new DefaultCatalogGraphApi({
    knownRelations: [...ALL_RELATIONS, ...MLOPS_RELATION_PAIRS.flat()],
    knownRelationPairs: [
      ...ALL_RELATION_PAIRS,
      ...MLOPS_RELATION_PAIRS.map(([a, b]): [string, string] => [a, b]),
    ],
    defaultRelationTypes: { exclude: [] },
  });
}

/**
 * A frontend module of the catalog graph plugin that replaces its API with
 * {@link createMlopsCatalogGraphApi}. Install it next to the catalog graph
 * plugin.
 *
 * @public
 */
export const catalogGraphMlopsModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: createMlopsCatalogGraphApi,
        }),
    }),
  ],
});
