import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createProviderHarnesses } from '../../__testUtils__/providerHarness';

const REGISTRY = readFileSync(
  join(
    __dirname,
    '..',
    '..',
    '__fixtures__',
    'registry-v0.44-ui-credit-scoring.db',
  ),
);

function s3Error(code: string, status: number) {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code} at http://10.1.2.3/internal</Message><RequestId>1</RequestId></Error>`,
  };
}

describe('S3 registry location', () => {
  let server: Server;
  let endpoint: string;
  const requests: IncomingMessage[] = [];
  let answer: (req: IncomingMessage) => {
    status: number;
    body: string | Buffer;
  };
  const env = { ...process.env };

  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
    process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
    server = createServer((req, res) => {
      requests.push(req);
      const { status, body } = answer(req);
      res.writeHead(status, {
        'content-type':
          typeof body === 'string'
            ? 'application/xml'
            : 'application/octet-stream',
      });
      res.end(body);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    process.env = env;
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  async function s3Provider() {
    answer = req =>
      req.method === 'GET' &&
      req.url?.startsWith('/feast-registry/prod/registry.db')
        ? { status: 200, body: REGISTRY }
        : s3Error('NoSuchKey', 404);
    const { s3 } = await createProviderHarnesses({
      s3: {
        registry: {
          s3: {
            bucket: 'feast-registry',
            key: 'prod/registry.db',
            region: 'eu-west-3',
            endpoint,
            forcePathStyle: true,
          },
        },
        timeout: { milliseconds: 500 },
      },
    });
    return s3;
  }

  it('reads the registry with a signed path-style GetObject', async () => {
    const s3 = await s3Provider();
    await s3.run();
    expect((s3.mutations[0] as any).entities).toHaveLength(13);
    const request = requests.at(-1)!;
    expect(request.url).toMatch(/^\/feast-registry\/prod\/registry\.db/);
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=test-access-key\/\d{8}\/eu-west-3\/s3\/aws4_request/,
    );
  });

  it.each([
    [
      'AccessDenied',
      403,
      'NotAllowedError: S3 GetObject of the registry file (AccessDenied) answered HTTP 403: access denied',
    ],
    [
      'NoSuchKey',
      404,
      'NotFoundError: S3 GetObject of the registry file (NoSuchKey) answered HTTP 404',
    ],
    [
      'InternalError',
      500,
      'ServiceUnavailableError: S3 GetObject of the registry file (InternalError) answered HTTP 500',
    ],
  ])('keeps the last good entities on %s', async (code, status, cause) => {
    const s3 = await s3Provider();
    await s3.run();
    answer = () => s3Error(code, status);
    await s3.run();
    expect(s3.mutations).toHaveLength(1);
    const error = s3.logs.find(l => l.level === 'error')!.message;
    expect(error).toBe(
      `Feast registry "s3" could not be read, keeping the last good entities: ${cause}`,
    );
  });

  it('keeps the last good entities on a timeout', async () => {
    const s3 = await s3Provider();
    await s3.run();
    // The server accepts the request and never answers.
    const [respond] = server.listeners('request') as Array<
      (...args: any[]) => void
    >;
    server.removeAllListeners('request');
    server.on('request', () => {});
    try {
      await s3.run();
    } finally {
      server.removeAllListeners('request');
      server.on('request', respond);
    }
    expect(s3.mutations).toHaveLength(1);
    expect(s3.logs.find(l => l.level === 'error')!.message).toContain(
      'ServiceUnavailableError: S3 GetObject of the registry file timed out after 500 ms',
    );
  });
});
