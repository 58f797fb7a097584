import {
  entityKindSchemaValidator,
  type Entity,
  type KindValidator,
} from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import schema from './FeatureService.v1alpha1.schema.json';
import { KIND_FEATURE_SERVICE, MLOPS_API_VERSION } from './constants';

/**
 * The features a FeatureService selects from one FeatureView.
 *
 * @public
 */
export interface FeatureServiceProjection extends JsonObject {
  /** Entity ref of the FeatureView. Emits `consumesFeatures` / `featuresConsumedBy`. */
  featureView: string;
  /** Selected feature names; every feature of the view when empty. */
  features: string[];
  /** Alias the projection is exposed under (Feast `name_alias`). */
  alias?: string;
}

/**
 * A Feast FeatureService.
 *
 * @public
 */
export interface FeatureServiceEntityV1alpha1 extends Entity {
  apiVersion: 'sovereign-ai.io/v1alpha1';
  kind: 'FeatureService';
  spec: {
    owner: string;
    system?: string;
    lifecycle?: string;
    features: FeatureServiceProjection[];
  };
}

const validator = entityKindSchemaValidator(schema);

/**
 * {@link @backstage/catalog-model#KindValidator} for
 * {@link FeatureServiceEntityV1alpha1}: `check` resolves to `true` for a valid FeatureService, to
 * `false` for any other kind or apiVersion, and rejects with a `TypeError`
 * naming the offending field and the rule it breaks (for example
 * `/spec/owner must have required property 'owner'`).
 *
 * @public
 */
export const featureServiceEntityV1alpha1Validator: KindValidator = {
  async check(data: unknown) {
    return validator(data) === data;
  },
};

/**
 * Tells whether an entity is a FeatureService of this plugin set, by apiVersion and
 * kind (the shape is guaranteed by {@link featureServiceEntityV1alpha1Validator} when the catalog
 * ingested it).
 *
 * @public
 */
export function isFeatureServiceEntity(
  entity: Entity,
): entity is FeatureServiceEntityV1alpha1 {
  return (
    entity.apiVersion === MLOPS_API_VERSION &&
    entity.kind === KIND_FEATURE_SERVICE
  );
}
