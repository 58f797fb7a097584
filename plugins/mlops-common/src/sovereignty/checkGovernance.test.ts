import type { Entity } from '@backstage/catalog-model';
import {
  dataset,
  model,
  placed,
  policyOf,
  resultOf,
  trainingJob,
} from './__testUtils__/builders';

describe('governance', () => {
  it('passes with an owner and every required annotation, on every kind', () => {
    for (const entity of [
      trainingJob('job'),
      model('fraud', []),
      dataset('ds', placed('eu-fr', 'restricted')),
    ]) {
      expect(resultOf('governance', entity)).toMatchObject({
        status: 'pass',
        reason: expect.stringMatching(
          /^Owned by group:default\/[a-z-]+ and carries sovereign-ai.io\/jurisdiction, sovereign-ai.io\/data-classification$/,
        ),
      });
    }
  });

  it('fails without an owner', () => {
    const ownerless: Entity = {
      ...dataset('ds', placed('eu-fr', 'restricted')),
      spec: { type: 'dataset' },
    };
    expect(resultOf('governance', ownerless)).toEqual({
      check: 'governance',
      status: 'fail',
      reason: 'It has no owner (spec.owner)',
      causedBy: 'resource:default/ds',
    });
  });

  it('fails without a required annotation, naming each', () => {
    expect(
      resultOf('governance', dataset('ds', placed('eu-fr', undefined))),
    ).toEqual({
      check: 'governance',
      status: 'fail',
      reason:
        'It lacks the required annotation(s) sovereign-ai.io/data-classification',
      causedBy: 'resource:default/ds',
    });
    expect(resultOf('governance', dataset('ds', {}))?.reason).toBe(
      'It lacks the required annotation(s) sovereign-ai.io/jurisdiction, sovereign-ai.io/data-classification',
    );
  });

  it('treats a blank annotation as missing', () => {
    expect(
      resultOf(
        'governance',
        dataset('ds', placed('eu-fr', 'restricted', { team: ' ' })),
        {},
        policyOf({ requiredAnnotations: ['team'] }),
      )?.status,
    ).toBe('fail');
  });

  it('fails on a jurisdiction the policy does not define', () => {
    expect(
      resultOf('governance', dataset('ds', placed('us-east', 'internal'))),
    ).toMatchObject({
      status: 'fail',
      reason:
        'It declares jurisdiction us-east, which mlops.sovereignty.jurisdictions does not define (eu-fr, eu-de)',
    });
  });

  it('requires only an owner when required annotations are configured empty', () => {
    expect(
      resultOf(
        'governance',
        dataset('ds', {}),
        {},
        policyOf({ requiredAnnotations: [] }),
      ),
    ).toEqual({
      check: 'governance',
      status: 'pass',
      reason: 'Owned by group:default/data-office',
    });
  });
});
