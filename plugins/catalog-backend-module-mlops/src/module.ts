import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MlopsEntitiesProcessor } from './processor';

/**
 * Adds the Sovereign ML entity model to the catalog: validation of the
 * FeatureView, FeatureService, TrainingJob and Model kinds
 * (`sovereign-ai.io/v1alpha1`) and the relations their specs declare.
 *
 * @public
 */
export const catalogModuleMlopsEntityModel = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'mlops-entity-model',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new MlopsEntitiesProcessor());
      },
    });
  },
});
