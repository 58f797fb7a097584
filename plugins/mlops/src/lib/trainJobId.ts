import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import type { TrainJobId } from '../api/types';

/**
 * Where the TrainJob behind a TrainingJob entity lives, or undefined when the
 * entity does not say. The entity name is a sanitised mix of the three, so
 * the original Kubernetes name comes from its annotation.
 */
export function getTrainJobId(entity: Entity): TrainJobId | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const spec = (entity.spec ?? {}) as { cluster?: string; namespace?: string };
  const cluster = spec.cluster ?? annotations[ANNOTATION_KUBEFLOW_CLUSTER];
  const namespace =
    spec.namespace ?? annotations[ANNOTATION_KUBEFLOW_NAMESPACE];
  const name = annotations[ANNOTATION_KUBEFLOW_NAME];
  if (!cluster || !namespace || !name) {
    return undefined;
  }
  return { cluster, namespace, name };
}
