import {
  MLOPS_RELATION_PAIRS,
  RELATION_CONSUMES_FEATURES,
  RELATION_FEATURES_CONSUMED_BY,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES,
  RELATION_READ_BY,
  RELATION_READS_FROM,
  getLineageDirection,
  getLineageRelations,
} from './relations';

describe('relations', () => {
  it('pairs every forward relation with its reverse', () => {
    expect(MLOPS_RELATION_PAIRS).toEqual([
      ['readsFrom', 'readBy'],
      ['consumesFeatures', 'featuresConsumedBy'],
      ['producedBy', 'produces'],
    ]);
  });

  it.each([
    [RELATION_READS_FROM, 'upstream'],
    [RELATION_CONSUMES_FEATURES, 'upstream'],
    [RELATION_PRODUCED_BY, 'upstream'],
    [RELATION_READ_BY, 'downstream'],
    [RELATION_FEATURES_CONSUMED_BY, 'downstream'],
    [RELATION_PRODUCES, 'downstream'],
  ])('tells that %s points %s', (type, direction) => {
    expect(getLineageDirection(type)).toBe(direction);
  });

  it.each([
    'ownedBy',
    'ownerOf',
    'partOf',
    'hasPart',
    'dependsOn',
    'dependencyOf',
  ])('leaves %s out of lineage', type => {
    expect(getLineageDirection(type)).toBeUndefined();
  });

  it('is case-sensitive, like catalog relation types', () => {
    expect(getLineageDirection('READSFROM')).toBeUndefined();
  });

  it('gives each pair opposite directions', () => {
    for (const [forward, reverse] of MLOPS_RELATION_PAIRS) {
      expect(getLineageDirection(forward)).toBe('upstream');
      expect(getLineageDirection(reverse)).toBe('downstream');
    }
  });

  it('lists the relations to follow in each direction', () => {
    expect(getLineageRelations('upstream').sort()).toEqual(
      ['consumesFeatures', 'producedBy', 'readsFrom'].sort(),
    );
    expect(getLineageRelations('downstream').sort()).toEqual(
      ['featuresConsumedBy', 'produces', 'readBy'].sort(),
    );
  });
});
