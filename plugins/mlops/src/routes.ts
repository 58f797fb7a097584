import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/**
 * The ML home page (`/ml` by default).
 *
 * @public
 */
export const mlHomeRouteRef = createRouteRef({ id: 'mlops:home' });

/**
 * The sovereignty compliance page (`/ml/compliance` by default).
 *
 * @public
 */
export const complianceRouteRef = createRouteRef({ id: 'mlops:compliance' });

/**
 * A software template's page in the scaffolder, where a FeatureService's
 * "Train a model on it" leads (bound to the scaffolder by default).
 *
 * @public
 */
export const trainingTemplateRouteRef = createExternalRouteRef({
  id: 'mlops:training-template',
  params: ['namespace', 'templateName'],
  optional: true,
  defaultTarget: 'scaffolder.selectedTemplate',
});
