import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import BubbleChartIcon from '@material-ui/icons/BubbleChart';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import {
  MLOPS_KINDS,
  RESOURCE_TYPE_DATASET,
  RESOURCE_TYPE_TRAINING_RUNTIME,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { MlopsClient } from './api/MlopsClient';
import { mlopsApiRef } from './api/MlopsApi';
import {
  complianceRouteRef,
  mlHomeRouteRef,
  trainingTemplateRouteRef,
} from './routes';

const kinds = MLOPS_KINDS as readonly string[];

/** FeatureViews, FeatureServices, Models, TrainingJobs and dataset Resources. */
function isLineageEntity(entity: Entity): boolean {
  return (
    kinds.includes(entity.kind) ||
    (entity.kind === 'Resource' &&
      (entity.spec as { type?: string } | undefined)?.type ===
        RESOURCE_TYPE_DATASET)
  );
}

/** The lineage entities and training runtimes: everything the policy checks. */
function isComplianceEntity(entity: Entity): boolean {
  return (
    isLineageEntity(entity) ||
    (entity.kind === 'Resource' &&
      (entity.spec as { type?: string } | undefined)?.type ===
        RESOURCE_TYPE_TRAINING_RUNTIME)
  );
}

const mlopsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: mlopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlopsClient({ discoveryApi, fetchApi }),
    }),
});

const mlHomePage = PageBlueprint.make({
  params: {
    path: '/ml',
    title: 'Machine learning',
    icon: <BubbleChartIcon />,
    routeRef: mlHomeRouteRef,
    loader: () => import('./components/pages').then(m => <m.MlHomeRoute />),
  },
});

const compliancePage = PageBlueprint.make({
  name: 'compliance',
  params: {
    path: '/ml/compliance',
    title: 'ML compliance',
    icon: <VerifiedUserIcon />,
    routeRef: complianceRouteRef,
    loader: () => import('./components/pages').then(m => <m.ComplianceRoute />),
  },
});

const cards = () => import('./components/cards');

const featureViewOverviewCard = EntityCardBlueprint.make({
  name: 'feature-view-overview',
  params: {
    filter: { kind: 'FeatureView' },
    type: 'info',
    loader: () => cards().then(m => <m.FeatureViewOverviewCard />),
  },
});

const featureViewFeaturesCard = EntityCardBlueprint.make({
  name: 'feature-view-features',
  params: {
    filter: { kind: 'FeatureView' },
    type: 'content',
    loader: () => cards().then(m => <m.FeatureViewFeaturesCard />),
  },
});

const featureViewUsageCard = EntityCardBlueprint.make({
  name: 'feature-view-usage',
  params: {
    filter: { kind: 'FeatureView' },
    type: 'content',
    loader: () => cards().then(m => <m.FeatureViewUsageCard />),
  },
});

const featureServiceFeaturesCard = EntityCardBlueprint.make({
  name: 'feature-service-features',
  params: {
    filter: { kind: 'FeatureService' },
    type: 'content',
    loader: () => cards().then(m => <m.FeatureServiceFeaturesCard />),
  },
});

const featureServiceConsumersCard = EntityCardBlueprint.make({
  name: 'feature-service-consumers',
  params: {
    filter: { kind: 'FeatureService' },
    type: 'info',
    loader: () => cards().then(m => <m.FeatureServiceConsumersCard />),
  },
});

const featureServiceUsageCard = EntityCardBlueprint.make({
  name: 'feature-service-usage',
  params: {
    filter: { kind: 'FeatureService' },
    type: 'content',
    loader: () => cards().then(m => <m.FeatureServiceUsageCard />),
  },
});

const trainingJobStatusCard = EntityCardBlueprint.make({
  name: 'training-job-status',
  params: {
    filter: { kind: 'TrainingJob' },
    type: 'content',
    loader: () => cards().then(m => <m.TrainingJobStatusCard />),
  },
});

const trainingJobPodsCard = EntityCardBlueprint.make({
  name: 'training-job-pods',
  params: {
    filter: { kind: 'TrainingJob' },
    type: 'content',
    loader: () => cards().then(m => <m.TrainingJobPodsCard />),
  },
});

const trainingJobLogsCard = EntityCardBlueprint.make({
  name: 'training-job-logs',
  params: {
    filter: { kind: 'TrainingJob' },
    type: 'content',
    loader: () => cards().then(m => <m.TrainingJobLogsCard />),
  },
});

const modelVersionsCard = EntityCardBlueprint.make({
  name: 'model-versions',
  params: {
    filter: { kind: 'Model' },
    type: 'content',
    loader: () => cards().then(m => <m.ModelVersionsCard />),
  },
});

const modelFeatureServicesCard = EntityCardBlueprint.make({
  name: 'model-feature-services',
  params: {
    filter: { kind: 'Model' },
    type: 'info',
    loader: () => cards().then(m => <m.ModelFeatureServicesCard />),
  },
});

const complianceCard = EntityCardBlueprint.make({
  name: 'compliance',
  params: {
    filter: isComplianceEntity,
    type: 'info',
    loader: () => cards().then(m => <m.ComplianceCard />),
  },
});

const lineageContent = EntityContentBlueprint.make({
  name: 'lineage',
  params: {
    path: '/lineage',
    title: 'Lineage',
    filter: isLineageEntity,
    loader: () =>
      import('./components/LineageContent').then(m => <m.LineageContent />),
  },
});

// Disabled by default: it takes the `/kubernetes` path of the Kubernetes
// plugin's own tab, which must then be filtered away from TrainingJobs in
// app-config (see the README), or the entity page shows two such tabs.
const trainingJobKubernetesContent = EntityContentBlueprint.make({
  name: 'training-job-kubernetes',
  disabled: true,
  params: {
    path: '/kubernetes',
    title: 'Kubernetes',
    group: 'deployment',
    filter: { kind: 'TrainingJob' },
    loader: () =>
      import('./components/TrainingJobKubernetesContent').then(m => (
        <m.TrainingJobKubernetesContent />
      )),
  },
});

/**
 * The mlops frontend plugin for the new frontend system: entity cards for
 * feature views, feature services, training jobs and models, a compliance
 * card, the Lineage tab, the ML home (`/ml`) and the compliance page
 * (`/ml/compliance`).
 *
 * @public
 */
export const mlopsPlugin = createFrontendPlugin({
  pluginId: 'mlops',
  title: 'Machine learning',
  icon: <BubbleChartIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: mlHomeRouteRef,
    compliance: complianceRouteRef,
  },
  externalRoutes: {
    trainingTemplate: trainingTemplateRouteRef,
  },
  extensions: [
    mlopsApi,
    mlHomePage,
    compliancePage,
    featureViewOverviewCard,
    featureViewFeaturesCard,
    featureViewUsageCard,
    featureServiceFeaturesCard,
    featureServiceConsumersCard,
    featureServiceUsageCard,
    trainingJobStatusCard,
    trainingJobPodsCard,
    trainingJobLogsCard,
    modelVersionsCard,
    modelFeatureServicesCard,
    complianceCard,
    lineageContent,
    trainingJobKubernetesContent,
  ],
});

export default mlopsPlugin;
