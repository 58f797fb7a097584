/** The apiVersion of every kind this plugin set adds. @public */
export const MLOPS_API_VERSION = 'sovereign-ai.io/v1alpha1';

/** Kind names added by this plugin set. @public */
export const KIND_FEATURE_VIEW = 'FeatureView';
/** @public */
export const KIND_FEATURE_SERVICE = 'FeatureService';
/** @public */
export const KIND_MODEL = 'Model';
/** @public */
export const KIND_TRAINING_JOB = 'TrainingJob';

/** All four kinds, for catalog rules, kind filters and lineage. @public */
export const MLOPS_KINDS = [
  KIND_FEATURE_VIEW,
  KIND_FEATURE_SERVICE,
  KIND_MODEL,
  KIND_TRAINING_JOB,
] as const;

/** `spec.type` of a Resource that is a dataset (a Feast data source, an initializer URI). @public */
export const RESOURCE_TYPE_DATASET = 'dataset';
/** `spec.type` of a Resource that is a Kubeflow (Cluster)TrainingRuntime. @public */
export const RESOURCE_TYPE_TRAINING_RUNTIME = 'training-runtime';
