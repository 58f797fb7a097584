import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleMlopsEntityModel from '../index';

type Knex = Awaited<ReturnType<TestDatabases['init']>>;

/** A running catalog backend with the mlops module, for integration tests. */
export interface TestCatalog {
  backend: TestBackend;
  /** Every entity the catalog API returns, by lower-case entity ref. */
  entities(): Promise<Map<string, Entity>>;
}

/**
 * Starts the real catalog plugin, with the mlops module and any extra
 * features, on the given database and catalog config.
 */
export async function startTestCatalog(options: {
  knex: Knex;
  catalog: JsonObject;
  features?: BackendFeature[];
}): Promise<TestCatalog> {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleMlopsEntityModel,
      ...(options.features ?? []),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            // Process and stitch as fast as the engine allows.
            processingInterval: { seconds: 1 },
            stitchingStrategy: { pollingInterval: { milliseconds: 100 } },
            ...options.catalog,
          },
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}/api/catalog`;
  return {
    backend,
    async entities() {
      const response = await fetch(`${baseUrl}/entities`, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      if (!response.ok) {
        throw new Error(`catalog answered ${response.status}`);
      }
      const items = (await response.json()) as Entity[];
      return new Map(items.map(e => [stringifyEntityRef(e), e]));
    },
  };
}

/** Retries `check` until it stops throwing, or rethrows after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}

/** The relations of an entity as `type targetRef` strings, sorted. */
export function relationsOf(entity: Entity | undefined): string[] {
  return (entity?.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();
}
