import type { Entity } from '@backstage/catalog-model';

/**
 * The coarse phase of a TrainJob, derived from its conditions and jobsStatus
 * when it was ingested. Live status comes from the mlops backend.
 *
 * @public
 */
export type TrainingJobPhase =
  | 'Pending'
  | 'Running'
  | 'Suspended'
  | 'Succeeded'
  | 'Failed';

/**
 * A Kubeflow Trainer TrainJob.
 *
 * @public
 */
export interface TrainingJobEntityV1alpha1 extends Entity {
  apiVersion: 'sovereign-ai.io/v1alpha1';
  kind: 'TrainingJob';
  spec: {
    /** Framework or runtime family, for example `torch`, `deepspeed`. */
    type?: string;
    owner: string;
    system?: string;
    lifecycle?: string;
    /** Name of the cluster, as configured for the Trainer provider. */
    cluster: string;
    namespace: string;
    /** The TrainJob's `spec.runtimeRef`. */
    runtimeRef?: {
      name: string;
      kind?: string;
      apiGroup?: string;
    };
    /** Entity ref of the training-runtime Resource. Emits `dependsOn` / `dependencyOf`. */
    runtime?: string;
    trainer?: {
      image?: string;
      numNodes?: number;
      /** An integer, or a string such as `auto` in the v2.1 shape. */
      numProcPerNode?: number | string;
      resourcesPerNode?: {
        requests?: Record<string, string>;
        limits?: Record<string, string>;
      };
      command?: string[];
    };
    initializers?: {
      dataset?: { storageUri?: string; image?: string };
      model?: { storageUri?: string; image?: string };
    };
    /** Entity refs of dataset Resources read (initializer URIs). Emits `readsFrom` / `readBy`. */
    datasets?: string[];
    /** Entity refs of FeatureServices trained on. Emits `consumesFeatures` / `featuresConsumedBy`. */
    featureServices?: string[];
    /** Entity refs of Models this job produces. Emits `produces` / `producedBy`. */
    produces?: string[];
    phase?: TrainingJobPhase;
    /** ISO 8601 creation time of the TrainJob. */
    created?: string;
  };
}
