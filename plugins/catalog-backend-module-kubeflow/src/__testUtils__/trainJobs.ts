import { KubernetesObject } from '@kubernetes/client-node';

const API_VERSION = 'trainer.kubeflow.org/v1alpha1';
const IMAGE =
  'registry.sovereign.internal/ml/fraud-detector@sha256:4f1c2d9e0b7a65c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9';

/** Options of a demo-story TrainJob. */
export interface DemoJobOptions {
  name: string;
  namespace?: string;
  runtime?: string;
  model?: string;
  featureService?: string;
  image?: string;
  numNodes?: number;
  created?: string;
  datasetUri?: string;
  labels?: Record<string, string>;
}

/** A TrainJob of the demo story in the v2.3 shape, without status. */
export function demoTrainJob(options: DemoJobOptions): KubernetesObject {
  // Plain manifest JSON (string timestamps, any spec), as the API server sends.
  const manifest = {
    apiVersion: API_VERSION,
    kind: 'TrainJob',
    metadata: {
      name: options.name,
      namespace: options.namespace ?? 'fraud-ml',
      ...(options.created ? { creationTimestamp: options.created } : {}),
      labels: {
        'backstage.io/kubernetes-id': options.model ?? 'fraud-detector',
        ...options.labels,
      },
      annotations: {
        'feast.dev/feature-service':
          options.featureService ?? 'fraud_detection/fraud_scoring_v1',
        'sovereign-ai.io/model': options.model ?? 'fraud-detector',
      },
    },
    spec: {
      runtimeRef: {
        apiGroup: 'trainer.kubeflow.org',
        kind: 'ClusterTrainingRuntime',
        name: options.runtime ?? 'torch-distributed',
      },
      ...(options.datasetUri
        ? { initializer: { dataset: { storageUri: options.datasetUri } } }
        : {}),
      trainer: {
        image: options.image ?? IMAGE,
        numNodes: options.numNodes ?? 2,
        resourcesPerNode: {
          requests: { cpu: '8', memory: '32Gi', 'nvidia.com/gpu': '1' },
          limits: { 'nvidia.com/gpu': '1' },
        },
      },
    },
  };
  return manifest as unknown as KubernetesObject;
}

/** A TrainJob in the v2.1 (OpenShift AI) shape. */
export function v21TrainJob(name: string): KubernetesObject {
  // Plain manifest JSON (string timestamps, any spec), as the API server sends.
  const manifest = {
    apiVersion: API_VERSION,
    kind: 'TrainJob',
    metadata: { name, namespace: 'fraud-ml' },
    spec: {
      runtimeRef: { name: 'torch-distributed' },
      labels: {
        'backstage.io/kubernetes-id': 'fraud-detector',
        'sovereign-ai.io/jurisdiction': 'eu-de',
      },
      annotations: {
        'feast.dev/feature-service': 'fraud_detection/fraud_scoring_v2',
        'sovereign-ai.io/model': 'fraud-detector',
      },
      podTemplateOverrides: [
        {
          targetJobs: [{ name: 'node' }],
          spec: { serviceAccountName: 'fraud-trainer' },
        },
      ],
      trainer: { image: IMAGE, numNodes: 1, numProcPerNode: 'auto' },
    },
  };
  return manifest as unknown as KubernetesObject;
}

const at = '2026-04-12T08:00:00Z';
const condition = (type: string, reason: string, message: string) => ({
  type,
  status: 'True',
  reason,
  message,
  lastTransitionTime: at,
});

/** Status of a succeeded TrainJob. */
export const SUCCEEDED_STATUS = {
  conditions: [
    condition('Complete', 'AllJobsCompleted', 'jobset completed successfully'),
  ],
  jobsStatus: [
    {
      name: 'node',
      ready: 0,
      succeeded: 2,
      failed: 0,
      active: 0,
      suspended: 0,
    },
  ],
};

/** Status of a running TrainJob at 60 %. */
export const RUNNING_STATUS = {
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
  trainerStatus: {
    progressPercentage: 60,
    estimatedRemainingSeconds: 1800,
    metrics: [{ name: 'loss', value: '0.21' }],
    lastUpdatedTime: at,
  },
};

/** Status of a TrainJob whose worker was OOMKilled. */
export const FAILED_STATUS = {
  conditions: [
    condition(
      'Failed',
      'FailedJobs',
      'jobset failed due to one or more job failures',
    ),
  ],
  jobsStatus: [
    {
      name: 'node',
      ready: 0,
      succeeded: 0,
      failed: 1,
      active: 0,
      suspended: 0,
    },
  ],
};
