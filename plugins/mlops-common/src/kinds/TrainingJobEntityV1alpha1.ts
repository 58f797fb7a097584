import {
  entityKindSchemaValidator,
  type Entity,
  type KindValidator,
} from '@backstage/catalog-model';
import schema from './TrainingJob.v1alpha1.schema.json';
import { KIND_TRAINING_JOB, MLOPS_API_VERSION } from './constants';

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

const validator = entityKindSchemaValidator(schema);

/**
 * {@link @backstage/catalog-model#KindValidator} for
 * {@link TrainingJobEntityV1alpha1}: `check` resolves to `true` for a valid TrainingJob, to
 * `false` for any other kind or apiVersion, and rejects with a `TypeError`
 * naming the offending field and the rule it breaks (for example
 * `/spec/owner must have required property 'owner'`).
 *
 * @public
 */
export const trainingJobEntityV1alpha1Validator: KindValidator = {
  async check(data: unknown) {
    return validator(data) === data;
  },
};

/**
 * Tells whether an entity is a TrainingJob of this plugin set, by apiVersion and
 * kind (the shape is guaranteed by {@link trainingJobEntityV1alpha1Validator} when the catalog
 * ingested it).
 *
 * @public
 */
export function isTrainingJobEntity(
  entity: Entity,
): entity is TrainingJobEntityV1alpha1 {
  return (
    entity.apiVersion === MLOPS_API_VERSION && entity.kind === KIND_TRAINING_JOB
  );
}
