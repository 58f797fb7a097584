import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateEntities } from '../__testUtils__/validateEntities';
import { decodeRegistry } from '../registry/decodeRegistry';
import type { FeastRegistrySnapshot } from '../registry/types';
import { compileSystemTemplate } from './systemName';
import {
  type FeastTransformOptions,
  transformRegistry,
} from './transformRegistry';

const options: FeastTransformOptions = {
  registryId: 'demo',
  namespace: 'default',
  defaultOwner: 'group:data-office',
  systemName: compileSystemTemplate('{{project}}'),
  jurisdictionTag: 'jurisdiction',
  defaultJurisdiction: 'eu-fr',
  dataClassificationTags: ['data_classification', 'classification'],
  uiUrl: 'https://feast.example.com',
};

function fixture(name: string) {
  return decodeRegistry(
    readFileSync(join(__dirname, '..', '__fixtures__', `${name}.db`)),
  );
}

function byRef(entities: ReturnType<typeof transformRegistry>) {
  return new Map(
    entities.map(e => [`${e.kind}:${e.metadata.name}`.toLowerCase(), e]),
  );
}

const demo: FeastRegistrySnapshot = {
  projects: [{ name: 'fraud_detection', owner: 'data-office', tags: {} }],
  entities: [
    {
      project: 'fraud_detection',
      name: 'customer',
      joinKey: 'customer_id',
      valueType: 'INT64',
      tags: {},
    },
  ],
  dataSources: [
    {
      project: 'fraud_detection',
      name: 'merchant_risk',
      sourceType: 'BATCH_FILE',
      location: 's3://risk-data-de/merchant_risk/',
      timestampField: 'event_timestamp',
      tags: { jurisdiction: 'eu-de', data_classification: 'confidential' },
      schema: [],
    },
    {
      project: 'fraud_detection',
      name: 'card_events',
      sourceType: 'PUSH_SOURCE',
      batchSource: 'merchant_risk',
      tags: {},
      schema: [],
    },
  ],
  featureViews: [
    {
      project: 'fraud_detection',
      name: 'merchant_risk_features',
      kind: 'batch',
      owner: 'alice@bank.example',
      entities: ['customer'],
      features: [
        {
          name: 'risk',
          valueType: 'FLOAT',
          description: 'Risk score',
          tags: { pii: 'no' },
        },
      ],
      entityColumns: [],
      ttlSeconds: 86400,
      online: true,
      dataSources: ['merchant_risk'],
      featureViews: [],
      tags: { team: 'fraud ml', 'cost center': 'R&D / 42' },
    },
  ],
  featureServices: [
    {
      project: 'fraud_detection',
      name: 'fraud_scoring_v2',
      projections: [
        {
          featureView: 'merchant_risk_features',
          features: ['risk'],
          alias: 'mr',
        },
      ],
      tags: {},
    },
  ],
  savedDatasets: [
    {
      project: 'fraud_detection',
      name: 'training_2026_04',
      featureService: 'fraud_scoring_v2',
      features: ['merchant_risk_features:risk'],
      location: 's3://fraud-data-fr/training/',
      tags: {},
    },
  ],
};

describe('transformRegistry', () => {
  it('maps the demo objects with names, refs, owners and sovereignty annotations', async () => {
    const entities = transformRegistry(demo, options);
    await validateEntities(entities);
    const map = byRef(entities);
    expect([...map.keys()].sort()).toEqual([
      'featureservice:fraud_detection-fraud_scoring_v2',
      'featureview:fraud_detection-merchant_risk_features',
      'resource:fraud_detection-card_events',
      'resource:fraud_detection-merchant_risk',
      `resource:${'fraud_detection-saved-dataset-training_2026_04'}`,
      'system:fraud-detection',
    ]);

    expect(map.get('system:fraud-detection')).toMatchObject({
      metadata: { title: 'fraud_detection' },
      spec: { owner: 'data-office' },
    });

    const dataset = map.get('resource:fraud_detection-merchant_risk')!;
    expect(dataset.spec).toEqual({
      type: 'dataset',
      owner: 'data-office',
      system: 'system:default/fraud-detection',
    });
    expect(dataset.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': 'feast:demo',
      'backstage.io/managed-by-origin-location': 'feast:demo',
      'feast.dev/project': 'fraud_detection',
      'feast.dev/name': 'merchant_risk',
      'feast.dev/registry': 'demo',
      'feast.dev/source-type': 'file',
      'feast.dev/source-location': 's3://risk-data-de/merchant_risk/',
      'feast.dev/timestamp-field': 'event_timestamp',
      'sovereign-ai.io/jurisdiction': 'eu-de',
      'sovereign-ai.io/data-classification': 'confidential',
    });
    expect(dataset.metadata.links).toEqual([
      {
        url: 'https://feast.example.com/p/fraud_detection/data-source/merchant_risk',
        title: 'Open in Feast UI',
        type: 'feast-ui',
      },
    ]);
    expect(map.get('resource:fraud_detection-card_events')!.spec).toMatchObject(
      {
        dependsOn: ['resource:default/fraud_detection-merchant_risk'],
      },
    );
    expect(
      map.get('resource:fraud_detection-card_events')!.metadata.annotations,
    ).toMatchObject({
      'feast.dev/source-type': 'push',
      'sovereign-ai.io/jurisdiction': 'eu-fr',
    });

    const view = map.get('featureview:fraud_detection-merchant_risk_features')!;
    expect(view.spec).toEqual({
      type: 'batch',
      owner: 'user:alice',
      system: 'system:default/fraud-detection',
      entities: [
        { name: 'customer', joinKeys: ['customer_id'], valueType: 'INT64' },
      ],
      features: [
        {
          name: 'risk',
          dtype: 'FLOAT',
          description: 'Risk score',
          tags: { pii: 'no' },
        },
      ],
      ttlSeconds: 86400,
      online: true,
      sources: ['resource:default/fraud_detection-merchant_risk'],
    });
    expect(view.metadata.labels).toEqual({
      'feast.dev/team': 'fraud-ml',
      'feast.dev/cost-center': 'R-D-42',
    });

    expect(
      map.get('featureservice:fraud_detection-fraud_scoring_v2')!.spec,
    ).toEqual({
      owner: 'data-office',
      system: 'system:default/fraud-detection',
      features: [
        {
          featureView:
            'featureview:default/fraud_detection-merchant_risk_features',
          features: ['risk'],
          alias: 'mr',
        },
      ],
    });
    expect(
      map.get('resource:fraud_detection-saved-dataset-training_2026_04')!.spec,
    ).toMatchObject({
      dependsOn: ['featureservice:default/fraud_detection-fraud_scoring_v2'],
    });
  });

  it('falls back to owner tags, then the configured default, then "unknown"', () => {
    const snapshot: FeastRegistrySnapshot = {
      ...demo,
      projects: [{ name: 'fraud_detection', tags: {} }],
      featureViews: [
        {
          ...demo.featureViews[0],
          owner: undefined,
          tags: { owner: 'group:fraud-ml' },
        },
        {
          ...demo.featureViews[0],
          name: 'b',
          owner: undefined,
          tags: { team: 'ml-platform' },
        },
        { ...demo.featureViews[0], name: 'c', owner: undefined, tags: {} },
      ],
    };
    const owners = (opts: FeastTransformOptions) =>
      transformRegistry(snapshot, opts)
        .filter(e => e.kind === 'FeatureView')
        .map(e => e.spec!.owner);
    expect(owners(options)).toEqual([
      'group:fraud-ml',
      'ml-platform',
      'group:data-office',
    ]);
    expect(owners({ ...options, defaultOwner: undefined })[2]).toBe('unknown');
  });

  it('uses the namespace and system template everywhere', () => {
    const entities = transformRegistry(demo, {
      ...options,
      namespace: 'feast-eu',
      systemName: compileSystemTemplate('feast-{{registry}}-{{project}}'),
      uiUrl: undefined,
    });
    expect(entities.every(e => e.metadata.namespace === 'feast-eu')).toBe(true);
    expect(entities.some(e => e.metadata.links)).toBe(false);
    const view = entities.find(e => e.kind === 'FeatureView')!;
    expect(view.spec!.system).toBe(
      'system:feast-eu/feast-demo-fraud-detection',
    );
    expect(view.spec!.sources).toEqual([
      'resource:feast-eu/fraud_detection-merchant_risk',
    ]);
  });

  it.each([
    ['registry-v0.18-java-feast10', 1, 3, 27, 1],
    ['registry-v0.26-ui-credit-scoring', 1, 3, 4, 5],
    ['registry-v0.44-ui-credit-scoring', 1, 3, 4, 5],
    ['registry-v0.62-ui-credit-scoring', 1, 3, 4, 5],
  ])(
    'emits valid entities for %s',
    async (name, systems, resources, views, services) => {
      const entities = transformRegistry(fixture(name), options);
      await validateEntities(entities);
      const count = (kind: string) =>
        entities.filter(e => e.kind === kind).length;
      expect([
        count('System'),
        count('Resource'),
        count('FeatureView'),
        count('FeatureService'),
      ]).toEqual([systems, resources, views, services]);
      // Deterministic: a second run gives the same entities.
      expect(transformRegistry(fixture(name), options)).toEqual(entities);
    },
  );

  it('keys the credit-scoring views by their entities, without the __dummy entity', () => {
    const map = byRef(
      transformRegistry(fixture('registry-v0.62-ui-credit-scoring'), options),
    );
    expect(
      map.get('featureview:credit_scoring_aws-credit_history')!.spec,
    ).toMatchObject({
      entities: [
        {
          name: 'dob_ssn',
          joinKeys: ['dob_ssn'],
          valueType: 'STRING',
          description:
            'Date of birth and last four digits of social security number',
        },
      ],
      sources: ['resource:default/credit_scoring_aws-credit_history'],
      ttlSeconds: 777600000,
    });
    expect(
      map.get(
        'featureview:credit_scoring_aws-transaction_gt_last_credit_card_due',
      )!.spec,
    ).toMatchObject({
      type: 'on-demand',
      entities: [],
      sources: [
        'resource:default/credit_scoring_aws-transaction',
        'featureview:default/credit_scoring_aws-credit_history',
      ],
    });
  });
});
