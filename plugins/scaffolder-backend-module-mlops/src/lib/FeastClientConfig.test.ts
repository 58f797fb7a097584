import { ConfigReader } from '@backstage/config';
import {
  readFeastClientConfigs,
  selectFeastClientConfig,
} from './FeastClientConfig';

const entry = {
  registry: 'feast-registry.feast.svc:6570',
  offlineStore: { host: 'feast-offline.feast.svc' },
};
const read = (feast: unknown) =>
  readFeastClientConfigs(
    new ConfigReader({ mlops: { scaffolder: { feast } } } as any),
  );

describe('readFeastClientConfigs', () => {
  it('reads an entry with its defaults', () => {
    expect(read({ main: entry })).toEqual([
      {
        id: 'main',
        projects: [],
        registry: 'feast-registry.feast.svc:6570',
        registryCert: undefined,
        offlineStore: {
          host: 'feast-offline.feast.svc',
          port: 8815,
          scheme: 'grpc',
          cert: undefined,
        },
        auth: 'kubernetes',
      },
    ]);
    expect(readFeastClientConfigs(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [
      { main: { ...entry, registry: 'http://feast:6570' } },
      /mlops\.scaffolder\.feast\.main\.registry must be the remote registry server as host:port/,
    ],
    [
      { main: { ...entry, registry: undefined } },
      /Missing required config value at 'mlops\.scaffolder\.feast\.main\.registry'/,
    ],
    [
      { main: { ...entry, offlineStore: { host: 'https://x' } } },
      /mlops\.scaffolder\.feast\.main\.offlineStore\.host must be a host name/,
    ],
    [
      { main: { ...entry, offlineStore: { host: 'x', port: 70000 } } },
      /offlineStore\.port must be a port number/,
    ],
    [
      { main: { ...entry, offlineStore: { host: 'x', scheme: 'http' } } },
      /offlineStore\.scheme must be one of grpc, grpc\+tls/,
    ],
    [
      { main: { ...entry, auth: 'basic' } },
      /mlops\.scaffolder\.feast\.main\.auth must be one of no_auth, kubernetes, oidc/,
    ],
    [
      { main: { ...entry, token: 'x' } },
      /mlops\.scaffolder\.feast\.main\.token is not a Feast client option/,
    ],
    [
      { a: { ...entry, projects: ['p'] }, b: { ...entry, projects: ['p'] } },
      /mlops\.scaffolder\.feast\.b\.projects lists 'p', which mlops\.scaffolder\.feast\.a\.projects already lists/,
    ],
  ])('rejects bad config naming the key (%#)', (feast, message) => {
    expect(() => read(feast)).toThrow(message);
  });
});

describe('selectFeastClientConfig', () => {
  const configs = read({
    a: { ...entry, projects: ['fraud_detection'] },
    b: { ...entry, projects: ['credit'] },
  });

  it('selects by registry id, then by project', () => {
    expect(
      selectFeastClientConfig(configs, {
        registryId: 'b',
        project: 'fraud_detection',
      }).id,
    ).toBe('b');
    expect(
      selectFeastClientConfig(configs, {
        registryId: 'zzz',
        project: 'fraud_detection',
      }).id,
    ).toBe('a');
    expect(() =>
      selectFeastClientConfig(configs, { project: 'other' }),
    ).toThrow(/set mlops\.scaffolder\.feast\.<id> with projects: \[other\]/);
  });
});
