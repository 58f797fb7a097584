export { FeatureServiceFeaturesCard } from './FeatureServiceFeaturesCard';
