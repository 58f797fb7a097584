import {
  createBackendModule,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
} from '@backstage/plugin-catalog-node';

/** The data source whose lineage the benchmarks walk. */
export const SYNTHETIC_ROOT = 'resource:default/bench-root-dataset';
/** Entities downstream of {@link SYNTHETIC_ROOT} within 5 levels. */
export const SYNTHETIC_ROOT_DOWNSTREAM = 980;

const API = 'sovereign-ai.io/v1alpha1';
const LOCATION = 'bench:synthetic-ml-catalog';
const IMAGE =
  'registry.sovereign.internal/ml/trainer@sha256:7c1e4c5f0a3b9d2e8f61a4c3b5d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90';

function metadata(name: string, jurisdiction = 'eu-fr') {
  return {
    name,
    annotations: {
      'backstage.io/managed-by-location': LOCATION,
      'backstage.io/managed-by-origin-location': LOCATION,
      'sovereign-ai.io/jurisdiction': jurisdiction,
      'sovereign-ai.io/data-classification': 'confidential',
    },
  };
}

const dataset = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...metadata(name),
    annotations: {
      ...metadata(name).annotations,
      'feast.dev/source-location': `s3://fraud-data-fr/${name}/`,
    },
  },
  spec: { type: 'dataset', owner: 'group:default/data-office' },
});
const featureView = (
  name: string,
  sources: string[],
  type = 'batch',
): Entity => ({
  apiVersion: API,
  kind: 'FeatureView',
  metadata: metadata(name),
  spec: {
    type,
    owner: 'group:default/data-office',
    sources,
    features: [{ name: 'value', dtype: 'FLOAT' }],
  },
});
const featureService = (name: string, views: string[]): Entity => ({
  apiVersion: API,
  kind: 'FeatureService',
  metadata: metadata(name),
  spec: {
    owner: 'group:default/data-office',
    features: views.map(view => ({ featureView: view, features: ['value'] })),
  },
});
const trainingJob = (name: string, featureServices: string[]): Entity => ({
  apiVersion: API,
  kind: 'TrainingJob',
  metadata: metadata(name),
  spec: {
    owner: 'group:default/fraud-ml',
    cluster: 'sovereign-fr',
    namespace: 'fraud-ml',
    trainer: { image: IMAGE, numNodes: 2 },
    featureServices,
    phase: 'Succeeded',
  },
});
const model = (
  name: string,
  job: string,
  featureServices: string[],
): Entity => ({
  apiVersion: API,
  kind: 'Model',
  metadata: metadata(name),
  spec: {
    owner: 'group:default/fraud-ml',
    featureServices,
    versions: [
      {
        name: 'v1',
        artifactUri: `s3://models-fr/${name}/v1/`,
        producedBy: job,
      },
    ],
  },
});

const fv = (n: string) => `featureview:default/${n}`;
const fs = (n: string) => `featureservice:default/${n}`;
const tj = (n: string) => `trainingjob:default/${n}`;

/**
 * A synthetic ML catalog of about 20,000 entities: one data source with 980
 * entities downstream within 5 levels (20 feature views, 40 on-demand views,
 * 120 feature services, 400 jobs, 400 models), plus 1,058 independent
 * chains of 18 entities (a data source, 5 views, 2 services, 5 jobs and 5
 * models each).
 */
export function syntheticMlCatalog(): Entity[] {
  const entities: Entity[] = [dataset('bench-root-dataset')];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  // Level 1..5 below the root.
  for (const i of range(20)) {
    entities.push(
      featureView(`b-fv-${i}`, ['resource:default/bench-root-dataset']),
    );
  }
  for (const i of range(40)) {
    entities.push(
      featureView(
        `b-odfv-${i}`,
        [fv(`b-fv-${i % 20}`), fv(`b-fv-${(i + 1) % 20}`)],
        'on-demand',
      ),
    );
  }
  for (const i of range(60)) {
    entities.push(
      featureService(`b-fsa-${i}`, [`b-fv-${i % 20}`, `b-fv-${(i + 7) % 20}`]),
    );
    entities.push(featureService(`b-fsb-${i}`, [`b-odfv-${i % 40}`]));
  }
  for (const i of range(200)) {
    entities.push(trainingJob(`b-tja-${i}`, [fs(`b-fsa-${i % 60}`)]));
    entities.push(trainingJob(`b-tjb-${i}`, [fs(`b-fsb-${i % 60}`)]));
    entities.push(
      model(`b-ma-${i}`, tj(`b-tja-${i}`), [fs(`b-fsa-${i % 60}`)]),
    );
    entities.push(model(`b-mb-${i}`, tj(`b-tjb-${i}`), []));
  }
  // Unrelated chains filling the catalog up to about 20,000 entities.
  for (const c of range(1058)) {
    entities.push(dataset(`c${c}-ds`));
    for (const v of range(5)) {
      entities.push(
        featureView(`c${c}-fv-${v}`, [`resource:default/c${c}-ds`]),
      );
    }
    for (const s of range(2)) {
      entities.push(
        featureService(`c${c}-fs-${s}`, [`c${c}-fv-${s}`, `c${c}-fv-${s + 2}`]),
      );
    }
    for (const j of range(5)) {
      entities.push(trainingJob(`c${c}-tj-${j}`, [fs(`c${c}-fs-${j % 2}`)]));
      entities.push(
        model(`c${c}-m-${j}`, tj(`c${c}-tj-${j}`), [fs(`c${c}-fs-${j % 2}`)]),
      );
    }
  }
  return entities;
}

/** A catalog module whose provider applies `entities` as one full mutation. */
export function staticEntityProvider(entities: Entity[]): BackendFeature {
  const provider: EntityProvider = {
    getProviderName: () => 'synthetic-ml-catalog',
    async connect(connection) {
      await connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({ entity, locationKey: LOCATION })),
      });
    },
  };
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'synthetic-ml-catalog',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider(provider);
        },
      });
    },
  });
}
