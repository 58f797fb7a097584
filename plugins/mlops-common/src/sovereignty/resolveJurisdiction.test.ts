import {
  clusterJurisdiction,
  entityJurisdiction,
  regionJurisdiction,
} from './resolveJurisdiction';
import { dataset, placed, policyOf } from './__testUtils__/builders';

const policy = policyOf({
  jurisdictions: {
    'eu-fr': {
      clusters: ['sovereign-fr'],
      regions: ['eu-west-3'],
      buckets: ['fraud-data-fr'],
    },
    'eu-de': { regions: ['eu-central-1'], buckets: ['risk-data-de'] },
  },
});

describe('clusterJurisdiction and regionJurisdiction', () => {
  it('find the jurisdiction listing a cluster or region', () => {
    expect(clusterJurisdiction('sovereign-fr', policy)).toBe('eu-fr');
    expect(clusterJurisdiction('other', policy)).toBeUndefined();
    expect(regionJurisdiction('eu-central-1', policy)).toBe('eu-de');
    expect(regionJurisdiction('us-east-1', policy)).toBeUndefined();
  });
});

describe('entityJurisdiction', () => {
  const located = (uri: string, jurisdiction?: string) =>
    dataset(
      'ds',
      placed(jurisdiction, 'internal', { 'feast.dev/source-location': uri }),
    );

  it('takes the storage location over the annotation, and reports the conflict', () => {
    expect(
      entityJurisdiction(located('s3://risk-data-de/x', 'eu-fr'), policy),
    ).toEqual({
      name: 'eu-de',
      conflict:
        'it declares eu-fr but is stored at s3://risk-data-de/x, in eu-de',
    });
    expect(
      entityJurisdiction(located('s3://risk-data-de/x', 'eu-de'), policy),
    ).toEqual({
      name: 'eu-de',
    });
    expect(entityJurisdiction(located('s3://risk-data-de/x'), policy)).toEqual({
      name: 'eu-de',
    });
  });

  it('falls back to the annotation when the location is not a URI or not configured', () => {
    expect(
      entityJurisdiction(located('crm.customers', 'eu-fr'), policy),
    ).toEqual({
      name: 'eu-fr',
    });
    expect(
      entityJurisdiction(located('s3://unknown/x', 'eu-fr'), policy),
    ).toEqual({
      name: 'eu-fr',
    });
    expect(entityJurisdiction(located('s3:///bad', 'eu-fr'), policy)).toEqual({
      name: 'eu-fr',
    });
  });

  it('falls back to the region label, then knows nothing', () => {
    const labelled = {
      ...dataset('ds', {}),
      metadata: {
        name: 'ds',
        labels: { 'topology.kubernetes.io/region': 'eu-west-3' },
      },
    };
    expect(entityJurisdiction(labelled, policy)).toEqual({ name: 'eu-fr' });
    expect(entityJurisdiction(dataset('ds', {}), policy)).toEqual({});
  });
});
