import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { FeastEntityProvider } from '../providers/FeastEntityProvider';

/**
 * Catalog module that adds one {@link FeastEntityProvider} per Feast registry
 * configured under `catalog.providers.feast`.
 *
 * @public
 */
export const catalogModuleFeastEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'feast-entity-provider',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, logger, scheduler }) {
        catalog.addEntityProvider(
          FeastEntityProvider.fromConfig(config, { logger, scheduler }),
        );
      },
    });
  },
});
