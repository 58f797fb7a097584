import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { demoConfig } from './__testUtils__/demoCatalog';
import { scaffolderModuleMlops } from './module';

describe('scaffolderModuleMlops', () => {
  async function start(data: object) {
    const addActions = jest.fn();
    const addTemplateFilters = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [scaffolderActionsExtensionPoint, { addActions }],
        [
          scaffolderTemplatingExtensionPoint,
          { addTemplateFilters, addTemplateGlobals: jest.fn() },
        ],
      ],
      features: [
        scaffolderModuleMlops,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data }),
      ],
    });
    return { addActions, addTemplateFilters };
  }

  it('registers the three actions and the scmHostType filter', async () => {
    const { addActions, addTemplateFilters } = await start(demoConfig);
    expect(addActions.mock.calls[0].map((a: any) => a.id)).toEqual([
      'mlops:policy:check',
      'mlops:trainjob:validate',
      'mlops:feast:resolve',
    ]);
    const [filter] = addTemplateFilters.mock.calls[0][0];
    expect(filter.id).toBe('scmHostType');
    expect(filter.filter('gitlab.sovereign.internal?owner=a&repo=b')).toBe(
      'gitlab',
    );
    expect(filter.filter('gitea.sovereign.internal?owner=a&repo=b')).toBe(
      'gitea',
    );
    expect(filter.filter('github.sovereign.internal?owner=a&repo=b')).toBe(
      'github',
    );
    expect(filter.filter('git.example.org?owner=a&repo=b')).toBe('none');
  });

  it('fails at start on a bad sovereignty policy, naming the key', async () => {
    await expect(
      start({
        mlops: {
          sovereignty: {
            jurisdictions: { 'eu-fr': { clusters: 'sovereign-fr' } },
          },
        },
      }),
    ).rejects.toThrow(
      /mlops\.sovereignty\.jurisdictions\.eu-fr\.clusters must be a list/,
    );
  });

  it('fails at start on a bad Feast client config, naming the key', async () => {
    await expect(
      start({
        mlops: {
          scaffolder: {
            feast: { demo: { registry: 'nope', offlineStore: { host: 'x' } } },
          },
        },
      }),
    ).rejects.toThrow(
      /mlops\.scaffolder\.feast\.demo\.registry must be the remote registry server as host:port/,
    );
  });
});
