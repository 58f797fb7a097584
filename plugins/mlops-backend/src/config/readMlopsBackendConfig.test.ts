import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import mlopsPlugin from '../index';
import { readMlopsBackendConfig } from './readMlopsBackendConfig';

const KUBERNETES = {
  clusterLocatorMethods: [
    {
      type: 'config',
      clusters: [
        {
          name: 'sovereign-fr',
          url: 'https://k8s-fr.internal:6443',
          serviceAccountToken: 't1',
        },
        {
          name: 'sovereign-de',
          url: 'https://k8s-de.internal:6443',
          serviceAccountToken: 't2',
        },
      ],
    },
  ],
};

describe('readMlopsBackendConfig', () => {
  it('has defaults and no clusters without config', () => {
    const config = readMlopsBackendConfig(new ConfigReader({}));
    expect(config.clusters.size).toBe(0);
    expect(config.maxConcurrentStreamsPerUser).toBe(3);
    expect(config.clusterRequestTimeoutMs).toBe(10_000);
  });

  it('serves the Trainer providers clusters and mlops.clusters together', () => {
    const config = readMlopsBackendConfig(
      new ConfigReader({
        kubernetes: KUBERNETES,
        catalog: {
          providers: {
            kubeflowTrainer: {
              fr: { owner: 'fraud-ml', clusters: ['sovereign-fr'] },
              again: { owner: 'fraud-ml', clusters: ['sovereign-fr'] },
            },
          },
        },
        mlops: {
          clusters: [
            'sovereign-de',
            { name: 'lab', url: 'http://127.0.0.1:9' },
          ],
          logs: { maxConcurrentStreamsPerUser: 5 },
          clusterRequestTimeout: '3s',
        },
      }),
    );
    expect([...config.clusters.keys()].sort()).toEqual([
      'lab',
      'sovereign-de',
      'sovereign-fr',
    ]);
    expect(config.clusters.get('sovereign-fr')?.url).toBe(
      'https://k8s-fr.internal:6443',
    );
    expect(config.clusterSources.get('sovereign-fr')).toBe(
      'catalog.providers.kubeflowTrainer.fr',
    );
    expect(config.maxConcurrentStreamsPerUser).toBe(5);
    expect(config.clusterRequestTimeoutMs).toBe(3000);
  });

  it('can leave the Trainer providers clusters out', () => {
    const config = readMlopsBackendConfig(
      new ConfigReader({
        kubernetes: KUBERNETES,
        catalog: {
          providers: {
            kubeflowTrainer: { fr: { owner: 'x', clusters: ['sovereign-fr'] } },
          },
        },
        mlops: { useTrainerProviderClusters: false },
      }),
    );
    expect(config.clusters.size).toBe(0);
  });

  it.each([
    [
      { mlops: { clusters: ['nowhere'] } },
      "Unknown cluster 'nowhere' at mlops.clusters[0]",
    ],
    [
      {
        kubernetes: KUBERNETES,
        catalog: {
          providers: {
            kubeflowTrainer: { fr: { owner: 'x', clusters: ['sovereign-fr'] } },
          },
        },
        mlops: {
          clusters: [{ name: 'sovereign-fr', url: 'https://elsewhere:6443' }],
        },
      },
      "Cluster 'sovereign-fr' at catalog.providers.kubeflowTrainer.fr.clusters is declared differently at mlops.clusters",
    ],
    [
      { mlops: { logs: { maxConcurrentStreamsPerUser: 0 } } },
      'Invalid mlops.logs.maxConcurrentStreamsPerUser: expected a positive integer, got 0',
    ],
    [
      { mlops: { logs: { maxConcurrentStreamsPerUser: 'many' } } },
      'Invalid mlops.logs.maxConcurrentStreamsPerUser',
    ],
    [
      { mlops: { clusterRequestTimeout: 'soon' } },
      'Invalid mlops.clusterRequestTimeout',
    ],
    [
      { mlops: { clusterRequestTimeout: { seconds: 0 } } },
      'Invalid mlops.clusterRequestTimeout: the duration must be longer than zero',
    ],
  ])('rejects bad config %#, naming the key', (data, message) => {
    expect(() => readMlopsBackendConfig(new ConfigReader(data))).toThrow(
      message,
    );
  });

  it('makes the backend fail at start on bad config', async () => {
    await expect(
      startTestBackend({
        features: [
          mlopsPlugin,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: { mlops: { logs: { maxConcurrentStreamsPerUser: -1 } } },
          }),
        ],
      }),
    ).rejects.toThrow('Invalid mlops.logs.maxConcurrentStreamsPerUser');
    await expect(
      startTestBackend({
        features: [
          mlopsPlugin,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: { mlops: { sovereignty: { requireImageDigest: 'yes' } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      'mlops.sovereignty.requireImageDigest must be true or false',
    );
  });
});
