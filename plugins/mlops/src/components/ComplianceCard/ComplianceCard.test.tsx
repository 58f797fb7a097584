import { screen } from '@testing-library/react';
import { MlopsApiError } from '../../api/MlopsApiError';
import { fraudDetector } from '../../__testUtils__/fixtures';
import {
  mockMlopsApi,
  renderEntityCard,
} from '../../__testUtils__/renderEntityCard';
import { ComplianceCard } from './ComplianceCard';

describe('ComplianceCard', () => {
  it('shows each check with its status, reason and the offending entity', async () => {
    const api = mockMlopsApi({
      getEntityCompliance: jest.fn().mockResolvedValue({
        entityRef: 'model:default/fraud-detector',
        kind: 'Model',
        title: 'fraud-detector',
        status: 'fail',
        results: [
          {
            check: 'residency',
            status: 'fail',
            reason: 'merchant_risk lies in eu-de, the job runs in eu-fr',
            causedBy: 'resource:default/fraud_detection-merchant_risk',
          },
          {
            check: 'autonomy',
            status: 'pass',
            reason: 'artifacts on s3://models-fr',
          },
          {
            check: 'classification',
            status: 'unknown',
            reason: 'set mlops.sovereignty.classifications',
          },
        ],
      }),
    });
    await renderEntityCard(<ComplianceCard />, {
      entity: fraudDetector,
      mlopsApi: api,
    });
    expect(
      await screen.findByText(/merchant_risk lies in eu-de/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'fraud_detection-merchant_risk' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/fraud_detection-merchant_risk',
    );
    expect(screen.getAllByText('fail')).toHaveLength(2);
    expect(screen.getByText('pass')).toBeInTheDocument();
    expect(screen.getByText('unknown')).toBeInTheDocument();
  });

  it('says when no check applies', async () => {
    const api = mockMlopsApi({
      getEntityCompliance: jest.fn().mockResolvedValue({
        entityRef: 'x',
        kind: 'Model',
        title: 'x',
        status: 'pass',
        results: [],
      }),
    });
    await renderEntityCard(<ComplianceCard />, {
      entity: fraudDetector,
      mlopsApi: api,
    });
    expect(
      await screen.findByText('No sovereignty check applies to this entity.'),
    ).toBeInTheDocument();
  });

  it('says when permission is denied', async () => {
    const api = mockMlopsApi({
      getEntityCompliance: jest
        .fn()
        .mockRejectedValue(
          new MlopsApiError(
            'permission',
            'Could not load the compliance checks: you are not signed in.',
          ),
        ),
    });
    await renderEntityCard(<ComplianceCard />, {
      entity: fraudDetector,
      mlopsApi: api,
    });
    expect(await screen.findByText('Permission denied')).toBeInTheDocument();
  });
});
