import {
  entityKindSchemaValidator,
  type Entity,
  type KindValidator,
} from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import schema from './Model.v1alpha1.schema.json';
import { KIND_MODEL, MLOPS_API_VERSION } from './constants';

/**
 * One version of a registered model.
 *
 * @public
 */
export interface ModelVersion extends JsonObject {
  name: string;
  /** Model Registry state: `LIVE` or `ARCHIVED`. */
  state?: string;
  /** Where the weights are stored, for example `s3://models/fraud/v3`. */
  artifactUri?: string;
  /** Model format, for example `onnx`, `pytorch`. */
  format?: string;
  formatVersion?: string;
  /** ISO 8601 creation time. */
  created?: string;
  author?: string;
  description?: string;
  /** Entity ref of the TrainingJob that produced it. Emits `producedBy` / `produces`. */
  producedBy?: string;
  /** Entity refs of the FeatureServices it was trained on. Emits `consumesFeatures`. */
  featureServices?: string[];
  /** Numeric metrics recorded with the version (accuracy, loss, ...). */
  metrics?: Record<string, number>;
}

/**
 * A Kubeflow Model Registry RegisteredModel with its versions.
 *
 * @public
 */
export interface ModelEntityV1alpha1 extends Entity {
  apiVersion: 'sovereign-ai.io/v1alpha1';
  kind: 'Model';
  spec: {
    /** Free-form model type, for example `classification`, `llm`. */
    type?: string;
    owner: string;
    system?: string;
    lifecycle?: string;
    versions: ModelVersion[];
    /** Entity refs of FeatureServices used by the model as a whole. Emits `consumesFeatures`. */
    featureServices?: string[];
  };
}

const validator = entityKindSchemaValidator(schema);

/**
 * {@link @backstage/catalog-model#KindValidator} for
 * {@link ModelEntityV1alpha1}: `check` resolves to `true` for a valid Model, to
 * `false` for any other kind or apiVersion, and rejects with a `TypeError`
 * naming the offending field and the rule it breaks (for example
 * `/spec/owner must have required property 'owner'`).
 *
 * @public
 */
export const modelEntityV1alpha1Validator: KindValidator = {
  async check(data: unknown) {
    return validator(data) === data;
  },
};

/**
 * Tells whether an entity is a Model of this plugin set, by apiVersion and
 * kind (the shape is guaranteed by {@link modelEntityV1alpha1Validator} when the catalog
 * ingested it).
 *
 * @public
 */
export function isModelEntity(entity: Entity): entity is ModelEntityV1alpha1 {
  return entity.apiVersion === MLOPS_API_VERSION && entity.kind === KIND_MODEL;
}
