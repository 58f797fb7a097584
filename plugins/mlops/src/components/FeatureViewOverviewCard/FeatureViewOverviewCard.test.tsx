import { screen } from '@testing-library/react';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { fraudScoringV1, transactionStats } from '../../__testUtils__/fixtures';
import { FeatureViewOverviewCard } from './FeatureViewOverviewCard';

describe('FeatureViewOverviewCard', () => {
  it('shows project, type, join keys, ttl, online and sources', async () => {
    await renderEntityCard(<FeatureViewOverviewCard />, {
      entity: transactionStats,
    });
    expect(screen.getByText('fraud_detection')).toBeInTheDocument();
    expect(screen.getByText('Batch')).toBeInTheDocument();
    expect(
      screen.getByText('customer: customer_id (INT64)'),
    ).toBeInTheDocument();
    expect(screen.getByText('2d')).toBeInTheDocument();
    expect(
      screen.getByText(/materialised to the online store/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('fraud_detection-transactions'),
    ).toBeInTheDocument();
  });

  it('says so on an entity of another kind', async () => {
    await renderEntityCard(<FeatureViewOverviewCard />, {
      entity: fraudScoringV1,
    });
    expect(
      screen.getByText('This entity is not a FeatureView.'),
    ).toBeInTheDocument();
  });
});
