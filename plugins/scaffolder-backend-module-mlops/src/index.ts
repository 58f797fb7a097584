/**
 * Scaffolder actions for sovereign training projects: the sovereignty
 * policy check, Kubeflow Trainer TrainJob manifest validation and Feast
 * FeatureService resolution.
 *
 * @packageDocumentation
 */

export { scaffolderModuleMlops as default } from './module';
export * from './actions';
export {
  readFeastClientConfigs,
  selectFeastClientConfig,
  type FeastClientConfig,
} from './lib/FeastClientConfig';
export {
  TrainJobSchemaValidator,
  TRAINER_VERSIONS,
  checkTrainJobRules,
  type TrainerVersion,
} from './lib/TrainJobSchemaValidator';
export { createScmHostTypeFilter } from './lib/scmHostTypeFilter';
