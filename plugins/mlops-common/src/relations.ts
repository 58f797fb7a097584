/**
 * A FeatureView reads from a dataset Resource (or, for an on-demand view,
 * from another FeatureView); a TrainingJob reads from a dataset Resource
 * given as its dataset initializer.
 *
 * @public
 */
export const RELATION_READS_FROM = 'readsFrom';
/** Reverse of {@link RELATION_READS_FROM}. @public */
export const RELATION_READ_BY = 'readBy';
/**
 * A FeatureService consumes features of a FeatureView; a TrainingJob or a
 * Model consumes the features of a FeatureService.
 *
 * @public
 */
export const RELATION_CONSUMES_FEATURES = 'consumesFeatures';
/** Reverse of {@link RELATION_CONSUMES_FEATURES}. @public */
export const RELATION_FEATURES_CONSUMED_BY = 'featuresConsumedBy';
/** A Model (one of its versions) was produced by a TrainingJob. @public */
export const RELATION_PRODUCED_BY = 'producedBy';
/** Reverse of {@link RELATION_PRODUCED_BY}. @public */
export const RELATION_PRODUCES = 'produces';

/**
 * The relation pairs this plugin set adds, as `[forward, reverse]`.
 *
 * @public
 */
export const MLOPS_RELATION_PAIRS: ReadonlyArray<readonly [string, string]> = [
  [RELATION_READS_FROM, RELATION_READ_BY],
  [RELATION_CONSUMES_FEATURES, RELATION_FEATURES_CONSUMED_BY],
  [RELATION_PRODUCED_BY, RELATION_PRODUCES],
];

/**
 * Where following a relation leads in data lineage: `upstream` towards the
 * data an entity was built from, `downstream` towards what was built from it.
 *
 * @public
 */
export type LineageDirection = 'upstream' | 'downstream';

const LINEAGE_DIRECTIONS: Record<string, LineageDirection> = {
  [RELATION_READS_FROM]: 'upstream',
  [RELATION_CONSUMES_FEATURES]: 'upstream',
  [RELATION_PRODUCED_BY]: 'upstream',
  [RELATION_READ_BY]: 'downstream',
  [RELATION_FEATURES_CONSUMED_BY]: 'downstream',
  [RELATION_PRODUCES]: 'downstream',
};

/**
 * Tells whether a relation type points upstream or downstream in lineage, or
 * `undefined` when the relation is not part of lineage (for example
 * `ownedBy` or `dependsOn`).
 *
 * @public
 */
export function getLineageDirection(
  relationType: string,
): LineageDirection | undefined {
  return LINEAGE_DIRECTIONS[relationType];
}

/**
 * The relation types to follow from an entity to walk lineage in one
 * direction.
 *
 * @public
 */
export function getLineageRelations(direction: LineageDirection): string[] {
  return Object.entries(LINEAGE_DIRECTIONS)
    .filter(([, d]) => d === direction)
    .map(([type]) => type);
}
