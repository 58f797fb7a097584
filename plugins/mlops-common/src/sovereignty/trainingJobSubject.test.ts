import { trainingJobSubject } from './trainingJobSubject';
import { model, policyOf, trainingJob } from './__testUtils__/builders';

describe('trainingJobSubject', () => {
  const job = trainingJob('job', {
    datasets: ['resource:ds', 'resource:default/ds'],
    featureServices: ['featureservice:fs'],
    initializers: {
      dataset: {
        storageUri: 's3://fraud-data-fr/x',
        image: 'registry.sovereign.internal/ml/init:1',
      },
      model: { storageUri: 'hf://org/base' },
    },
  });

  it('collects images, initializer URIs and declared upstream refs', () => {
    const subject = trainingJobSubject(
      job,
      { upstream: [], downstream: [] },
      policyOf(),
    );
    expect(subject).toMatchObject({
      ref: 'trainingjob:default/job',
      runsIn: 'cluster sovereign-fr',
      jurisdiction: 'eu-fr',
      jurisdictionFindings: [],
      images: [
        {
          label: 'trainer image',
          value: expect.stringContaining('registry.sovereign.internal'),
        },
        {
          label: 'dataset initializer image',
          value: 'registry.sovereign.internal/ml/init:1',
        },
      ],
      sourceUris: [
        { label: 'dataset initializer', value: 's3://fraud-data-fr/x' },
        { label: 'model initializer', value: 'hf://org/base' },
      ],
      datasetUris: [
        { label: 'dataset initializer', value: 's3://fraud-data-fr/x' },
      ],
      missingUpstream: ['resource:default/ds', 'featureservice:default/fs'],
    });
  });

  it('takes only the model versions this job produced', () => {
    const other = model('m', [
      { name: '1', artifactUri: 's3://a/1', producedBy: 'trainingjob:other' },
      {
        name: '2',
        artifactUri: 's3://a/2',
        producedBy: 'trainingjob:default/job',
      },
      { name: '3', artifactUri: 's3://a/3', producedBy: 'job' },
      { name: '4', artifactUri: 's3://a/4' },
    ]);
    const subject = trainingJobSubject(
      job,
      { upstream: [], downstream: [other, trainingJob('not-a-model')] },
      policyOf(),
    );
    expect(subject.modelArtifacts).toEqual([
      {
        label: 'model m version 2',
        uri: 's3://a/2',
        causedBy: 'model:default/m',
      },
      {
        label: 'model m version 3',
        uri: 's3://a/3',
        causedBy: 'model:default/m',
      },
    ]);
  });
});
