export { FeatureViewOverviewCard } from './FeatureViewOverviewCard';
