import {
  ANNOTATION_DATA_CLASSIFICATION,
  ANNOTATION_FEAST_FEATURE_SERVICE,
  ANNOTATION_JURISDICTION,
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  ANNOTATION_MODEL,
  MLOPS_API_VERSION,
  KIND_TRAINING_JOB,
  toEntityName,
  TrainingJobEntityV1alpha1,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  deriveTrainJobPhase,
  KIND_TRAINJOB,
  KubeflowCluster,
  normalizeTrainJob,
  TrainJob,
  TrainJobView,
} from '@sovereign-ai/backstage-plugin-mlops-node';
import {
  parseFeatureServiceKeys,
  parseModelNames,
} from '../../lib/parseJoinKeys';
import { datasetRef } from './datasetEntity';
import { trainingRuntimeRef } from './trainingRuntimeToEntity';

/** The Kubernetes plugin's own join key annotation (and TrainJob label). */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** The Kubernetes plugin's namespace annotation. */
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';

/** What mapping one TrainJob produced. */
export interface TrainJobMapping {
  view: TrainJobView;
  entity: TrainingJobEntityV1alpha1;
  /** Storage URIs of datasets it reads: each becomes a dataset Resource. */
  datasetUris: string[];
  /** Join keys that could not be read; the rest of the job is still used. */
  warnings: string[];
}

/** Context of the mapping: the cluster and the provider's settings. */
export interface TrainJobMappingContext {
  cluster: KubeflowCluster;
  owner: string;
  feastNamespace: string;
  locationAnnotations: Record<string, string>;
  /** Framework label of the runtime the job points at, when known. */
  runtimeFramework?: string;
}

/**
 * Maps a TrainJob (either CRD shape) to a TrainingJob entity. The join keys
 * of DESIGN section 3 become spec fields that the mlops catalog module turns
 * into relations: `runtime` (dependsOn), `datasets` (readsFrom),
 * `featureServices` (consumesFeatures) and `produces`.
 *
 * @throws InputError from `normalizeTrainJob` when the object is unusable.
 */
export function trainJobToEntity(
  trainJob: TrainJob,
  context: TrainJobMappingContext,
): TrainJobMapping {
  const view = normalizeTrainJob(trainJob);
  const { cluster } = context;
  const warnings: string[] = [];
  const meta = { ...view.annotations, ...view.labels };
  const featureServices = parseFeatureServiceKeys(
    view.annotations[ANNOTATION_FEAST_FEATURE_SERVICE] ??
      view.labels[ANNOTATION_FEAST_FEATURE_SERVICE],
    context.feastNamespace,
  );
  for (const invalid of featureServices.invalid) {
    warnings.push(
      `annotation ${ANNOTATION_FEAST_FEATURE_SERVICE} entry '${invalid}' is not <project>/<name>`,
    );
  }
  const produces = parseModelNames(view.annotations[ANNOTATION_MODEL]);
  const datasetUris = view.initializers.dataset
    ? [view.initializers.dataset.storageUri]
    : [];
  const jurisdiction = meta[ANNOTATION_JURISDICTION] ?? cluster.jurisdiction;
  const classification =
    meta[ANNOTATION_DATA_CLASSIFICATION] ?? cluster.dataClassification;

  const entity: TrainingJobEntityV1alpha1 = {
    apiVersion: MLOPS_API_VERSION as TrainingJobEntityV1alpha1['apiVersion'],
    kind: KIND_TRAINING_JOB as TrainingJobEntityV1alpha1['kind'],
    metadata: {
      name: toEntityName(cluster.name, view.namespace, view.name),
      title: view.name,
      description: `Kubeflow TrainJob ${view.namespace}/${view.name} on cluster ${cluster.name}`,
      annotations: {
        ...context.locationAnnotations,
        [ANNOTATION_KUBEFLOW_CLUSTER]: cluster.name,
        [ANNOTATION_KUBEFLOW_NAMESPACE]: view.namespace,
        [ANNOTATION_KUBEFLOW_NAME]: view.name,
        [ANNOTATION_KUBEFLOW_KIND]: KIND_TRAINJOB,
        [ANNOTATION_KUBERNETES_ID]:
          view.labels[ANNOTATION_KUBERNETES_ID] ?? view.name,
        [ANNOTATION_KUBERNETES_NAMESPACE]: view.namespace,
        ...(jurisdiction ? { [ANNOTATION_JURISDICTION]: jurisdiction } : {}),
        ...(classification
          ? { [ANNOTATION_DATA_CLASSIFICATION]: classification }
          : {}),
        ...(view.annotations[ANNOTATION_FEAST_FEATURE_SERVICE]
          ? {
              [ANNOTATION_FEAST_FEATURE_SERVICE]:
                view.annotations[ANNOTATION_FEAST_FEATURE_SERVICE],
            }
          : {}),
        ...(view.annotations[ANNOTATION_MODEL]
          ? { [ANNOTATION_MODEL]: view.annotations[ANNOTATION_MODEL] }
          : {}),
      },
    },
    spec: {
      ...(context.runtimeFramework ? { type: context.runtimeFramework } : {}),
      owner: context.owner,
      cluster: cluster.name,
      namespace: view.namespace,
      runtimeRef: view.runtimeRef,
      runtime: trainingRuntimeRef(
        cluster.name,
        view.runtimeRef.kind,
        view.runtimeRef.name,
        view.namespace,
      ),
      trainer: {
        ...(view.trainer.image ? { image: view.trainer.image } : {}),
        ...(view.trainer.numNodes !== undefined
          ? { numNodes: view.trainer.numNodes }
          : {}),
        ...(view.trainer.numProcPerNode !== undefined
          ? { numProcPerNode: view.trainer.numProcPerNode }
          : {}),
        ...(view.trainer.resourcesPerNode
          ? { resourcesPerNode: view.trainer.resourcesPerNode }
          : {}),
      },
      initializers: {
        ...(view.initializers.dataset
          ? { dataset: { storageUri: view.initializers.dataset.storageUri } }
          : {}),
        ...(view.initializers.model
          ? { model: { storageUri: view.initializers.model.storageUri } }
          : {}),
      },
      datasets: datasetUris.map(datasetRef),
      featureServices: featureServices.refs,
      produces: produces.refs,
      phase: deriveTrainJobPhase(trainJob),
      ...(view.created ? { created: view.created } : {}),
    },
  };
  return { view, entity, datasetUris, warnings };
}
