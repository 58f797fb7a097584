import type { ObjectsByEntityResponse } from '@backstage/plugin-kubernetes-common';
import type { TrainJobId } from '../../api/types';

/** The label JobSet puts on the jobs and pods of a TrainJob's JobSet. */
export const JOBSET_NAME_LABEL = 'jobset.sigs.k8s.io/jobset-name';

type KubernetesObjectLike = {
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
};

function belongsToAnotherTrainJob(
  object: KubernetesObjectLike,
  trainJob: TrainJobId,
): boolean {
  const metadata = object.metadata ?? {};
  if (object.kind === 'TrainJob') {
    return (
      metadata.name !== trainJob.name ||
      metadata.namespace !== trainJob.namespace
    );
  }
  const jobSet = metadata.labels?.[JOBSET_NAME_LABEL];
  return (
    jobSet !== undefined &&
    (jobSet !== trainJob.name || metadata.namespace !== trainJob.namespace)
  );
}

/**
 * The objects the Kubernetes backend found for a TrainingJob entity, reduced
 * to that TrainJob: its custom resource, its JobSet's jobs and pods, and the
 * objects no TrainJob claims. Every job of a model shares the model's
 * `backstage.io/kubernetes-id`, so without this the tab of one job shows
 * (and reports the errors of) its sibling jobs. Kubeflow Trainer names the
 * JobSet after the TrainJob; other clusters do not hold this job.
 */
export function scopeToTrainJob(
  response: ObjectsByEntityResponse,
  trainJob: TrainJobId,
): ObjectsByEntityResponse {
  return {
    items: response.items
      .filter(item => item.cluster.name === trainJob.cluster)
      .map(item => ({
        ...item,
        resources: item.resources.map(fetched => ({
          ...fetched,
          resources: (fetched.resources as KubernetesObjectLike[]).filter(
            object => !belongsToAnotherTrainJob(object, trainJob),
          ),
        })) as typeof item.resources,
      })),
  };
}
