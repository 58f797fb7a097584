import { screen } from '@testing-library/react';
import {
  cardVelocity,
  fraudScoringV1,
  transactionStats,
} from '../../__testUtils__/fixtures';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { FeatureServiceFeaturesCard } from './FeatureServiceFeaturesCard';

describe('FeatureServiceFeaturesCard', () => {
  it('shows the selected features per view with their types', async () => {
    await renderEntityCard(<FeatureServiceFeaturesCard />, {
      entity: fraudScoringV1,
      catalogEntities: [transactionStats, cardVelocity],
    });
    expect(await screen.findByText('txn_count_24h: INT64')).toBeInTheDocument();
    expect(screen.getByText(/2 of 3 features/)).toBeInTheDocument();
    // An empty selection means every feature of the view.
    expect(screen.getByText(/all 2 features/)).toBeInTheDocument();
    expect(screen.getByText('amount_sum_1h: DOUBLE')).toBeInTheDocument();
    // A view missing from the catalog is named, not hidden.
    expect(
      screen.getByText('This feature view is not in the catalog.'),
    ).toBeInTheDocument();
    expect(screen.getByText('kyc_level')).toBeInTheDocument();
  });

  it('has an empty state', async () => {
    await renderEntityCard(<FeatureServiceFeaturesCard />, {
      entity: {
        ...fraudScoringV1,
        spec: { ...fraudScoringV1.spec, features: [] },
      },
    });
    expect(
      await screen.findByText('This feature service selects no feature views.'),
    ).toBeInTheDocument();
  });
});
