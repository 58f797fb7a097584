import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { countBy, filterMlRows, recentJobs, toMlRow } from './mlHomeModel';

function entity(kind: string, name: string, spec: JsonObject): Entity {
  return {
    apiVersion: 'sovereign-ai.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', title: name.split('-').pop() },
    spec,
  };
}

const rows = [
  entity('FeatureView', 'fraud_detection-transaction_stats', {
    owner: 'group:default/data-office',
    system: 'fraud-detection',
    type: 'batch',
  }),
  entity('TrainingJob', 'sovereign-fr-fraud-ml-fraud-detector-train-0412', {
    owner: 'group:default/fraud-ml',
    phase: 'Succeeded',
    created: '2026-04-12T08:00:00Z',
  }),
  entity('TrainingJob', 'sovereign-fr-fraud-ml-fraud-detector-train-0419', {
    owner: 'group:default/fraud-ml',
    phase: 'Running',
    created: '2026-04-19T08:00:00Z',
  }),
].map(toMlRow);

describe('ML home model', () => {
  it('prefers resolved relations for the owner', () => {
    const row = toMlRow({
      ...entity('Model', 'fraud-detector', { owner: 'fraud-ml' }),
      relations: [{ type: 'ownedBy', targetRef: 'group:default/fraud-ml' }],
    });
    expect(row.owner).toBe('group:default/fraud-ml');
    expect(row.ref).toBe('model:default/fraud-detector');
  });

  it('filters by text, kind and owner', () => {
    expect(filterMlRows(rows, { text: 'transaction', kinds: [] })).toHaveLength(
      1,
    );
    expect(
      filterMlRows(rows, { text: '', kinds: ['TrainingJob'] }),
    ).toHaveLength(2);
    expect(
      filterMlRows(rows, {
        text: '',
        kinds: [],
        owner: 'group:default/data-office',
      }),
    ).toHaveLength(1);
    expect(
      filterMlRows(rows, { text: 'nothing-matches', kinds: [] }),
    ).toHaveLength(0);
  });

  it('counts per owner and kind', () => {
    expect(countBy(rows, 'owner')).toEqual([
      {
        id: 'group:default/fraud-ml',
        value: 'group:default/fraud-ml',
        total: 2,
        byKind: { TrainingJob: 2 },
      },
      {
        id: 'group:default/data-office',
        value: 'group:default/data-office',
        total: 1,
        byKind: { FeatureView: 1 },
      },
    ]);
    expect(countBy(rows, 'system').map(c => c.value)).toEqual([
      'none',
      'system:default/fraud-detection',
    ]);
  });

  it('lists the newest jobs first', () => {
    expect(recentJobs(rows).map(r => r.phase)).toEqual([
      'Running',
      'Succeeded',
    ]);
  });
});
