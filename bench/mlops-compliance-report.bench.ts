/**
 * The sovereignty compliance report over a real catalog (SQLite in memory)
 * holding a synthetic ML catalog of about 20,000 entities: the report reads
 * every ML asset in a few paginated catalog queries, computes each entity's
 * lineage neighbourhood in memory and evaluates the policy on it.
 *
 * Target: the whole report under 5 s.
 */
import { ConfigReader } from '@backstage/config';
import { readSovereigntyPolicy } from '@sovereign-ai/backstage-plugin-mlops-common';
import { countingCatalogService } from '../plugins/mlops-backend/src/__testUtils__/countingCatalogService';
import {
  SYNTHETIC_ROOT,
  SYNTHETIC_ROOT_DOWNSTREAM,
  staticEntityProvider,
  syntheticMlCatalog,
} from '../plugins/mlops-backend/src/__testUtils__/syntheticMlCatalog';
import { CatalogComplianceService } from '../plugins/mlops-backend/src/services/ComplianceService/CatalogComplianceService';
import { toComplianceCsv } from '../plugins/mlops-backend/src/services/ComplianceService/toComplianceCsv';
import { CatalogLineageService } from '../plugins/mlops-backend/src/services/LineageService/CatalogLineageService';
import { waitForCatalogIdle } from './waitForCatalogIdle';
import { quantile, report, sample } from './lib';

const SAMPLES = 5;

async function main() {
  const { mockCredentials, mockServices, startTestBackend } = await import(
    '@backstage/backend-test-utils'
  );
  const catalogPlugin = (await import('@backstage/plugin-catalog-backend'))
    .default;
  const catalogModuleMlopsEntityModel = (
    await import('@sovereign-ai/backstage-plugin-catalog-backend-module-mlops')
  ).default;
  const entities = syntheticMlCatalog();
  const knex = (await import('knex')).default({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleMlopsEntityModel,
      staticEntityProvider(entities),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            // Default processing interval; fast stitching for the set-up.
            stitchingStrategy: { pollingInterval: { milliseconds: 100 } },
          },
        },
      }),
    ],
  });
  const counting = countingCatalogService(
    `http://localhost:${backend.server.port()}/api/catalog`,
    mockCredentials.user.header(),
  );
  const credentials = mockCredentials.user();
  const lineage = CatalogLineageService.create({
    catalog: counting.service,
    auth: mockServices.auth(),
  });
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const nodes = await lineage
      .getLineage(
        { entityRef: SYNTHETIC_ROOT, direction: 'downstream', depth: 5 },
        { credentials },
      )
      .then(
        r => r.nodes.length - 1,
        () => 0,
      );
    if (nodes >= SYNTHETIC_ROOT_DOWNSTREAM) break;
    if (Date.now() > deadline) throw new Error('catalog not linked in time');
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  // Let initial processing and stitching of everything else finish.
  await waitForCatalogIdle(knex);

  const compliance = CatalogComplianceService.create({
    catalog: counting.service,
    auth: mockServices.auth(),
    policy: readSovereigntyPolicy(
      new ConfigReader({
        mlops: {
          sovereignty: {
            jurisdictions: {
              'eu-fr': {
                clusters: ['sovereign-fr'],
                buckets: ['fraud-data-fr', 'models-fr'],
              },
            },
            allowedImageRegistries: ['registry.sovereign.internal'],
            requireImageDigest: true,
            allowedStorage: { schemes: ['s3'], buckets: ['models-fr'] },
          },
        },
      }),
    ),
  });

  counting.reset();
  let evaluated = 0;
  let csvBytes = 0;
  const samples = await sample(SAMPLES, async () => {
    const result = await compliance.getReport({}, { credentials });
    evaluated = result.entities.length;
    csvBytes = toComplianceCsv(result).length;
  });
  report({
    name: 'mlops: compliance report, 20,000-entity catalog',
    n: evaluated,
    samplesMs: samples,
    extra: {
      catalogRoundTrips: counting.requests() / SAMPLES,
      csvKb: Math.round(csvBytes / 1024),
      targetMs: 5000,
      withinTarget: quantile(samples, 0.95) < 5000,
    },
  });
  await backend.stop();
  await knex.destroy();
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
