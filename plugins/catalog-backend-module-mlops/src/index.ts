/**
 * Catalog backend module for the Sovereign ML entity model: validates the
 * FeatureView, FeatureService, TrainingJob and Model kinds and emits their
 * relations.
 *
 * @packageDocumentation
 */

export { catalogModuleMlopsEntityModel as default } from './module';
export { MlopsEntitiesProcessor } from './processor';
