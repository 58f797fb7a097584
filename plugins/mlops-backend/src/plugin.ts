import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readSovereigntyPolicy } from '@sovereign-ai/backstage-plugin-mlops-common';
import { readMlopsBackendConfig } from './config/readMlopsBackendConfig';
import { mlopsPermissions } from '@sovereign-ai/backstage-plugin-mlops-common';
import { createRouter } from './router';
import { CatalogComplianceService } from './services/ComplianceService/CatalogComplianceService';
import { CatalogLineageService } from './services/LineageService/CatalogLineageService';
import { KubernetesTrainJobService } from './services/TrainJobService/KubernetesTrainJobService';

/**
 * The mlops backend plugin: lineage, impact analysis, live TrainJob status,
 * logs and actions, and the sovereignty compliance report, at `/api/mlops`.
 *
 * @public
 */
export const mlopsPlugin = createBackendPlugin({
  pluginId: 'mlops',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        auth,
        config,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        catalog,
      }) {
        const settings = readMlopsBackendConfig(config);
        const policy = readSovereigntyPolicy(config);
        permissionsRegistry.addPermissions(mlopsPermissions);
        logger.info(
          `Live TrainJob status for clusters: ${
            [...settings.clusters.keys()].join(', ') || 'none configured'
          }`,
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            lineage: CatalogLineageService.create({ catalog, auth }),
            trainJobs: KubernetesTrainJobService.create({
              config: settings,
              catalog,
              permissions,
              logger,
            }),
            compliance: CatalogComplianceService.create({
              catalog,
              auth,
              policy,
            }),
          }),
        );
      },
    });
  },
});
