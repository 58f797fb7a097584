/** API group of Kubeflow Trainer v2 objects. @public */
export const TRAINER_API_GROUP = 'trainer.kubeflow.org';
/** The only API version served by Kubeflow Trainer v2.0 to v2.3. @public */
export const TRAINER_API_VERSION = 'v1alpha1';
/** Kind of a cluster-scoped training runtime, the default of `runtimeRef.kind`. @public */
export const KIND_CLUSTER_TRAINING_RUNTIME = 'ClusterTrainingRuntime';
/** Kind of a namespaced training runtime. @public */
export const KIND_TRAINING_RUNTIME = 'TrainingRuntime';
/** Kind of a training job. @public */
export const KIND_TRAINJOB = 'TrainJob';
/** Label on runtimes naming the framework (torch, deepspeed, ...). @public */
export const LABEL_TRAINER_FRAMEWORK = 'trainer.kubeflow.org/framework';
/** Label on runtimes marking their support level, e.g. `deprecated`. @public */
export const LABEL_TRAINER_SUPPORT = 'trainer.kubeflow.org/support';
/** Label on replicated-job templates: dataset-initializer, model-initializer or trainer. @public */
export const LABEL_TRAINJOB_ANCESTOR_STEP =
  'trainer.kubeflow.org/trainjob-ancestor-step';
