import {
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  type Entity,
} from '@backstage/catalog-model';
import {
  KIND_FEATURE_SERVICE,
  KIND_FEATURE_VIEW,
  KIND_MODEL,
  KIND_TRAINING_JOB,
  RELATION_CONSUMES_FEATURES,
  RELATION_FEATURES_CONSUMED_BY,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES,
  RELATION_READ_BY,
  RELATION_READS_FROM,
  isFeatureServiceEntity,
  isFeatureViewEntity,
  isModelEntity,
  isTrainingJobEntity,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/**
 * One entity reference found in a spec field, with everything needed to turn
 * it into a pair of relations.
 */
export interface RelationRef {
  /** Where the ref was found, for error messages, e.g. `spec.sources[1]`. */
  field: string;
  /** The ref as written, possibly shorthand (`transactions`, `resource:x`). */
  ref: string;
  /** Kind assumed when the ref has none. */
  defaultKind: string;
  /** Kinds the ref may point at (compared case-insensitively). */
  allowedKinds: string[];
  /** Relation from the entity to the target. */
  type: string;
  /** Relation from the target back to the entity. */
  reverse: string;
}

type Relation = Omit<RelationRef, 'field' | 'ref'>;

const OWNED_BY: Relation = {
  defaultKind: 'Group',
  allowedKinds: ['Group', 'User'],
  type: RELATION_OWNED_BY,
  reverse: RELATION_OWNER_OF,
};
const PART_OF: Relation = {
  defaultKind: 'System',
  allowedKinds: ['System'],
  type: RELATION_PART_OF,
  reverse: RELATION_HAS_PART,
};
const READS_DATASET: Relation = {
  defaultKind: 'Resource',
  allowedKinds: ['Resource'],
  type: RELATION_READS_FROM,
  reverse: RELATION_READ_BY,
};
// An on-demand FeatureView reads from other FeatureViews, so a view's sources
// may be either kind; the shorthand still means a dataset Resource.
const READS_DATASET_OR_VIEW: Relation = {
  ...READS_DATASET,
  allowedKinds: ['Resource', KIND_FEATURE_VIEW],
};
const CONSUMES_VIEW: Relation = {
  defaultKind: KIND_FEATURE_VIEW,
  allowedKinds: [KIND_FEATURE_VIEW],
  type: RELATION_CONSUMES_FEATURES,
  reverse: RELATION_FEATURES_CONSUMED_BY,
};
const CONSUMES_SERVICE: Relation = {
  defaultKind: KIND_FEATURE_SERVICE,
  allowedKinds: [KIND_FEATURE_SERVICE],
  type: RELATION_CONSUMES_FEATURES,
  reverse: RELATION_FEATURES_CONSUMED_BY,
};
const DEPENDS_ON_RUNTIME: Relation = {
  defaultKind: 'Resource',
  allowedKinds: ['Resource'],
  type: RELATION_DEPENDS_ON,
  reverse: RELATION_DEPENDENCY_OF,
};
const PRODUCES_MODEL: Relation = {
  defaultKind: KIND_MODEL,
  allowedKinds: [KIND_MODEL],
  type: RELATION_PRODUCES,
  reverse: RELATION_PRODUCED_BY,
};
const PRODUCED_BY_JOB: Relation = {
  defaultKind: KIND_TRAINING_JOB,
  allowedKinds: [KIND_TRAINING_JOB],
  type: RELATION_PRODUCED_BY,
  reverse: RELATION_PRODUCES,
};

function one(
  field: string,
  ref: string | undefined,
  relation: Relation,
): RelationRef[] {
  return ref ? [{ field, ref, ...relation }] : [];
}

function many(
  field: string,
  refs: string[] | undefined,
  relation: Relation,
): RelationRef[] {
  return (refs ?? []).map((ref, i) => ({
    field: `${field}[${i}]`,
    ref,
    ...relation,
  }));
}

/**
 * Lists every entity reference in the spec of a FeatureView, FeatureService,
 * TrainingJob or Model, with the relation pair it stands for (DESIGN section
 * 3). Returns an empty list for any other entity. Expects an entity that
 * passed its kind validator.
 */
export function readRelationRefs(entity: Entity): RelationRef[] {
  if (isFeatureViewEntity(entity)) {
    const { spec } = entity;
    return [
      ...one('spec.owner', spec.owner, OWNED_BY),
      ...one('spec.system', spec.system, PART_OF),
      ...many('spec.sources', spec.sources, READS_DATASET_OR_VIEW),
    ];
  }
  if (isFeatureServiceEntity(entity)) {
    const { spec } = entity;
    return [
      ...one('spec.owner', spec.owner, OWNED_BY),
      ...one('spec.system', spec.system, PART_OF),
      ...spec.features.flatMap((projection, i) =>
        one(
          `spec.features[${i}].featureView`,
          projection.featureView,
          CONSUMES_VIEW,
        ),
      ),
    ];
  }
  if (isTrainingJobEntity(entity)) {
    const { spec } = entity;
    return [
      ...one('spec.owner', spec.owner, OWNED_BY),
      ...one('spec.system', spec.system, PART_OF),
      ...one('spec.runtime', spec.runtime, DEPENDS_ON_RUNTIME),
      ...many('spec.datasets', spec.datasets, READS_DATASET),
      ...many('spec.featureServices', spec.featureServices, CONSUMES_SERVICE),
      ...many('spec.produces', spec.produces, PRODUCES_MODEL),
    ];
  }
  if (isModelEntity(entity)) {
    const { spec } = entity;
    return [
      ...one('spec.owner', spec.owner, OWNED_BY),
      ...one('spec.system', spec.system, PART_OF),
      ...many('spec.featureServices', spec.featureServices, CONSUMES_SERVICE),
      ...spec.versions.flatMap((version, i) => [
        ...one(
          `spec.versions[${i}].producedBy`,
          version.producedBy,
          PRODUCED_BY_JOB,
        ),
        ...many(
          `spec.versions[${i}].featureServices`,
          version.featureServices,
          CONSUMES_SERVICE,
        ),
      ]),
    ];
  }
  return [];
}
