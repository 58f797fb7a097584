import { test, expect } from './airGap';
import { openEntity, signInAsGuest } from './mlops-helpers';

test('a FeatureService page shows its features, consumers and how to use it, and its lineage leads to the model', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openEntity(
    page,
    '/catalog/default/featureservice/fraud_detection-fraud_scoring_v1',
    'fraud_scoring_v1',
  );

  await expect(page.getByText('Selected features')).toBeVisible();
  await expect(page.getByText('txn_count_24h: INT64')).toBeVisible();
  const consumers = page.locator('.MuiCard-root', {
    hasText: 'Who consumes it',
  });
  await expect(
    consumers.getByRole('link', { name: 'fraud-detector-train-0412' }),
  ).toBeVisible();
  await expect(
    consumers.getByRole('link', { name: 'fraud-detector', exact: true }),
  ).toBeVisible();
  const useIt = page.locator('.MuiCard-root', { hasText: 'Use it' });
  await expect(useIt).toContainText('get_historical_features');
  await page.screenshot({
    path: 'e2e-results/mlops-feature-service.png',
    fullPage: true,
  });

  // Which data does the model come from: follow the lineage graph.
  await page
    .locator('a', { hasText: /^Lineage$/ })
    .first()
    .click();
  const graph = page.getByTestId('mlops-lineage-graph');
  await expect(graph).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Dataset transactions' }),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-results/mlops-lineage.png',
    fullPage: true,
  });
  await page.getByRole('link', { name: 'Model fraud-detector' }).click();

  await expect(page).toHaveURL(/\/catalog\/default\/model\/fraud-detector/);
  await expect(page.getByText('Versions (2)')).toBeVisible();
  await expect(
    page.getByText('s3://models-fr/fraud-detector/v2/'),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-results/mlops-model.png',
    fullPage: true,
  });
});
