import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MlopsClient } from './api/MlopsClient';
import { mlopsApiRef } from './api/MlopsApi';
import {
  complianceRouteRef,
  mlHomeRouteRef,
  trainingTemplateRouteRef,
} from './routes';

/**
 * The mlops frontend plugin for apps on the legacy frontend system
 * (`@backstage/core-plugin-api`). Apps on the new frontend system use the
 * package's default export instead.
 *
 * @public
 */
export const mlopsLegacyPlugin = createPlugin({
  id: 'mlops',
  apis: [
    createApiFactory({
      api: mlopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlopsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: mlHomeRouteRef,
    compliance: complianceRouteRef,
  },
  externalRoutes: {
    trainingTemplate: trainingTemplateRouteRef,
  },
});

const cards = () => import('./components/cards');

function card<T extends keyof Awaited<ReturnType<typeof cards>>>(name: T) {
  return mlopsLegacyPlugin.provide(
    createComponentExtension({
      name: `Entity${name}`,
      component: {
        lazy: () => cards().then(m => m[name] as unknown as () => JSX.Element),
      },
    }),
  );
}

/** The ML home page, to mount at `/ml`. @public */
export const MlopsHomePage = mlopsLegacyPlugin.provide(
  createRoutableExtension({
    name: 'MlopsHomePage',
    component: () =>
      import('./components/legacyPages').then(m => m.LegacyMlHomePage),
    mountPoint: mlHomeRouteRef,
  }),
);

/** The compliance page, to mount at `/ml/compliance`. @public */
export const MlopsCompliancePage = mlopsLegacyPlugin.provide(
  createRoutableExtension({
    name: 'MlopsCompliancePage',
    component: () =>
      import('./components/legacyPages').then(m => m.LegacyCompliancePage),
    mountPoint: complianceRouteRef,
  }),
);

/** FeatureView overview card. @public */
export const EntityFeatureViewOverviewCard = card('FeatureViewOverviewCard');
/** FeatureView features table. @public */
export const EntityFeatureViewFeaturesCard = card('FeatureViewFeaturesCard');
/** Where a FeatureView is used. @public */
export const EntityFeatureViewUsageCard = card('FeatureViewUsageCard');
/** The features a FeatureService selects. @public */
export const EntityFeatureServiceFeaturesCard = card(
  'FeatureServiceFeaturesCard',
);
/** Who consumes a FeatureService. @public */
export const EntityFeatureServiceConsumersCard = card(
  'FeatureServiceConsumersCard',
);
/** How to use a FeatureService (SDK and REST). @public */
export const EntityFeatureServiceUsageCard = card('FeatureServiceUsageCard');
/** Live status of a TrainingJob. @public */
export const EntityTrainingJobStatusCard = card('TrainingJobStatusCard');
/** Pods and events of a TrainingJob. @public */
export const EntityTrainingJobPodsCard = card('TrainingJobPodsCard');
/** Logs of a TrainingJob. @public */
export const EntityTrainingJobLogsCard = card('TrainingJobLogsCard');
/** Versions of a Model. @public */
export const EntityModelVersionsCard = card('ModelVersionsCard');
/** Feature services a Model was trained on. @public */
export const EntityModelFeatureServicesCard = card('ModelFeatureServicesCard');
/** Sovereignty compliance of an ML entity. @public */
export const EntityComplianceCard = card('ComplianceCard');

/** The lineage graph, for an entity page tab. @public */
export const EntityLineageContent = mlopsLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityLineageContent',
    component: {
      lazy: () =>
        import('./components/LineageContent').then(m => m.LineageContent),
    },
  }),
);

/** The Kubernetes tab of a TrainingJob, with our status above. @public */
export const EntityTrainingJobKubernetesContent = mlopsLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTrainingJobKubernetesContent',
    component: {
      lazy: () =>
        import('./components/TrainingJobKubernetesContent').then(
          m => m.TrainingJobKubernetesContent,
        ),
    },
  }),
);
