import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { evaluateCompliance } from './evaluateCompliance';
import {
  dataset,
  featureService,
  featureView,
  model,
  placed,
  policyOf,
  runtime,
  trainingJob,
} from './__testUtils__/builders';
import { DEMO_ENTITIES, demoContext } from './__testUtils__/demo';

const none = { upstream: [], downstream: [] };
const checksOf = (entity: Entity) =>
  evaluateCompliance(entity, none, policyOf()).map(r => r.check);

describe('evaluateCompliance', () => {
  it('applies the checks of each kind, in a stable order', () => {
    expect(checksOf(trainingJob('job'))).toEqual([
      'residency',
      'air-gap',
      'classification',
      'governance',
    ]);
    expect(checksOf(model('m', []))).toEqual(['autonomy', 'governance']);
    expect(checksOf(runtime('rt', []))).toEqual(['air-gap', 'governance']);
    for (const entity of [
      dataset('ds', {}),
      featureView('fv', {}, []),
      featureService('fs', {}, []),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'fraud-detection' },
        spec: { owner: 'group:default/data-office' },
      },
    ]) {
      expect(checksOf(entity)).toEqual(['governance']);
    }
  });

  it('does not treat a look-alike of another apiVersion as an ML kind', () => {
    const foreign = { ...trainingJob('job'), apiVersion: 'example.com/v1' };
    expect(checksOf(foreign)).toEqual(['governance']);
  });

  it('never throws on malformed specs, and reports them as unknown', () => {
    const broken: Entity = {
      ...trainingJob('job'),
      spec: {
        owner: 'group:default/fraud-ml',
        cluster: 42,
        trainer: 'oops',
        initializers: null,
        datasets: 'resource:x',
      } as any,
    };
    const results = evaluateCompliance(broken, none, policyOf());
    expect(results.find(r => r.check === 'residency')?.status).toBe('unknown');
    expect(results.find(r => r.check === 'air-gap')?.status).toBe('unknown');
    const brokenModel: Entity = {
      ...model('m', []),
      spec: { owner: 'group:default/fraud-ml', versions: [null, 7] } as any,
    };
    expect(evaluateCompliance(brokenModel, none, policyOf())[0]).toMatchObject({
      check: 'autonomy',
      status: 'unknown',
      reason: expect.stringContaining('The version #1 records no artifact URI'),
    });
  });

  it('gives unknown, never pass, for every check an empty policy cannot decide', () => {
    const empty = policyOf({});
    const job = trainingJob('job', {
      initializers: { dataset: { storageUri: 's3://fraud-data-fr/x' } },
    });
    const results = evaluateCompliance(
      job,
      {
        upstream: [dataset('ds', placed('eu-fr', 'restricted'))],
        downstream: [],
      },
      empty,
    );
    expect(
      results.filter(r => r.check !== 'governance').map(r => r.status),
    ).toEqual(['unknown', 'unknown', 'unknown']);
    expect(
      evaluateCompliance(
        model('m', [{ name: '1', artifactUri: 's3://models-fr/1' }]),
        none,
        empty,
      )[0].status,
    ).toBe('unknown');
  });

  describe('on the demo', () => {
    const policy = policyOf();
    const evaluated = DEMO_ENTITIES.map(entity => ({
      ref: stringifyEntityRef(entity),
      results: evaluateCompliance(entity, demoContext(entity), policy),
    }));
    const withStatus = (status: string) =>
      evaluated.flatMap(({ ref, results }) =>
        results.filter(r => r.status === status).map(r => ({ ref, ...r })),
      );

    it('shows exactly the two demo violations, with their reasons and causes', () => {
      expect(withStatus('fail')).toEqual([
        {
          ref: 'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0417',
          check: 'residency',
          status: 'fail',
          reason:
            'The dataset merchant_risk lies in eu-de, outside eu-fr where cluster sovereign-fr runs',
          causedBy: 'resource:default/fraud_detection-merchant_risk',
        },
        {
          ref: 'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
          check: 'residency',
          status: 'fail',
          reason:
            'The dataset merchant_risk lies in eu-de, outside eu-fr where cluster sovereign-fr runs',
          causedBy: 'resource:default/fraud_detection-merchant_risk',
        },
        {
          ref: 'trainingjob:default/sovereign-fr-fraud-ml-chargeback-train-0405',
          check: 'air-gap',
          status: 'fail',
          reason:
            'The trainer image docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime comes from a forbidden source (docker.io/), is not from an allowed registry (registry.sovereign.internal), is not pinned by digest',
          causedBy:
            'trainingjob:default/sovereign-fr-fraud-ml-chargeback-train-0405',
        },
      ]);
    });

    it('decides every other check: nothing is unknown', () => {
      expect(withStatus('unknown')).toEqual([]);
    });

    it('checks the model storage of the job that produced a version', () => {
      const job = evaluated.find(e =>
        e.ref.endsWith('fraud-detector-train-0412'),
      )!;
      expect(job.results[0]).toEqual({
        check: 'residency',
        status: 'pass',
        reason:
          'Cluster sovereign-fr, its 7 upstream data asset(s) and 1 model artifact(s) all lie in eu-fr',
      });
    });
  });
});
