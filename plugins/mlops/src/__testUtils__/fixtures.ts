// Entities and live status of the demo story (examples/*.yaml), for tests.
import type {
  FeatureServiceEntityV1alpha1,
  FeatureViewEntityV1alpha1,
  ModelEntityV1alpha1,
  TrainingJobEntityV1alpha1,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import type { LineageResponse, TrainJobStatusResponse } from '../api/types';

export const transactionStats: FeatureViewEntityV1alpha1 = {
  apiVersion: 'sovereign-ai.io/v1alpha1',
  kind: 'FeatureView',
  metadata: {
    name: 'fraud_detection-transaction_stats',
    namespace: 'default',
    title: 'transaction_stats',
    description: 'Spending counts and amounts per customer.',
    annotations: {
      'feast.dev/project': 'fraud_detection',
      'feast.dev/name': 'transaction_stats',
    },
  },
  spec: {
    type: 'batch',
    owner: 'group:default/data-office',
    system: 'fraud-detection',
    entities: [
      { name: 'customer', joinKeys: ['customer_id'], valueType: 'INT64' },
    ],
    features: [
      {
        name: 'txn_count_24h',
        dtype: 'INT64',
        description: 'Transactions in the last 24 hours',
      },
      {
        name: 'txn_amount_sum_24h',
        dtype: 'DOUBLE',
        description: 'Amount spent in the last 24 hours',
        tags: { pii: 'false' },
      },
      {
        name: 'txn_count_7d',
        dtype: 'INT64',
        description: 'Transactions in the last 7 days',
      },
    ],
    ttlSeconds: 172800,
    online: true,
    sources: ['resource:default/fraud_detection-transactions'],
  },
};

export const cardVelocity: FeatureViewEntityV1alpha1 = {
  apiVersion: 'sovereign-ai.io/v1alpha1',
  kind: 'FeatureView',
  metadata: {
    name: 'fraud_detection-card_velocity',
    namespace: 'default',
    title: 'card_velocity',
    annotations: {
      'feast.dev/project': 'fraud_detection',
      'feast.dev/name': 'card_velocity',
    },
  },
  spec: {
    type: 'stream',
    owner: 'group:default/data-office',
    entities: [{ name: 'card', joinKeys: ['card_id'], valueType: 'STRING' }],
    features: [
      { name: 'txn_count_10m', dtype: 'INT64' },
      { name: 'amount_sum_1h', dtype: 'DOUBLE' },
    ],
  },
};

export const fraudScoringV1: FeatureServiceEntityV1alpha1 = {
  apiVersion: 'sovereign-ai.io/v1alpha1',
  kind: 'FeatureService',
  metadata: {
    name: 'fraud_detection-fraud_scoring_v1',
    namespace: 'default',
    title: 'fraud_scoring_v1',
    annotations: {
      'feast.dev/project': 'fraud_detection',
      'feast.dev/name': 'fraud_scoring_v1',
    },
  },
  spec: {
    owner: 'group:default/data-office',
    system: 'fraud-detection',
    features: [
      {
        featureView: 'featureview:fraud_detection-transaction_stats',
        features: ['txn_count_24h', 'txn_count_7d'],
      },
      {
        featureView: 'featureview:fraud_detection-card_velocity',
        features: [],
      },
      {
        featureView: 'featureview:fraud_detection-customer_profile',
        features: ['kyc_level'],
      },
    ],
  },
};

function trainingJob(
  name: string,
  phase: TrainingJobEntityV1alpha1['spec']['phase'],
): TrainingJobEntityV1alpha1 {
  return {
    apiVersion: 'sovereign-ai.io/v1alpha1',
    kind: 'TrainingJob',
    metadata: {
      name: `sovereign-fr-fraud-ml-${name}`,
      namespace: 'default',
      title: name,
      annotations: {
        'kubeflow.org/cluster': 'sovereign-fr',
        'kubeflow.org/namespace': 'fraud-ml',
        'kubeflow.org/name': name,
      },
    },
    spec: {
      owner: 'group:default/fraud-ml',
      cluster: 'sovereign-fr',
      namespace: 'fraud-ml',
      phase,
    },
  };
}

export const runningJob = trainingJob('fraud-detector-train-0419', 'Running');
export const failedJob = trainingJob('fraud-detector-train-0417', 'Failed');

export const fraudDetector: ModelEntityV1alpha1 = {
  apiVersion: 'sovereign-ai.io/v1alpha1',
  kind: 'Model',
  metadata: {
    name: 'fraud-detector',
    namespace: 'default',
    title: 'fraud-detector',
  },
  spec: {
    owner: 'group:default/fraud-ml',
    versions: [
      {
        name: 'v1',
        state: 'ARCHIVED',
        artifactUri: 's3://models-fr/fraud-detector/v1/',
        format: 'onnx',
        created: '2026-02-02T10:00:00Z',
        metrics: { auc: 0.912 },
      },
      {
        name: 'v2',
        state: 'LIVE',
        artifactUri: 's3://models-fr/fraud-detector/v2/',
        format: 'onnx',
        created: '2026-04-12T11:02:00Z',
        producedBy:
          'trainingjob:sovereign-fr-fraud-ml-fraud-detector-train-0412',
        featureServices: ['featureservice:fraud_detection-fraud_scoring_v1'],
        metrics: { auc: 0.947, precision: 0.921 },
      },
    ],
  },
};

const jobBase = {
  cluster: 'sovereign-fr',
  namespace: 'fraud-ml',
  suspended: false,
  jobsStatus: [],
  events: [],
};

export const runningStatus: TrainJobStatusResponse = {
  ...jobBase,
  name: 'fraud-detector-train-0419',
  entityRef:
    'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0419',
  phase: 'Running',
  conditions: [
    {
      type: 'Created',
      status: 'True',
      reason: 'JobSetCreated',
      lastTransitionTime: '2026-04-19T08:00:00Z',
    },
  ],
  jobsStatus: [
    {
      name: 'node',
      ready: 2,
      succeeded: 0,
      failed: 0,
      active: 2,
      suspended: 0,
    },
  ],
  progress: {
    source: 'trainerStatus',
    percentage: 60,
    estimatedRemainingSeconds: 1500,
    eta: '2026-04-19T09:25:00Z',
    metrics: { loss: 0.2345678, accuracy: 0.91 },
    currentEpoch: 3,
    totalEpochs: 5,
  },
  pods: [
    {
      name: 'fraud-detector-train-0419-node-0-0-abcde',
      phase: 'Running',
      replicatedJob: 'node',
      index: 0,
      restarts: 0,
      containers: [
        { name: 'node', ready: true, restartCount: 0, state: 'running' },
      ],
    },
  ],
};

export const failedStatus: TrainJobStatusResponse = {
  ...jobBase,
  name: 'fraud-detector-train-0417',
  entityRef:
    'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0417',
  phase: 'Failed',
  conditions: [
    {
      type: 'Created',
      status: 'True',
      lastTransitionTime: '2026-04-17T08:00:00Z',
    },
    {
      type: 'Failed',
      status: 'True',
      reason: 'FailedJobs',
      message: 'jobset failed: node failed',
      lastTransitionTime: '2026-04-17T08:40:00Z',
    },
  ],
  pods: [
    {
      name: 'fraud-detector-train-0417-node-0-1-xyz',
      phase: 'Failed',
      replicatedJob: 'node',
      index: 1,
      restarts: 0,
      containers: [
        {
          name: 'node',
          ready: false,
          restartCount: 0,
          state: 'terminated',
          reason: 'OOMKilled',
          exitCode: 137,
        },
      ],
    },
  ],
};

export const modelLineage: LineageResponse = {
  root: 'featureservice:default/fraud_detection-fraud_scoring_v1',
  direction: 'downstream',
  depth: 6,
  nodes: [
    {
      ref: 'featureservice:default/fraud_detection-fraud_scoring_v1',
      kind: 'FeatureService',
      namespace: 'default',
      name: 'fraud_detection-fraud_scoring_v1',
      title: 'fraud_scoring_v1',
      depth: 0,
      directions: ['upstream', 'downstream'],
    },
    {
      ref: 'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0412',
      kind: 'TrainingJob',
      namespace: 'default',
      name: 'sovereign-fr-fraud-ml-fraud-detector-train-0412',
      title: 'fraud-detector-train-0412',
      owner: 'group:default/fraud-ml',
      phase: 'Succeeded',
      depth: 1,
      directions: ['downstream'],
    },
    {
      ref: 'model:default/fraud-detector',
      kind: 'Model',
      namespace: 'default',
      name: 'fraud-detector',
      title: 'fraud-detector',
      owner: 'group:default/fraud-ml',
      depth: 2,
      directions: ['downstream'],
    },
  ],
  edges: [
    {
      from: 'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0412',
      to: 'featureservice:default/fraud_detection-fraud_scoring_v1',
      relation: 'consumesFeatures',
    },
    {
      from: 'model:default/fraud-detector',
      to: 'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0412',
      relation: 'producedBy',
    },
  ],
  dangling: [],
  truncated: false,
};
