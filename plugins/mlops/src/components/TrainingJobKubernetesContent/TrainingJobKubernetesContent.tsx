import { EmptyState, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { detectErrors } from '@backstage/plugin-kubernetes-common';
import {
  Cluster,
  DetectedErrorsContext,
  ErrorPanel,
  ErrorReporting,
  useKubernetesObjects,
} from '@backstage/plugin-kubernetes-react';
import Grid from '@material-ui/core/Grid';
import { TrainingJobStatusSummary } from './TrainingJobStatusSummary';

function KubernetesObjects() {
  const { entity } = useEntity();
  const { kubernetesObjects, error } = useKubernetesObjects(entity);
  if (error) {
    return (
      <ErrorPanel entityName={entity.metadata.name} errorMessage={error} />
    );
  }
  if (!kubernetesObjects) {
    return <Progress />;
  }
  const detectedErrors = detectErrors(kubernetesObjects);
  const clustersWithErrors = kubernetesObjects.items.filter(
    r => r.errors.length > 0,
  );
  return (
    <DetectedErrorsContext.Provider value={[...detectedErrors.values()].flat()}>
      <Grid container spacing={3} direction="column">
        {clustersWithErrors.length > 0 && (
          <Grid item>
            <ErrorPanel
              entityName={entity.metadata.name}
              clustersWithErrors={clustersWithErrors}
            />
          </Grid>
        )}
        <Grid item>
          <ErrorReporting
            detectedErrors={detectedErrors}
            clusters={kubernetesObjects.items.map(item => item.cluster)}
          />
        </Grid>
        {kubernetesObjects.items.length === 0 && (
          <Grid item>
            <EmptyState
              missing="data"
              title="No Kubernetes resources"
              description={`No resource on any cluster is labelled for ${entity.metadata.name}.`}
            />
          </Grid>
        )}
        {kubernetesObjects.items.map(item => (
          <Grid item key={item.cluster.name}>
            <Cluster
              clusterObjects={item}
              podsWithErrors={
                new Set(
                  detectedErrors
                    .get(item.cluster.name)
                    ?.filter(de => de.sourceRef.kind === 'Pod')
                    .map(de => de.sourceRef.name),
                )
              }
            />
          </Grid>
        ))}
      </Grid>
    </DetectedErrorsContext.Provider>
  );
}

/**
 * The Kubernetes tab of a TrainingJob: our status summary (phase from the
 * TrainJob's conditions, and why it failed) first, then the Kubernetes
 * plugin's view of the cluster objects. The Kubernetes plugin alone marks
 * custom resources by generic rules and can show a failed TrainJob as
 * healthy (backstage/backstage#30198).
 *
 * @public
 */
export function TrainingJobKubernetesContent() {
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <TrainingJobStatusSummary />
      </Grid>
      <Grid item>
        <KubernetesObjects />
      </Grid>
    </Grid>
  );
}
