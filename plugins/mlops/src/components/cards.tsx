// The entity cards, loaded together on the first entity page that shows one.
import { UsageCard } from './UsageCard';

export { FeatureViewOverviewCard } from './FeatureViewOverviewCard';
export { FeatureViewFeaturesCard } from './FeatureViewFeaturesCard';
export { FeatureServiceFeaturesCard } from './FeatureServiceFeaturesCard';
export { FeatureServiceUsageCard } from './FeatureServiceUsageCard';
export { TrainingJobStatusCard } from './TrainingJobStatusCard';
export { TrainingJobPodsCard } from './TrainingJobPodsCard';
export { TrainingJobLogsCard } from './TrainingJobLogsCard';
export { ModelVersionsCard } from './ModelVersionsCard';
export { ModelFeatureServicesCard } from './ModelFeatureServicesCard';
export { ComplianceCard } from './ComplianceCard';

/**
 * Where a FeatureView is used: the feature services that select it, the
 * training jobs and models built on it (and on-demand views computed from it).
 *
 * @public
 */
export function FeatureViewUsageCard() {
  return (
    <UsageCard
      title="Where it is used"
      kinds={['FeatureView', 'FeatureService', 'TrainingJob', 'Model']}
      emptyMessage="No feature service, training job or model uses this feature view yet."
    />
  );
}

/**
 * Who consumes a FeatureService: the training jobs and models built on it,
 * with their owners.
 *
 * @public
 */
export function FeatureServiceConsumersCard() {
  return (
    <UsageCard
      title="Who consumes it"
      kinds={['TrainingJob', 'Model']}
      emptyMessage="No training job or model consumes this feature service yet."
    />
  );
}
