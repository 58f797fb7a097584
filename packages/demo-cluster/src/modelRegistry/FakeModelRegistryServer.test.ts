import {
  FakeModelRegistryServer,
  MODEL_REGISTRY_BASE_PATH,
} from './FakeModelRegistryServer';

describe('FakeModelRegistryServer', () => {
  let registry: FakeModelRegistryServer;

  beforeEach(async () => {
    registry = await FakeModelRegistryServer.start({ pageSizeMax: 3 });
  });

  afterEach(async () => {
    await registry.close();
  });

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(
      `${registry.url}${MODEL_REGISTRY_BASE_PATH}${path}`,
      init,
    );
    return { status: res.status, body: await res.json() };
  };

  function seed(count: number) {
    const ids = [];
    for (let i = 0; i < count; i++) {
      ids.push(
        registry.addRegisteredModel({ name: `model-${i}`, owner: 'fraud-ml' })
          .id,
      );
    }
    return ids;
  }

  it('serves on loopback with string ids, epoch strings and tagged custom properties', async () => {
    expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { id } = registry.addRegisteredModel({
      name: 'fraud-detector',
      customProperties: {
        team: 'fraud-ml',
        replicas: 2,
        auc: 0.96,
        live: true,
      },
    });
    const { body } = await get(`/registered_models/${id}`);
    expect(body).toEqual({
      id,
      name: 'fraud-detector',
      state: 'LIVE',
      customProperties: {
        team: { metadataType: 'MetadataStringValue', string_value: 'fraud-ml' },
        replicas: { metadataType: 'MetadataIntValue', int_value: '2' },
        auc: { metadataType: 'MetadataDoubleValue', double_value: 0.96 },
        live: { metadataType: 'MetadataBoolValue', bool_value: true },
      },
      createTimeSinceEpoch: expect.stringMatching(/^\d+$/),
      lastUpdateTimeSinceEpoch: expect.stringMatching(/^\d+$/),
    });
    expect(() =>
      registry.addRegisteredModel({
        name: 'x',
        customProperties: { bad: [1] },
      }),
    ).toThrow(/custom property "bad"/);
  });

  it('pages with pageSize and nextPageToken, capped by pageSizeMax', async () => {
    seed(7);
    const names: string[] = [];
    let token = '';
    let requests = 0;
    do {
      const { body } = await get(
        `/registered_models?pageSize=10${
          token ? `&nextPageToken=${encodeURIComponent(token)}` : ''
        }`,
      );
      requests++;
      expect(body.pageSize).toBe(3);
      expect(body.size).toBe(body.items.length);
      names.push(...body.items.map((m: any) => m.name));
      token = body.nextPageToken;
    } while (token);
    expect(requests).toBe(3);
    expect(names).toEqual([0, 1, 2, 3, 4, 5, 6].map(i => `model-${i}`));
  });

  it('orders by id, creation or update time, ascending or descending', async () => {
    const ids = seed(3);
    registry.updateRegisteredModel(ids[0], { description: 'touched last' });
    const order = async (query: string) =>
      (await get(`/registered_models?${query}`)).body.items.map(
        (m: any) => m.id,
      );
    expect(await order('orderBy=ID&sortOrder=DESC')).toEqual(
      [...ids].reverse(),
    );
    expect(await order('orderBy=CREATE_TIME')).toEqual(ids);
    expect(await order('orderBy=LAST_UPDATE_TIME&sortOrder=DESC')).toEqual([
      ids[0],
      ids[2],
      ids[1],
    ]);
  });

  it('keeps pages consistent when models are added between pages', async () => {
    seed(4);
    const first = (await get('/registered_models?pageSize=2')).body;
    registry.addRegisteredModel({ name: 'late' });
    const second = (
      await get(
        `/registered_models?pageSize=2&nextPageToken=${encodeURIComponent(
          first.nextPageToken,
        )}`,
      )
    ).body;
    expect(second.items.map((m: any) => m.name)).toEqual([
      'model-2',
      'model-3',
    ]);
    const bad = await get(
      '/registered_models?pageSize=2&nextPageToken=garbage',
    );
    expect(bad.status).toBe(400);
  });

  it('serves versions of a model, artifacts of a version and finds', async () => {
    const { id: modelId } = registry.addRegisteredModel({
      name: 'fraud-detector',
    });
    const { id: v1 } = registry.addModelVersion(modelId, {
      name: 'v1',
      state: 'ARCHIVED',
    });
    const { id: v2 } = registry.addModelVersion(modelId, {
      name: 'v2',
      author: 'alice',
    });
    const { id: artifactId } = registry.addModelArtifact(v2, {
      name: 'fraud-detector-v2',
      uri: 's3://models-fr/fraud-detector/v2/',
      modelFormatName: 'onnx',
      modelFormatVersion: '1',
    });
    const versions = (await get(`/registered_models/${modelId}/versions`)).body;
    expect(versions.items.map((v: any) => [v.id, v.name, v.state])).toEqual([
      [v1, 'v1', 'ARCHIVED'],
      [v2, 'v2', 'LIVE'],
    ]);
    const artifacts = (await get(`/model_versions/${v2}/artifacts`)).body;
    expect(artifacts.items).toEqual([
      expect.objectContaining({
        id: artifactId,
        artifactType: 'model-artifact',
        uri: 's3://models-fr/fraud-detector/v2/',
        modelFormatName: 'onnx',
        state: 'UNKNOWN',
      }),
    ]);
    expect((await get(`/model_versions/${v1}/artifacts`)).body.items).toEqual(
      [],
    );
    expect((await get('/registered_model?name=fraud-detector')).body.id).toBe(
      modelId,
    );
    expect(
      (await get(`/model_version?name=v2&parentResourceId=${modelId}`)).body.id,
    ).toBe(v2);
    expect((await get('/registered_model?name=nope')).status).toBe(404);
    expect(
      (await get(`/registered_models/${modelId}/versions?name=v1`)).body.size,
    ).toBe(1);
  });

  it('answers Error bodies for unknown ids, bad parameters and writes', async () => {
    expect(await get('/registered_models/42')).toEqual({
      status: 404,
      body: {
        code: 'Not Found',
        message: 'no RegisteredModel found for id 42',
      },
    });
    expect((await get('/registered_models/abc')).status).toBe(400);
    expect((await get('/registered_models?pageSize=-1')).status).toBe(400);
    expect((await get('/registered_models?sortOrder=UP')).status).toBe(400);
    expect(
      (await get('/registered_models', { method: 'POST', body: '{}' })).status,
    ).toBe(405);
  });

  it('requires the bearer token when one is set', async () => {
    const secured = await FakeModelRegistryServer.start({ token: 's3cret' });
    try {
      const url = `${secured.url}${MODEL_REGISTRY_BASE_PATH}/registered_models`;
      expect((await fetch(url)).status).toBe(401);
      const res = await fetch(url, {
        headers: { Authorization: 'Bearer s3cret' },
      });
      expect(res.status).toBe(200);
    } finally {
      await secured.close();
    }
  });

  it('fails requests on demand, also after n successful ones', async () => {
    seed(7);
    registry.setFault({
      status: 500,
      path: /registered_models$/,
      afterRequests: 1,
    });
    const first = await get('/registered_models?pageSize=3');
    expect(first.status).toBe(200);
    const second = await get(
      `/registered_models?pageSize=3&nextPageToken=${encodeURIComponent(
        first.body.nextPageToken,
      )}`,
    );
    expect(second).toEqual({
      status: 500,
      body: {
        code: 'Internal Server Error',
        message: 'injected fault: HTTP 500',
      },
    });
    expect((await get('/model_versions')).status).toBe(200); // other paths pass
    registry.setFault(undefined);
    expect((await get('/registered_models')).status).toBe(200);
    expect(registry.requestLog.map(r => r.path)).toHaveLength(4);
  });
});
