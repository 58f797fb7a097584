import { MlopsApiError } from './MlopsApiError';
import { MlopsClient } from './MlopsClient';

const baseUrl = 'http://localhost:7007/api/mlops';
const id = {
  cluster: 'sovereign-fr',
  namespace: 'fraud-ml',
  name: 'fraud-detector-train-0419',
};

function client(fetch: jest.Mock) {
  return new MlopsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch },
  });
}

function json(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

async function errorOf(promise: Promise<unknown>): Promise<MlopsApiError> {
  try {
    await promise;
  } catch (e) {
    return e as MlopsApiError;
  }
  throw new Error('expected a rejection');
}

describe('MlopsClient', () => {
  it('asks for lineage with its query', async () => {
    const fetch = jest.fn().mockResolvedValue(json(200, { nodes: [] }));
    await client(fetch).getLineage({
      entityRef: 'model:default/fraud-detector',
      direction: 'upstream',
      depth: 4,
      kinds: ['FeatureView', 'Model'],
    });
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/lineage?entityRef=model%3Adefault%2Ffraud-detector&direction=upstream&depth=4&kinds=FeatureView%2CModel`,
      undefined,
    );
  });

  it('calls the TrainJob actions with their methods', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(json(200, { suspended: true }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    await client(fetch).setTrainJobSuspended(id, true);
    await client(fetch).deleteTrainJob(id);
    expect(fetch.mock.calls[0]).toEqual([
      `${baseUrl}/trainjobs/sovereign-fr/fraud-ml/fraud-detector-train-0419/suspend`,
      { method: 'POST' },
    ]);
    expect(fetch.mock.calls[1]).toEqual([
      `${baseUrl}/trainjobs/sovereign-fr/fraud-ml/fraud-detector-train-0419`,
      { method: 'DELETE' },
    ]);
  });

  it('sends report filters as comma lists', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValue(new Response('a,b\n', { status: 200 }));
    const csv = await client(fetch).getComplianceReportCsv({
      status: ['fail', 'unknown'],
      kind: ['Model'],
    });
    expect(csv).toBe('a,b\n');
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/compliance/report?status=fail%2Cunknown&kind=Model&format=csv`,
    );
  });

  it('streams logs chunk by chunk and closes on abort', async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode('line 1\n'));
        controller.enqueue(encoder.encode('line 2\n'));
        controller.close();
      },
    });
    const fetch = jest.fn().mockResolvedValue(
      new Response(body, {
        status: 200,
        headers: { 'X-Mlops-Pod': 'p-0', 'X-Mlops-Container': 'node' },
      }),
    );
    const stream = await client(fetch).openTrainJobLogs(id, {
      follow: true,
      tailLines: 10,
    });
    expect(stream.pod).toBe('p-0');
    const chunks: string[] = [];
    for await (const chunk of stream.chunks) chunks.push(chunk);
    expect(chunks.join('')).toBe('line 1\nline 2\n');
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/trainjobs/sovereign-fr/fraud-ml/fraud-detector-train-0419/logs?tailLines=10&follow=true`,
    );
    expect(fetch.mock.calls[0][1].signal).toBeInstanceOf(AbortSignal);
  });

  it.each([
    [json(404), 'not-installed', /no mlops plugin/],
    [
      json(404, {
        error: {
          name: 'NotFoundError',
          message: 'No entity model:default/x in the catalog',
        },
      }),
      'not-found',
      /No entity model:default\/x/,
    ],
    [
      json(401, {
        error: { name: 'AuthenticationError', message: 'no token' },
      }),
      'permission',
      /not signed in/,
    ],
    [
      json(403, {
        error: { name: 'NotAllowedError', message: 'denied by policy' },
      }),
      'permission',
      /do not allow it \(denied by policy\)/,
    ],
    [
      json(502, {
        error: {
          name: 'ClusterRequestError',
          message: 'cluster sovereign-fr answered HTTP 503',
        },
      }),
      'cluster',
      /cluster sovereign-fr answered HTTP 503/,
    ],
    [
      new Response('Bad Gateway', { status: 502 }),
      'unreachable',
      /not answering \(HTTP 502\)/,
    ],
    [
      json(400, { error: { name: 'InputError', message: 'Invalid depth' } }),
      'input',
      /Invalid depth/,
    ],
    [
      json(500, { error: { name: 'Error', message: 'boom' } }),
      'server',
      /HTTP 500: boom/,
    ],
  ])(
    'maps an HTTP error to a clear message (%#)',
    async (response, kind, message) => {
      const error = await errorOf(
        client(jest.fn().mockResolvedValue(response)).getTrainJobStatus(id),
      );
      expect(error).toBeInstanceOf(MlopsApiError);
      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(baseUrl);
    },
  );

  it('says the backend is down when the request fails', async () => {
    const error = await errorOf(
      client(
        jest.fn().mockRejectedValue(new TypeError('Failed to fetch')),
      ).getLineage({ entityRef: 'model:default/x' }),
    );
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/cannot be reached/);
  });
});
