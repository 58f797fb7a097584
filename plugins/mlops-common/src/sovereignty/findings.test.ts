import { toResult, type Finding } from './findings';

const fail = (n: number, causedBy?: string): Finding => ({
  status: 'fail',
  reason: `fail ${n}`,
  ...(causedBy ? { causedBy } : {}),
});
const unknown = (n: number): Finding => ({
  status: 'unknown',
  reason: `unknown ${n}`,
  causedBy: `resource:default/u${n}`,
});

describe('toResult', () => {
  it('passes with the pass reason when nothing was found', () => {
    expect(toResult('governance', [], 'fine')).toEqual({
      check: 'governance',
      status: 'pass',
      reason: 'fine',
    });
  });

  it('fails over unknown, spelling out three reasons and counting the rest', () => {
    expect(
      toResult(
        'residency',
        [unknown(1), fail(1), fail(2, 'resource:default/b'), fail(3), fail(4)],
        'fine',
      ),
    ).toEqual({
      check: 'residency',
      status: 'fail',
      reason:
        'fail 1; fail 2; fail 3; and 1 more (1 more could not be checked)',
      causedBy: 'resource:default/b',
    });
  });

  it('is unknown when nothing failed but something is unknown', () => {
    expect(toResult('autonomy', [unknown(1), unknown(2)], 'fine')).toEqual({
      check: 'autonomy',
      status: 'unknown',
      reason: 'unknown 1; unknown 2',
      causedBy: 'resource:default/u1',
    });
  });

  it('names no cause when the finding has none', () => {
    expect(toResult('air-gap', [fail(1)], '')).not.toHaveProperty('causedBy');
  });
});
