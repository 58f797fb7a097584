import { parseEntityRef } from '@backstage/catalog-model';
import {
  featureServiceRef,
  featureViewRef,
  modelRef,
  toEntityName,
  trainingJobRef,
} from './naming';

// The name rule Backstage applies to metadata.name.
const VALID_NAME = /^([a-zA-Z0-9]+[-_.])*[a-zA-Z0-9]+$/;

describe('toEntityName', () => {
  it('joins valid parts unchanged', () => {
    expect(toEntityName('fraud_detection', 'transaction_stats')).toBe(
      'fraud_detection-transaction_stats',
    );
    expect(
      toEntityName('sovereign-fr', 'fraud-ml', 'fraud-detector-train-0412'),
    ).toBe('sovereign-fr-fraud-ml-fraud-detector-train-0412');
    expect(toEntityName('sovereign-fr', 'torch-distributed')).toBe(
      'sovereign-fr-torch-distributed',
    );
    expect(toEntityName('fraud-detector')).toBe('fraud-detector');
  });

  it('is deterministic', () => {
    expect(toEntityName('p', 'driver stats')).toBe(
      toEntityName('p', 'driver stats'),
    );
  });

  it('replaces invalid characters and appends a hash of the original', () => {
    const name = toEntityName('credit scoring', 'zipcode/features');
    expect(name).toMatch(/^credit-scoring-zipcode-features-[0-9a-f]{8}$/);
    expect(name).toMatch(VALID_NAME);
  });

  it('keeps names that differ only in invalid characters apart', () => {
    expect(toEntityName('p', 'a b')).not.toBe(toEntityName('p', 'a/b'));
    expect(toEntityName('p', 'a b')).not.toBe(toEntityName('p', 'a-b'));
  });

  it('collapses runs of separators and trims them at the ends', () => {
    const name = toEntityName('_proj', 'a__b.');
    expect(name).toMatch(/^proj-a_b-[0-9a-f]{8}$/);
    expect(name).toMatch(VALID_NAME);
  });

  it('shortens long names to 63 characters with a hash', () => {
    const long = 'x'.repeat(100);
    const name = toEntityName('project', long);
    expect(name).toHaveLength(63);
    expect(name).toMatch(VALID_NAME);
    expect(name).not.toBe(toEntityName('project', `${long}y`));
  });

  it('keeps a name of exactly 63 valid characters', () => {
    const name = 'a'.repeat(63);
    expect(toEntityName(name)).toBe(name);
  });

  it('falls back to the hash alone when nothing valid is left', () => {
    expect(toEntityName('///')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('ref helpers', () => {
  it('builds FeatureService refs from a Feast <project>/<name> join key', () => {
    expect(featureServiceRef('fraud_detection', 'fraud_scoring_v1')).toBe(
      'featureservice:default/fraud_detection-fraud_scoring_v1',
    );
    expect(featureServiceRef('p', 's', 'ml')).toBe('featureservice:ml/p-s');
  });

  it('builds FeatureView refs', () => {
    expect(featureViewRef('fraud_detection', 'card_velocity')).toBe(
      'featureview:default/fraud_detection-card_velocity',
    );
  });

  it('builds TrainingJob refs from cluster, Kubernetes namespace and name', () => {
    expect(
      trainingJobRef('sovereign-fr', 'fraud-ml', 'fraud-detector-train-0412'),
    ).toBe(
      'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0412',
    );
  });

  it('builds Model refs from a registered model name', () => {
    expect(modelRef('fraud-detector')).toBe('model:default/fraud-detector');
    // Entity refs are case-insensitive and stringified in lower case.
    expect(modelRef('Fraud Detector')).toMatch(
      /^model:default\/fraud-detector-[0-9a-f]{8}$/,
    );
  });

  it('builds refs that parse back to the same entity', () => {
    const ref = parseEntityRef(featureServiceRef('a b', 'c'));
    expect(ref.kind).toBe('featureservice');
    expect(ref.namespace).toBe('default');
    expect(ref.name).toBe(toEntityName('a b', 'c'));
  });
});
