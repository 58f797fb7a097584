/** Feast project an entity was read from. @public */
export const ANNOTATION_FEAST_PROJECT = 'feast.dev/project';
/** The original Feast object name (Backstage names are sanitised). @public */
export const ANNOTATION_FEAST_NAME = 'feast.dev/name';
/** The id of the configured Feast registry the entity came from. @public */
export const ANNOTATION_FEAST_REGISTRY = 'feast.dev/registry';
/** Data source type: file, bigquery, kafka, request, push, ... @public */
export const ANNOTATION_FEAST_SOURCE_TYPE = 'feast.dev/source-type';
/** Data source location: path, table or topic. @public */
export const ANNOTATION_FEAST_SOURCE_LOCATION = 'feast.dev/source-location';
/** Event timestamp column of a data source. @public */
export const ANNOTATION_FEAST_TIMESTAMP_FIELD = 'feast.dev/timestamp-field';
/**
 * On a TrainJob: the FeatureServices it trains on, `<project>/<name>`, comma
 * separated.
 *
 * @public
 */
export const ANNOTATION_FEAST_FEATURE_SERVICE = 'feast.dev/feature-service';

/** Name of the Kubernetes cluster a TrainJob or runtime lives on. @public */
export const ANNOTATION_KUBEFLOW_CLUSTER = 'kubeflow.org/cluster';
/** Kubernetes namespace of a TrainJob or namespaced runtime. @public */
export const ANNOTATION_KUBEFLOW_NAMESPACE = 'kubeflow.org/namespace';
/** Original Kubernetes object name. @public */
export const ANNOTATION_KUBEFLOW_NAME = 'kubeflow.org/name';
/** Kubernetes object kind (TrainJob, ClusterTrainingRuntime, ...). @public */
export const ANNOTATION_KUBEFLOW_KIND = 'kubeflow.org/kind';
/**
 * Storage URI of a dataset Resource made from a TrainJob initializer (set by
 * the Kubeflow Trainer provider, read by the sovereignty checks).
 *
 * @public
 */
export const ANNOTATION_KUBEFLOW_STORAGE_URI = 'kubeflow.org/storage-uri';
/** Id of the configured Model Registry a Model came from. @public */
export const ANNOTATION_KUBEFLOW_MODEL_REGISTRY = 'kubeflow.org/model-registry';
/** Model Registry id of a RegisteredModel. @public */
export const ANNOTATION_KUBEFLOW_REGISTERED_MODEL_ID =
  'kubeflow.org/registered-model-id';

/** Jurisdiction (data-residency zone) an asset lies in. @public */
export const ANNOTATION_JURISDICTION = 'sovereign-ai.io/jurisdiction';
/** Data classification (public, internal, confidential, restricted). @public */
export const ANNOTATION_DATA_CLASSIFICATION =
  'sovereign-ai.io/data-classification';
/** On a TrainJob: the registered model name it produces. @public */
export const ANNOTATION_MODEL = 'sovereign-ai.io/model';
/**
 * On a Model Registry ModelVersion (custom property): the TrainJob that
 * produced it, `<cluster>/<namespace>/<name>`.
 *
 * @public
 */
export const ANNOTATION_TRAINJOB = 'sovereign-ai.io/trainjob';
/**
 * Feast's own key, in its MLflow integration, for the FeatureService a model
 * version was trained on; read from Model Registry custom properties.
 *
 * @public
 */
export const PROPERTY_FEAST_FEATURE_SERVICE = 'feast.feature_service';
/** OpenShift AI's JSON progress annotation on a TrainJob. @public */
export const ANNOTATION_ODH_TRAINER_STATUS =
  'trainer.opendatahub.io/trainerStatus';
