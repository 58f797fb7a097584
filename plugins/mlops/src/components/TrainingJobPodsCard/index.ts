export { TrainingJobPodsCard } from './TrainingJobPodsCard';
