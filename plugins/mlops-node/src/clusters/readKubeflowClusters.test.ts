import { ConfigReader } from '@backstage/config';
import { readKubeflowClusters } from './readKubeflowClusters';

const KEY = 'catalog.providers.kubeflowTrainer.demo';

function read(clusters: any, kubernetes?: any) {
  const root = new ConfigReader({
    ...(kubernetes ? { kubernetes } : {}),
    catalog: { providers: { kubeflowTrainer: { demo: { clusters } } } },
  });
  return readKubeflowClusters(root, root.getConfig(KEY), KEY);
}

const kubernetes = {
  clusterLocatorMethods: [
    { type: 'catalog' },
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
        { name: 'gke', url: 'https://gke.example', authProvider: 'google' },
      ],
    },
  ],
};

describe('readKubeflowClusters', () => {
  it('resolves a cluster name from kubernetes.clusterLocatorMethods', () => {
    expect(read(['sovereign-fr'], kubernetes)).toEqual([
      {
        name: 'sovereign-fr',
        url: 'http://127.0.0.1:7081',
        serviceAccountToken: 'demo-token',
        caData: undefined,
        caFile: undefined,
        skipTLSVerify: true,
        jurisdiction: undefined,
        dataClassification: undefined,
      },
    ]);
  });

  it('adds a jurisdiction to a referenced cluster', () => {
    expect(
      read(
        [
          {
            name: 'sovereign-fr',
            jurisdiction: 'eu-fr',
            dataClassification: 'restricted',
          },
        ],
        kubernetes,
      ),
    ).toMatchObject([
      {
        name: 'sovereign-fr',
        url: 'http://127.0.0.1:7081',
        serviceAccountToken: 'demo-token',
        jurisdiction: 'eu-fr',
        dataClassification: 'restricted',
      },
    ]);
  });

  it('reads an inline cluster', () => {
    expect(
      read([
        {
          name: 'sovereign-de',
          url: 'https://k8s.de.internal:6443',
          serviceAccountToken: 'secret',
          caData: 'Q0E=',
          jurisdiction: 'eu-de',
        },
      ]),
    ).toEqual([
      {
        name: 'sovereign-de',
        url: 'https://k8s.de.internal:6443',
        serviceAccountToken: 'secret',
        caData: 'Q0E=',
        caFile: undefined,
        skipTLSVerify: false,
        jurisdiction: 'eu-de',
        dataClassification: undefined,
      },
    ]);
  });

  it('fails on a missing or empty list, naming the key', () => {
    expect(() => read(undefined)).toThrow(
      `Missing cluster list at ${KEY}.clusters`,
    );
    expect(() => read([])).toThrow(`Missing cluster list at ${KEY}.clusters`);
  });

  it('fails on an unknown cluster name, naming the key', () => {
    expect(() => read(['nope'], kubernetes)).toThrow(
      `Unknown cluster 'nope' at ${KEY}.clusters[0]`,
    );
    expect(() => read(['sovereign-fr'])).toThrow(/Unknown cluster/);
  });

  it('fails on an unsupported auth provider', () => {
    expect(() => read(['gke'], kubernetes)).toThrow(
      `Cluster 'gke' referenced at ${KEY}.clusters[0] uses authProvider 'google'`,
    );
  });

  it('fails on a duplicate name, a bad url and a bad entry', () => {
    expect(() =>
      read(['sovereign-fr', { name: 'sovereign-fr' }], kubernetes),
    ).toThrow(`Cluster 'sovereign-fr' is listed twice at ${KEY}.clusters[1]`);
    expect(() => read([{ name: 'x', url: 'not a url' }])).toThrow(
      `Invalid url for cluster 'x' at ${KEY}.clusters[0]`,
    );
    expect(() => read([42])).toThrow(
      `Invalid cluster entry at ${KEY}.clusters[0]`,
    );
    expect(() => read([{ url: 'http://x' }])).toThrow(/name/);
  });
});
