import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { ComplianceContext } from '../ComplianceResult';
import {
  dataset,
  featureService,
  featureView,
  INTERNAL_IMAGE,
  model,
  placed,
  runtime,
  trainingJob,
} from './builders';

// The demo story (examples/fraud-detection-*.yaml), reduced to the fields
// the policy reads.

const feast = (name: string) => ({
  'feast.dev/project': 'fraud_detection',
  'feast.dev/name': name,
});
const location = (uri: string) => ({ 'feast.dev/source-location': uri });

const datasets = [
  dataset(
    'fraud_detection-transactions',
    placed('eu-fr', 'restricted', {
      ...feast('transactions'),
      ...location('s3://fraud-data-fr/transactions/'),
    }),
  ),
  dataset(
    'fraud_detection-customer_profiles',
    placed('eu-fr', 'confidential', {
      ...feast('customer_profiles'),
      ...location('crm.customer_profiles'),
    }),
  ),
  dataset(
    'fraud_detection-card_events',
    placed('eu-fr', 'restricted', {
      ...feast('card_events'),
      ...location('card-events'),
    }),
  ),
  dataset(
    'fraud_detection-merchant_risk',
    placed('eu-de', 'confidential', {
      ...feast('merchant_risk'),
      ...location('s3://risk-data-de/merchant_risk/'),
    }),
  ),
];

const views = [
  featureView(
    'fraud_detection-transaction_stats',
    placed('eu-fr', 'restricted', feast('transaction_stats')),
    ['resource:fraud_detection-transactions'],
  ),
  featureView(
    'fraud_detection-customer_profile',
    placed('eu-fr', 'confidential', feast('customer_profile')),
    ['resource:fraud_detection-customer_profiles'],
  ),
  featureView(
    'fraud_detection-card_velocity',
    placed('eu-fr', 'restricted', feast('card_velocity')),
    ['resource:fraud_detection-card_events'],
  ),
  featureView(
    'fraud_detection-merchant_risk_features',
    placed('eu-fr', 'confidential', feast('merchant_risk_features')),
    ['resource:fraud_detection-merchant_risk'],
  ),
  featureView(
    'fraud_detection-transaction_risk_score',
    placed('eu-fr', 'restricted', feast('transaction_risk_score')),
    [
      'featureview:fraud_detection-transaction_stats',
      'featureview:fraud_detection-customer_profile',
    ],
  ),
];

const v1Views = [
  'featureview:fraud_detection-transaction_stats',
  'featureview:fraud_detection-customer_profile',
  'featureview:fraud_detection-card_velocity',
];
const services = [
  featureService(
    'fraud_detection-fraud_scoring_v1',
    placed('eu-fr', 'restricted', feast('fraud_scoring_v1')),
    v1Views,
  ),
  featureService(
    'fraud_detection-fraud_scoring_v2',
    placed('eu-fr', 'restricted', feast('fraud_scoring_v2')),
    [
      ...v1Views,
      'featureview:fraud_detection-merchant_risk_features',
      'featureview:fraud_detection-transaction_risk_score',
    ],
  ),
];

const RUNTIME_IMAGE =
  'registry.sovereign.internal/ml/torch-runtime@sha256:1111111111111111111111111111111111111111111111111111111111111111';
const runtimes = [
  runtime('sovereign-fr-torch-distributed', [RUNTIME_IMAGE]),
  runtime('sovereign-fr-deepspeed-distributed', [RUNTIME_IMAGE]),
];

const job = (
  name: string,
  featureServiceName: string,
  extra: Record<string, unknown> = {},
) =>
  trainingJob(`sovereign-fr-fraud-ml-${name}`, {
    runtime: 'resource:sovereign-fr-torch-distributed',
    featureServices: [`featureservice:fraud_detection-${featureServiceName}`],
    ...(extra as object),
  });

const jobs = [
  job('fraud-detector-train-0412', 'fraud_scoring_v1', {
    produces: ['model:fraud-detector'],
  }),
  job('fraud-detector-train-0417', 'fraud_scoring_v2'),
  job('fraud-detector-train-0419', 'fraud_scoring_v2', {
    produces: ['model:fraud-detector'],
  }),
  job('chargeback-train-0405', 'fraud_scoring_v1', {
    runtime: 'resource:sovereign-fr-deepspeed-distributed',
    trainer: {
      image: 'docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime',
    },
    initializers: {
      dataset: {
        storageUri: 's3://fraud-data-fr/transactions/',
        image: INTERNAL_IMAGE,
      },
    },
    datasets: ['resource:fraud_detection-transactions'],
    produces: ['model:chargeback-predictor'],
  }),
];

const models = [
  model('fraud-detector', [
    {
      name: 'v1',
      state: 'ARCHIVED',
      artifactUri: 's3://models-fr/fraud-detector/v1/',
    },
    {
      name: 'v2',
      state: 'LIVE',
      artifactUri: 's3://models-fr/fraud-detector/v2/',
      producedBy: 'trainingjob:sovereign-fr-fraud-ml-fraud-detector-train-0412',
      featureServices: ['featureservice:fraud_detection-fraud_scoring_v1'],
    },
  ]),
  model('chargeback-predictor', [
    {
      name: '1',
      state: 'ARCHIVED',
      artifactUri: 's3://models-fr/chargeback/1/',
    },
    {
      name: '2',
      state: 'LIVE',
      artifactUri: 's3://models-fr/chargeback/2/',
      producedBy: 'trainingjob:sovereign-fr-fraud-ml-chargeback-train-0405',
      featureServices: ['featureservice:fraud_detection-fraud_scoring_v1'],
    },
  ]),
];

/**
 * Every ML asset of the demo, titled like the providers title them: by
 * the Feast name, the runtime name or the TrainJob name.
 */
export const DEMO_ENTITIES: Entity[] = [
  ...datasets,
  ...views,
  ...services,
  ...runtimes,
  ...jobs,
  ...models,
].map(entity => ({
  ...entity,
  metadata: {
    ...entity.metadata,
    title: entity.metadata.name.replace(
      /^fraud_detection-|^sovereign-fr-fraud-ml-|^sovereign-fr-/,
      '',
    ),
  },
}));

const full = (ref: string, kind: string) =>
  stringifyEntityRef(parseEntityRef(ref, { defaultKind: kind }));

/** Upstream edges (readsFrom, consumesFeatures, producedBy) out of an entity. */
function upstreamRefs(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as any;
  switch (entity.kind) {
    case 'FeatureView':
      return (spec.sources ?? []).map((r: string) => full(r, 'Resource'));
    case 'FeatureService':
      return spec.features.map((f: any) => full(f.featureView, 'FeatureView'));
    case 'TrainingJob':
      return [
        ...(spec.datasets ?? []).map((r: string) => full(r, 'Resource')),
        ...(spec.featureServices ?? []).map((r: string) =>
          full(r, 'FeatureService'),
        ),
      ];
    case 'Model': {
      const self = stringifyEntityRef(entity);
      // Model producedBy TrainingJob, from a version's producedBy or from
      // the job's spec.produces (the processor emits both).
      const producers = DEMO_ENTITIES.filter(e =>
        ((e.spec as any)?.produces ?? []).some(
          (r: string) => full(r, 'Model') === self,
        ),
      ).map(e => stringifyEntityRef(e));
      return [
        ...spec.versions
          .filter((v: any) => v.producedBy)
          .map((v: any) => full(v.producedBy, 'TrainingJob')),
        ...producers,
      ];
    }
    default:
      return [];
  }
}

const byRef = new Map(DEMO_ENTITIES.map(e => [stringifyEntityRef(e), e]));

function closure(start: Entity, next: (e: Entity) => string[]): Entity[] {
  const seen = new Set<string>();
  const queue = next(start);
  const found: Entity[] = [];
  while (queue.length) {
    const ref = queue.shift()!;
    const entity = byRef.get(ref);
    if (seen.has(ref) || !entity) continue;
    seen.add(ref);
    found.push(entity);
    queue.push(...next(entity));
  }
  return found;
}

/** The lineage context the backend would pass for a demo entity. */
export function demoContext(entity: Entity): ComplianceContext {
  const ref = stringifyEntityRef(entity);
  const downstreamOf = (e: Entity) => {
    const r = stringifyEntityRef(e);
    return DEMO_ENTITIES.filter(o => upstreamRefs(o).includes(r)).map(o =>
      stringifyEntityRef(o),
    );
  };
  return {
    upstream: closure(entity, upstreamRefs),
    downstream: closure(entity, downstreamOf).filter(
      e => stringifyEntityRef(e) !== ref,
    ),
  };
}
