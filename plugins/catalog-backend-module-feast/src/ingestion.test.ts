import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogModuleMlopsEntityModel from '@sovereign-ai/backstage-plugin-catalog-backend-module-mlops';
import { join } from 'node:path';
import catalogModuleFeastEntityProvider from './index';

jest.setTimeout(120_000);

const FIXTURES: Record<string, string> = {
  v018: 'registry-v0.18-java-feast10',
  v026: 'registry-v0.26-ui-credit-scoring',
  v044: 'registry-v0.44-ui-credit-scoring',
  v062: 'registry-v0.62-ui-credit-scoring',
};

async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 90_000,
): Promise<T> {
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

describe('Feast registries in the real catalog', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it.each(databases.eachSupportedId())(
    'ingests every fixture registry with its relations, on %s',
    async databaseId => {
      const errors: string[] = [];
      const errorCollector = createBackendModule({
        pluginId: 'catalog',
        moduleId: 'test-error-collector',
        register(env) {
          env.registerInit({
            deps: { catalog: catalogProcessingExtensionPoint },
            async init({ catalog }) {
              catalog.setOnProcessingErrorHandler(event => {
                errors.push(
                  `${stringifyEntityRef(
                    event.unprocessedEntity,
                  )}: ${event.errors.join('; ')}`,
                );
              });
            },
          });
        },
      });
      const feast = Object.fromEntries(
        Object.entries(FIXTURES).map(([id, file]) => [
          id,
          {
            registry: { path: join(__dirname, '__fixtures__', `${file}.db`) },
            // The three credit-scoring registries hold the same project.
            namespace: id,
            owner: 'group:default/data-office',
            jurisdiction: 'eu-fr',
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
          },
        ]),
      );
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleMlopsEntityModel,
          catalogModuleFeastEntityProvider,
          errorCollector,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 1 },
                stitchingStrategy: { pollingInterval: { milliseconds: 100 } },
                providers: { feast },
              },
            },
          }),
        ],
      });
      const url = `http://localhost:${backend.server.port()}/api/catalog/entities`;
      const read = async () => {
        const response = await fetch(url, {
          headers: { Authorization: mockCredentials.user.header() },
        });
        const items = (await response.json()) as Entity[];
        return new Map(items.map(e => [stringifyEntityRef(e), e]));
      };

      const entities = await eventually(async () => {
        const all = await read();
        const counts = Object.keys(FIXTURES).map(
          ns =>
            [...all.values()].filter(e => e.metadata.namespace === ns).length,
        );
        expect(counts).toEqual([32, 13, 13, 13]);
        // Stitched: relations are visible on the last entity kinds too.
        expect(
          relationsOf(
            all.get('featureservice:v062/credit_scoring_aws-credit_score_v3'),
          ),
        ).toContain(
          'consumesFeatures featureview:v062/credit_scoring_aws-credit_history',
        );
        return all;
      });
      expect(errors).toEqual([]);

      for (const ns of ['v026', 'v044', 'v062']) {
        expect(
          relationsOf(
            entities.get(`featureview:${ns}/credit_scoring_aws-credit_history`),
          ),
        ).toEqual([
          `featuresConsumedBy featureservice:${ns}/credit_scoring_aws-credit_score_v1`,
          `featuresConsumedBy featureservice:${ns}/credit_scoring_aws-credit_score_v2`,
          `featuresConsumedBy featureservice:${ns}/credit_scoring_aws-credit_score_v3`,
          `ownedBy group:default/data-office`,
          `partOf system:${ns}/credit-scoring-aws`,
          `readBy featureview:${ns}/credit_scoring_aws-transaction_gt_last_credit_card_due`,
          `readsFrom resource:${ns}/credit_scoring_aws-credit_history`,
        ]);
        expect(
          relationsOf(
            entities.get(
              `featureview:${ns}/credit_scoring_aws-transaction_gt_last_credit_card_due`,
            ),
          ),
        ).toEqual(
          expect.arrayContaining([
            `readsFrom featureview:${ns}/credit_scoring_aws-credit_history`,
            `readsFrom resource:${ns}/credit_scoring_aws-transaction`,
          ]),
        );
        expect(
          relationsOf(
            entities.get(`resource:${ns}/credit_scoring_aws-zipcode`),
          ),
        ).toEqual([
          `ownedBy group:default/data-office`,
          `partOf system:${ns}/credit-scoring-aws`,
          `readBy featureview:${ns}/credit_scoring_aws-zipcode_features`,
          `readBy featureview:${ns}/credit_scoring_aws-zipcode_money_features`,
        ]);
        const system = entities.get(`system:${ns}/credit-scoring-aws`)!;
        expect(
          relationsOf(system).filter(r => r.startsWith('hasPart')),
        ).toHaveLength(12);
        expect(system.metadata.annotations).toMatchObject({
          'feast.dev/registry': ns,
          'sovereign-ai.io/jurisdiction': 'eu-fr',
        });
      }

      const legacy = entities.get(
        'featureservice:v018/feast_project-benchmark_feature_service',
      )!;
      expect(
        relationsOf(legacy).filter(r => r.startsWith('consumesFeatures')),
      ).toHaveLength(25);
      expect(
        relationsOf(
          entities.get('featureview:v018/feast_project-transformed_conv_rate'),
        ),
      ).toEqual(
        expect.arrayContaining([
          'readsFrom featureview:v018/feast_project-driver_hourly_stats',
          'readsFrom resource:v018/feast_project-vals_to_add',
        ]),
      );
    },
  );
});
