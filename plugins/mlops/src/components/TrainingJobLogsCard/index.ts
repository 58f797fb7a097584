export { TrainingJobLogsCard } from './TrainingJobLogsCard';
