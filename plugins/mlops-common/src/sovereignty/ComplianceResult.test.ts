import { COMPLIANCE_CHECKS, overallComplianceStatus } from './ComplianceResult';

describe('overallComplianceStatus', () => {
  it('is fail if any failed, else unknown if any is unknown, else pass', () => {
    expect(
      overallComplianceStatus([
        { status: 'pass' },
        { status: 'unknown' },
        { status: 'fail' },
      ]),
    ).toBe('fail');
    expect(
      overallComplianceStatus([{ status: 'pass' }, { status: 'unknown' }]),
    ).toBe('unknown');
    expect(overallComplianceStatus([{ status: 'pass' }])).toBe('pass');
    expect(overallComplianceStatus([])).toBe('pass');
  });

  it('lists the five checks', () => {
    expect(COMPLIANCE_CHECKS).toEqual([
      'residency',
      'air-gap',
      'autonomy',
      'classification',
      'governance',
    ]);
  });
});
