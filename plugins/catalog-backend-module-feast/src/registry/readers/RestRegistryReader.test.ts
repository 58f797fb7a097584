import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type FakeFeastRestServer,
  startFakeFeastRestServer,
} from '../../__testUtils__/fakeFeastRestServer';
import { createProviderHarnesses } from '../../__testUtils__/providerHarness';
import { decodeRegistry } from '../decodeRegistry';
import { RestRegistryReader } from './RestRegistryReader';

const FIXTURES = [
  'registry-v0.18-java-feast10',
  'registry-v0.26-ui-credit-scoring',
  'registry-v0.44-ui-credit-scoring',
  'registry-v0.62-ui-credit-scoring',
];
const fixture = (name: string) =>
  readFileSync(join(__dirname, '..', '..', '__fixtures__', `${name}.db`));

describe('RestRegistryReader', () => {
  let server: FakeFeastRestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each(FIXTURES)(
    'reads the same registry over REST as from %s',
    async name => {
      server = await startFakeFeastRestServer(fixture(name), {
        token: 't0k3n',
      });
      const reader = new RestRegistryReader({
        baseUrl: server.baseUrl,
        token: 't0k3n',
        timeoutMs: 5000,
      });
      const fromRest = await reader.read();
      const fromFile = decodeRegistry(fixture(name));
      const byName = (a: { name: string }, b: { name: string }) =>
        a.name.localeCompare(b.name);
      for (const key of Object.keys(fromFile) as Array<keyof typeof fromFile>) {
        expect({ key, list: [...fromRest[key]].sort(byName) }).toEqual({
          key,
          list: [...fromFile[key]].sort(byName),
        });
      }
    },
  );

  it('reads every list page by page until hasNext is gone', async () => {
    server = await startFakeFeastRestServer(fixture(FIXTURES[0]));
    await new RestRegistryReader({
      baseUrl: server.baseUrl,
      timeoutMs: 5000,
    }).read();
    // 27 views at the fake server's 10 per page: pages 1 to 3, no page 4.
    expect(
      server.requests.filter(r => r.startsWith('/api/v1/feature_views')),
    ).toEqual(
      [1, 2, 3].map(
        page =>
          `/api/v1/feature_views?project=feast_project&page=${page}&limit=100`,
      ),
    );
  });

  it('reads only the allowed projects', async () => {
    server = await startFakeFeastRestServer(fixture(FIXTURES[3]));
    const reader = new RestRegistryReader({
      baseUrl: `${server.baseUrl}/`,
      timeoutMs: 5000,
      projects: ['another_project'],
    });
    const snapshot = await reader.read();
    expect(snapshot.projects).toEqual([]);
    expect(server.requests).toEqual(['/api/v1/projects?page=1&limit=100']);
  });

  it('fails the whole read when a page fails mid-way, and the provider keeps the last good entities', async () => {
    server = await startFakeFeastRestServer(fixture(FIXTURES[0]), {
      token: 't0k3n',
    });
    const { rest } = await createProviderHarnesses({
      rest: { registry: { restUrl: server.baseUrl }, token: 't0k3n' },
    });
    await rest.run();
    expect((rest.mutations[0] as any).entities).toHaveLength(1 + 3 + 27 + 1);

    server.options.fail = (path, page) =>
      path === '/feature_views' && page === 2 ? 500 : undefined;
    await rest.run();
    expect(rest.mutations).toHaveLength(1);
    const error = rest.logs.find(l => l.level === 'error')!.message;
    expect(error).toBe(
      'Feast registry "rest" could not be read, keeping the last good entities: ServiceUnavailableError: GET /feature_views (project feast_project, page 2) answered HTTP 500',
    );

    server.options.fail = undefined;
    await rest.run();
    expect(rest.mutations).toHaveLength(2);
  });

  it('reports a wrong token without leaking it', async () => {
    server = await startFakeFeastRestServer(fixture(FIXTURES[1]), {
      token: 'right',
    });
    const reader = new RestRegistryReader({
      baseUrl: server.baseUrl,
      token: 'wrong-token',
      timeoutMs: 5000,
    });
    await expect(reader.read()).rejects.toThrow(
      /^GET \/projects \(page 1\) answered HTTP 401: check the token$/,
    );
  });
});
