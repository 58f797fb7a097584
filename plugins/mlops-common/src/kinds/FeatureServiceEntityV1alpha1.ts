import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';

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
