import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';

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
