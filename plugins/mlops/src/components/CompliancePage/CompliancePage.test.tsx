import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { mlopsApiRef } from '../../api/MlopsApi';
import { MlopsApiError } from '../../api/MlopsApiError';
import type { ComplianceReportResponse } from '../../api/types';
import { mockMlopsApi } from '../../__testUtils__/renderEntityCard';
import { CompliancePage } from './CompliancePage';

const report: ComplianceReportResponse = {
  generatedAt: '2026-04-20T10:00:00Z',
  filters: {},
  summary: { entities: 2, pass: 1, fail: 1, unknown: 0 },
  entities: [
    {
      entityRef:
        'trainingjob:default/sovereign-fr-fraud-ml-chargeback-train-0405',
      kind: 'TrainingJob',
      title: 'chargeback-train-0405',
      owner: 'group:default/fraud-ml',
      status: 'fail',
      results: [
        {
          check: 'air-gap',
          status: 'fail',
          reason:
            'image docker.io/pytorch/pytorch:2.4.0 comes from a public registry',
        },
      ],
    },
    {
      entityRef: 'model:default/fraud-detector',
      kind: 'Model',
      title: 'fraud-detector',
      owner: 'group:default/fraud-ml',
      status: 'pass',
      results: [{ check: 'autonomy', status: 'pass', reason: 'ok' }],
    },
  ],
};

const routes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('CompliancePage', () => {
  it('shows totals and findings, filters through the backend and exports CSV', async () => {
    const api = mockMlopsApi({
      getComplianceReport: jest.fn().mockResolvedValue(report),
      getComplianceReportCsv: jest.fn().mockResolvedValue('entityRef,status\n'),
    });
    const createObjectURL = jest.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderInTestApp(<CompliancePage />, {
      apis: [[mlopsApiRef, api]],
      mountedRoutes: routes,
    });
    expect(
      await screen.findByText(/comes from a public registry/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Assets (2)', { exact: false }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(await screen.findByRole('option', { name: 'fail' }));
    await waitFor(() =>
      expect(api.getComplianceReport).toHaveBeenCalledWith({
        status: ['fail'],
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(api.getComplianceReportCsv).toHaveBeenCalledWith({
        status: ['fail'],
      }),
    );
    expect(createObjectURL).toHaveBeenCalled();
  }, 30_000);

  it('says when the backend is not installed', async () => {
    const api = mockMlopsApi({
      getComplianceReport: jest
        .fn()
        .mockRejectedValue(
          new MlopsApiError(
            'not-installed',
            'Could not load the compliance report: no mlops plugin.',
          ),
        ),
    });
    await renderInTestApp(<CompliancePage />, {
      apis: [[mlopsApiRef, api]],
      mountedRoutes: routes,
    });
    expect(
      await screen.findByText('The mlops backend is not installed'),
    ).toBeInTheDocument();
  });
});
