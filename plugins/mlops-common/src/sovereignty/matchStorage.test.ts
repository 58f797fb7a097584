import { hostMatches, isInStorage, storageJurisdiction } from './matchStorage';
import { parseStorageUri } from './parseStorageUri';
import { policyOf } from './__testUtils__/builders';

describe('hostMatches', () => {
  it('matches exact hosts and *. sub-domains only', () => {
    expect(hostMatches('minio.fr.internal', 'minio.fr.internal')).toBe(true);
    expect(hostMatches('a.fr.internal', '*.fr.internal')).toBe(true);
    expect(hostMatches('fr.internal', '*.fr.internal')).toBe(false);
    expect(hostMatches('evilfr.internal', '*.fr.internal')).toBe(false);
    expect(hostMatches('minio.de.internal', 'minio.fr.internal')).toBe(false);
  });
});

describe('isInStorage', () => {
  const storage = { hosts: ['*.fr.internal'], buckets: ['models-fr'] };

  it('accepts a listed bucket or host', () => {
    expect(isInStorage(parseStorageUri('s3://models-fr/a'), storage)).toBe(
      true,
    );
    expect(
      isInStorage(parseStorageUri('https://minio.fr.internal/a'), storage),
    ).toBe(true);
  });

  it('rejects other buckets, hosts and location-less URIs', () => {
    expect(isInStorage(parseStorageUri('s3://models-de/a'), storage)).toBe(
      false,
    );
    expect(isInStorage(parseStorageUri('hf://org/model'), storage)).toBe(false);
    expect(isInStorage(parseStorageUri('pvc://claim/a'), storage)).toBe(false);
  });
});

describe('storageJurisdiction', () => {
  it('finds the jurisdiction whose buckets or hosts hold a URI', () => {
    const policy = policyOf({
      jurisdictions: {
        'eu-fr': {
          buckets: ['models-fr'],
          storageHosts: ['minio.fr.internal'],
        },
        'eu-de': { buckets: ['risk-data-de'] },
      },
    });
    expect(
      storageJurisdiction(parseStorageUri('s3://models-fr/x'), policy),
    ).toBe('eu-fr');
    expect(
      storageJurisdiction(
        parseStorageUri('https://minio.fr.internal/x'),
        policy,
      ),
    ).toBe('eu-fr');
    expect(
      storageJurisdiction(
        parseStorageUri('s3://risk-data-de/merchant_risk/'),
        policy,
      ),
    ).toBe('eu-de');
    expect(
      storageJurisdiction(parseStorageUri('s3://elsewhere/x'), policy),
    ).toBeUndefined();
  });
});
