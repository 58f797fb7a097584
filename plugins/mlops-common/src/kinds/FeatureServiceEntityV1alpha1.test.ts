import {
  FeatureServiceEntityV1alpha1,
  featureServiceEntityV1alpha1Validator as validator,
  isFeatureServiceEntity,
} from './FeatureServiceEntityV1alpha1';

type Mutation = (entity: any) => void;

describe('featureServiceEntityV1alpha1Validator', () => {
  let entity: FeatureServiceEntityV1alpha1;

  beforeEach(() => {
    entity = {
      apiVersion: 'sovereign-ai.io/v1alpha1',
      kind: 'FeatureService',
      metadata: {
        name: 'fraud_detection-fraud_scoring_v1',
        title: 'fraud_scoring_v1',
      },
      spec: {
        owner: 'group:default/data-office',
        system: 'fraud-detection',
        lifecycle: 'production',
        features: [
          {
            featureView: 'featureview:fraud_detection-transaction_stats',
            features: ['txn_count_7d', 'txn_amount_avg_7d'],
            alias: 'stats',
          },
        ],
      },
    };
  });

  it('accepts the complete entity', async () => {
    await expect(validator.check(entity)).resolves.toBe(true);
  });

  it.each<[string, Mutation]>([
    ['no system', e => delete e.spec.system],
    ['no lifecycle', e => delete e.spec.lifecycle],
    ['empty features', e => (e.spec.features = [])],
    [
      'a projection selecting every feature',
      e => (e.spec.features[0].features = []),
    ],
    ['a projection without alias', e => delete e.spec.features[0].alias],
    [
      'a shorthand featureView ref',
      e => (e.spec.features[0].featureView = 'fraud_detection-card_velocity'),
    ],
  ])('accepts %s', async (_, mutate) => {
    mutate(entity);
    await expect(validator.check(entity)).resolves.toBe(true);
  });

  it.each<[string, Mutation, RegExp]>([
    [
      'no spec',
      e => delete e.spec,
      /<root> must have required property 'spec'/,
    ],
    [
      'no owner',
      e => delete e.spec.owner,
      /\/spec must have required property 'owner'/,
    ],
    [
      'an empty owner',
      e => (e.spec.owner = ''),
      /\/spec\/owner must NOT have fewer than 1 characters/,
    ],
    [
      'a non-string owner',
      e => (e.spec.owner = 1),
      /\/spec\/owner must be string/,
    ],
    [
      'an empty system',
      e => (e.spec.system = ''),
      /\/spec\/system must NOT have fewer than 1 characters/,
    ],
    [
      'an empty lifecycle',
      e => (e.spec.lifecycle = ''),
      /\/spec\/lifecycle must NOT have fewer than 1 characters/,
    ],
    [
      'no features',
      e => delete e.spec.features,
      /\/spec must have required property 'features'/,
    ],
    [
      'non-array features',
      e => (e.spec.features = 'featureview:a'),
      /\/spec\/features must be array/,
    ],
    [
      'a projection without featureView',
      e => delete e.spec.features[0].featureView,
      /\/spec\/features\/0 must have required property 'featureView'/,
    ],
    [
      'a projection with an empty featureView',
      e => (e.spec.features[0].featureView = ''),
      /\/spec\/features\/0\/featureView must NOT have fewer than 1 characters/,
    ],
    [
      'a projection with a non-string featureView',
      e => (e.spec.features[0].featureView = { name: 'a' }),
      /\/spec\/features\/0\/featureView must be string/,
    ],
    [
      'a projection without features',
      e => delete e.spec.features[0].features,
      /\/spec\/features\/0 must have required property 'features'/,
    ],
    [
      'a projection with an empty feature name',
      e => (e.spec.features[0].features = ['']),
      /\/spec\/features\/0\/features\/0 must NOT have fewer than 1 characters/,
    ],
    [
      'a projection with 2,001 features',
      e =>
        (e.spec.features[0].features = Array.from(
          { length: 2001 },
          (_x, i) => `f${i}`,
        )),
      /\/spec\/features\/0\/features must NOT have more than 2000 items/,
    ],
    [
      'a projection with an empty alias',
      e => (e.spec.features[0].alias = ''),
      /\/spec\/features\/0\/alias must NOT have fewer than 1 characters/,
    ],
    [
      'a projection with an unknown field',
      e => (e.spec.features[0].view = 'a'),
      /\/spec\/features\/0 must NOT have additional properties - additionalProperty: view/,
    ],
    [
      '501 projections',
      e =>
        (e.spec.features = Array.from({ length: 501 }, (_x, i) => ({
          featureView: `v${i}`,
          features: [],
        }))),
      /\/spec\/features must NOT have more than 500 items/,
    ],
    [
      'an unknown spec field',
      e => (e.spec.featureViews = []),
      /\/spec must NOT have additional properties - additionalProperty: featureViews/,
    ],
  ])('rejects %s', async (_, mutate, message) => {
    mutate(entity);
    await expect(validator.check(entity)).rejects.toThrow(message);
  });

  it('ignores another apiVersion', async () => {
    (entity as any).apiVersion = 'sovereign-ai.io/v1beta1';
    await expect(validator.check(entity)).resolves.toBe(false);
  });

  it('ignores another kind', async () => {
    (entity as any).kind = 'FeatureView';
    await expect(validator.check(entity)).resolves.toBe(false);
  });
});

describe('isFeatureServiceEntity', () => {
  it('matches on apiVersion and kind', () => {
    const base = { metadata: { name: 'a' } };
    expect(
      isFeatureServiceEntity({
        ...base,
        apiVersion: 'sovereign-ai.io/v1alpha1',
        kind: 'FeatureService',
      }),
    ).toBe(true);
    expect(
      isFeatureServiceEntity({
        ...base,
        apiVersion: 'sovereign-ai.io/v1alpha1',
        kind: 'Model',
      }),
    ).toBe(false);
    expect(
      isFeatureServiceEntity({
        ...base,
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'FeatureService',
      }),
    ).toBe(false);
  });
});
