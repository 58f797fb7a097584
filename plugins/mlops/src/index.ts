/**
 * Frontend plugin of the Sovereign ML plugin set: entity pages for Feast
 * feature views and services, Kubeflow training jobs and models, the Lineage
 * tab, the ML home and the sovereignty compliance page.
 *
 * The default export is the plugin for the new frontend system; the named
 * `Entity*` and `Mlops*` exports are for apps on the legacy system.
 *
 * @packageDocumentation
 */

export { mlopsPlugin as default, mlopsPlugin } from './alpha';
export {
  catalogGraphMlopsModule,
  createMlopsCatalogGraphApi,
} from './catalogGraphMlopsModule';
export * from './plugin';
export { mlopsApiRef, type MlopsApi } from './api/MlopsApi';
export { MlopsClient } from './api/MlopsClient';
export {
  MlopsApiError,
  MLOPS_ERROR_TITLES,
  type MlopsErrorKind,
} from './api/MlopsApiError';
export type * from './api/types';
export { mlopsTrainJobManagePermission } from '@sovereign-ai/backstage-plugin-mlops-common';
export {
  mlHomeRouteRef,
  complianceRouteRef,
  trainingTemplateRouteRef,
} from './routes';
export { PhaseChip } from './components/PhaseChip';
