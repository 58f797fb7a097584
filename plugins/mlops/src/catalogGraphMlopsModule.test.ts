import { ALL_RELATION_PAIRS } from '@backstage/plugin-catalog-graph';
import { createMlopsCatalogGraphApi } from './catalogGraphMlopsModule';

describe('createMlopsCatalogGraphApi', () => {
  const api = createMlopsCatalogGraphApi();

  it('knows the ML lineage relation pairs next to the built-in ones', () => {
    expect(api.knownRelationPairs).toEqual(
      expect.arrayContaining([
        ...ALL_RELATION_PAIRS,
        ['readsFrom', 'readBy'],
        ['consumesFeatures', 'featuresConsumedBy'],
        ['producedBy', 'produces'],
      ]),
    );
  });

  it('shows every ML relation by default', () => {
    for (const relation of [
      'readsFrom',
      'readBy',
      'consumesFeatures',
      'featuresConsumedBy',
      'producedBy',
      'produces',
    ]) {
      expect(api.knownRelations).toContain(relation);
      expect(api.defaultRelations).toContain(relation);
    }
  });
});
