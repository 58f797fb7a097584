import { test as base, expect } from '@playwright/test';
import { externalHost, watchExternalRequests } from './airGap';

// The guard itself must be able to fail: a page that asks for a web font
// from a CDN is caught, and the request never leaves the machine.
base(
  'the air-gap guard catches a request to another host',
  async ({ browser }) => {
    const context = await browser.newContext();
    const external = await watchExternalRequests(context);
    const page = await context.newPage();
    await page.setContent(
      '<link rel="stylesheet" href="https://fonts.example.org/css?family=Roboto">' +
        '<img src="http://127.0.0.1:9/local.png">',
    );
    await expect
      .poll(() => external)
      .toEqual(['https://fonts.example.org/css?family=Roboto']);
    await context.close();
  },
);

base('local addresses are not external', () => {
  expect(externalHost('http://localhost:3000/catalog')).toBeUndefined();
  expect(externalHost('ws://127.0.0.1:7007/api/signals')).toBeUndefined();
  expect(externalHost('data:image/png;base64,AAAA')).toBeUndefined();
  expect(externalHost('https://fonts.googleapis.com/css')).toBe(
    'fonts.googleapis.com',
  );
});
