import { test, expect } from './airGap';

test('a guest signs in and sees the catalog', async ({ page }) => {
  await page.goto('/');

  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('columnheader', { name: 'Name', exact: true }),
  ).toBeVisible();

  // Right after start the catalog may still be ingesting: reload until the
  // repository's own component (catalog-info.yaml) is listed.
  const component = page.getByRole('link', { name: 'sovereign-ml-backstage' });
  await expect(async () => {
    await page.reload();
    await expect(component).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  await page.screenshot({ path: 'e2e-results/catalog.png', fullPage: true });
});
