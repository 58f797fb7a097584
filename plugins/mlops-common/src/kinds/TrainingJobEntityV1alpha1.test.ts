import {
  TrainingJobEntityV1alpha1,
  trainingJobEntityV1alpha1Validator as validator,
  isTrainingJobEntity,
} from './TrainingJobEntityV1alpha1';

type Mutation = (entity: any) => void;

describe('trainingJobEntityV1alpha1Validator', () => {
  let entity: TrainingJobEntityV1alpha1;

  beforeEach(() => {
    entity = {
      apiVersion: 'sovereign-ai.io/v1alpha1',
      kind: 'TrainingJob',
      metadata: { name: 'sovereign-fr-fraud-ml-fraud-detector-train-0412' },
      spec: {
        type: 'torch',
        owner: 'group:default/fraud-ml',
        system: 'fraud-detection',
        lifecycle: 'production',
        cluster: 'sovereign-fr',
        namespace: 'fraud-ml',
        runtimeRef: {
          name: 'torch-distributed',
          kind: 'ClusterTrainingRuntime',
          apiGroup: 'trainer.kubeflow.org',
        },
        runtime: 'resource:sovereign-fr-torch-distributed',
        trainer: {
          image: 'registry.sovereign.internal/ml/fraud-trainer@sha256:abc',
          numNodes: 2,
          numProcPerNode: 4,
          resourcesPerNode: {
            requests: { cpu: '8', 'nvidia.com/gpu': '4' },
            limits: { memory: '64Gi' },
          },
          command: ['torchrun', 'train.py'],
        },
        initializers: {
          dataset: {
            storageUri: 's3://fraud-data-fr/transactions/',
            image: 'registry.sovereign.internal/ml/dataset-init@sha256:def',
          },
          model: { storageUri: 's3://models-fr/base/' },
        },
        datasets: ['resource:fraud_detection-transactions'],
        featureServices: ['featureservice:fraud_detection-fraud_scoring_v1'],
        produces: ['model:fraud-detector'],
        phase: 'Succeeded',
        created: '2026-04-12T08:00:00Z',
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
    ['no runtimeRef', e => delete e.spec.runtimeRef],
    ['a runtimeRef with only a name', e => (e.spec.runtimeRef = { name: 'x' })],
    ['no runtime', e => delete e.spec.runtime],
    ['no trainer', e => delete e.spec.trainer],
    ['an empty trainer', e => (e.spec.trainer = {})],
    [
      'numProcPerNode "auto" (v2.1 shape)',
      e => (e.spec.trainer.numProcPerNode = 'auto'),
    ],
    ['no initializers', e => delete e.spec.initializers],
    ['only a dataset initializer', e => delete e.spec.initializers.model],
    ['no datasets', e => delete e.spec.datasets],
    ['no featureServices', e => delete e.spec.featureServices],
    ['no produces', e => delete e.spec.produces],
    ['no phase', e => delete e.spec.phase],
    ['a Running phase', e => (e.spec.phase = 'Running')],
    ['a Failed phase', e => (e.spec.phase = 'Failed')],
    ['a Pending phase', e => (e.spec.phase = 'Pending')],
    ['a Suspended phase', e => (e.spec.phase = 'Suspended')],
    ['no created', e => delete e.spec.created],
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
      'no cluster',
      e => delete e.spec.cluster,
      /\/spec must have required property 'cluster'/,
    ],
    [
      'an empty cluster',
      e => (e.spec.cluster = ''),
      /\/spec\/cluster must NOT have fewer than 1 characters/,
    ],
    [
      'no namespace',
      e => delete e.spec.namespace,
      /\/spec must have required property 'namespace'/,
    ],
    [
      'a non-string namespace',
      e => (e.spec.namespace = 1),
      /\/spec\/namespace must be string/,
    ],
    [
      'a runtimeRef without name',
      e => delete e.spec.runtimeRef.name,
      /\/spec\/runtimeRef must have required property 'name'/,
    ],
    [
      'a runtimeRef with an empty kind',
      e => (e.spec.runtimeRef.kind = ''),
      /\/spec\/runtimeRef\/kind must NOT have fewer than 1 characters/,
    ],
    [
      'a runtimeRef with an empty apiGroup',
      e => (e.spec.runtimeRef.apiGroup = ''),
      /\/spec\/runtimeRef\/apiGroup must NOT have fewer than 1 characters/,
    ],
    [
      'a runtimeRef with an unknown field',
      e => (e.spec.runtimeRef.namespace = 'x'),
      /\/spec\/runtimeRef must NOT have additional properties - additionalProperty: namespace/,
    ],
    [
      'an empty runtime ref',
      e => (e.spec.runtime = ''),
      /\/spec\/runtime must NOT have fewer than 1 characters/,
    ],
    [
      'a list runtime',
      e => (e.spec.runtime = ['resource:a']),
      /\/spec\/runtime must be string/,
    ],
    [
      'an empty trainer image',
      e => (e.spec.trainer.image = ''),
      /\/spec\/trainer\/image must NOT have fewer than 1 characters/,
    ],
    [
      'a fractional numNodes',
      e => (e.spec.trainer.numNodes = 1.5),
      /\/spec\/trainer\/numNodes must be integer/,
    ],
    [
      'a negative numNodes',
      e => (e.spec.trainer.numNodes = -1),
      /\/spec\/trainer\/numNodes must be >= 0/,
    ],
    [
      'a boolean numProcPerNode',
      e => (e.spec.trainer.numProcPerNode = true),
      /\/spec\/trainer\/numProcPerNode must be integer/,
    ],
    [
      'a numeric resource quantity',
      e => (e.spec.trainer.resourcesPerNode.requests.cpu = 8),
      /\/spec\/trainer\/resourcesPerNode\/requests\/cpu must be string/,
    ],
    [
      'an unknown resourcesPerNode field',
      e => (e.spec.trainer.resourcesPerNode.gpu = '1'),
      /\/spec\/trainer\/resourcesPerNode must NOT have additional properties - additionalProperty: gpu/,
    ],
    [
      'a string command',
      e => (e.spec.trainer.command = 'torchrun'),
      /\/spec\/trainer\/command must be array/,
    ],
    [
      'an unknown trainer field',
      e => (e.spec.trainer.args = []),
      /\/spec\/trainer must NOT have additional properties - additionalProperty: args/,
    ],
    [
      'an empty dataset storageUri',
      e => (e.spec.initializers.dataset.storageUri = ''),
      /\/spec\/initializers\/dataset\/storageUri must NOT have fewer than 1 characters/,
    ],
    [
      'an empty model initializer image',
      e => (e.spec.initializers.model.image = ''),
      /\/spec\/initializers\/model\/image must NOT have fewer than 1 characters/,
    ],
    [
      'an unknown initializer',
      e => (e.spec.initializers.tokenizer = {}),
      /\/spec\/initializers must NOT have additional properties - additionalProperty: tokenizer/,
    ],
    [
      'an unknown initializer field',
      e => (e.spec.initializers.dataset.uri = 'x'),
      /\/spec\/initializers\/dataset must NOT have additional properties - additionalProperty: uri/,
    ],
    [
      'a string datasets',
      e => (e.spec.datasets = 'resource:a'),
      /\/spec\/datasets must be array/,
    ],
    [
      'an empty dataset ref',
      e => (e.spec.datasets = ['']),
      /\/spec\/datasets\/0 must NOT have fewer than 1 characters/,
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
      'a string produces',
      e => (e.spec.produces = 'model:a'),
      /\/spec\/produces must be array/,
    ],
    [
      'an empty model ref',
      e => (e.spec.produces = ['']),
      /\/spec\/produces\/0 must NOT have fewer than 1 characters/,
    ],
    [
      'an unknown phase',
      e => (e.spec.phase = 'Completed'),
      /\/spec\/phase must be equal to one of the allowed values - allowedValues: Pending,Running,Suspended,Succeeded,Failed/,
    ],
    [
      'a non-string created',
      e => (e.spec.created = 1712908800),
      /\/spec\/created must be string/,
    ],
    [
      'an unknown spec field',
      e => (e.spec.status = {}),
      /\/spec must NOT have additional properties - additionalProperty: status/,
    ],
  ])('rejects %s', async (_, mutate, message) => {
    mutate(entity);
    await expect(validator.check(entity)).rejects.toThrow(message);
  });

  it('ignores another apiVersion', async () => {
    (entity as any).apiVersion = 'trainer.kubeflow.org/v1alpha1';
    await expect(validator.check(entity)).resolves.toBe(false);
  });

  it('ignores another kind', async () => {
    (entity as any).kind = 'TrainJob';
    await expect(validator.check(entity)).resolves.toBe(false);
  });
});

describe('isTrainingJobEntity', () => {
  it('matches on apiVersion and kind', () => {
    const base = { metadata: { name: 'a' } };
    expect(
      isTrainingJobEntity({
        ...base,
        apiVersion: 'sovereign-ai.io/v1alpha1',
        kind: 'TrainingJob',
      }),
    ).toBe(true);
    expect(
      isTrainingJobEntity({
        ...base,
        apiVersion: 'sovereign-ai.io/v1alpha1',
        kind: 'Model',
      }),
    ).toBe(false);
    expect(
      isTrainingJobEntity({
        ...base,
        apiVersion: 'kubeflow.org/v1',
        kind: 'TrainingJob',
      }),
    ).toBe(false);
  });
});
