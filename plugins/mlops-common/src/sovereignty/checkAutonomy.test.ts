import {
  DEMO_SOVEREIGNTY_CONFIG,
  model,
  policyOf,
  resultOf,
} from './__testUtils__/builders';

const MODEL_REF = 'model:default/fraud';

describe('autonomy', () => {
  it('passes when every version is kept in allowed storage', () => {
    expect(
      resultOf(
        'autonomy',
        model('fraud', [
          { name: 'v1', artifactUri: 's3://models-fr/fraud/v1/' },
          { name: 'v2', artifactUri: 's3://models-fr/fraud/v2/' },
        ]),
      ),
    ).toEqual({
      check: 'autonomy',
      status: 'pass',
      reason: 'All 2 model artifact(s) are kept in allowed storage',
    });
  });

  it('fails when a version is stored outside the allowed buckets', () => {
    expect(
      resultOf(
        'autonomy',
        model('fraud', [
          { name: 'v1', artifactUri: 's3://models-fr/fraud/v1/' },
          { name: 'v2', artifactUri: 's3://public-models/fraud/v2/' },
        ]),
      ),
    ).toEqual({
      check: 'autonomy',
      status: 'fail',
      reason:
        'The version v2 is stored at s3://public-models/fraud/v2/, outside the allowed storage (mlops.sovereignty.allowedStorage.hosts and buckets)',
      causedBy: MODEL_REF,
    });
  });

  it('fails on a scheme that is not allowed', () => {
    expect(
      resultOf(
        'autonomy',
        model('fraud', [{ name: 'v1', artifactUri: 'hf://org/fraud' }]),
      ),
    ).toMatchObject({
      status: 'fail',
      reason:
        'The version v1 is stored at hf://org/fraud: scheme hf is not allowed (mlops.sovereignty.allowedStorage.schemes: s3)',
    });
  });

  it('fails on an artifact URI that is not a URI', () => {
    expect(
      resultOf(
        'autonomy',
        model('fraud', [{ name: 'v1', artifactUri: 'models-fr/v1' }]),
      ),
    ).toMatchObject({ status: 'fail', causedBy: MODEL_REF });
  });

  it('allows cluster-local storage only by an explicitly listed scheme', () => {
    const pvc = model('fraud', [
      { name: 'v1', artifactUri: 'pvc://model-store/v1' },
    ]);
    const withPvc = policyOf({
      allowedStorage: { schemes: ['s3', 'pvc'], buckets: ['models-fr'] },
    });
    expect(resultOf('autonomy', pvc, {}, withPvc)?.status).toBe('pass');
    const anyScheme = policyOf({ allowedStorage: { buckets: ['models-fr'] } });
    expect(resultOf('autonomy', pvc, {}, anyScheme)).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('names no host or bucket'),
    });
  });

  it('allows storage by host, and by scheme alone when no host or bucket is listed', () => {
    const https = model('fraud', [
      { name: 'v1', artifactUri: 'https://minio.fr.internal/models/v1' },
    ]);
    expect(
      resultOf(
        'autonomy',
        https,
        {},
        policyOf({ allowedStorage: { hosts: ['*.fr.internal'] } }),
      )?.status,
    ).toBe('pass');
    expect(
      resultOf(
        'autonomy',
        https,
        {},
        policyOf({ allowedStorage: { schemes: ['https'] } }),
      )?.status,
    ).toBe('pass');
  });

  describe('is unknown, never pass, on missing information', () => {
    it('without allowed storage', () => {
      const { allowedStorage, ...rest } = DEMO_SOVEREIGNTY_CONFIG;
      expect(
        resultOf(
          'autonomy',
          model('fraud', [{ name: 'v1', artifactUri: 's3://models-fr/v1' }]),
          {},
          policyOf(rest),
        ),
      ).toEqual({
        check: 'autonomy',
        status: 'unknown',
        reason:
          'No allowed storage is configured: set mlops.sovereignty.allowedStorage (schemes, hosts or buckets)',
      });
    });

    it('when a version records no artifact URI', () => {
      expect(
        resultOf(
          'autonomy',
          model('fraud', [
            { name: 'v1', artifactUri: 's3://models-fr/v1' },
            { name: 'v2' },
          ]),
        ),
      ).toEqual({
        check: 'autonomy',
        status: 'unknown',
        reason:
          'The version v2 records no artifact URI, so where it is stored is not known',
        causedBy: MODEL_REF,
      });
    });

    it('when the model records no versions', () => {
      expect(resultOf('autonomy', model('fraud', []))).toEqual({
        check: 'autonomy',
        status: 'unknown',
        reason:
          'The model records no versions (spec.versions), so where it is stored is not known',
        causedBy: MODEL_REF,
      });
    });
  });
});
