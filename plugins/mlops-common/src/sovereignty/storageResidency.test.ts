import { storageResidency } from './storageResidency';
import { policyOf } from './__testUtils__/builders';

describe('storageResidency', () => {
  const policy = policyOf();
  const check = (uri: string, jurisdiction = 'eu-fr') =>
    storageResidency(
      'dataset',
      uri,
      jurisdiction,
      policy,
      'trainingjob:default/j',
    );

  it('accepts storage of the jurisdiction and cluster-local storage', () => {
    expect(check('s3://fraud-data-fr/x')).toBeUndefined();
    expect(check('pvc://claim/x')).toBeUndefined();
  });

  it('fails on storage of another jurisdiction or outside its own', () => {
    expect(check('s3://risk-data-de/x')?.status).toBe('fail');
    expect(check('hf://org/ds')).toEqual({
      status: 'fail',
      reason:
        'The dataset hf://org/ds is not in the storage of eu-fr (mlops.sovereignty.jurisdictions.eu-fr.buckets and storageHosts)',
      causedBy: 'trainingjob:default/j',
    });
  });

  it('is unknown for a value that is not a URI, without repeating it', () => {
    const finding = check('user:secret@host');
    expect(finding?.status).toBe('unknown');
    expect(finding?.reason).not.toContain('secret');
  });

  it('is unknown when the jurisdiction has no storage configured', () => {
    expect(check('s3://x/y', 'eu-es')?.status).toBe('unknown');
  });
});
