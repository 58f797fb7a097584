import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import type { EntityProvider } from '@backstage/plugin-catalog-node';
import { catalogModuleFeastEntityProvider } from './catalogModuleFeastEntityProvider';

async function start(feast: unknown) {
  const providers: EntityProvider[] = [];
  const schedules: SchedulerServiceTaskScheduleDefinition[] = [];
  const runner = { run: jest.fn() };
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (
            ...added: Array<EntityProvider | EntityProvider[]>
          ) => providers.push(...added.flat()),
        },
      ],
    ],
    features: [
      catalogModuleFeastEntityProvider,
      mockServices.rootConfig.factory({
        data: feast === undefined ? {} : { catalog: { providers: { feast } } },
      }),
      mockServices.scheduler.mock({
        createScheduledTaskRunner(schedule) {
          schedules.push(schedule);
          return runner;
        },
      }).factory,
    ],
  });
  return { providers, schedules, runner };
}

describe('catalogModuleFeastEntityProvider', () => {
  it('adds no provider without config', async () => {
    const { providers } = await start(undefined);
    expect(providers).toEqual([]);
  });

  it('adds one provider per registry, for every registry location', async () => {
    const { providers, schedules, runner } = await start({
      local: { registry: { path: '../../examples/feast/registry.db' } },
      http: {
        registry: { url: 'https://feast.internal/registry.db' },
        token: 's3cr3t',
      },
      minio: {
        registry: {
          s3: {
            bucket: 'feast',
            key: 'registry.db',
            endpoint: 'http://minio:9000',
            forcePathStyle: true,
          },
        },
      },
      rest: {
        registry: { restUrl: 'http://feast-registry:6572/api/v1' },
        schedule: { frequency: { minutes: 2 }, timeout: { seconds: 45 } },
      },
    });
    expect(providers.map(p => p.getProviderName())).toEqual([
      'feast-provider:local',
      'feast-provider:http',
      'feast-provider:minio',
      'feast-provider:rest',
    ]);
    expect(schedules[0]).toEqual({
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 15 },
    });
    expect(schedules[3]).toEqual({
      frequency: { minutes: 2 },
      timeout: { seconds: 45 },
    });
    // The refresh is scheduled on connect, not at start.
    expect(runner.run).not.toHaveBeenCalled();
  });

  it.each([
    [
      { registry: {} },
      'catalog.providers.feast.bad.registry: set exactly one of path, url, s3 or restUrl (found none)',
    ],
    [
      { registry: { path: 'a.db', restUrl: 'http://x/api/v1' } },
      'catalog.providers.feast.bad.registry: set exactly one of path, url, s3 or restUrl (found path, restUrl)',
    ],
    [
      {},
      'catalog.providers.feast.bad.registry: set exactly one of path, url, s3 or restUrl',
    ],
    [
      { registry: { url: 'ftp://feast/registry.db' } },
      'catalog.providers.feast.bad.registry.url: must be an absolute http(s) URL',
    ],
    [
      { registry: { s3: { key: 'registry.db' } } },
      'catalog.providers.feast.bad.registry.s3.bucket:',
    ],
    [
      { registry: { path: 'a.db' }, namespace: 'Not OK' },
      'catalog.providers.feast.bad.namespace: "Not OK" is not a valid entity namespace',
    ],
    [
      { registry: { path: 'a.db' }, system: 'feast-{{projet}}' },
      'catalog.providers.feast.bad.system: unknown placeholder {{projet}}',
    ],
    [
      { registry: { path: 'a.db' }, system: 'feast' },
      'catalog.providers.feast.bad.system: the template must contain {{project}}',
    ],
    [
      { registry: { path: 'a.db' }, owner: 'group:' },
      'catalog.providers.feast.bad.owner:',
    ],
    [
      { registry: { path: 'a.db' }, uiUrl: 'feast-ui' },
      'catalog.providers.feast.bad.uiUrl: must be an absolute http(s) URL',
    ],
    [
      { registry: { path: 'a.db' }, projects: [] },
      'catalog.providers.feast.bad.projects: an empty list would skip every project',
    ],
    [
      { registry: { path: 'a.db' }, emptyRegistryConfirmations: 0 },
      'catalog.providers.feast.bad.emptyRegistryConfirmations: must be an integer of at least 1',
    ],
    [
      { registry: { path: 'a.db' }, timeout: 'soon' },
      'catalog.providers.feast.bad.timeout:',
    ],
    [
      { registry: { path: 'a.db' }, schedule: { frequency: 'often' } },
      'catalog.providers.feast.bad.schedule:',
    ],
  ])('fails at start on %j, naming the key', async (bad, message) => {
    await expect(start({ bad })).rejects.toThrow(
      `Invalid Feast provider config at ${message}`,
    );
  });
});
