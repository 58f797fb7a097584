export { TrainingJobStatusCard } from './TrainingJobStatusCard';
export { FailureReason } from './FailureReason';
