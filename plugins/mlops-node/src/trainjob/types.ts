/**
 * A `metav1.Condition` as found in `status.conditions` of a TrainJob.
 *
 * @public
 */
export interface TrainJobCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/**
 * Counts of the child Jobs of one replicated job (`status.jobsStatus[]`).
 *
 * @public
 */
export interface TrainJobJobStatus {
  name: string;
  ready?: number;
  succeeded?: number;
  failed?: number;
  active?: number;
  suspended?: number;
}

/**
 * Upstream live progress (`status.trainerStatus`, Kubeflow Trainer v2.2+).
 *
 * @public
 */
export interface TrainJobTrainerStatus {
  progressPercentage?: number;
  estimatedRemainingSeconds?: number;
  metrics?: Array<{ name: string; value: string }>;
  lastUpdatedTime?: string;
}

/**
 * A TrainJob (`trainer.kubeflow.org/v1alpha1`) as read from the API server,
 * in either shape found in the wild: Kubeflow Trainer v2.2+ (`runtimePatches`,
 * `activeDeadlineSeconds`, `status.trainerStatus`) or v2.0/v2.1 as served by
 * OpenShift AI / Open Data Hub 3.x (`spec.labels`, `spec.annotations`,
 * `podTemplateOverrides`, `numProcPerNode` as int or string). Every field is
 * optional here because the object comes from outside; use
 * `normalizeTrainJob` to get a checked view.
 *
 * @public
 */
export interface TrainJob {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string | Date;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: {
    runtimeRef?: { name?: string; apiGroup?: string; kind?: string };
    initializer?: {
      dataset?: { storageUri?: string };
      model?: { storageUri?: string };
    };
    trainer?: {
      image?: string;
      command?: string[];
      args?: string[];
      numNodes?: number;
      numProcPerNode?: number | string;
      resourcesPerNode?: {
        requests?: Record<string, string | number>;
        limits?: Record<string, string | number>;
      };
    };
    suspend?: boolean;
    managedBy?: string;
    activeDeadlineSeconds?: number;
    runtimePatches?: unknown[];
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    podTemplateOverrides?: unknown[];
    podSpecOverrides?: unknown[];
    [key: string]: unknown;
  };
  status?: {
    conditions?: TrainJobCondition[];
    jobsStatus?: TrainJobJobStatus[];
    trainerStatus?: TrainJobTrainerStatus;
  };
}
