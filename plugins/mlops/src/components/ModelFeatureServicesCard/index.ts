export { ModelFeatureServicesCard } from './ModelFeatureServicesCard';
