import { test, expect } from './airGap';
import { openEntity, signInAsGuest } from './mlops-helpers';

test('a running TrainingJob shows live progress and its logs', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openEntity(
    page,
    '/catalog/default/trainingjob/sovereign-fr-fraud-ml-fraud-detector-train-0419',
    'fraud-detector-train-0419',
  );
  const status = page.locator('.MuiCard-root', { hasText: 'Live status' });
  await expect(status.getByTestId('mlops-phase-chip')).toHaveText('Running');
  await expect(status.getByTestId('mlops-phase-chip')).toHaveAttribute(
    'data-tone',
    'running',
  );
  await expect(
    status.getByRole('progressbar', { name: 'Training progress' }),
  ).toBeVisible();
  await expect(status).toContainText('ETA');
  const logs = page.locator('.MuiCard-root', { hasText: 'Logs' });
  await expect(logs.getByTestId('mlops-log-viewer')).not.toBeEmpty();
  await expect(logs.getByRole('checkbox', { name: 'Follow' })).toBeChecked();
  await page.screenshot({
    path: 'e2e-results/mlops-trainjob-running.png',
    fullPage: true,
  });
});

test('a failed TrainingJob says why it failed, in red', async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsGuest(page);
  await openEntity(
    page,
    '/catalog/default/trainingjob/sovereign-fr-fraud-ml-fraud-detector-train-0417',
    'fraud-detector-train-0417',
  );
  const status = page.locator('.MuiCard-root', { hasText: 'Live status' });
  // The demo job is OOM-killed three times, 30 s apart, then fails: up to
  // 90 s after the demo cluster starts.
  await expect(status.getByTestId('mlops-phase-chip')).toHaveText('Failed', {
    timeout: 120_000,
  });
  await expect(status.getByTestId('mlops-phase-chip')).toHaveAttribute(
    'data-tone',
    'error',
  );
  const reason = status.getByTestId('mlops-failure-reason');
  await expect(reason).toContainText('Why it failed');
  await expect(reason).toContainText('OOMKilled');
  await page.screenshot({
    path: 'e2e-results/mlops-trainjob-failed.png',
    fullPage: true,
  });

  // Its Kubernetes tab never presents it as healthy: our phase on top, and
  // the plugin's own error reporting sees its failed pod.
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  const summary = page.locator('.MuiCard-root', {
    hasText: 'Training job status',
  });
  await expect(summary.getByTestId('mlops-phase-chip')).toHaveText('Failed');
  await expect(summary).toContainText('OOMKilled');
  await expect(page.getByText('1 pod with errors')).toBeVisible();
  await expect(
    page.getByRole('row', { name: /fraud-detector-train-0417-node/ }).first(),
  ).toBeVisible();
  await page.screenshot({ path: 'e2e-results/kubernetes-failed-job.png' });
});
