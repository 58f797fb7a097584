import { test, expect } from './airGap';
import { openEntity, signInAsGuest } from './mlops-helpers';

// The Kubernetes tab (@backstage/plugin-kubernetes) in the demo portal: the
// demo cluster answers the Kubernetes backend like a real API server, and
// TrainJobs and their pods carry backstage.io/kubernetes-id: fraud-detector.

test("a training project's Kubernetes tab lists its TrainJobs and counts their pods", async ({
  page,
}) => {
  await signInAsGuest(page);
  await openEntity(
    page,
    '/catalog/default/component/fraud-detector',
    'fraud-detector',
  );
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();

  const cluster = page.getByRole('button', { name: /sovereign-fr/ });
  await expect(cluster).toBeVisible();
  await expect(cluster).toContainText(/[1-9]\d* pods?/);
  await cluster.click();
  // The TrainJobs of the model, as the custom resources of the tab.
  for (const job of ['0412', '0417', '0419']) {
    await expect(
      page.getByText(`fraud-detector-train-${job}`, { exact: true }),
    ).toBeVisible();
  }
  // The failed job's pod, in the plugin's own error reporting.
  await expect(page.getByText('Error Reporting')).toBeVisible();
  await expect(
    page.getByRole('row', { name: /fraud-detector-train-0417-node/ }),
  ).toBeVisible();
  // The entity page scrolls inside its own container, not the window.
  await page.getByText('fraud-detector-train-0412').scrollIntoViewIfNeeded();
  await page.screenshot({
    path: 'e2e-results/kubernetes-training-project.png',
  });
});

test("a TrainingJob's Kubernetes tab shows its phase, its TrainJob and its own pods", async ({
  page,
}) => {
  await signInAsGuest(page);
  await openEntity(
    page,
    '/catalog/default/trainingjob/sovereign-fr-fraud-ml-fraud-detector-train-0419',
    'fraud-detector-train-0419',
  );
  // No empty TechDocs tab on an entity without docs.
  await expect(
    page.getByRole('link', { name: 'TechDocs', exact: true }),
  ).toHaveCount(0);
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();

  const summary = page.locator('.MuiCard-root', {
    hasText: 'Training job status',
  });
  await expect(summary.getByTestId('mlops-phase-chip')).toHaveText('Running');

  const pods = page.locator('.MuiCard-root', {
    hasText: 'Pods of fraud-detector-train-0419',
  });
  await expect(pods).toBeVisible();
  const rows = pods.locator('tbody tr');
  await expect(rows.first()).toContainText('fraud-detector-train-0419');
  await expect(rows.first()).toContainText('Running');
  await page.getByRole('button', { name: /sovereign-fr/ }).click();
  await expect(
    page.getByText('fraud-detector-train-0419', { exact: true }).first(),
  ).toBeVisible();
  // Only this job: the model's other jobs share its kubernetes-id, but
  // neither they, their pods nor the failed 0417's errors show here.
  await expect(page.getByText(/fraud-detector-train-04(12|17)/)).toHaveCount(0);
  await expect(page.getByText('No pods with errors')).toBeVisible();
  await pods.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e-results/kubernetes-training-job.png' });
});
