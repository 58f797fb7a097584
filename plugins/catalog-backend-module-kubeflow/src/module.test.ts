import type { JsonObject } from '@backstage/types';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import { FakeConnection } from './__testUtils__/FakeConnection';
import { catalogModuleKubeflowEntityProviders } from './module';

const kubernetes = {
  clusterLocatorMethods: [
    {
      type: 'config',
      clusters: [
        {
          name: 'sovereign-fr',
          url: 'http://127.0.0.1:7081',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'demo-token',
          skipTLSVerify: true,
        },
      ],
    },
  ],
};

async function start(data: JsonObject) {
  const providers: EntityProvider[] = [];
  const scheduler = mockServices.scheduler.mock();
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (...p: Array<EntityProvider | EntityProvider[]>) =>
            providers.push(...p.flat()),
        },
      ],
    ],
    features: [
      catalogModuleKubeflowEntityProviders,
      mockServices.rootConfig.factory({ data }),
      scheduler.factory,
    ],
  });
  return { providers, scheduler };
}

describe('catalogModuleKubeflowEntityProviders', () => {
  it('adds no provider without config', async () => {
    const { providers } = await start({});
    expect(providers).toEqual([]);
  });

  it('adds one provider per config entry, with default and given schedules', async () => {
    const { providers, scheduler } = await start({
      kubernetes,
      catalog: {
        providers: {
          kubeflowTrainer: {
            demo: {
              clusters: [{ name: 'sovereign-fr', jurisdiction: 'eu-fr' }],
              owner: 'fraud-ml',
            },
            inline: {
              clusters: [
                {
                  name: 'sovereign-de',
                  url: 'https://k8s.de.internal:6443',
                  serviceAccountToken: 'secret',
                },
              ],
              namespaces: ['fraud-ml'],
              labelSelector: 'backstage.io/kubernetes-id',
              owner: 'group:default/fraud-ml',
              retention: { maxJobsPerNamespace: 20, maxAge: 'P30D' },
              watch: false,
              schedule: { frequency: { minutes: 2 }, timeout: { minutes: 1 } },
            },
          },
          kubeflowModelRegistry: {
            demo: {
              baseUrl: 'http://127.0.0.1:7082/api/model_registry/v1alpha3/',
              owner: 'fraud-ml',
              schedule: { frequency: 'PT1M', timeout: 'PT30S' },
            },
          },
        },
      },
    });
    expect(providers.map(p => p.getProviderName())).toEqual([
      'kubeflow-trainer-provider:demo',
      'kubeflow-trainer-provider:inline',
      'kubeflow-model-registry-provider:demo',
    ]);
    for (const provider of providers) {
      await provider.connect(new FakeConnection());
    }
    expect(scheduler.scheduleTask.mock.calls.map(([task]) => task)).toEqual([
      expect.objectContaining({
        id: 'kubeflow-trainer-provider:demo:sync',
        frequency: { seconds: 30 },
        timeout: { minutes: 10 },
      }),
      expect.objectContaining({
        id: 'kubeflow-trainer-provider:inline:sync',
        frequency: { minutes: 2 },
        timeout: { minutes: 1 },
      }),
      expect.objectContaining({
        id: 'kubeflow-model-registry-provider:demo:refresh',
        frequency: { minutes: 1 },
        timeout: { seconds: 30 },
      }),
    ]);
  });

  it.each([
    [
      'an unknown cluster name',
      {
        kubeflowTrainer: {
          demo: { clusters: ['nope'], owner: 'fraud-ml' },
        },
      },
      "Unknown cluster 'nope' at catalog.providers.kubeflowTrainer.demo.clusters[0]",
    ],
    [
      'no cluster list',
      { kubeflowTrainer: { demo: { owner: 'fraud-ml' } } },
      'Missing cluster list at catalog.providers.kubeflowTrainer.demo.clusters',
    ],
    [
      'no owner',
      { kubeflowTrainer: { demo: { clusters: ['sovereign-fr'] } } },
      'Missing required config value at catalog.providers.kubeflowTrainer.demo.owner',
    ],
    [
      'a bad retention limit',
      {
        kubeflowTrainer: {
          demo: {
            clusters: ['sovereign-fr'],
            owner: 'fraud-ml',
            retention: { maxJobsPerNamespace: 0 },
          },
        },
      },
      'Invalid value 0 at catalog.providers.kubeflowTrainer.demo.retention.maxJobsPerNamespace',
    ],
    [
      'a bad retention age',
      {
        kubeflowTrainer: {
          demo: {
            clusters: ['sovereign-fr'],
            owner: 'fraud-ml',
            retention: { maxAge: 'forever' },
          },
        },
      },
      'Invalid duration at catalog.providers.kubeflowTrainer.demo.retention.maxAge',
    ],
    [
      'an empty namespace list',
      {
        kubeflowTrainer: {
          demo: {
            clusters: ['sovereign-fr'],
            owner: 'fraud-ml',
            namespaces: [],
          },
        },
      },
      'Empty list at catalog.providers.kubeflowTrainer.demo.namespaces',
    ],
    [
      'no Model Registry baseUrl',
      { kubeflowModelRegistry: { demo: { owner: 'fraud-ml' } } },
      'Missing required config value at catalog.providers.kubeflowModelRegistry.demo.baseUrl',
    ],
    [
      'a Model Registry baseUrl that is not a URL',
      {
        kubeflowModelRegistry: {
          demo: { baseUrl: 'model-registry:8080', owner: 'fraud-ml' },
        },
      },
      'Invalid URL at catalog.providers.kubeflowModelRegistry.demo.baseUrl',
    ],
    [
      'a bad schedule',
      {
        kubeflowModelRegistry: {
          demo: {
            baseUrl: 'http://127.0.0.1:7082',
            owner: 'fraud-ml',
            schedule: { frequency: 'often' },
          },
        },
      },
      'Invalid schedule at catalog.providers.kubeflowModelRegistry.demo.schedule',
    ],
  ])(
    'fails at start on %s, naming the config key',
    async (_, providers, message) => {
      await expect(
        start({ kubernetes, catalog: { providers } }),
      ).rejects.toThrow(message);
    },
  );
});
