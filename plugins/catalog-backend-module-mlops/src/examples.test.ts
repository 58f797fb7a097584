import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createBackendModule,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
} from '@backstage/plugin-catalog-node';
import { getLineageRelations } from '@sovereign-ai/backstage-plugin-mlops-common';
import { resolve } from 'node:path';
import {
  eventually,
  relationsOf,
  startTestCatalog,
  type TestCatalog,
} from './__testUtils__/startTestCatalog';

jest.setTimeout(180_000);

const examples = resolve(__dirname, '../../../examples');

// The kinds Backstage's own app template allows globally. None of the four
// ML kinds is listed.
const GLOBAL_RULES = [
  { allow: ['Component', 'System', 'API', 'Resource', 'Location', 'Domain'] },
];

const FV = 'featureview:default/fraud_detection';
const FS = 'featureservice:default/fraud_detection';
const DS = 'resource:default/fraud_detection';
const TJ = 'trainingjob:default/sovereign-fr-fraud-ml';

describe('the demo story in examples/', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let catalog: TestCatalog | undefined;

  afterEach(async () => {
    await catalog?.backend.stop();
    catalog = undefined;
  });

  it.each(databases.eachSupportedId())(
    'is ingested with its relations in both directions, on %s',
    async databaseId => {
      catalog = await startTestCatalog({
        knex: await databases.init(databaseId),
        catalog: {
          rules: GLOBAL_RULES,
          locations: [
            {
              type: 'file',
              target: `${examples}/org.yaml`,
              rules: [{ allow: ['User', 'Group'] }],
            },
            {
              type: 'file',
              target: `${examples}/fraud-detection-features.yaml`,
              rules: [{ allow: ['FeatureView', 'FeatureService'] }],
            },
            {
              type: 'file',
              target: `${examples}/fraud-detection-training.yaml`,
              rules: [{ allow: ['TrainingJob', 'Model'] }],
            },
            { type: 'file', target: `${examples}/fraud-detector-project.yaml` },
          ],
        },
      });
      // Everything below is checked again until it holds: the catalog
      // processes and stitches in the background.
      await eventually(async () => {
        const entities = await catalog!.entities();
        expect(
          [...entities.keys()]
            .filter(ref => !ref.startsWith('location:'))
            .sort(),
        ).toEqual(
          [
            'group:default/data-office',
            'group:default/fraud-ml',
            'group:default/guests',
            'group:default/ml-platform',
            'user:default/alice',
            'user:default/bob',
            'user:default/carol',
            'user:default/guest',
            'system:default/fraud-detection',
            `${DS}-transactions`,
            `${DS}-customer_profiles`,
            `${DS}-card_events`,
            `${DS}-merchant_risk`,
            `${FV}-transaction_stats`,
            `${FV}-customer_profile`,
            `${FV}-card_velocity`,
            `${FV}-merchant_risk_features`,
            `${FV}-transaction_risk_score`,
            `${FS}-fraud_scoring_v1`,
            `${FS}-fraud_scoring_v2`,
            'resource:default/sovereign-fr-torch-distributed',
            'resource:default/sovereign-fr-deepspeed-distributed',
            `${TJ}-fraud-detector-train-0412`,
            `${TJ}-fraud-detector-train-0417`,
            `${TJ}-fraud-detector-train-0419`,
            `${TJ}-chargeback-train-0405`,
            'model:default/fraud-detector',
            'model:default/chargeback-predictor',
            'component:default/fraud-detector',
          ].sort(),
        );

        expect(relationsOf(entities.get(`${DS}-transactions`))).toEqual(
          [
            'ownedBy group:default/data-office',
            'partOf system:default/fraud-detection',
            `readBy ${FV}-transaction_stats`,
            `readBy ${TJ}-chargeback-train-0405`,
          ].sort(),
        );
        expect(relationsOf(entities.get(`${FV}-transaction_stats`))).toEqual(
          [
            'ownedBy group:default/data-office',
            'partOf system:default/fraud-detection',
            `readsFrom ${DS}-transactions`,
            `readBy ${FV}-transaction_risk_score`,
            `featuresConsumedBy ${FS}-fraud_scoring_v1`,
            `featuresConsumedBy ${FS}-fraud_scoring_v2`,
          ].sort(),
        );
        expect(
          relationsOf(entities.get(`${FV}-transaction_risk_score`)),
        ).toEqual(
          [
            'ownedBy group:default/data-office',
            'partOf system:default/fraud-detection',
            `readsFrom ${FV}-transaction_stats`,
            `readsFrom ${FV}-customer_profile`,
            `featuresConsumedBy ${FS}-fraud_scoring_v2`,
          ].sort(),
        );
        expect(relationsOf(entities.get(`${FS}-fraud_scoring_v1`))).toEqual(
          [
            'ownedBy group:default/data-office',
            'partOf system:default/fraud-detection',
            `consumesFeatures ${FV}-transaction_stats`,
            `consumesFeatures ${FV}-customer_profile`,
            `consumesFeatures ${FV}-card_velocity`,
            `featuresConsumedBy ${TJ}-fraud-detector-train-0412`,
            `featuresConsumedBy ${TJ}-chargeback-train-0405`,
            'featuresConsumedBy model:default/fraud-detector',
            'featuresConsumedBy model:default/chargeback-predictor',
            'dependencyOf component:default/fraud-detector',
          ].sort(),
        );
        expect(
          relationsOf(entities.get(`${TJ}-fraud-detector-train-0412`)),
        ).toEqual(
          [
            'ownedBy group:default/fraud-ml',
            'partOf system:default/fraud-detection',
            'dependsOn resource:default/sovereign-fr-torch-distributed',
            `consumesFeatures ${FS}-fraud_scoring_v1`,
            'produces model:default/fraud-detector',
          ].sort(),
        );
        expect(
          relationsOf(entities.get(`${TJ}-chargeback-train-0405`)),
        ).toEqual(
          [
            'ownedBy group:default/fraud-ml',
            'partOf system:default/fraud-detection',
            'dependsOn resource:default/sovereign-fr-deepspeed-distributed',
            `readsFrom ${DS}-transactions`,
            `consumesFeatures ${FS}-fraud_scoring_v1`,
            'produces model:default/chargeback-predictor',
          ].sort(),
        );
        expect(
          relationsOf(
            entities.get('resource:default/sovereign-fr-torch-distributed'),
          ),
        ).toEqual(
          [
            'ownedBy group:default/ml-platform',
            `dependencyOf ${TJ}-fraud-detector-train-0412`,
            `dependencyOf ${TJ}-fraud-detector-train-0417`,
            `dependencyOf ${TJ}-fraud-detector-train-0419`,
            'dependencyOf component:default/fraud-detector',
          ].sort(),
        );
        // The training project, as the template scaffolds it.
        expect(
          relationsOf(entities.get('component:default/fraud-detector')),
        ).toEqual(
          [
            'ownedBy group:default/fraud-ml',
            'partOf system:default/fraud-detection',
            `dependsOn ${FS}-fraud_scoring_v1`,
            'dependsOn resource:default/sovereign-fr-torch-distributed',
          ].sort(),
        );
        expect(
          relationsOf(entities.get('model:default/fraud-detector')),
        ).toEqual(
          [
            'ownedBy group:default/fraud-ml',
            'partOf system:default/fraud-detection',
            `consumesFeatures ${FS}-fraud_scoring_v1`,
            `producedBy ${TJ}-fraud-detector-train-0412`,
            `producedBy ${TJ}-fraud-detector-train-0419`,
          ].sort(),
        );

        // Lineage: upstream from the model reaches every data source it was
        // built on, through jobs, feature services and feature views.
        expect(
          walk(entities, 'model:default/fraud-detector', 'upstream'),
        ).toEqual(
          new Set([
            `${TJ}-fraud-detector-train-0412`,
            `${TJ}-fraud-detector-train-0419`,
            `${FS}-fraud_scoring_v1`,
            `${FS}-fraud_scoring_v2`,
            `${FV}-transaction_stats`,
            `${FV}-customer_profile`,
            `${FV}-card_velocity`,
            `${FV}-merchant_risk_features`,
            `${FV}-transaction_risk_score`,
            `${DS}-transactions`,
            `${DS}-customer_profiles`,
            `${DS}-card_events`,
            `${DS}-merchant_risk`,
          ]),
        );
        // ... and downstream from the German dataset reaches what it taints.
        expect(walk(entities, `${DS}-merchant_risk`, 'downstream')).toEqual(
          new Set([
            `${FV}-merchant_risk_features`,
            `${FS}-fraud_scoring_v2`,
            `${TJ}-fraud-detector-train-0417`,
            `${TJ}-fraud-detector-train-0419`,
            'model:default/fraud-detector',
          ]),
        );
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'needs no catalog rule for the kinds when an entity provider supplies them, on %s',
    async databaseId => {
      const entities = [
        {
          apiVersion: 'sovereign-ai.io/v1alpha1',
          kind: 'FeatureView',
          metadata: { name: 'p-v', annotations: providerAnnotations() },
          spec: {
            type: 'batch',
            owner: 'data-office',
            features: [{ name: 'f', dtype: 'INT64' }],
          },
        },
        {
          apiVersion: 'sovereign-ai.io/v1alpha1',
          kind: 'FeatureService',
          metadata: { name: 'p-s', annotations: providerAnnotations() },
          spec: {
            owner: 'data-office',
            features: [{ featureView: 'p-v', features: [] }],
          },
        },
      ];
      catalog = await startTestCatalog({
        knex: await databases.init(databaseId),
        catalog: { rules: GLOBAL_RULES },
        features: [staticProvider(entities)],
      });
      await eventually(async () => {
        const all = await catalog!.entities();
        expect(relationsOf(all.get('featureview:default/p-v'))).toEqual([
          'featuresConsumedBy featureservice:default/p-s',
          'ownedBy group:default/data-office',
        ]);
        expect(relationsOf(all.get('featureservice:default/p-s'))).toEqual([
          'consumesFeatures featureview:default/p-v',
          'ownedBy group:default/data-office',
        ]);
      });
    },
  );
});

/** Follows lineage relations from `from` in one direction, breadth first. */
function walk(
  entities: Map<string, Entity>,
  from: string,
  direction: 'upstream' | 'downstream',
): Set<string> {
  const types = new Set(getLineageRelations(direction));
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length) {
    const entity = entities.get(queue.shift()!);
    for (const relation of entity?.relations ?? []) {
      if (types.has(relation.type) && !seen.has(relation.targetRef)) {
        seen.add(relation.targetRef);
        queue.push(relation.targetRef);
      }
    }
  }
  return seen;
}

function providerAnnotations() {
  return {
    'backstage.io/managed-by-location': 'test:static',
    'backstage.io/managed-by-origin-location': 'test:static',
  };
}

/** A module whose entity provider applies one full mutation of `entities`. */
function staticProvider(entities: Entity[]): BackendFeature {
  const provider: EntityProvider = {
    getProviderName: () => 'static-test-provider',
    async connect(connection) {
      await connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: 'test:static',
        })),
      });
    },
  };
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'static-test-provider',
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
