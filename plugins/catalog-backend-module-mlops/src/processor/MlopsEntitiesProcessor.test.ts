import type { Entity } from '@backstage/catalog-model';
import type { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { MlopsEntitiesProcessor } from './MlopsEntitiesProcessor';

const location = { type: 'url', target: 'https://example.com/catalog.yaml' };

const featureView: Entity = {
  apiVersion: 'sovereign-ai.io/v1alpha1',
  kind: 'FeatureView',
  metadata: { name: 'fraud_detection-transaction_stats', namespace: 'ml' },
  spec: {
    type: 'batch',
    owner: 'data-office',
    system: 'fraud-detection',
    features: [{ name: 'txn_count_7d', dtype: 'INT64' }],
    sources: ['fraud_detection-transactions', 'resource:default/shared-events'],
  },
};

const onDemandView: Entity = {
  apiVersion: 'sovereign-ai.io/v1alpha1',
  kind: 'FeatureView',
  metadata: { name: 'fraud_detection-transaction_risk_score' },
  spec: {
    type: 'on-demand',
    owner: 'user:alice',
    features: [{ name: 'risk', dtype: 'DOUBLE' }],
    sources: ['featureview:fraud_detection-transaction_stats'],
  },
};

const featureService: Entity = {
  apiVersion: 'sovereign-ai.io/v1alpha1',
  kind: 'FeatureService',
  metadata: { name: 'fraud_detection-fraud_scoring_v1' },
  spec: {
    owner: 'group:data-office',
    system: 'fraud-detection',
    features: [
      { featureView: 'fraud_detection-transaction_stats', features: [] },
      {
        featureView: 'featureview:default/fraud_detection-card_velocity',
        features: ['txn_count_1h'],
      },
    ],
  },
};

const trainingJob: Entity = {
  apiVersion: 'sovereign-ai.io/v1alpha1',
  kind: 'TrainingJob',
  metadata: { name: 'sovereign-fr-fraud-ml-fraud-detector-train-0412' },
  spec: {
    owner: 'fraud-ml',
    system: 'fraud-detection',
    cluster: 'sovereign-fr',
    namespace: 'fraud-ml',
    runtime: 'sovereign-fr-torch-distributed',
    datasets: ['fraud_detection-transactions'],
    featureServices: ['fraud_detection-fraud_scoring_v1'],
    produces: ['fraud-detector'],
    phase: 'Succeeded',
  },
};

const model: Entity = {
  apiVersion: 'sovereign-ai.io/v1alpha1',
  kind: 'Model',
  metadata: { name: 'fraud-detector' },
  spec: {
    owner: 'fraud-ml',
    system: 'fraud-detection',
    featureServices: ['fraud_detection-fraud_scoring_v1'],
    versions: [
      { name: 'v1', state: 'ARCHIVED' },
      {
        name: 'v2',
        producedBy: 'sovereign-fr-fraud-ml-fraud-detector-train-0412',
        featureServices: ['fraud_detection-fraud_scoring_v1'],
      },
      {
        name: 'v3',
        producedBy:
          'trainingjob:sovereign-fr-fraud-ml-fraud-detector-train-0419',
        featureServices: ['fraud_detection-fraud_scoring_v2'],
      },
    ],
  },
};

function ref(kind: string, name: string, namespace = 'default') {
  return { kind, namespace, name };
}

async function relationsOf(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new MlopsEntitiesProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  expect(result).toBe(entity);
  return emitted.map(r => {
    if (r.type !== 'relation') {
      throw new Error(`unexpected ${r.type} result`);
    }
    return r.relation;
  });
}

describe('MlopsEntitiesProcessor', () => {
  const processor = new MlopsEntitiesProcessor();

  it('has a stable name', () => {
    expect(processor.getProcessorName()).toBe('MlopsEntitiesProcessor');
  });

  describe('validateEntityKind', () => {
    it.each([
      ['FeatureView', featureView],
      ['on-demand FeatureView', onDemandView],
      ['FeatureService', featureService],
      ['TrainingJob', trainingJob],
      ['Model', model],
    ])('accepts a valid %s', async (_, entity) => {
      await expect(processor.validateEntityKind(entity)).resolves.toBe(true);
    });

    it('leaves other kinds to other processors', async () => {
      await expect(
        processor.validateEntityKind({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: 'x' },
          spec: { type: 'dataset', owner: 'a' },
        }),
      ).resolves.toBe(false);
    });

    it('leaves another apiVersion of the same kind names alone', async () => {
      await expect(
        processor.validateEntityKind({ ...model, apiVersion: 'acme.io/v1' }),
      ).resolves.toBe(false);
    });

    it('rejects an unknown FeatureView type, naming the field and rule', async () => {
      await expect(
        processor.validateEntityKind({
          ...featureView,
          spec: { ...featureView.spec, type: 'streaming' },
        }),
      ).rejects.toThrow(
        '/spec/type must be equal to one of the allowed values - allowedValues: batch,stream,on-demand',
      );
    });

    it('rejects a missing owner', async () => {
      const { owner: _, ...spec } = trainingJob.spec!;
      await expect(
        processor.validateEntityKind({ ...trainingJob, spec }),
      ).rejects.toThrow("/spec must have required property 'owner'");
    });

    it('rejects a FeatureView with 10,000 features', async () => {
      await expect(
        processor.validateEntityKind({
          ...featureView,
          spec: {
            ...featureView.spec,
            features: Array.from({ length: 10_000 }, (_x, i) => ({
              name: `f${i}`,
              dtype: 'FLOAT',
            })),
          },
        }),
      ).rejects.toThrow('/spec/features must NOT have more than 2000 items');
    });

    it.each([
      ['an empty kind', 'spec.sources[0]', { sources: [':x'] }],
      ['a missing name', 'spec.sources[0]', { sources: ['resource:ns/'] }],
      [
        'an invalid name',
        'spec.sources[1]',
        { sources: ['a', 'resource:a b'] },
      ],
      ['an extra colon', 'spec.owner', { owner: 'group:a:b' }],
      ['a name with a slash', 'spec.system', { system: 'system:ns/a/b' }],
    ])('rejects a ref with %s at the field', async (_, field, patch) => {
      await expect(
        processor.validateEntityKind({
          ...featureView,
          spec: { ...featureView.spec, ...patch },
        }),
      ).rejects.toThrow(
        `${field} must be an entity reference of the form [<kind>:][<namespace>/]<name>`,
      );
    });

    it.each([
      [
        'spec.owner',
        featureView,
        { owner: 'system:fraud-detection' },
        'Group or User',
      ],
      ['spec.system', model, { system: 'domain:fraud' }, 'System'],
      [
        'spec.sources[0]',
        featureView,
        { sources: ['model:x'] },
        'Resource or FeatureView',
      ],
      ['spec.runtime', trainingJob, { runtime: 'component:x' }, 'Resource'],
      [
        'spec.datasets[0]',
        trainingJob,
        { datasets: ['featureview:x'] },
        'Resource',
      ],
      [
        'spec.featureServices[0]',
        trainingJob,
        { featureServices: ['featureview:x'] },
        'FeatureService',
      ],
      ['spec.produces[0]', trainingJob, { produces: ['component:x'] }, 'Model'],
      [
        'spec.features[0].featureView',
        featureService,
        { features: [{ featureView: 'featureservice:x', features: [] }] },
        'FeatureView',
      ],
      [
        'spec.versions[0].producedBy',
        model,
        { versions: [{ name: '1', producedBy: 'component:x' }] },
        'TrainingJob',
      ],
    ])(
      'rejects a ref to a kind %s does not allow',
      async (field, entity, patch, kinds) => {
        await expect(
          processor.validateEntityKind({
            ...entity,
            spec: { ...entity.spec, ...patch },
          }),
        ).rejects.toThrow(`${field} must refer to ${kinds} entities`);
      },
    );
  });

  describe('postProcessEntity', () => {
    it('emits FeatureView relations in both directions, in its own namespace', async () => {
      const self = ref(
        'FeatureView',
        'fraud_detection-transaction_stats',
        'ml',
      );
      const group = ref('Group', 'data-office', 'ml');
      const system = ref('System', 'fraud-detection', 'ml');
      const dataset = ref('Resource', 'fraud_detection-transactions', 'ml');
      const shared = ref('resource', 'shared-events');
      expect(await relationsOf(featureView)).toEqual([
        { source: self, type: 'ownedBy', target: group },
        { source: group, type: 'ownerOf', target: self },
        { source: self, type: 'partOf', target: system },
        { source: system, type: 'hasPart', target: self },
        { source: self, type: 'readsFrom', target: dataset },
        { source: dataset, type: 'readBy', target: self },
        { source: self, type: 'readsFrom', target: shared },
        { source: shared, type: 'readBy', target: self },
      ]);
    });

    it('emits readsFrom to FeatureViews for an on-demand view, owned by a user', async () => {
      const self = ref('FeatureView', 'fraud_detection-transaction_risk_score');
      const user = ref('user', 'alice');
      const view = ref('featureview', 'fraud_detection-transaction_stats');
      expect(await relationsOf(onDemandView)).toEqual([
        { source: self, type: 'ownedBy', target: user },
        { source: user, type: 'ownerOf', target: self },
        { source: self, type: 'readsFrom', target: view },
        { source: view, type: 'readBy', target: self },
      ]);
    });

    it('emits FeatureService relations in both directions', async () => {
      const self = ref('FeatureService', 'fraud_detection-fraud_scoring_v1');
      const group = ref('group', 'data-office');
      const system = ref('System', 'fraud-detection');
      const stats = ref('FeatureView', 'fraud_detection-transaction_stats');
      const velocity = ref('featureview', 'fraud_detection-card_velocity');
      expect(await relationsOf(featureService)).toEqual([
        { source: self, type: 'ownedBy', target: group },
        { source: group, type: 'ownerOf', target: self },
        { source: self, type: 'partOf', target: system },
        { source: system, type: 'hasPart', target: self },
        { source: self, type: 'consumesFeatures', target: stats },
        { source: stats, type: 'featuresConsumedBy', target: self },
        { source: self, type: 'consumesFeatures', target: velocity },
        { source: velocity, type: 'featuresConsumedBy', target: self },
      ]);
    });

    it('emits TrainingJob relations in both directions', async () => {
      const self = ref(
        'TrainingJob',
        'sovereign-fr-fraud-ml-fraud-detector-train-0412',
      );
      const group = ref('Group', 'fraud-ml');
      const system = ref('System', 'fraud-detection');
      const runtime = ref('Resource', 'sovereign-fr-torch-distributed');
      const dataset = ref('Resource', 'fraud_detection-transactions');
      const service = ref('FeatureService', 'fraud_detection-fraud_scoring_v1');
      const produced = ref('Model', 'fraud-detector');
      expect(await relationsOf(trainingJob)).toEqual([
        { source: self, type: 'ownedBy', target: group },
        { source: group, type: 'ownerOf', target: self },
        { source: self, type: 'partOf', target: system },
        { source: system, type: 'hasPart', target: self },
        { source: self, type: 'dependsOn', target: runtime },
        { source: runtime, type: 'dependencyOf', target: self },
        { source: self, type: 'readsFrom', target: dataset },
        { source: dataset, type: 'readBy', target: self },
        { source: self, type: 'consumesFeatures', target: service },
        { source: service, type: 'featuresConsumedBy', target: self },
        { source: self, type: 'produces', target: produced },
        { source: produced, type: 'producedBy', target: self },
      ]);
    });

    it('emits Model relations in both directions, once per target', async () => {
      const self = ref('Model', 'fraud-detector');
      const group = ref('Group', 'fraud-ml');
      const system = ref('System', 'fraud-detection');
      const v1 = ref('FeatureService', 'fraud_detection-fraud_scoring_v1');
      const v2 = ref('FeatureService', 'fraud_detection-fraud_scoring_v2');
      const job0412 = ref(
        'TrainingJob',
        'sovereign-fr-fraud-ml-fraud-detector-train-0412',
      );
      const job0419 = ref(
        'trainingjob',
        'sovereign-fr-fraud-ml-fraud-detector-train-0419',
      );
      expect(await relationsOf(model)).toEqual([
        { source: self, type: 'ownedBy', target: group },
        { source: group, type: 'ownerOf', target: self },
        { source: self, type: 'partOf', target: system },
        { source: system, type: 'hasPart', target: self },
        { source: self, type: 'consumesFeatures', target: v1 },
        { source: v1, type: 'featuresConsumedBy', target: self },
        { source: self, type: 'producedBy', target: job0412 },
        { source: job0412, type: 'produces', target: self },
        { source: self, type: 'producedBy', target: job0419 },
        { source: job0419, type: 'produces', target: self },
        { source: self, type: 'consumesFeatures', target: v2 },
        { source: v2, type: 'featuresConsumedBy', target: self },
      ]);
    });

    it('emits only ownership when nothing else is declared', async () => {
      const minimal: Entity = {
        apiVersion: 'sovereign-ai.io/v1alpha1',
        kind: 'Model',
        metadata: { name: 'm' },
        spec: { owner: 'fraud-ml', versions: [] },
      };
      expect(await relationsOf(minimal)).toEqual([
        {
          source: ref('Model', 'm'),
          type: 'ownedBy',
          target: ref('Group', 'fraud-ml'),
        },
        {
          source: ref('Group', 'fraud-ml'),
          type: 'ownerOf',
          target: ref('Model', 'm'),
        },
      ]);
    });

    it('leaves other kinds alone', async () => {
      expect(
        await relationsOf({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: 'x' },
          spec: { type: 'dataset', owner: 'a', system: 'b' },
        }),
      ).toEqual([]);
    });

    it('refuses a malformed ref rather than emitting a broken relation', async () => {
      await expect(
        relationsOf({
          ...trainingJob,
          spec: { ...trainingJob.spec, produces: ['model:'] },
        }),
      ).rejects.toThrow('spec.produces[0] must be an entity reference');
    });
  });
});
