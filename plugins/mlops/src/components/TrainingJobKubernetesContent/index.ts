export { TrainingJobKubernetesContent } from './TrainingJobKubernetesContent';
export { TrainingJobStatusSummary } from './TrainingJobStatusSummary';
