import { join } from 'node:path';
import { FakeKubernetesApiServer } from '../kubernetes/FakeKubernetesApiServer';
import { seedDemoStory } from '../demo/seedDemoStory';
import {
  FakeModelRegistryServer,
  MODEL_REGISTRY_BASE_PATH,
} from './FakeModelRegistryServer';
import { OpenApiContract } from './__testUtils__/OpenApiContract';

const contract = OpenApiContract.fromFile(
  join(__dirname, '../../openapi/model-registry.v0.3.8.yaml'),
);

describe('FakeModelRegistryServer contract (OpenAPI v0.3.8)', () => {
  let registry: FakeModelRegistryServer;
  let k8s: FakeKubernetesApiServer;

  beforeAll(async () => {
    k8s = await FakeKubernetesApiServer.start();
    registry = await FakeModelRegistryServer.start();
    seedDemoStory(k8s, registry);
    // Every MetadataValue type and every artifact field, beyond the story.
    const { id: modelId } = registry.addRegisteredModel({
      name: 'contract-model',
      state: 'ARCHIVED',
      externalId: 'ext-1',
      customProperties: {
        int: 3,
        double: 0.5,
        bool: true,
        string: 'x',
        struct: { metadataType: 'MetadataStructValue', struct_value: 'e30=' },
        proto: {
          metadataType: 'MetadataProtoValue',
          type: 'type.googleapis.com/google.protobuf.Empty',
          proto_value: '',
        },
      },
    });
    const { id: versionId } = registry.addModelVersion(modelId, { name: '1' });
    registry.addModelArtifact(versionId, {
      name: 'contract-artifact',
      uri: 's3://models-fr/contract/1/',
      state: 'PENDING',
      storageKey: 'models-fr',
      storagePath: 'contract/1',
      serviceAccountName: 'model-registry',
    });
  });

  afterAll(async () => {
    await Promise.all([registry.close(), k8s.close()]);
  });

  async function answer(path: string, server = registry) {
    const res = await fetch(`${server.url}${MODEL_REGISTRY_BASE_PATH}${path}`);
    return { status: res.status, body: await res.json() };
  }

  /** Follows nextPageToken through every page, checking each answer. */
  async function checkAllPages(path: string, pageSize = 2) {
    let token = '';
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const url = `${path}${separator}pageSize=${pageSize}${
        token ? `&nextPageToken=${encodeURIComponent(token)}` : ''
      }`;
      const { status, body } = await answer(url);
      expect(status).toBe(200);
      contract.check(
        'GET',
        `${MODEL_REGISTRY_BASE_PATH}${path.split('?')[0]}`,
        status,
        body,
      );
      token = body.nextPageToken;
      pages++;
    } while (token);
    return pages;
  }

  it('answers every list operation as the spec says, on every page', async () => {
    const lists = [
      '/registered_models',
      '/registered_models?orderBy=CREATE_TIME&sortOrder=DESC',
      '/registered_models/1/versions',
      '/registered_models/1/versions?name=v2',
      '/model_versions?orderBy=LAST_UPDATE_TIME',
      '/model_versions/2/artifacts',
      '/model_versions/2/artifacts?artifactType=model-artifact',
      '/model_artifacts',
      '/artifacts',
      '/artifacts?artifactType=doc-artifact',
      '/serving_environments',
      '/inference_services',
      '/experiments',
      '/experiment_runs',
    ];
    let pages = 0;
    for (const list of lists) pages += await checkAllPages(list);
    expect(pages).toBeGreaterThan(lists.length); // several were paged
  });

  it('answers every get and find operation as the spec says', async () => {
    const { body: models } = await answer('/registered_models?pageSize=100');
    const { body: versions } = await answer('/model_versions?pageSize=100');
    const { body: artifacts } = await answer('/model_artifacts?pageSize=100');
    const paths = [
      ...models.items.map((m: any) => `/registered_models/${m.id}`),
      ...models.items.map((m: any) => `/registered_model?name=${m.name}`),
      '/registered_model?externalId=ext-1',
      ...versions.items.map((v: any) => `/model_versions/${v.id}`),
      ...versions.items.map(
        (v: any) =>
          `/model_version?name=${v.name}&parentResourceId=${v.registeredModelId}`,
      ),
      ...artifacts.items.map((a: any) => `/model_artifacts/${a.id}`),
      ...artifacts.items.map((a: any) => `/artifacts/${a.id}`),
      ...artifacts.items.map((a: any) => `/model_artifact?name=${a.name}`),
      ...artifacts.items.map((a: any) => `/artifact?name=${a.name}`),
    ];
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const { status, body } = await answer(path);
      expect({ path, status }).toEqual({ path, status: 200 });
      contract.check(
        'GET',
        `${MODEL_REGISTRY_BASE_PATH}${path.split('?')[0]}`,
        status,
        body,
      );
    }
  });

  it('answers errors with the spec Error shape and declared statuses', async () => {
    const cases: Array<[string, number]> = [
      ['/registered_models/999', 404],
      ['/registered_model?name=nope', 404],
      ['/model_versions/999', 404],
      ['/artifacts/999', 404],
      ['/model_artifacts?pageSize=zero', 400],
      ['/artifacts?artifactType=weights', 400],
      ['/model_versions?orderBy=NAME', 400],
      ['/model_version?name=v1', 400],
      ['/registered_models?filterQuery=name%3D%22x%22', 400],
    ];
    for (const [path, expected] of cases) {
      const { status, body } = await answer(path);
      expect({ path, status }).toEqual({ path, status: expected });
      // The spec declares 400 on some operations only; the real server's
      // error mapping answers it for bad parameters everywhere.
      contract.check(
        'GET',
        `${MODEL_REGISTRY_BASE_PATH}${path.split('?')[0]}`,
        status,
        body,
        [400],
      );
    }
    const secured = await FakeModelRegistryServer.start({ token: 't' });
    try {
      const { status, body } = await answer('/registered_models', secured);
      expect(status).toBe(401);
      contract.check(
        'GET',
        `${MODEL_REGISTRY_BASE_PATH}/registered_models`,
        status,
        body,
      );
      secured.setFault({ status: 503 });
      const unavailable = await answer('/registered_models', secured);
      contract.check(
        'GET',
        `${MODEL_REGISTRY_BASE_PATH}/registered_models`,
        503,
        unavailable.body,
      );
    } finally {
      await secured.close();
    }
  });

  it('has a checker that rejects answers breaking the spec', () => {
    const path = `${MODEL_REGISTRY_BASE_PATH}/registered_models/1`;
    const good = {
      id: '1',
      name: 'm',
      state: 'LIVE',
      customProperties: {
        a: { metadataType: 'MetadataStringValue', string_value: 'x' },
      },
      createTimeSinceEpoch: '1',
      lastUpdateTimeSinceEpoch: '1',
    };
    expect(() => contract.check('GET', path, 200, good)).not.toThrow();
    expect(() => contract.check('GET', path, 200, { ...good, id: 1 })).toThrow(
      /must be string/,
    );
    expect(() =>
      contract.check('GET', path, 200, { ...good, colour: 'red' }),
    ).toThrow(/must NOT have unevaluated properties/);
    expect(() =>
      contract.check('GET', path, 200, {
        ...good,
        customProperties: { a: { string_value: 'x' } },
      }),
    ).toThrow(/metadataType/);
    expect(() =>
      contract.check('GET', path, 200, {
        ...good,
        customProperties: {
          a: { metadataType: 'MetadataIntValue', int_value: 3 },
        },
      }),
    ).toThrow(/int_value/);
    expect(() => contract.check('GET', path, 418, good)).toThrow(
      /does not declare status 418/,
    );
  });
});
