import type { JsonObject } from '@backstage/types';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createProviderHarnesses } from '../__testUtils__/providerHarness';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '..', '__fixtures__', `${name}.db`));
const GOOD = fixture('registry-v0.62-ui-credit-scoring');
const OTHER = fixture('registry-v0.18-java-feast10');

function entityNames(mutation: any): string[] {
  return mutation.entities.map((e: any) => e.entity.metadata.name).sort();
}

describe('FeastEntityProvider', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  async function fileProvider(extra: JsonObject = {}) {
    mockDir.setContent({ 'registry.db': GOOD });
    const { demo } = await createProviderHarnesses({
      demo: {
        registry: { path: mockDir.resolve('registry.db') },
        owner: 'group:data-office',
        ...extra,
      },
    });
    return demo;
  }

  it('applies a full mutation with a location key per registry', async () => {
    const demo = await fileProvider();
    expect(demo.provider.getProviderName()).toBe('feast-provider:demo');
    await demo.run();
    expect(demo.mutations).toHaveLength(1);
    const mutation = demo.mutations[0] as any;
    expect(mutation.type).toBe('full');
    expect(mutation.entities).toHaveLength(13);
    expect(
      mutation.entities.every(
        (e: any) => e.locationKey === 'feast-provider:demo',
      ),
    ).toBe(true);
    expect(demo.logs).toContainEqual({
      level: 'info',
      message: expect.stringContaining('applied 13 entities from 1 projects'),
    });
  });

  it.each([
    [
      'truncated protobuf',
      GOOD.subarray(0, 4000),
      /Not a readable Feast registry file/,
    ],
    [
      'a file that is not a registry',
      Buffer.from('hello\n'.repeat(50)),
      /Not a .*Feast registry file/,
    ],
  ])(
    'keeps the last good entities on %s and recovers',
    async (_, bad, cause) => {
      const demo = await fileProvider();
      await demo.run();
      mockDir.setContent({ 'registry.db': bad });
      await demo.run();
      expect(demo.mutations).toHaveLength(1);
      const error = demo.logs.find(l => l.level === 'error')!;
      expect(error.message).toMatch(
        /^Feast registry "demo" could not be read, keeping the last good entities/,
      );
      expect(error.message).toMatch(cause);
      mockDir.setContent({ 'registry.db': GOOD });
      await demo.run();
      expect(demo.mutations).toHaveLength(2);
      expect(entityNames(demo.mutations[1])).toEqual(
        entityNames(demo.mutations[0]),
      );
    },
  );

  it('keeps the last good entities when the file disappears', async () => {
    const demo = await fileProvider();
    await demo.run();
    mockDir.clear();
    await demo.run();
    expect(demo.mutations).toHaveLength(1);
    expect(demo.logs.find(l => l.level === 'error')!.message).toContain(
      'NotFoundError: the registry file does not exist (ENOENT)',
    );
  });

  it('applies an empty registry only after two consecutive empty reads', async () => {
    const demo = await fileProvider();
    await demo.run();
    mockDir.setContent({ 'registry.db': '' });
    await demo.run();
    expect(demo.mutations).toHaveLength(1);
    expect(demo.logs.find(l => l.level === 'warn')!.message).toContain(
      'Feast registry "demo" read as empty (1 of 2',
    );
    // A good read in between resets the count.
    mockDir.setContent({ 'registry.db': GOOD });
    await demo.run();
    mockDir.setContent({ 'registry.db': '' });
    await demo.run();
    expect(demo.mutations).toHaveLength(2);
    await demo.run();
    expect(demo.mutations).toHaveLength(3);
    expect(demo.mutations[2]).toEqual({ type: 'full', entities: [] });
    // Once empty was applied, further empty reads apply directly.
    await demo.run();
    expect(demo.mutations).toHaveLength(4);
  });

  it('honours emptyRegistryConfirmations, also for the first read after start', async () => {
    mockDir.setContent({ 'registry.db': '' });
    const { demo } = await createProviderHarnesses({
      demo: {
        registry: { path: mockDir.resolve('registry.db') },
        emptyRegistryConfirmations: 3,
      },
    });
    await demo.run();
    await demo.run();
    expect(demo.mutations).toHaveLength(0);
    await demo.run();
    expect(demo.mutations).toEqual([{ type: 'full', entities: [] }]);
  });

  it('only emits the allowed projects', async () => {
    mockDir.setContent({ 'a.db': GOOD, 'b.db': OTHER });
    const { demo } = await createProviderHarnesses({
      demo: {
        registry: { path: mockDir.resolve('b.db') },
        projects: ['feast_project'],
      },
    });
    await demo.run();
    expect(entityNames(demo.mutations[0])).toContain(
      'feast_project-driver_hourly_stats',
    );

    const { other } = await createProviderHarnesses({
      other: {
        registry: { path: mockDir.resolve('b.db') },
        projects: ['credit_scoring_aws'],
      },
    });
    await other.run();
    expect(other.mutations).toHaveLength(0);
    expect(other.logs.find(l => l.level === 'warn')!.message).toContain(
      'Feast registry "other" read as empty',
    );
  });

  it('does not let a second registry overwrite a project of the first', async () => {
    mockDir.setContent({ 'a.db': GOOD, 'b.db': GOOD });
    const harnesses = await createProviderHarnesses({
      first: { registry: { path: mockDir.resolve('a.db') } },
      second: { registry: { path: mockDir.resolve('b.db') } },
      third: {
        registry: { path: mockDir.resolve('b.db') },
        namespace: 'eu-copy',
      },
    });
    await harnesses.first.run();
    await harnesses.second.run();
    await harnesses.third.run();
    expect(harnesses.first.mutations[0].type).toBe('full');
    expect((harnesses.first.mutations[0] as any).entities).toHaveLength(13);
    // Nothing of the project for the second registry (and, as it held
    // objects before nothing, that emptiness is not applied either).
    expect(harnesses.second.mutations).toHaveLength(0);
    const error = harnesses.first.logs.find(l => l.level === 'error')!;
    expect(error.message).toBe(
      'Feast registry "second" skips project "credit_scoring_aws": registry "first" already emits it into namespace "default". Set catalog.providers.feast.second.namespace (or .projects) so that the two registries do not collide.',
    );
    // Another namespace does not collide.
    const third = (harnesses.third.mutations[0] as any).entities;
    expect(third).toHaveLength(13);
    expect(third[0].entity.metadata.namespace).toBe('eu-copy');
  });

  describe('over HTTP', () => {
    let server: Server;
    let baseUrl: string;
    let handler: (
      req: IncomingMessage,
    ) => { status: number; body?: Buffer } | 'hang';
    const requests: IncomingMessage[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        requests.push(req);
        const answer = handler(req);
        if (answer === 'hang') return;
        res.writeHead(answer.status, {
          'content-type': 'application/octet-stream',
        });
        res.end(
          answer.body ??
            Buffer.from(`{"detail":"error at http://10.0.0.1/internal"}`),
        );
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    });

    async function httpProvider() {
      handler = () => ({ status: 200, body: GOOD });
      const { demo } = await createProviderHarnesses({
        demo: {
          registry: { url: `${baseUrl}/registry.db` },
          token: 'secret-token-123',
          timeout: { milliseconds: 300 },
        },
      });
      await demo.run();
      expect(demo.mutations).toHaveLength(1);
      expect(requests.at(-1)!.headers.authorization).toBe(
        'Bearer secret-token-123',
      );
      return demo;
    }

    it.each([
      [
        401,
        'AuthenticationError: GET of the registry file answered HTTP 401: check the token',
      ],
      [403, 'NotAllowedError: GET of the registry file answered HTTP 403'],
      [404, 'NotFoundError: GET of the registry file answered HTTP 404'],
      [
        500,
        'ServiceUnavailableError: GET of the registry file answered HTTP 500',
      ],
    ])('keeps the last good entities on HTTP %i', async (status, cause) => {
      const demo = await httpProvider();
      handler = () => ({ status });
      await demo.run();
      expect(demo.mutations).toHaveLength(1);
      const error = demo.logs.find(l => l.level === 'error')!.message;
      expect(error).toContain('Feast registry "demo" could not be read');
      expect(error).toContain(cause);
      expect(error).not.toContain('secret-token-123');
      expect(error).not.toContain('127.0.0.1');
      expect(error).not.toContain('10.0.0.1');
      handler = () => ({ status: 200, body: GOOD });
      await demo.run();
      expect(demo.mutations).toHaveLength(2);
    });

    it('keeps the last good entities on a timeout', async () => {
      const demo = await httpProvider();
      handler = () => 'hang';
      await demo.run();
      expect(demo.mutations).toHaveLength(1);
      expect(demo.logs.find(l => l.level === 'error')!.message).toContain(
        'ServiceUnavailableError: GET of the registry file timed out after 300 ms',
      );
    });

    it('keeps the last good entities when the URL serves an HTML page', async () => {
      const demo = await httpProvider();
      handler = () => ({
        status: 200,
        body: Buffer.from('<html>proxy error</html>'),
      });
      await demo.run();
      expect(demo.mutations).toHaveLength(1);
      expect(demo.logs.find(l => l.level === 'error')!.message).toMatch(
        /InputError: Not a .*Feast registry file/,
      );
    });

    it('keeps the last good entities when the server is gone', async () => {
      const gone = createServer();
      await new Promise<void>(resolve => gone.listen(0, '127.0.0.1', resolve));
      const port = (gone.address() as AddressInfo).port;
      await new Promise(resolve => gone.close(resolve));
      const { demo } = await createProviderHarnesses({
        demo: { registry: { url: `http://127.0.0.1:${port}/registry.db` } },
      });
      await demo.run();
      expect(demo.mutations).toHaveLength(0);
      const error = demo.logs.find(l => l.level === 'error')!.message;
      expect(error).toContain(
        'ServiceUnavailableError: GET of the registry file failed: ECONNREFUSED',
      );
      expect(error).not.toContain(String(port));
    });
  });
});
