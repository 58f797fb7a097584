import {
  describeEntity,
  isDataAsset,
  normalizeRef,
  storageLocation,
} from './entityFacts';
import {
  dataset,
  featureService,
  featureView,
  model,
  runtime,
  trainingJob,
} from './__testUtils__/builders';

describe('entityFacts', () => {
  it('tells data assets apart', () => {
    expect(isDataAsset(dataset('d', {}))).toBe(true);
    expect(isDataAsset(featureView('v', {}, []))).toBe(true);
    expect(isDataAsset(featureService('s', {}, []))).toBe(true);
    expect(isDataAsset(runtime('r'))).toBe(false);
    expect(isDataAsset(trainingJob('j'))).toBe(false);
    expect(isDataAsset(model('m', []))).toBe(false);
  });

  it('names entities by kind and title', () => {
    expect(describeEntity(dataset('d', {}))).toBe('dataset d');
    expect(describeEntity(featureView('v', {}, []))).toBe('feature view v');
    expect(describeEntity(featureService('s', {}, []))).toBe(
      'feature service s',
    );
    expect(describeEntity(runtime('r'))).toBe('training runtime r');
    expect(describeEntity(model('m', []))).toBe('Model m');
  });

  it('normalises short refs and rejects invalid ones', () => {
    expect(normalizeRef('trainingjob:j', 'TrainingJob', undefined)).toBe(
      'trainingjob:default/j',
    );
    expect(normalizeRef('j', 'TrainingJob', 'team')).toBe('trainingjob:team/j');
    expect(normalizeRef('resource:', 'Resource', undefined)).toBeUndefined();
    expect(normalizeRef(3, 'Resource', undefined)).toBeUndefined();
  });

  it('reads a storage location only when it is a URI', () => {
    expect(
      storageLocation(
        dataset('d', { 'kubeflow.org/storage-uri': 'hf://org/ds' }),
      ),
    ).toBe('hf://org/ds');
    expect(
      storageLocation(
        dataset('d', { 'feast.dev/source-location': 'crm.customers' }),
      ),
    ).toBeUndefined();
  });
});
