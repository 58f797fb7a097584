import { expect, type Page } from '@playwright/test';

/** Signs in as the guest user on the sign-in page. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/**
 * Opens a catalog entity page, reloading while the catalog is still
 * ingesting the demo data right after start.
 */
export async function openEntity(page: Page, path: string, heading: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(
      page.getByRole('heading', { name: heading }).first(),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
}
