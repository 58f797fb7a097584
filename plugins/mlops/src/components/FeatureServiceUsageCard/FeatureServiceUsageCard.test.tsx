import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  cardVelocity,
  fraudScoringV1,
  transactionStats,
} from '../../__testUtils__/fixtures';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { trainingTemplateRouteRef } from '../../routes';
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

  describe('Train a model on it', () => {
    const scaffolder = {
      '/create/templates/:namespace/:templateName': trainingTemplateRouteRef,
    };

    function formDataOf(href: string) {
      const url = new URL(href, 'http://portal');
      return {
        path: url.pathname,
        formData: JSON.parse(url.searchParams.get('formData')!),
      };
    }

    it('opens the training template with the feature service and its system filled in', async () => {
      await renderEntityCard(<FeatureServiceUsageCard />, {
        entity: fraudScoringV1,
        mountedRoutes: scaffolder,
      });
      const link = await screen.findByRole('link', {
        name: /Train a model on it/,
      });
      expect(formDataOf(link.getAttribute('href')!)).toEqual({
        path: '/create/templates/default/sovereign-training-project',
        formData: {
          featureService:
            'featureservice:default/fraud_detection-fraud_scoring_v1',
          system: 'system:default/fraud-detection',
        },
      });
    });

    it('opens the template set in mlops.trainingTemplate', async () => {
      await renderEntityCard(<FeatureServiceUsageCard />, {
        entity: fraudScoringV1,
        mountedRoutes: scaffolder,
        config: {
          mlops: { trainingTemplate: 'template:ml-platform/gpu-training' },
        },
      });
      const link = await screen.findByRole('link', {
        name: /Train a model on it/,
      });
      expect(formDataOf(link.getAttribute('href')!).path).toBe(
        '/create/templates/ml-platform/gpu-training',
      );
    });

    it('is absent when the app has no scaffolder', async () => {
      await renderEntityCard(<FeatureServiceUsageCard />, {
        entity: fraudScoringV1,
      });
      expect(await screen.findByText(/Entity keys/)).toBeInTheDocument();
      expect(
        screen.queryByRole('link', { name: /Train a model on it/ }),
      ).not.toBeInTheDocument();
    });
  });
});
