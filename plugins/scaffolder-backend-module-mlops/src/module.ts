import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { readSovereigntyPolicy } from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  createFeastResolveAction,
  createPolicyCheckAction,
  createTrainJobValidateAction,
} from './actions';
import { readFeastClientConfigs } from './lib/FeastClientConfig';
import { createScmHostTypeFilter } from './lib/scmHostTypeFilter';

/**
 * Scaffolder module with the sovereign training project actions
 * (`mlops:policy:check`, `mlops:trainjob:validate`, `mlops:feast:resolve`)
 * and the `scmHostType` template filter.
 *
 * @public
 */
export const scaffolderModuleMlops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'mlops',
  register({ registerInit }) {
    registerInit({
      deps: {
        actions: scaffolderActionsExtensionPoint,
        templating: scaffolderTemplatingExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ actions, templating, config, catalog }) {
        // Both readers throw at start, naming the config key, on bad config.
        const policy = readSovereigntyPolicy(config);
        const feastClients = readFeastClientConfigs(config);
        const integrations = ScmIntegrations.fromConfig(config);
        actions.addActions(
          createPolicyCheckAction({ catalog, policy, integrations }),
          createTrainJobValidateAction({ catalog, policy }),
          createFeastResolveAction({ catalog, feastClients }),
        );
        templating.addTemplateFilters([createScmHostTypeFilter(integrations)]);
      },
    });
  },
});
