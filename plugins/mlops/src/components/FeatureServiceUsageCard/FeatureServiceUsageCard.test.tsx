import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  cardVelocity,
  fraudScoringV1,
  transactionStats,
} from '../../__testUtils__/fixtures';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { FeatureServiceUsageCard } from './FeatureServiceUsageCard';

describe('FeatureServiceUsageCard', () => {
  it('shows the SDK and REST calls with the join keys, and copies them', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(window.navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await renderEntityCard(<FeatureServiceUsageCard />, {
      entity: fraudScoringV1,
      catalogEntities: [transactionStats, cardVelocity],
    });
    expect(
      await screen.findByText(/Entity keys: customer_id, card_id/),
    ).toBeInTheDocument();
    // The code highlighter loads lazily.
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        'store.get_historical_features(',
      ),
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Online (SDK)' }));
    await waitFor(() =>
      expect(document.body.textContent).toContain('store.get_online_features('),
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Online (REST)' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Copy the Online (REST) example' }),
    );
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0][0]).toContain('/get-online-features');
    expect(writeText.mock.calls[0][0]).toContain(
      '"feature_service":"fraud_scoring_v1"',
    );
  });

  it('says what is missing without a Feast project', async () => {
    const entity = {
      ...fraudScoringV1,
      metadata: { ...fraudScoringV1.metadata, annotations: {} },
    };
    await renderEntityCard(<FeatureServiceUsageCard />, { entity });
    expect(
      await screen.findByText(/has no feast.dev\/project annotation/),
    ).toBeInTheDocument();
  });
});
