/**
 * Server-side lineage against the client-side walk of the catalog graph, on
 * a real catalog (SQLite in memory) holding a synthetic ML catalog of about
 * 20,000 entities. From one data source, lineage at depth 5 reaches 980
 * entities downstream.
 *
 * - `mlops lineage (service)`: the mlops LineageService (one
 *   getEntitiesByRefs per level), catalog HTTP round trips counted.
 * - `mlops lineage (HTTP)`: GET /api/mlops/lineage end to end.
 * - `catalog-graph style`: one getEntityByRef per node, each level's fetches
 *   in parallel, as the catalog graph's client-side walk does.
 *
 * Targets: p95 of the server-side lineage under 300 ms, and at least 10 times
 * fewer catalog round trips than the per-node walk.
 */
import { getLineageRelations } from '@sovereign-ai/backstage-plugin-mlops-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { countingCatalogService } from '../plugins/mlops-backend/src/__testUtils__/countingCatalogService';
import {
  SYNTHETIC_ROOT,
  SYNTHETIC_ROOT_DOWNSTREAM,
  staticEntityProvider,
  syntheticMlCatalog,
} from '../plugins/mlops-backend/src/__testUtils__/syntheticMlCatalog';
import { CatalogLineageService } from '../plugins/mlops-backend/src/services/LineageService/CatalogLineageService';
import { waitForCatalogIdle } from './waitForCatalogIdle';
import { quantile, report, sample, time } from './lib';

const DEPTH = 5;
const SAMPLES = 30;
const BASELINE_SAMPLES = 5;

async function main() {
  const { mockCredentials, mockServices, startTestBackend } = await import(
    '@backstage/backend-test-utils'
  );
  const catalogPlugin = (await import('@backstage/plugin-catalog-backend'))
    .default;
  const catalogModuleMlopsEntityModel = (
    await import('@sovereign-ai/backstage-plugin-catalog-backend-module-mlops')
  ).default;
  const mlopsPlugin = (
    await import('@sovereign-ai/backstage-plugin-mlops-backend')
  ).default;
  const entities = syntheticMlCatalog();
  const knex = (await import('knex')).default({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });

  const ingest = await time(async () => {
    const started = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleMlopsEntityModel,
        mlopsPlugin,
        staticEntityProvider(entities),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              // The catalog's default processing interval (100 to 150 s):
              // each entity is processed once on arrival, then re-processed
              // in the background at production pace while we measure.
              stitchingStrategy: { pollingInterval: { milliseconds: 100 } },
            },
          },
        }),
      ],
    });
    return started;
  });
  const backend = ingest.value;
  const port = backend.server.port();
  const authorization = mockCredentials.user.header();
  const counting = countingCatalogService(
    `http://localhost:${port}/api/catalog`,
    authorization,
  );
  const lineage = CatalogLineageService.create({
    catalog: counting.service,
    auth: mockServices.auth(),
  });
  const credentials = mockCredentials.user();
  const request = {
    entityRef: SYNTHETIC_ROOT,
    direction: 'downstream' as const,
    depth: DEPTH,
  };

  // Wait until processing and stitching have linked everything.
  const ready = await time(async () => {
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      const nodes = await lineage.getLineage(request, { credentials }).then(
        r => r.nodes.length - 1,
        () => 0,
      );
      if (nodes >= SYNTHETIC_ROOT_DOWNSTREAM) return nodes;
      if (Date.now() > deadline) {
        throw new Error(`only ${nodes} downstream nodes after 30 minutes`);
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  });
  // Then until initial processing and stitching of the other 19,000
  // entities are done: the backend is a single Node.js process, so
  // catalog work still running would be measured as lineage latency.
  await waitForCatalogIdle(knex);
  report({
    name: 'mlops: ingest synthetic ML catalog until linked (SQLite)',
    n: entities.length,
    samplesMs: [ingest.ms + ready.ms],
  });

  counting.reset();
  const serviceSamples = await sample(SAMPLES, () =>
    lineage.getLineage(request, { credentials }),
  );
  const serviceTrips = counting.requests() / SAMPLES;
  const { nodes } = await lineage.getLineage(request, { credentials });

  const url = `http://localhost:${port}/api/mlops/lineage?entityRef=${SYNTHETIC_ROOT}&direction=downstream&depth=${DEPTH}`;
  const httpSamples = await sample(SAMPLES, async () => {
    const response = await fetch(url, {
      headers: { Authorization: authorization },
    });
    if (!response.ok) throw new Error(`lineage answered ${response.status}`);
    await response.json();
  });

  // The client-side walk: one entity fetch per node, level by level.
  const downstream = new Set(getLineageRelations('downstream'));
  let baselineNodes = 0;
  counting.reset();
  const baselineSamples = await sample(BASELINE_SAMPLES, async () => {
    const seen = new Set([SYNTHETIC_ROOT]);
    let level = [SYNTHETIC_ROOT];
    for (let depth = 0; depth <= DEPTH && level.length; depth++) {
      const fetched = await Promise.all(
        level.map(ref => counting.service.getEntityByRef(ref, { credentials })),
      );
      const next: string[] = [];
      if (depth < DEPTH) {
        for (const entity of fetched) {
          for (const relation of entity?.relations ?? []) {
            if (
              downstream.has(relation.type) &&
              !seen.has(relation.targetRef)
            ) {
              seen.add(relation.targetRef);
              next.push(relation.targetRef);
            }
          }
        }
      }
      level = next;
    }
    baselineNodes = seen.size;
  });
  const baselineTrips = counting.requests() / BASELINE_SAMPLES;

  const p95 = quantile(serviceSamples, 0.95);
  report({
    name: 'mlops: lineage depth 5, server-side (service)',
    n: nodes.length,
    samplesMs: serviceSamples,
    extra: {
      catalogRoundTrips: serviceTrips,
      targetP95Ms: 300,
      withinTarget: p95 < 300,
    },
  });
  report({
    name: 'mlops: lineage depth 5, server-side (HTTP)',
    n: nodes.length,
    samplesMs: httpSamples,
    extra: { withinTarget: quantile(httpSamples, 0.95) < 300 },
  });
  report({
    name: 'mlops: lineage depth 5, catalog-graph style (per node)',
    n: baselineNodes,
    samplesMs: baselineSamples,
    extra: {
      catalogRoundTrips: baselineTrips,
      roundTripRatio: baselineTrips / serviceTrips,
      atLeast10xFewer: baselineTrips / serviceTrips >= 10,
      speedup: quantile(baselineSamples, 0.5) / quantile(serviceSamples, 0.5),
    },
  });
  if (baselineNodes !== nodes.length) {
    throw new Error(
      `the two walks disagree: ${baselineNodes} against ${
        nodes.length
      } nodes (${stringifyEntityRef({
        kind: 'resource',
        name: 'bench-root-dataset',
      })})`,
    );
  }
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
