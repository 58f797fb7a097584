import {
  dataset,
  featureService,
  featureView,
  model,
  placed,
  policyOf,
  resultOf,
  trainingJob,
} from './__testUtils__/builders';

const JOB_REF = 'trainingjob:default/job';
const frData = dataset('fr-data', placed('eu-fr', 'restricted'));
const deData = dataset(
  'de-data',
  placed('eu-de', 'confidential', {
    'feast.dev/source-location': 's3://risk-data-de/merchant_risk/',
  }),
);
const view = featureView('view', placed('eu-fr', 'restricted'), [
  'resource:fr-data',
]);
const service = featureService('service', placed('eu-fr', 'restricted'), [
  'featureview:view',
]);
const job = trainingJob('job', {
  featureServices: ['featureservice:service'],
  produces: ['model:fraud'],
});
const produced = model('fraud', [
  { name: 'v1', artifactUri: 's3://elsewhere/v1' },
  {
    name: 'v2',
    artifactUri: 's3://models-fr/fraud/v2/',
    producedBy: 'trainingjob:job',
  },
]);

describe('residency', () => {
  it('passes when cluster, data and model storage lie in one jurisdiction', () => {
    expect(
      resultOf('residency', job, {
        upstream: [service, view, frData],
        downstream: [produced],
      }),
    ).toEqual({
      check: 'residency',
      status: 'pass',
      reason:
        'Cluster sovereign-fr, its 3 upstream data asset(s) and 1 model artifact(s) all lie in eu-fr',
    });
  });

  it('fails when an upstream dataset lies in another jurisdiction, naming it', () => {
    expect(
      resultOf('residency', job, {
        upstream: [service, view, frData, deData],
      }),
    ).toEqual({
      check: 'residency',
      status: 'fail',
      reason:
        'The dataset de-data lies in eu-de, outside eu-fr where cluster sovereign-fr runs',
      causedBy: 'resource:default/de-data',
    });
  });

  it('fails on a dataset stored in another jurisdiction than it declares', () => {
    const mislabelled = dataset(
      'mislabelled',
      placed('eu-fr', 'internal', {
        'kubeflow.org/storage-uri': 's3://risk-data-de/x',
      }),
    );
    const result = resultOf('residency', job, {
      upstream: [service, mislabelled],
    });
    expect(result).toMatchObject({
      status: 'fail',
      causedBy: 'resource:default/mislabelled',
    });
    expect(result?.reason).toContain(
      'it declares eu-fr but is stored at s3://risk-data-de/x, in eu-de',
    );
  });

  it('fails when the model the job produced is stored outside its jurisdiction', () => {
    const elsewhere = model('fraud', [
      {
        name: 'v3',
        artifactUri: 's3://risk-data-de/fraud/v3',
        producedBy: 'trainingjob:default/job',
      },
    ]);
    expect(
      resultOf('residency', job, {
        upstream: [service],
        downstream: [elsewhere],
      }),
    ).toEqual({
      check: 'residency',
      status: 'fail',
      reason:
        'The model fraud version v3 s3://risk-data-de/fraud/v3 lies in eu-de, outside eu-fr',
      causedBy: 'model:default/fraud',
    });
  });

  it('fails on storage outside every configured jurisdiction', () => {
    const elsewhere = model('fraud', [
      {
        name: 'v3',
        artifactUri: 'https://user:pw@public.example.com/m',
        producedBy: 'trainingjob:job',
      },
    ]);
    const result = resultOf('residency', job, {
      upstream: [service],
      downstream: [elsewhere],
    });
    expect(result?.status).toBe('fail');
    expect(result?.reason).toBe(
      'The model fraud version v3 https://public.example.com/m is not in the storage of eu-fr (mlops.sovereignty.jurisdictions.eu-fr.buckets and storageHosts)',
    );
  });

  it('fails when the dataset initializer reads from another jurisdiction', () => {
    const reading = trainingJob('job', {
      initializers: { dataset: { storageUri: 's3://risk-data-de/raw/' } },
    });
    expect(resultOf('residency', reading)).toEqual({
      check: 'residency',
      status: 'fail',
      reason:
        'The dataset initializer s3://risk-data-de/raw/ lies in eu-de, outside eu-fr',
      causedBy: JOB_REF,
    });
  });

  it('treats cluster-local storage as lying where the job runs', () => {
    const local = trainingJob('job', {
      initializers: { dataset: { storageUri: 'pvc://training-data/fraud' } },
    });
    expect(resultOf('residency', local)?.status).toBe('pass');
  });

  it('fails when the job declares another jurisdiction than its cluster', () => {
    const declared = trainingJob('job', {}, placed('eu-de', 'restricted'));
    expect(resultOf('residency', declared)).toEqual({
      check: 'residency',
      status: 'fail',
      reason:
        'The job declares jurisdiction eu-de but runs on cluster sovereign-fr, in eu-fr',
      causedBy: JOB_REF,
    });
  });

  it('reports every failure and how many more could not be checked', () => {
    const unlabelled = dataset('unlabelled', {});
    const result = resultOf('residency', job, {
      upstream: [
        deData,
        dataset('de2', placed('eu-de', 'internal')),
        unlabelled,
      ],
    });
    expect(result?.status).toBe('fail');
    expect(result?.reason).toMatch(
      /^The dataset de-data lies in eu-de.*; The dataset de2 lies in eu-de.* \(2 more could not be checked\)$/,
    );
  });

  describe('is unknown, never pass, on missing information', () => {
    it('without configured jurisdictions', () => {
      expect(resultOf('residency', job, {}, policyOf({}))).toEqual({
        check: 'residency',
        status: 'unknown',
        reason:
          'No jurisdictions are configured: set mlops.sovereignty.jurisdictions',
      });
    });

    it('when the cluster is in no jurisdiction', () => {
      const other = trainingJob('job', { cluster: 'cloud-us' });
      expect(resultOf('residency', other, { upstream: [deData] })).toEqual({
        check: 'residency',
        status: 'unknown',
        reason:
          'Cluster cloud-us is in no jurisdiction: list it under mlops.sovereignty.jurisdictions.<name>.clusters',
        causedBy: JOB_REF,
      });
    });

    it('when the job names no cluster', () => {
      const none = trainingJob('job', { cluster: undefined as any });
      expect(resultOf('residency', none)).toMatchObject({
        status: 'unknown',
        reason: 'The job names no cluster (spec.cluster)',
      });
    });

    it('when an upstream asset declares no jurisdiction', () => {
      expect(
        resultOf('residency', job, {
          upstream: [service, dataset('unlabelled', {})],
        }),
      ).toEqual({
        check: 'residency',
        status: 'unknown',
        reason:
          'The dataset unlabelled declares no jurisdiction (sovereign-ai.io/jurisdiction) and its storage is in no configured jurisdiction',
        causedBy: 'resource:default/unlabelled',
      });
    });

    it('when a FeatureService the job reads is missing from the context', () => {
      expect(resultOf('residency', job, { upstream: [] })).toEqual({
        check: 'residency',
        status: 'unknown',
        reason:
          'Upstream featureservice:default/service is not in the catalog, so where it lies is not known',
        causedBy: 'featureservice:default/service',
      });
    });

    it('when the produced model version records no artifact URI', () => {
      const noUri = model('fraud', [
        { name: 'v2', producedBy: 'trainingjob:job' },
      ]);
      expect(
        resultOf('residency', job, {
          upstream: [service],
          downstream: [noUri],
        }),
      ).toEqual({
        check: 'residency',
        status: 'unknown',
        reason:
          'The model fraud version v2 records no artifact URI, so where it is stored is not known',
        causedBy: 'model:default/fraud',
      });
    });

    it('when the jurisdiction has no storage configured', () => {
      const policy = policyOf({
        jurisdictions: { 'eu-fr': { clusters: ['sovereign-fr'] } },
      });
      const reading = trainingJob('job', {
        initializers: { dataset: { storageUri: 's3://fraud-data-fr/x' } },
      });
      expect(resultOf('residency', reading, {}, policy)).toMatchObject({
        status: 'unknown',
        reason:
          'No storage is configured for eu-fr, so whether the dataset initializer s3://fraud-data-fr/x lies in it is not known: set mlops.sovereignty.jurisdictions.eu-fr.buckets or storageHosts',
      });
    });
  });

  it('locates an unlabelled asset by its region label', () => {
    const policy = policyOf({
      jurisdictions: {
        'eu-fr': { clusters: ['sovereign-fr'], regions: ['eu-west-3'] },
        'eu-de': { regions: ['eu-central-1'] },
      },
    });
    const inRegion = (region: string) => ({
      ...dataset(`ds-${region}`, {}),
      metadata: {
        name: `ds-${region}`,
        labels: { 'topology.kubernetes.io/region': region },
      },
    });
    const plain = trainingJob('job');
    expect(
      resultOf(
        'residency',
        plain,
        { upstream: [inRegion('eu-west-3')] },
        policy,
      )?.status,
    ).toBe('pass');
    expect(
      resultOf(
        'residency',
        plain,
        { upstream: [inRegion('eu-central-1')] },
        policy,
      ),
    ).toMatchObject({
      status: 'fail',
      causedBy: 'resource:default/ds-eu-central-1',
    });
  });
});
