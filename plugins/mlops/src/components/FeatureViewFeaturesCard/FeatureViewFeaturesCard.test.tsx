import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { transactionStats } from '../../__testUtils__/fixtures';
import { FeatureViewFeaturesCard } from './FeatureViewFeaturesCard';

describe('FeatureViewFeaturesCard', () => {
  it('lists the features and filters them by search', async () => {
    await renderEntityCard(<FeatureViewFeaturesCard />, {
      entity: transactionStats,
    });
    expect(screen.getByText('Features (3)')).toBeInTheDocument();
    expect(screen.getByText('txn_count_24h')).toBeInTheDocument();
    expect(screen.getByText('pii=false')).toBeInTheDocument();
    await userEvent.type(screen.getByPlaceholderText('Filter'), 'amount');
    expect(await screen.findByText('txn_amount_sum_24h')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByText('txn_count_24h')).not.toBeInTheDocument(),
    );
  });

  it('has an empty state', async () => {
    await renderEntityCard(<FeatureViewFeaturesCard />, {
      entity: {
        ...transactionStats,
        spec: { ...transactionStats.spec, features: [] },
      },
    });
    expect(
      screen.getByText('This feature view declares no features.'),
    ).toBeInTheDocument();
  });
});
