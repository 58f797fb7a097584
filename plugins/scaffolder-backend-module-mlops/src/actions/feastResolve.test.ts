import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { demoConfig, loadDemoEntities } from '../__testUtils__/demoCatalog';
import { readFeastClientConfigs } from '../lib/FeastClientConfig';
import { createFeastResolveAction } from './feastResolve';

describe('mlops:feast:resolve', () => {
  const feastClients = readFeastClientConfigs(new ConfigReader(demoConfig));

  async function resolve(
    featureService: string,
    options?: { entities?: any[]; clients?: any[] },
  ) {
    const action = createFeastResolveAction({
      catalog: catalogServiceMock({
        entities: options?.entities ?? loadDemoEntities(),
      }),
      feastClients: options?.clients ?? feastClients,
    });
    const ctx = createMockActionContext({ input: { featureService } });
    const error = await action.handler(ctx as any).then(
      () => undefined,
      e => e,
    );
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    return { error, outputs };
  }

  it('outputs the Feast project, features, join keys and registry connection', async () => {
    const { error, outputs } = await resolve(
      'featureservice:fraud_detection-fraud_scoring_v1',
    );
    expect(error).toBeUndefined();
    expect(outputs).toEqual({
      entityRef: 'featureservice:default/fraud_detection-fraud_scoring_v1',
      project: 'fraud_detection',
      name: 'fraud_scoring_v1',
      joinKey: 'fraud_detection/fraud_scoring_v1',
      system: 'fraud-detection',
      features: [
        'transaction_stats:txn_count_24h',
        'transaction_stats:txn_amount_sum_24h',
        'transaction_stats:txn_count_7d',
        'transaction_stats:txn_amount_avg_7d',
        'customer_profile:account_age_days',
        'customer_profile:credit_limit',
        'customer_profile:kyc_level',
        'card_velocity:txn_count_10m',
        'card_velocity:distinct_merchants_1h',
        'card_velocity:amount_sum_1h',
      ],
      featureViews: ['transaction_stats', 'customer_profile', 'card_velocity'],
      joinKeys: ['customer_id', 'card_id'],
      jurisdiction: 'eu-fr',
      dataClassification: 'restricted',
      registry: {
        id: 'demo',
        registry: 'feast-registry.feast.svc.cluster.local:6570',
        offlineStore: {
          host: 'feast-offline.feast.svc.cluster.local',
          port: 8815,
          scheme: 'grpc',
        },
        auth: 'kubernetes',
      },
    });
  });

  it('expands a projection without selected features to every feature of the view', async () => {
    const { outputs } = await resolve(
      'featureservice:default/fraud_detection-fraud_scoring_v2',
    );
    expect(outputs.features).toEqual(
      expect.arrayContaining([
        'merchant_risk_features:chargeback_rate_90d',
        'transaction_risk_score:amount_to_avg_ratio',
        'transaction_risk_score:amount_to_limit_ratio',
      ]),
    );
    expect(outputs.joinKeys).toEqual(['customer_id', 'card_id', 'merchant_id']);
  });

  it('fails when no Feast connection is configured for the project, naming the key', async () => {
    const { error } = await resolve(
      'featureservice:default/fraud_detection-fraud_scoring_v1',
      {
        clients: [],
      },
    );
    expect(error.message).toMatch(
      /No Feast client connection is configured for Feast project fraud_detection: set mlops\.scaffolder\.feast\.<id> with projects: \[fraud_detection\]/,
    );
  });

  it('fails when a FeatureView of the service is not visible', async () => {
    const entities = loadDemoEntities().filter(
      e => e.metadata.name !== 'fraud_detection-customer_profile',
    );
    const { error } = await resolve(
      'featureservice:default/fraud_detection-fraud_scoring_v1',
      {
        entities,
      },
    );
    expect(error.message).toMatch(
      /FeatureView featureview:default\/fraud_detection-customer_profile .* is not in the catalog/,
    );
  });

  it('fails for an entity that is not a Feast FeatureService', async () => {
    const entities = loadDemoEntities().map(e =>
      e.metadata.name === 'fraud_detection-fraud_scoring_v1'
        ? { ...e, metadata: { ...e.metadata, annotations: {} } }
        : e,
    );
    const { error } = await resolve(
      'featureservice:default/fraud_detection-fraud_scoring_v1',
      {
        entities,
      },
    );
    expect(error.message).toMatch(/has no feast\.dev\/project annotation/);
    expect((await resolve('not a ref:/x')).error.name).toBe('InputError');
  });
});
