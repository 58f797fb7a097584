import {
  TestDatabases,
  createMockDirectory,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  eventually,
  relationsOf,
  startTestCatalog,
  type TestCatalog,
} from './__testUtils__/startTestCatalog';

jest.setTimeout(180_000);

const RULES = [
  {
    allow: [
      'Location',
      'Resource',
      'FeatureView',
      'FeatureService',
      'TrainingJob',
      'Model',
    ],
  },
];

function doc(kind: string, name: string, spec: object) {
  return JSON.stringify({
    apiVersion: 'sovereign-ai.io/v1alpha1',
    kind,
    metadata: { name },
    spec,
  });
}

const feature = { name: 'f', dtype: 'INT64' };

const GOOD_VIEW = doc('FeatureView', 'good-view', {
  type: 'batch',
  owner: 'data-office',
  features: [feature],
});

// One bad entity per case of the issue, between good ones: YAML is a superset
// of JSON, so each document is written as JSON.
const BAD_INPUT = [
  GOOD_VIEW,
  doc('FeatureView', 'unknown-type', {
    type: 'realtime',
    owner: 'data-office',
    features: [feature],
  }),
  doc('FeatureService', 'malformed-ref', {
    owner: 'data-office',
    features: [{ featureView: 'featureview:', features: [] }],
  }),
  doc('Model', 'no-owner', { versions: [] }),
  doc('FeatureView', 'ten-thousand-features', {
    type: 'batch',
    owner: 'data-office',
    features: Array.from({ length: 10_000 }, (_x, i) => ({
      name: `f${i}`,
      dtype: 'FLOAT',
    })),
  }),
  doc('TrainingJob', 'dangling', {
    owner: 'fraud-ml',
    cluster: 'c',
    namespace: 'n',
    featureServices: ['featureservice:ghost-service'],
    produces: ['model:ghost-model'],
  }),
  doc('FeatureService', 'good-service', {
    owner: 'data-office',
    features: [{ featureView: 'good-view', features: [] }],
  }),
].join('\n---\n');

describe('bad input', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const dir = createMockDirectory();
  let catalog: TestCatalog | undefined;
  let errors: Map<string, string>;

  // Collects processing errors by entity ref, as the catalog reports them.
  const errorCollector = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-error-collector',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog: processing }) {
          processing.setOnProcessingErrorHandler(event => {
            errors.set(
              `${event.unprocessedEntity.kind}:${event.unprocessedEntity.metadata.name}`.toLocaleLowerCase(),
              event.errors.map(e => String(e)).join('\n'),
            );
          });
        },
      });
    },
  });

  beforeEach(() => {
    errors = new Map();
    dir.clear();
  });

  afterEach(async () => {
    await catalog?.backend.stop();
    catalog = undefined;
  });

  async function start(databaseId: TestDatabaseId) {
    catalog = await startTestCatalog({
      knex: await databases.init(databaseId),
      catalog: {
        rules: RULES,
        locations: [{ type: 'file', target: dir.resolve('catalog.yaml') }],
      },
      features: [errorCollector],
    });
    return catalog;
  }

  it.each(databases.eachSupportedId())(
    'reports each bad entity with a clear error and keeps processing the others, on %s',
    async databaseId => {
      dir.setContent({ 'catalog.yaml': BAD_INPUT });
      const { entities } = await start(databaseId);

      // Checked again until it holds: the catalog works in the background.
      await eventually(async () => {
        const all = await entities();
        expect(relationsOf(all.get('featureview:default/good-view'))).toEqual([
          'featuresConsumedBy featureservice:default/good-service',
          'ownedBy group:default/data-office',
        ]);
        expect(errors.get('featureview:unknown-type')).toContain(
          '/spec/type must be equal to one of the allowed values - allowedValues: batch,stream,on-demand',
        );
        expect(errors.get('featureservice:malformed-ref')).toContain(
          'spec.features[0].featureView must be an entity reference of the form [<kind>:][<namespace>/]<name>',
        );
        expect(errors.get('model:no-owner')).toContain(
          "/spec must have required property 'owner'",
        );
        expect(errors.get('featureview:ten-thousand-features')).toContain(
          '/spec/features must NOT have more than 2000 items',
        );
        expect(errors.size).toBe(4);
        for (const ref of [
          'featureview:default/unknown-type',
          'featureservice:default/malformed-ref',
          'model:default/no-owner',
          'featureview:default/ten-thousand-features',
        ]) {
          expect(all.has(ref)).toBe(false);
        }

        // A relation to an entity that does not exist is kept, dangling,
        // until the target appears.
        expect(all.has('model:default/ghost-model')).toBe(false);
        expect(relationsOf(all.get('trainingjob:default/dangling'))).toEqual([
          'consumesFeatures featureservice:default/ghost-service',
          'ownedBy group:default/fraud-ml',
          'produces model:default/ghost-model',
        ]);
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the last good version of an entity that turns invalid, on %s',
    async databaseId => {
      dir.setContent({ 'catalog.yaml': GOOD_VIEW });
      const { entities } = await start(databaseId);
      await eventually(async () => {
        expect((await entities()).has('featureview:default/good-view')).toBe(
          true,
        );
      });

      dir.setContent({
        'catalog.yaml': doc('FeatureView', 'good-view', {
          type: 'batch',
          owner: 'data-office',
          features: [feature],
          sources: ['resource:a b'],
        }),
      });

      const view = await eventually(async () => {
        expect(errors.get('featureview:good-view')).toContain(
          'spec.sources[0] must be an entity reference',
        );
        return (await entities()).get('featureview:default/good-view');
      });
      expect(view?.spec).toEqual({
        type: 'batch',
        owner: 'data-office',
        features: [feature],
      });
    },
  );
});
