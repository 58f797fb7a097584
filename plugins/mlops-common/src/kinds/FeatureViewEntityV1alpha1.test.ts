import {
  FeatureViewEntityV1alpha1,
  featureViewEntityV1alpha1Validator as validator,
  isFeatureViewEntity,
} from './FeatureViewEntityV1alpha1';

type Mutation = (entity: any) => void;

describe('featureViewEntityV1alpha1Validator', () => {
  let entity: FeatureViewEntityV1alpha1;

  beforeEach(() => {
    entity = {
      apiVersion: 'sovereign-ai.io/v1alpha1',
      kind: 'FeatureView',
      metadata: {
        name: 'fraud_detection-transaction_stats',
        title: 'transaction_stats',
      },
      spec: {
        type: 'batch',
        owner: 'group:default/data-office',
        system: 'fraud-detection',
        lifecycle: 'production',
        entities: [
          {
            name: 'customer',
            joinKeys: ['customer_id'],
            valueType: 'INT64',
            description: 'A bank customer',
          },
        ],
        features: [
          {
            name: 'txn_count_7d',
            dtype: 'INT64',
            description: 'Transactions in the last 7 days',
            tags: { pii: 'false' },
          },
        ],
        ttlSeconds: 86400,
        online: true,
        sources: ['resource:fraud_detection-transactions'],
      },
    };
  });

  it('accepts the complete entity', async () => {
    await expect(validator.check(entity)).resolves.toBe(true);
  });

  it.each<[string, Mutation]>([
    ['an on-demand type', e => (e.spec.type = 'on-demand')],
    ['a stream type', e => (e.spec.type = 'stream')],
    ['no system', e => delete e.spec.system],
    ['no lifecycle', e => delete e.spec.lifecycle],
    ['no entities', e => delete e.spec.entities],
    ['empty entities', e => (e.spec.entities = [])],
    ['an entity without valueType', e => delete e.spec.entities[0].valueType],
    [
      'an entity without description',
      e => delete e.spec.entities[0].description,
    ],
    ['empty features', e => (e.spec.features = [])],
    ['2,000 features', e => (e.spec.features = manyFeatures(2000))],
    [
      'a feature without description',
      e => delete e.spec.features[0].description,
    ],
    ['a feature without tags', e => delete e.spec.features[0].tags],
    ['no ttlSeconds', e => delete e.spec.ttlSeconds],
    ['a ttlSeconds of 0', e => (e.spec.ttlSeconds = 0)],
    ['no online', e => delete e.spec.online],
    ['no sources', e => delete e.spec.sources],
    ['empty sources', e => (e.spec.sources = [])],
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
      'no type',
      e => delete e.spec.type,
      /\/spec must have required property 'type'/,
    ],
    [
      'an unknown type',
      e => (e.spec.type = 'realtime'),
      /\/spec\/type must be equal to one of the allowed values - allowedValues: batch,stream,on-demand/,
    ],
    [
      'a non-string type',
      e => (e.spec.type = 7),
      /\/spec\/type must be string/,
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
      e => (e.spec.owner = ['a']),
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
      'non-array entities',
      e => (e.spec.entities = 'customer'),
      /\/spec\/entities must be array/,
    ],
    [
      'an entity without name',
      e => delete e.spec.entities[0].name,
      /\/spec\/entities\/0 must have required property 'name'/,
    ],
    [
      'an entity without joinKeys',
      e => delete e.spec.entities[0].joinKeys,
      /\/spec\/entities\/0 must have required property 'joinKeys'/,
    ],
    [
      'an entity with empty joinKeys',
      e => (e.spec.entities[0].joinKeys = []),
      /\/spec\/entities\/0\/joinKeys must NOT have fewer than 1 items/,
    ],
    [
      'an entity with an empty join key',
      e => (e.spec.entities[0].joinKeys = ['']),
      /\/spec\/entities\/0\/joinKeys\/0 must NOT have fewer than 1 characters/,
    ],
    [
      'an entity with a non-string valueType',
      e => (e.spec.entities[0].valueType = 1),
      /\/spec\/entities\/0\/valueType must be string/,
    ],
    [
      'an entity with an unknown field',
      e => (e.spec.entities[0].joinKey = 'x'),
      /\/spec\/entities\/0 must NOT have additional properties - additionalProperty: joinKey/,
    ],
    [
      '65 entities',
      e =>
        (e.spec.entities = Array.from({ length: 65 }, (_x, i) => ({
          name: `e${i}`,
          joinKeys: ['k'],
        }))),
      /\/spec\/entities must NOT have more than 64 items/,
    ],
    [
      'no features',
      e => delete e.spec.features,
      /\/spec must have required property 'features'/,
    ],
    [
      'non-array features',
      e => (e.spec.features = {}),
      /\/spec\/features must be array/,
    ],
    [
      '10,000 features',
      e => (e.spec.features = manyFeatures(10_000)),
      /\/spec\/features must NOT have more than 2000 items - limit: 2000/,
    ],
    [
      'a feature without name',
      e => delete e.spec.features[0].name,
      /\/spec\/features\/0 must have required property 'name'/,
    ],
    [
      'a feature without dtype',
      e => delete e.spec.features[0].dtype,
      /\/spec\/features\/0 must have required property 'dtype'/,
    ],
    [
      'a feature with an empty dtype',
      e => (e.spec.features[0].dtype = ''),
      /\/spec\/features\/0\/dtype must NOT have fewer than 1 characters/,
    ],
    [
      'a feature with a non-string description',
      e => (e.spec.features[0].description = 3),
      /\/spec\/features\/0\/description must be string/,
    ],
    [
      'a feature with non-string tag values',
      e => (e.spec.features[0].tags = { pii: true }),
      /\/spec\/features\/0\/tags\/pii must be string/,
    ],
    [
      'a feature with an unknown field',
      e => (e.spec.features[0].type = 'x'),
      /\/spec\/features\/0 must NOT have additional properties - additionalProperty: type/,
    ],
    [
      'a negative ttlSeconds',
      e => (e.spec.ttlSeconds = -1),
      /\/spec\/ttlSeconds must be >= 0/,
    ],
    [
      'a string ttlSeconds',
      e => (e.spec.ttlSeconds = '1d'),
      /\/spec\/ttlSeconds must be number/,
    ],
    [
      'a non-boolean online',
      e => (e.spec.online = 'yes'),
      /\/spec\/online must be boolean/,
    ],
    [
      'a string sources',
      e => (e.spec.sources = 'resource:a'),
      /\/spec\/sources must be array/,
    ],
    [
      'an empty source ref',
      e => (e.spec.sources = ['']),
      /\/spec\/sources\/0 must NOT have fewer than 1 characters/,
    ],
    [
      'a non-string source ref',
      e => (e.spec.sources = [{ name: 'a' }]),
      /\/spec\/sources\/0 must be string/,
    ],
    [
      '101 sources',
      e =>
        (e.spec.sources = Array.from(
          { length: 101 },
          (_x, i) => `resource:s${i}`,
        )),
      /\/spec\/sources must NOT have more than 100 items/,
    ],
    [
      'an unknown spec field',
      e => (e.spec.source = 'resource:a'),
      /\/spec must NOT have additional properties - additionalProperty: source/,
    ],
  ])('rejects %s', async (_, mutate, message) => {
    mutate(entity);
    await expect(validator.check(entity)).rejects.toThrow(message);
  });

  it('ignores another apiVersion', async () => {
    (entity as any).apiVersion = 'backstage.io/v1alpha1';
    await expect(validator.check(entity)).resolves.toBe(false);
  });

  it('ignores another kind', async () => {
    (entity as any).kind = 'Resource';
    await expect(validator.check(entity)).resolves.toBe(false);
  });
});

describe('isFeatureViewEntity', () => {
  it('matches on apiVersion and kind', () => {
    const base = { metadata: { name: 'a' } };
    expect(
      isFeatureViewEntity({
        ...base,
        apiVersion: 'sovereign-ai.io/v1alpha1',
        kind: 'FeatureView',
      }),
    ).toBe(true);
    expect(
      isFeatureViewEntity({
        ...base,
        apiVersion: 'sovereign-ai.io/v1alpha1',
        kind: 'FeatureService',
      }),
    ).toBe(false);
    expect(
      isFeatureViewEntity({
        ...base,
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'FeatureView',
      }),
    ).toBe(false);
  });
});

function manyFeatures(count: number) {
  return Array.from({ length: count }, (_x, i) => ({
    name: `f${i}`,
    dtype: 'FLOAT',
  }));
}
