import { InputError } from '@backstage/errors';
import {
  evaluateTrainingRequest,
  type TrainingRequest,
} from './evaluateTrainingRequest';
import {
  dataset,
  featureService,
  INTERNAL_IMAGE,
  placed,
  policyOf,
} from './__testUtils__/builders';
import { DEMO_ENTITIES, demoContext } from './__testUtils__/demo';

const v1 = DEMO_ENTITIES.find(
  e => e.metadata.name === 'fraud_detection-fraud_scoring_v1',
)!;
const v2 = DEMO_ENTITIES.find(
  e => e.metadata.name === 'fraud_detection-fraud_scoring_v2',
)!;

const compliant: TrainingRequest = {
  jurisdiction: 'eu-fr',
  cluster: 'sovereign-fr',
  images: [INTERNAL_IMAGE],
  datasetUris: ['s3://fraud-data-fr/transactions/'],
  modelStorageUri: 's3://models-fr/new-model/',
  featureServiceUpstream: [v1, ...demoContext(v1).upstream],
};

const statuses = (request: TrainingRequest, policy = policyOf()) =>
  Object.fromEntries(
    evaluateTrainingRequest(request, policy).map(r => [r.check, r.status]),
  );

describe('evaluateTrainingRequest', () => {
  it('passes a compliant request on the same checks as a job, plus model storage', () => {
    const results = evaluateTrainingRequest(compliant, policyOf());
    expect(results.map(r => [r.check, r.status])).toEqual([
      ['residency', 'pass'],
      ['air-gap', 'pass'],
      ['autonomy', 'pass'],
      ['classification', 'pass'],
    ]);
    expect(results[0].reason).toBe(
      'Cluster sovereign-fr, its 7 upstream data asset(s), 1 dataset URI(s) and 1 model artifact(s) all lie in eu-fr',
    );
  });

  it('fails residency on a feature service pulling in German data', () => {
    const [residency] = evaluateTrainingRequest(
      {
        ...compliant,
        featureServiceUpstream: [v2, ...demoContext(v2).upstream],
      },
      policyOf(),
    );
    expect(residency).toEqual({
      check: 'residency',
      status: 'fail',
      reason:
        'The dataset merchant_risk lies in eu-de, outside eu-fr where cluster sovereign-fr runs',
      causedBy: 'resource:default/fraud_detection-merchant_risk',
    });
  });

  it('fails air-gap on a public image and a hub dataset', () => {
    const airGap = evaluateTrainingRequest(
      {
        ...compliant,
        images: ['python:3.12'],
        datasetUris: ['hf://datasets/fraud'],
      },
      policyOf(),
    )[1];
    expect(airGap.status).toBe('fail');
    expect(airGap.reason).toBe(
      'The image python:3.12 comes from a forbidden source (docker.io/), is not from an allowed registry (registry.sovereign.internal), is not pinned by digest; The dataset reads from a forbidden source (hf://): hf://datasets/fraud',
    );
    expect(airGap.causedBy).toBeUndefined();
  });

  it('fails residency and autonomy on model storage outside', () => {
    expect(
      statuses({ ...compliant, modelStorageUri: 's3://risk-data-de/models/' }),
    ).toMatchObject({ residency: 'fail', autonomy: 'fail' });
  });

  it('fails when the cluster lies in another jurisdiction than requested', () => {
    const policy = policyOf({
      jurisdictions: {
        'eu-fr': { clusters: ['sovereign-fr'], buckets: ['models-fr'] },
        'eu-de': { clusters: ['sovereign-de'], buckets: ['models-de'] },
      },
    });
    const [residency] = evaluateTrainingRequest(
      {
        ...compliant,
        cluster: 'sovereign-de',
        datasetUris: [],
        featureServiceUpstream: [],
      },
      policy,
    );
    expect(residency).toEqual({
      check: 'residency',
      status: 'fail',
      reason: 'Cluster sovereign-de lies in eu-de, not in the requested eu-fr',
    });
  });

  it('fails on a jurisdiction the policy does not define', () => {
    expect(
      evaluateTrainingRequest(
        { ...compliant, jurisdiction: 'us-east', cluster: undefined },
        policyOf(),
      )[0],
    ).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining(
        'Jurisdiction us-east is not defined in mlops.sovereignty.jurisdictions (eu-fr, eu-de)',
      ),
    });
  });

  it('fails classification when restricted data of another jurisdiction is used', () => {
    const upstream = [
      featureService('fs', placed('eu-fr', 'restricted'), []),
      dataset('cards-de', placed('eu-de', 'restricted')),
    ];
    expect(
      evaluateTrainingRequest(
        { ...compliant, featureServiceUpstream: upstream },
        policyOf(),
      )[3],
    ).toMatchObject({ status: 'fail', causedBy: 'resource:default/cards-de' });
  });

  describe('is unknown, never pass, on missing information', () => {
    it('without model storage or images', () => {
      const results = evaluateTrainingRequest(
        { ...compliant, images: [' '], modelStorageUri: undefined },
        policyOf(),
      );
      expect(results.map(r => [r.check, r.status, r.reason])).toEqual([
        [
          'residency',
          'unknown',
          'The request names no model storage URI (modelStorageUri), so where the model will be stored is not known',
        ],
        [
          'air-gap',
          'unknown',
          'The request names no image, so none can be checked',
        ],
        [
          'autonomy',
          'unknown',
          'The request names no model storage URI (modelStorageUri), so where the model will be stored is not known',
        ],
        ['classification', 'pass', expect.any(String)],
      ]);
    });

    it('with an empty policy', () => {
      expect(statuses(compliant, policyOf({}))).toEqual({
        residency: 'unknown',
        'air-gap': 'unknown',
        autonomy: 'unknown',
        classification: 'unknown',
      });
    });

    it('when the cluster is in no jurisdiction', () => {
      expect(statuses({ ...compliant, cluster: 'cloud-us' }).residency).toBe(
        'unknown',
      );
    });
  });

  it.each([
    [{ jurisdiction: '' }, 'jurisdiction must be a non-empty string'],
    [{ cluster: 3 }, 'cluster must be a string'],
    [{ images: 'x' }, 'images must be a list of image references'],
    [{ datasetUris: [1] }, 'datasetUris must be a list of storage URIs'],
    [{ modelStorageUri: {} }, 'modelStorageUri must be a string'],
    [
      { featureServiceUpstream: [{}] },
      'featureServiceUpstream must be a list of catalog entities',
    ],
  ])('rejects a malformed request %j', (override, message) => {
    const request = { ...compliant, ...override } as unknown as TrainingRequest;
    expect(() => evaluateTrainingRequest(request, policyOf())).toThrow(
      InputError,
    );
    expect(() => evaluateTrainingRequest(request, policyOf())).toThrow(message);
  });
});
