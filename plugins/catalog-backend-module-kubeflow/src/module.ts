import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { KubeflowModelRegistryEntityProvider } from './providers/modelRegistry/KubeflowModelRegistryEntityProvider';
import { KubeflowTrainerEntityProvider } from './providers/trainer/KubeflowTrainerEntityProvider';

/**
 * Catalog module with the Kubeflow Trainer provider
 * (`catalog.providers.kubeflowTrainer`) and the Kubeflow Model Registry
 * provider (`catalog.providers.kubeflowModelRegistry`).
 *
 * @public
 */
export const catalogModuleKubeflowEntityProviders = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kubeflow-entity-providers',
  register(env) {
    env.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({
        catalogProcessing,
        catalog,
        auth,
        config,
        logger,
        scheduler,
      }) {
        catalogProcessing.addEntityProvider(
          KubeflowTrainerEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            catalog,
            auth,
          }),
        );
        catalogProcessing.addEntityProvider(
          KubeflowModelRegistryEntityProvider.fromConfig(config, {
            logger,
            scheduler,
          }),
        );
      },
    });
  },
});
