import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './airGap';
import { openEntity, signInAsGuest } from './mlops-helpers';

// The template in the scaffolder's template editor, dry-run by the portal's
// real scaffolder backend (our actions, the policy, the CRD validation).
// The editor reads the template through the browser's File System Access
// API; the OS directory dialog cannot be driven, so the test answers
// showDirectoryPicker with a directory of the browser's private file system
// holding this repository's template, file for file.

const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../templates/sovereign-training-project',
);

function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile())
      .map(entry => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path), readFileSync(path, 'utf8')];
      }),
  );
}

async function answerDirectoryPickerWith(
  page: Page,
  files: Record<string, string>,
) {
  await page.addInitScript(tree => {
    (window as any).showDirectoryPicker = async () => {
      const root = await navigator.storage.getDirectory();
      await root
        .removeEntry('sovereign-training-project', { recursive: true })
        .catch(() => undefined);
      const dir = await root.getDirectoryHandle('sovereign-training-project', {
        create: true,
      });
      for (const [path, content] of Object.entries(tree)) {
        const parts = path.split('/');
        let parent = dir;
        for (const part of parts.slice(0, -1)) {
          parent = await parent.getDirectoryHandle(part, { create: true });
        }
        const file = await parent.getFileHandle(parts[parts.length - 1], {
          create: true,
        });
        const writable = await file.createWritable();
        await writable.write(content);
        await writable.close();
      }
      return dir;
    };
  }, files);
}

/**
 * The development server (`yarn start`) overlays uncaught promise rejections;
 * the template editor rethrows a failed dry-run after showing it, so close
 * the overlay to see the page as a user of a production build does.
 */
async function dismissDevServerOverlay(page: Page) {
  for (const overlay of [
    '#react-refresh-overlay',
    '#webpack-dev-server-client-overlay',
  ]) {
    const close = page
      .frameLocator(overlay)
      .getByText(/Close|×/)
      .first();
    await close.click({ timeout: 3_000 }).catch(() => {
      // This overlay is not shown (or a production build has none).
    });
  }
}

/** Picks an option of an Autocomplete field (OwnerPicker, EntityPicker). */
async function pick(page: Page, label: string, option: string | RegExp) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.click();
  // Options are named by their title, with the entity ref as tooltip.
  await page.getByRole('option').filter({ hasText: option }).first().click();
}

test('the training-project template fills in, reviews and dry-runs with the sovereignty policy', async ({
  page,
}) => {
  await answerDirectoryPickerWith(page, readTree(TEMPLATE_DIR));
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Create' })
    .click();
  await page.getByText('Template Editor', { exact: true }).click();
  await page.getByText('Load Template Directory').click();

  // Step 1: the project.
  await page.getByLabel('Name').first().fill('fraud-scorer');
  await page
    .getByLabel('Description')
    .first()
    .fill('Scores card payments for fraud in real time');
  await pick(page, 'Owner', 'Fraud ML');
  await pick(page, 'System', 'Fraud detection');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: features and compute.
  await pick(page, 'Feature service', 'fraud_scoring_v1');
  await pick(page, 'Training runtime', 'torch-distributed');
  await page.getByRole('button', { name: 'Next' }).click();
  // Step 3: images and services, the organisation's defaults.
  await page.getByRole('button', { name: 'Next' }).click();
  // Step 4: the repository on the organisation's GitLab.
  // RepoUrlPicker builds its value from keystrokes, as a user types.
  await page.getByLabel('Owner').pressSequentially('fraud-ml');
  await page.getByLabel('Repository').pressSequentially('fraud-scorer');
  await page.getByLabel('Repository').blur();
  await page.getByRole('button', { name: 'Review' }).click();

  // The review page lists every answer before anything runs.
  await expect(page.getByText('fraud-scorer').first()).toBeVisible();
  await expect(page.getByText('eu-fr').first()).toBeVisible();
  await page.screenshot({
    path: 'e2e-results/template-review.png',
    fullPage: true,
  });

  // Dry-run: every step runs for real except the publishing ones, which
  // the scaffolder skips in a dry-run.
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Dry-run results')).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('tab', { name: 'Log' }).click();
  await page.getByText('Check the sovereignty policy').click();
  // Each rule of the policy, then the verdict.
  await expect(page.getByText(/residency: pass/).first()).toBeVisible();
  await expect(page.getByText('Sovereignty policy: pass')).toBeVisible();
  await page.screenshot({ path: 'e2e-results/template-dry-run-pass.png' });
  // The policy table is part of the template's output, for the result page.
  await page.getByRole('tab', { name: 'Output' }).click();
  await expect(page.getByText('"Sovereignty policy"')).toBeVisible();
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByRole('treeitem', { name: 'manifests' }).click();
  await page.getByRole('treeitem', { name: 'trainjob.yaml' }).click();
  await expect(page.getByText('runtimeRef', { exact: true })).toBeVisible();
  await expect(page.getByText('fraud-scorer-train').first()).toBeVisible();

  // A bad choice: train on French restricted data in Germany.
  for (let step = 0; step < 3; step++) {
    await page.getByRole('button', { name: 'Back' }).click();
  }
  await page.getByRole('button', { name: /Jurisdiction/ }).click();
  await page.getByRole('option', { name: 'Germany (eu-de)' }).click();
  for (let step = 0; step < 2; step++) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  // The scaffolder answers a failed dry-run with a 400 carrying the step's
  // error, which the editor shows above the form: each violated rule.
  const blocked = page.getByText(/violates the sovereignty policy/).first();
  await expect(blocked).toBeVisible();
  await dismissDevServerOverlay(page);
  await expect(blocked).toContainText('[residency]');
  await expect(blocked).toContainText('[classification]');
  await blocked.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e-results/template-dry-run-blocked.png' });
});

test('a newcomer starts a training project from a FeatureService page, with it filled in', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openEntity(
    page,
    '/catalog/default/featureservice/fraud_detection-fraud_scoring_v1',
    'fraud_scoring_v1',
  );
  await page.getByRole('link', { name: /Train a model on it/ }).click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/sovereign-training-project/,
  );

  // The system comes with the feature service; the newcomer names the project.
  await expect(page.getByRole('textbox', { name: 'System' })).toHaveValue(
    /fraud-detection|Fraud detection/,
  );
  await page.getByLabel('Name').first().fill('fraud-scorer');
  await page
    .getByLabel('Description')
    .first()
    .fill('Scores card payments for fraud in real time');
  await pick(page, 'Owner', 'Fraud ML');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(
    page.getByRole('textbox', { name: 'Feature service', exact: true }),
  ).toHaveValue(/fraud_scoring_v1/);
  await pick(page, 'Training runtime', 'torch-distributed');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Owner').pressSequentially('fraud-ml');
  await page.getByLabel('Repository').pressSequentially('fraud-scorer');
  await page.getByLabel('Repository').blur();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(
    page.getByText('featureservice:default/fraud_detection-fraud_scoring_v1'),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-results/template-from-feature-service.png',
    fullPage: true,
  });
});
