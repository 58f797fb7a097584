import { test, expect } from './airGap';
import { signInAsGuest } from './mlops-helpers';

test('the ML home finds assets and the compliance page shows the violations', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Machine learning' })
    .click();
  await expect(page).toHaveURL(/\/ml$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/ML assets \(\d+\)/)).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  await page
    .getByRole('textbox', { name: 'Search ML assets' })
    .fill('fraud_scoring');
  await expect(page.getByText('ML assets (2)')).toBeVisible();
  await page.screenshot({ path: 'e2e-results/mlops-home.png', fullPage: true });

  await page.goto('/ml/compliance');
  // Only the training jobs: the violations of the demo are theirs.
  await page.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'TrainingJob', exact: true }).click();
  const table = page.locator('table').first();
  await expect(table).toContainText('chargeback-train-0405');
  await expect(
    page.getByText(/docker\.io\/pytorch\/pytorch/).first(),
  ).toBeVisible();
  await expect(page.getByText(/merchant_risk/).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toBe('sovereignty-report.csv');
  await page.screenshot({
    path: 'e2e-results/mlops-compliance.png',
    fullPage: true,
  });
});
