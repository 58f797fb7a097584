import {
  ModelEntityV1alpha1,
  modelEntityV1alpha1Validator as validator,
  isModelEntity,
} from './ModelEntityV1alpha1';

type Mutation = (entity: any) => void;

describe('modelEntityV1alpha1Validator', () => {
  let entity: ModelEntityV1alpha1;

  beforeEach(() => {
    entity = {
      apiVersion: 'sovereign-ai.io/v1alpha1',
      kind: 'Model',
      metadata: { name: 'fraud-detector' },
      spec: {
        type: 'classification',
        owner: 'group:default/fraud-ml',
        system: 'fraud-detection',
        lifecycle: 'production',
        versions: [
          {
            name: 'v2',
            state: 'LIVE',
            artifactUri: 's3://models-fr/fraud-detector/v2/',
            format: 'onnx',
            formatVersion: '1.16',
            created: '2026-04-12T18:03:00Z',
            author: 'alice',
            description: 'Retrained on fraud_scoring_v1',
            producedBy:
              'trainingjob:sovereign-fr-fraud-ml-fraud-detector-train-0412',
            featureServices: [
              'featureservice:fraud_detection-fraud_scoring_v1',
            ],
            metrics: { auc: 0.94, precision: 0.91 },
          },
        ],
        featureServices: ['featureservice:fraud_detection-fraud_scoring_v1'],
      },
    };
  });

  it('accepts the complete entity', async () => {
    await expect(validator.check(entity)).resolves.toBe(true);
  });

  it.each<[string, Mutation]>([
    ['no type', e => delete e.spec.type],
    ['no system', e => delete e.spec.system],
    ['no lifecycle', e => delete e.spec.lifecycle],
    ['no versions yet', e => (e.spec.versions = [])],
    ['a version with only a name', e => (e.spec.versions = [{ name: '1' }])],
    ['no model-level featureServices', e => delete e.spec.featureServices],
    ['a version without metrics', e => delete e.spec.versions[0].metrics],
    ['an ARCHIVED version', e => (e.spec.versions[0].state = 'ARCHIVED')],
    [
      '1,000 versions',
      e =>
        (e.spec.versions = Array.from({ length: 1000 }, (_x, i) => ({
          name: `${i}`,
        }))),
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
      'an empty type',
      e => (e.spec.type = ''),
      /\/spec\/type must NOT have fewer than 1 characters/,
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
      'no versions',
      e => delete e.spec.versions,
      /\/spec must have required property 'versions'/,
    ],
    [
      'non-array versions',
      e => (e.spec.versions = { v1: {} }),
      /\/spec\/versions must be array/,
    ],
    [
      '1,001 versions',
      e =>
        (e.spec.versions = Array.from({ length: 1001 }, (_x, i) => ({
          name: `${i}`,
        }))),
      /\/spec\/versions must NOT have more than 1000 items/,
    ],
    [
      'a version without name',
      e => delete e.spec.versions[0].name,
      /\/spec\/versions\/0 must have required property 'name'/,
    ],
    [
      'a version with an empty name',
      e => (e.spec.versions[0].name = ''),
      /\/spec\/versions\/0\/name must NOT have fewer than 1 characters/,
    ],
    [
      'a version with an empty state',
      e => (e.spec.versions[0].state = ''),
      /\/spec\/versions\/0\/state must NOT have fewer than 1 characters/,
    ],
    [
      'a version with an empty artifactUri',
      e => (e.spec.versions[0].artifactUri = ''),
      /\/spec\/versions\/0\/artifactUri must NOT have fewer than 1 characters/,
    ],
    [
      'a version with a non-string format',
      e => (e.spec.versions[0].format = 1),
      /\/spec\/versions\/0\/format must be string/,
    ],
    [
      'a version with an empty formatVersion',
      e => (e.spec.versions[0].formatVersion = ''),
      /\/spec\/versions\/0\/formatVersion must NOT have fewer than 1 characters/,
    ],
    [
      'a version with a non-string created',
      e => (e.spec.versions[0].created = 1712945000),
      /\/spec\/versions\/0\/created must be string/,
    ],
    [
      'a version with a non-string author',
      e => (e.spec.versions[0].author = { name: 'a' }),
      /\/spec\/versions\/0\/author must be string/,
    ],
    [
      'a version with a non-string description',
      e => (e.spec.versions[0].description = 1),
      /\/spec\/versions\/0\/description must be string/,
    ],
    [
      'a version with an empty producedBy',
      e => (e.spec.versions[0].producedBy = ''),
      /\/spec\/versions\/0\/producedBy must NOT have fewer than 1 characters/,
    ],
    [
      'a version with a list producedBy',
      e => (e.spec.versions[0].producedBy = ['trainingjob:a']),
      /\/spec\/versions\/0\/producedBy must be string/,
    ],
    [
      'a version with an empty feature service ref',
      e => (e.spec.versions[0].featureServices = ['']),
      /\/spec\/versions\/0\/featureServices\/0 must NOT have fewer than 1 characters/,
    ],
    [
      'a version with a non-numeric metric',
      e => (e.spec.versions[0].metrics = { auc: 'high' }),
      /\/spec\/versions\/0\/metrics\/auc must be number/,
    ],
    [
      'a version with an unknown field',
      e => (e.spec.versions[0].uri = 's3://x'),
      /\/spec\/versions\/0 must NOT have additional properties - additionalProperty: uri/,
    ],
    [
      'a string featureServices',
      e => (e.spec.featureServices = 'featureservice:a'),
      /\/spec\/featureServices must be array/,
    ],
    [
      'an empty feature service ref',
      e => (e.spec.featureServices = ['']),
      /\/spec\/featureServices\/0 must NOT have fewer than 1 characters/,
    ],
    [
      '101 feature services',
      e =>
        (e.spec.featureServices = Array.from(
          { length: 101 },
          (_x, i) => `fs${i}`,
        )),
      /\/spec\/featureServices must NOT have more than 100 items/,
    ],
    [
      'an unknown spec field',
      e => (e.spec.producedBy = 'trainingjob:a'),
      /\/spec must NOT have additional properties - additionalProperty: producedBy/,
    ],
  ])('rejects %s', async (_, mutate, message) => {
    mutate(entity);
    await expect(validator.check(entity)).rejects.toThrow(message);
  });

  it('ignores another apiVersion', async () => {
    (entity as any).apiVersion = 'modelregistry.kubeflow.org/v1alpha1';
    await expect(validator.check(entity)).resolves.toBe(false);
  });

  it('ignores another kind', async () => {
    (entity as any).kind = 'TrainingJob';
    await expect(validator.check(entity)).resolves.toBe(false);
  });
});

describe('isModelEntity', () => {
  it('matches on apiVersion and kind', () => {
    const base = { metadata: { name: 'a' } };
    expect(
      isModelEntity({
        ...base,
        apiVersion: 'sovereign-ai.io/v1alpha1',
        kind: 'Model',
      }),
    ).toBe(true);
    expect(
      isModelEntity({
        ...base,
        apiVersion: 'sovereign-ai.io/v1alpha1',
        kind: 'Component',
      }),
    ).toBe(false);
    expect(
      isModelEntity({
        ...base,
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Model',
      }),
    ).toBe(false);
  });
});
