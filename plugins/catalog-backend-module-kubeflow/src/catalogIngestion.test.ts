import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleMlops from '@sovereign-ai/backstage-plugin-catalog-backend-module-mlops';
import {
  FakeKubernetesApiServer,
  FakeModelRegistryServer,
  seedDemoStory,
} from '@sovereign-ai/demo-cluster';
import catalogModuleKubeflow from './index';

jest.setTimeout(180_000);

const TOKEN = 'demo-token';
const TJ = 'trainingjob:default/sovereign-fr-fraud-ml';
const FS = 'featureservice:default/fraud_detection';

async function eventually<T>(check: () => Promise<T>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}

function relationsOf(entity: Entity | undefined): string[] {
  return (entity?.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();
}

describe('the demo story through the real catalog', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let k8s: FakeKubernetesApiServer;
  let registry: FakeModelRegistryServer;
  let backend: TestBackend | undefined;

  beforeEach(async () => {
    k8s = await FakeKubernetesApiServer.start({ token: TOKEN });
    registry = await FakeModelRegistryServer.start();
    seedDemoStory(k8s, registry);
  });

  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    await registry.close();
    await k8s.close();
  });

  it.each(databases.eachSupportedId())(
    'ingests jobs, runtimes and models with their relations and follows watch events, on %s',
    async databaseId => {
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleMlops,
          catalogModuleKubeflow,
          // The real scheduler: the test one runs every task to completion
          // at startup, and the Trainer task watches until its timeout.
          schedulerServiceFactory,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              kubernetes: {
                clusterLocatorMethods: [
                  {
                    type: 'config',
                    clusters: [
                      {
                        name: 'sovereign-fr',
                        url: k8s.url,
                        authProvider: 'serviceAccount',
                        serviceAccountToken: TOKEN,
                        skipTLSVerify: true,
                      },
                    ],
                  },
                ],
              },
              catalog: {
                // The rules of app-config.yaml: the mlops module allows the
                // ML kinds itself.
                rules: [
                  {
                    allow: [
                      'Component',
                      'System',
                      'API',
                      'Resource',
                      'Location',
                      'Domain',
                    ],
                  },
                ],
                processingInterval: { seconds: 1 },
                stitchingStrategy: { pollingInterval: { milliseconds: 100 } },
                providers: {
                  kubeflowTrainer: {
                    demo: {
                      clusters: [
                        { name: 'sovereign-fr', jurisdiction: 'eu-fr' },
                      ],
                      owner: 'fraud-ml',
                      runtimeOwner: 'ml-platform',
                    },
                  },
                  kubeflowModelRegistry: {
                    demo: { baseUrl: registry.url, owner: 'fraud-ml' },
                  },
                },
              },
            },
          }),
        ],
      });
      const baseUrl = `http://localhost:${backend.server.port()}/api/catalog`;
      const entities = async () => {
        const response = await fetch(`${baseUrl}/entities`, {
          headers: { Authorization: mockCredentials.user.header() },
        });
        expect(response.ok).toBe(true);
        const items = (await response.json()) as Entity[];
        return new Map(items.map(e => [stringifyEntityRef(e), e]));
      };

      const all = await eventually(async () => {
        const current = await entities();
        expect(
          relationsOf(current.get('model:default/fraud-detector')),
        ).toContain(`producedBy ${TJ}-fraud-detector-train-0412`);
        expect(
          relationsOf(current.get(`${TJ}-fraud-detector-train-0412`)),
        ).toContain('produces model:default/fraud-detector');
        expect(
          relationsOf(
            current.get('resource:default/sovereign-fr-torch-distributed'),
          ),
        ).toContain(`dependencyOf ${TJ}-fraud-detector-train-0419`);
        return current;
      });

      expect(
        [...all.keys()].filter(ref => ref.startsWith('trainingjob:')).sort(),
      ).toEqual([
        `${TJ}-chargeback-train-0405`,
        `${TJ}-fraud-detector-train-0412`,
        `${TJ}-fraud-detector-train-0417`,
        `${TJ}-fraud-detector-train-0419`,
      ]);
      expect(relationsOf(all.get(`${TJ}-fraud-detector-train-0419`))).toEqual(
        expect.arrayContaining([
          `consumesFeatures ${FS}-fraud_scoring_v2`,
          'dependsOn resource:default/sovereign-fr-torch-distributed',
          'ownedBy group:default/fraud-ml',
        ]),
      );
      expect(all.get(`${TJ}-fraud-detector-train-0417`)!.spec!.phase).toBe(
        'Failed',
      );
      expect(all.get(`${TJ}-chargeback-train-0405`)!.spec).toMatchObject({
        phase: 'Succeeded',
        runtime: 'resource:default/sovereign-fr-deepspeed-distributed',
        trainer: {
          image: 'docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime',
        },
      });
      expect(
        relationsOf(all.get('model:default/chargeback-predictor')),
      ).toEqual(
        expect.arrayContaining([
          `producedBy ${TJ}-chargeback-train-0405`,
          `consumesFeatures ${FS}-fraud_scoring_v1`,
          'ownedBy group:default/fraud-ml',
        ]),
      );
      expect(
        relationsOf(
          all.get('resource:default/sovereign-fr-deepspeed-distributed'),
        ),
      ).toContain('ownedBy group:default/ml-platform');

      // A status change on the cluster reaches the catalog through a watch
      // event and a delta mutation.
      k8s.setStatus(
        {
          apiVersion: 'trainer.kubeflow.org/v1alpha1',
          kind: 'TrainJob',
          namespace: 'fraud-ml',
          name: 'fraud-detector-train-0419',
        },
        {
          conditions: [
            {
              type: 'Complete',
              status: 'True',
              reason: 'AllJobsCompleted',
              message: 'jobset completed successfully',
              lastTransitionTime: new Date().toISOString(),
            },
          ],
        },
      );
      await eventually(async () => {
        const current = await entities();
        expect(
          current.get(`${TJ}-fraud-detector-train-0419`)!.spec!.phase,
        ).toBe('Succeeded');
      }, 30_000);
    },
  );
});
