import { test as base, expect, type BrowserContext } from '@playwright/test';

/** Hosts the portal may talk to: the machine itself, nothing else. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Schemes that never leave the browser. */
const LOCAL_SCHEMES = new Set([
  'data:',
  'blob:',
  'about:',
  'chrome-extension:',
]);

/**
 * Returns the host of a URL when a request to it would leave the machine,
 * else undefined.
 */
export function externalHost(url: string): string | undefined {
  const parsed = new URL(url);
  if (LOCAL_SCHEMES.has(parsed.protocol)) return undefined;
  return LOCAL_HOSTS.has(parsed.hostname) ? undefined : parsed.host;
}

/**
 * Records every request of the browser context (pages, workers, web
 * sockets) whose host is not local, and aborts it so that nothing leaves the
 * machine even while the test goes on.
 */
export async function watchExternalRequests(
  context: BrowserContext,
): Promise<string[]> {
  const external: string[] = [];
  await context.route(
    url => externalHost(url.toString()) !== undefined,
    route => {
      external.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  context.on('page', page =>
    page.on('websocket', ws => {
      if (externalHost(ws.url())) external.push(ws.url());
    }),
  );
  return external;
}

/**
 * The test function of every e2e test: after each test it asserts that the
 * browser sent zero requests to any host but localhost, because the portal
 * must work air-gapped (no web fonts, CDNs, analytics, telemetry, update
 * checks).
 */
export const test = base.extend<{ externalRequests: string[] }>({
  externalRequests: [
    async ({ context }, use) => {
      const external = await watchExternalRequests(context);
      await use(external);
      expect(
        external,
        'requests to hosts other than localhost (the portal must work air-gapped)',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
