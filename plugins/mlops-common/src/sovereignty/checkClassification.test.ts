import {
  dataset,
  DEMO_SOVEREIGNTY_CONFIG,
  featureService,
  placed,
  policyOf,
  resultOf,
  trainingJob,
} from './__testUtils__/builders';

const job = trainingJob('job');
const restrictedDe = dataset('cards-de', placed('eu-de', 'restricted'));
const restrictedFr = dataset('cards-fr', placed('eu-fr', 'restricted'));
const confidentialDe = dataset('risk-de', placed('eu-de', 'confidential'));

describe('classification', () => {
  it('passes when restricted data stays in its jurisdiction and other classes are free', () => {
    expect(
      resultOf('classification', job, {
        upstream: [restrictedFr, confidentialDe],
      }),
    ).toEqual({
      check: 'classification',
      status: 'pass',
      reason:
        'Its 2 upstream data asset(s) may be used in eu-fr under their classification rules',
    });
  });

  it('fails when restricted data of another jurisdiction is used', () => {
    expect(
      resultOf('classification', job, { upstream: [restrictedDe] }),
    ).toEqual({
      check: 'classification',
      status: 'fail',
      reason:
        'The dataset cards-de is restricted and lies in eu-de; restricted data may only be used in its own jurisdiction, but cluster sovereign-fr runs in eu-fr',
      causedBy: 'resource:default/cards-de',
    });
  });

  it('fails when the job runs outside the jurisdictions a rule allows', () => {
    const policy = policyOf({
      ...DEMO_SOVEREIGNTY_CONFIG,
      classificationRules: [
        { classification: 'confidential', allowedJurisdictions: ['eu-de'] },
      ],
    });
    expect(
      resultOf(
        'classification',
        job,
        {
          upstream: [featureService('fs', placed('eu-fr', 'confidential'), [])],
        },
        policy,
      ),
    ).toEqual({
      check: 'classification',
      status: 'fail',
      reason:
        'The feature service fs is confidential, which may only be used in eu-de, but cluster sovereign-fr runs in eu-fr',
      causedBy: 'featureservice:default/fs',
    });
  });

  describe('is unknown, never pass, on missing information', () => {
    it('without rules', () => {
      const { classificationRules, ...noRules } = DEMO_SOVEREIGNTY_CONFIG;
      expect(
        resultOf(
          'classification',
          job,
          { upstream: [restrictedDe] },
          policyOf(noRules),
        ),
      ).toEqual({
        check: 'classification',
        status: 'unknown',
        reason:
          'No classification rules are configured: set mlops.sovereignty.classificationRules',
      });
    });

    it('when an upstream asset declares no classification', () => {
      expect(
        resultOf('classification', job, {
          upstream: [dataset('plain', placed('eu-fr', undefined))],
        }),
      ).toEqual({
        check: 'classification',
        status: 'unknown',
        reason:
          'The dataset plain declares no data classification (sovereign-ai.io/data-classification)',
        causedBy: 'resource:default/plain',
      });
    });

    it('when restricted data declares no jurisdiction', () => {
      expect(
        resultOf('classification', job, {
          upstream: [dataset('nowhere', placed(undefined, 'restricted'))],
        }),
      ).toMatchObject({
        status: 'unknown',
        reason:
          'The dataset nowhere is restricted but its jurisdiction is not known',
      });
    });

    it('when where the job runs is not known', () => {
      expect(
        resultOf(
          'classification',
          trainingJob('job', { cluster: 'cloud-us' }),
          {
            upstream: [restrictedDe],
          },
        ),
      ).toMatchObject({
        status: 'unknown',
        reason:
          'Cluster cloud-us is in no jurisdiction: list it under mlops.sovereignty.jurisdictions.<name>.clusters',
      });
    });

    it('when a dataset the job reads is missing from the context', () => {
      expect(
        resultOf(
          'classification',
          trainingJob('job', { datasets: ['resource:gone'] }),
        ),
      ).toMatchObject({
        status: 'unknown',
        causedBy: 'resource:default/gone',
      });
    });
  });
});
