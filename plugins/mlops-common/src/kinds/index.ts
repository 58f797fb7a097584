export * from './constants';
export * from './FeatureViewEntityV1alpha1';
export * from './FeatureServiceEntityV1alpha1';
export * from './ModelEntityV1alpha1';
export * from './TrainingJobEntityV1alpha1';
