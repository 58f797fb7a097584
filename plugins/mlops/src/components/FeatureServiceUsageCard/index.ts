export { FeatureServiceUsageCard } from './FeatureServiceUsageCard';
