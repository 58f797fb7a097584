import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { modelEntityV1alpha1Validator } from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  FakeKubernetesApiServer,
  FakeModelRegistryServer,
  seedDemoStory,
} from '@sovereign-ai/demo-cluster';
import { FakeConnection } from '../../__testUtils__/FakeConnection';
import { KubeflowModelRegistryEntityProvider } from './KubeflowModelRegistryEntityProvider';

jest.setTimeout(30_000);

const TOKEN = 'registry-token-5d1e';
const FRAUD = 'model:default/fraud-detector';
const CHARGEBACK = 'model:default/chargeback-predictor';

async function createProvider(
  registry: { url: string },
  extra: Record<string, unknown> = {},
) {
  const config = new ConfigReader({
    catalog: {
      providers: {
        kubeflowModelRegistry: {
          demo: {
            baseUrl: registry.url,
            token: TOKEN,
            owner: 'fraud-ml',
            ...extra,
          },
        },
      },
    },
  } as any);
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const scheduler = mockServices.scheduler.mock();
  const [provider] = KubeflowModelRegistryEntityProvider.fromConfig(config, {
    logger,
    scheduler,
  });
  const connection = new FakeConnection();
  await provider.connect(connection);
  expect(scheduler.scheduleTask).toHaveBeenCalledWith(
    expect.objectContaining({
      id: 'kubeflow-model-registry-provider:demo:refresh',
      frequency: { minutes: 5 },
      timeout: { minutes: 3 },
    }),
  );
  const errors = () =>
    logger.error.mock.calls.map(call => String(call[0])).join('\n');
  return { provider, connection, logger, errors };
}

describe('KubeflowModelRegistryEntityProvider against the fake Model Registry', () => {
  let k8s: FakeKubernetesApiServer;
  let registry: FakeModelRegistryServer;

  beforeEach(async () => {
    k8s = await FakeKubernetesApiServer.start();
    registry = await FakeModelRegistryServer.start({
      token: TOKEN,
      pageSizeMax: 2,
    });
    seedDemoStory(k8s, registry);
  });

  afterEach(async () => {
    await registry.close();
    await k8s.close();
  });

  it('ingests the demo models with versions, artifacts, metrics and join keys', async () => {
    const { provider, connection } = await createProvider(registry);
    await provider.refresh();

    expect(connection.mutations.map(m => m.type)).toEqual(['full']);
    expect(connection.refs()).toEqual([CHARGEBACK, FRAUD]);
    const fraud = connection.get(FRAUD)!;
    expect(await modelEntityV1alpha1Validator.check(fraud)).toBe(true);
    expect(fraud.metadata).toMatchObject({
      name: 'fraud-detector',
      title: 'fraud-detector',
      description: 'Scores card transactions for fraud in real time',
      annotations: {
        'kubeflow.org/model-registry': 'demo',
        'sovereign-ai.io/jurisdiction': 'eu-fr',
        'sovereign-ai.io/data-classification': 'confidential',
        'backstage.io/managed-by-location':
          'kubeflow-model-registry-provider:demo',
      },
    });
    expect(
      fraud.metadata.annotations!['kubeflow.org/registered-model-id'],
    ).toMatch(/^\d+$/);
    expect(fraud.spec).toMatchObject({
      owner: 'fraud-ml',
      lifecycle: 'production',
      featureServices: [
        'featureservice:default/fraud_detection-fraud_scoring_v1',
      ],
    });
    const [v1, v2] = fraud.spec!.versions as any[];
    expect(v1).toMatchObject({
      name: 'v1',
      state: 'ARCHIVED',
      artifactUri: 's3://models-fr/fraud-detector/v1/',
    });
    expect(v1.producedBy).toBeUndefined();
    expect(v2).toMatchObject({
      name: 'v2',
      state: 'LIVE',
      artifactUri: 's3://models-fr/fraud-detector/v2/',
      format: 'onnx',
      formatVersion: '1',
      author: 'alice',
      producedBy:
        'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0412',
      featureServices: [
        'featureservice:default/fraud_detection-fraud_scoring_v1',
      ],
      metrics: { auc: 0.962, precision: 0.913 },
    });
    expect(v2.created).toMatch(/^\d{4}-\d\d-\d\dT/);

    const chargeback = connection.get(CHARGEBACK)!;
    expect(await modelEntityV1alpha1Validator.check(chargeback)).toBe(true);
    expect((chargeback.spec!.versions as any[]).map(v => v.name)).toEqual([
      '1',
      '2',
    ]);
    expect((chargeback.spec!.versions as any[])[1]).toMatchObject({
      producedBy:
        'trainingjob:default/sovereign-fr-fraud-ml-chargeback-train-0405',
      artifactUri: 's3://models-fr/chargeback/2/',
    });

    // Lists are paged: pageSizeMax 2 forces several pages per collection.
    const pages = registry.requestLog.filter(r =>
      r.path.endsWith('/model_versions'),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(1).every(r => /nextPageToken=/.test(r.query))).toBe(
      true,
    );
  });

  it('shows archived models as deprecated, and hides them when configured', async () => {
    const { id } = registry.addRegisteredModel({
      name: 'legacy-scorer',
      state: 'ARCHIVED',
    });
    registry.addModelVersion(id, { name: '1', state: 'ARCHIVED' });

    const shown = await createProvider(registry);
    await shown.provider.refresh();
    expect(
      shown.connection.get('model:default/legacy-scorer')?.spec,
    ).toMatchObject({
      lifecycle: 'deprecated',
      versions: [{ name: '1', state: 'ARCHIVED' }],
    });

    const hidden = await createProvider(registry, { includeArchived: false });
    await hidden.provider.refresh();
    expect(hidden.connection.refs()).toEqual([CHARGEBACK, FRAUD]);
    expect(
      (hidden.connection.get(FRAUD)!.spec!.versions as any[]).map(v => v.name),
    ).toEqual(['v2']);
  });

  it('keeps the last good entities when a page fails mid-way', async () => {
    const { provider, connection, errors } = await createProvider(registry);
    await provider.refresh();
    expect(connection.entities.size).toBe(2);

    registry.addRegisteredModel({ name: 'new-model' });
    registry.setFault({ status: 503, afterRequests: 3 });
    await provider.refresh();
    expect(connection.mutations).toHaveLength(1);
    expect(connection.refs()).toEqual([CHARGEBACK, FRAUD]);
    expect(errors()).toContain(
      'kubeflow-model-registry-provider:demo could not read the Model Registry: HTTP 503',
    );
    expect(errors()).toContain('keeping the last good entities');

    registry.setFault(undefined);
    await provider.refresh();
    expect(connection.refs()).toEqual([
      CHARGEBACK,
      FRAUD,
      'model:default/new-model',
    ]);
  });

  it('logs 401 without the token or the URL, and survives an unreachable registry', async () => {
    const { provider, connection, errors } = await createProvider(registry, {
      token: 'wrong-token-9b2f',
    });
    await provider.refresh();
    expect(connection.mutations).toEqual([]);
    expect(errors()).toContain('HTTP 401');
    expect(errors()).not.toContain('wrong-token-9b2f');
    expect(errors()).not.toContain(registry.url);

    const url = registry.url;
    await registry.close();
    const down = await createProvider({ url });
    await down.provider.refresh();
    expect(down.connection.mutations).toEqual([]);
    expect(down.errors()).toContain('network error ECONNREFUSED');
    expect(down.errors()).not.toContain(url.replace('http://', ''));
    registry = await FakeModelRegistryServer.start();
  });

  it('warns about join keys it cannot read and keeps the version', async () => {
    const { id } = registry.addRegisteredModel({ name: 'odd-model' });
    registry.addModelVersion(id, {
      name: '1',
      customProperties: {
        'sovereign-ai.io/trainjob': 'not-a-job-key',
        'feast.feature_service': 'no-slash',
      },
    });
    const { provider, connection, logger } = await createProvider(registry);
    await provider.refresh();
    expect(connection.get('model:default/odd-model')!.spec).toMatchObject({
      lifecycle: 'experimental',
      versions: [{ name: '1', state: 'LIVE' }],
    });
    expect(logger.warn).toHaveBeenCalledWith(
      "Registered model odd-model: version 1: sovereign-ai.io/trainjob 'not-a-job-key' is not <cluster>/<namespace>/<name>",
    );
  });
});
