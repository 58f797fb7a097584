import {
  entityKindSchemaValidator,
  type Entity,
  type KindValidator,
} from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import schema from './FeatureView.v1alpha1.schema.json';
import { KIND_FEATURE_VIEW, MLOPS_API_VERSION } from './constants';

/**
 * A Feast entity (join key set) a FeatureView is keyed by.
 *
 * @public
 */
export interface FeatureViewEntityKey extends JsonObject {
  /** Feast entity name, for example `driver`. */
  name: string;
  /** Columns joined on, for example `['driver_id']`. */
  joinKeys: string[];
  /** Feast value type of the join key, for example `INT64`. */
  valueType?: string;
  description?: string;
}

/**
 * One feature (column) of a FeatureView.
 *
 * @public
 */
export interface FeatureViewFeature extends JsonObject {
  name: string;
  /** Feast value type, for example `FLOAT`, `INT64`, `STRING_LIST`. */
  dtype: string;
  description?: string;
  tags?: Record<string, string>;
}

/**
 * A Feast FeatureView, StreamFeatureView or OnDemandFeatureView.
 *
 * @public
 */
export interface FeatureViewEntityV1alpha1 extends Entity {
  apiVersion: 'sovereign-ai.io/v1alpha1';
  kind: 'FeatureView';
  spec: {
    /** `batch` (FeatureView), `stream` (StreamFeatureView) or `on-demand` (OnDemandFeatureView). */
    type: 'batch' | 'stream' | 'on-demand';
    /** Entity ref of the owning Group or User. */
    owner: string;
    /** Entity ref of the System (Feast project) this view is part of. */
    system?: string;
    lifecycle?: string;
    /** Entities (join keys) the view is keyed by; empty for on-demand views. */
    entities?: FeatureViewEntityKey[];
    features: FeatureViewFeature[];
    /** Time to live of feature values, in seconds; 0 or absent means forever. */
    ttlSeconds?: number;
    /** Whether the view is materialised to the online store. */
    online?: boolean;
    /**
     * Entity refs the view reads from: dataset Resources, or FeatureViews for
     * an on-demand view. Emits `readsFrom` / `readBy`.
     */
    sources?: string[];
  };
}

const validator = entityKindSchemaValidator(schema);

/**
 * {@link @backstage/catalog-model#KindValidator} for
 * {@link FeatureViewEntityV1alpha1}: `check` resolves to `true` for a valid FeatureView, to
 * `false` for any other kind or apiVersion, and rejects with a `TypeError`
 * naming the offending field and the rule it breaks (for example
 * `/spec/owner must have required property 'owner'`).
 *
 * @public
 */
export const featureViewEntityV1alpha1Validator: KindValidator = {
  async check(data: unknown) {
    return validator(data) === data;
  },
};

/**
 * Tells whether an entity is a FeatureView of this plugin set, by apiVersion and
 * kind (the shape is guaranteed by {@link featureViewEntityV1alpha1Validator} when the catalog
 * ingested it).
 *
 * @public
 */
export function isFeatureViewEntity(
  entity: Entity,
): entity is FeatureViewEntityV1alpha1 {
  return (
    entity.apiVersion === MLOPS_API_VERSION && entity.kind === KIND_FEATURE_VIEW
  );
}
