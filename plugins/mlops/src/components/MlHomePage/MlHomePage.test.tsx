import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  failedJob,
  fraudDetector,
  fraudScoringV1,
  runningJob,
  transactionStats,
} from '../../__testUtils__/fixtures';
import { MlHomePage } from './MlHomePage';

const routes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('MlHomePage', () => {
  it('lists ML assets, filters them, and shows recent jobs and counts', async () => {
    const entities = [
      transactionStats,
      fraudScoringV1,
      fraudDetector,
      {
        ...runningJob,
        spec: { ...runningJob.spec, created: '2026-04-19T08:00:00Z' },
      },
      {
        ...failedJob,
        spec: { ...failedJob.spec, created: '2026-04-17T08:00:00Z' },
      },
    ];
    await renderInTestApp(<MlHomePage />, {
      apis: [catalogApiMock({ entities })],
      mountedRoutes: routes,
    });
    expect(await screen.findByText('ML assets (5)')).toBeInTheDocument();
    const recent = screen
      .getByText('Recent training jobs')
      .closest('.MuiCard-root') as HTMLElement;
    const phases = within(recent)
      .getAllByTestId('mlops-phase-chip')
      .map(c => c.textContent);
    expect(phases).toEqual(['Running', 'Failed']);
    expect(screen.getByText('Per owner')).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search ML assets' }),
      'scoring',
    );
    expect(await screen.findByText('ML assets (1)')).toBeInTheDocument();
    await userEvent.clear(
      screen.getByRole('textbox', { name: 'Search ML assets' }),
    );
    await userEvent.click(screen.getByText('Training jobs (2)'));
    expect(await screen.findByText('ML assets (2)')).toBeInTheDocument();
  }, 30_000);

  it('explains an empty catalog', async () => {
    await renderInTestApp(<MlHomePage />, {
      apis: [catalogApiMock({ entities: [] })],
      mountedRoutes: routes,
    });
    expect(
      await screen.findByText(
        /No feature views, feature services, models or training jobs/,
      ),
    ).toBeInTheDocument();
  });

  it('shows why the catalog could not be read', async () => {
    const catalogApi = catalogApiMock.mock({
      getEntities: jest.fn().mockRejectedValue(new Error('catalog down')),
    });
    await renderInTestApp(<MlHomePage />, {
      apis: [catalogApi],
      mountedRoutes: routes,
    });
    expect(await screen.findByText('catalog down')).toBeInTheDocument();
  });
});
