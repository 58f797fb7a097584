export * from './constants';
export type * from './FeatureViewEntityV1alpha1';
export type * from './FeatureServiceEntityV1alpha1';
export type * from './ModelEntityV1alpha1';
export type * from './TrainingJobEntityV1alpha1';
