import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  detectErrors,
  groupResponses,
  type ClusterObjects,
  type ObjectsByEntityResponse,
} from '@backstage/plugin-kubernetes-common';
import {
  Cluster,
  ClusterContext,
  DetectedErrorsContext,
  ErrorPanel,
  ErrorReporting,
  PodsTable,
  READY_COLUMNS,
  useKubernetesObjects,
} from '@backstage/plugin-kubernetes-react';
import Grid from '@material-ui/core/Grid';
import type { TrainJobId } from '../../api/types';
import { getTrainJobId } from '../../lib/trainJobId';
import { EmptyMessage } from '../AsyncContent';
import { TrainingJobStatusSummary } from './TrainingJobStatusSummary';
import { scopeToTrainJob } from './scopeToTrainJob';

/**
 * The TrainJob's pods. The plugin's cluster view counts pods but lists only
 * those of deployments, stateful sets and the like, not those of a JobSet.
 */
function TrainJobPods(props: { objects: ClusterObjects; name: string }) {
  const { pods } = groupResponses(props.objects.resources);
  return (
    <InfoCard title={`Pods of ${props.name}`} noPadding>
      <ClusterContext.Provider value={props.objects.cluster}>
        <PodsTable pods={pods} extraColumns={[READY_COLUMNS]} />
      </ClusterContext.Provider>
    </InfoCard>
  );
}

function KubernetesObjects(props: {
  entityName: string;
  objects: ObjectsByEntityResponse;
  trainJob: TrainJobId;
}) {
  const { entityName, objects, trainJob } = props;
  const detectedErrors = detectErrors(objects);
  const clustersWithErrors = objects.items.filter(r => r.errors.length > 0);
  return (
    <DetectedErrorsContext.Provider value={[...detectedErrors.values()].flat()}>
      <Grid container spacing={3} direction="column">
        {clustersWithErrors.length > 0 && (
          <Grid item>
            <ErrorPanel
              entityName={entityName}
              clustersWithErrors={clustersWithErrors}
            />
          </Grid>
        )}
        <Grid item>
          <ErrorReporting
            detectedErrors={detectedErrors}
            clusters={objects.items.map(item => item.cluster)}
          />
        </Grid>
        {objects.items.length === 0 && (
          <Grid item>
            <EmptyState
              missing="data"
              title="No Kubernetes resources"
              description={`No resource on cluster ${trainJob.cluster} is labelled for ${entityName}.`}
            />
          </Grid>
        )}
        {objects.items.map(item => (
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
        {objects.items.map(item => (
          <Grid item key={`${item.cluster.name}-pods`}>
            <TrainJobPods objects={item} name={trainJob.name} />
          </Grid>
        ))}
      </Grid>
    </DetectedErrorsContext.Provider>
  );
}

function TrainJobObjects() {
  const { entity } = useEntity();
  const { kubernetesObjects, error } = useKubernetesObjects(entity);
  const trainJob = getTrainJobId(entity);
  if (error) {
    return (
      <ErrorPanel entityName={entity.metadata.name} errorMessage={error} />
    );
  }
  if (!trainJob) {
    return (
      <EmptyMessage>
        This entity does not say which TrainJob it is.
      </EmptyMessage>
    );
  }
  if (!kubernetesObjects) {
    return <Progress />;
  }
  return (
    <KubernetesObjects
      entityName={entity.metadata.name}
      objects={scopeToTrainJob(kubernetesObjects, trainJob)}
      trainJob={trainJob}
    />
  );
}

/**
 * The Kubernetes tab of a TrainingJob: our status summary (phase from the
 * TrainJob's conditions, and why it failed) first, then the Kubernetes
 * plugin's view of this job's cluster objects and its pods. The Kubernetes
 * plugin alone marks custom resources by generic rules and can show a failed
 * TrainJob as healthy (backstage/backstage#30198).
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
        <TrainJobObjects />
      </Grid>
    </Grid>
  );
}
