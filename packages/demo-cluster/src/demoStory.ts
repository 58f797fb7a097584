/**
 * The demo story shared by every package of the project: a fraud-detection
 * team in France trains models on features from the Feast project
 * `fraud_detection`, on the sovereign Kubernetes cluster `sovereign-fr`.
 * This file holds the facts; `demo/` turns them into Kubernetes objects,
 * Model Registry entries, logs and live changes.
 */

/** Name of the Kubernetes cluster in the catalog (`kubeflow.org/cluster`). */
export const DEMO_CLUSTER = 'sovereign-fr';
/** Kubernetes namespace of the fraud team's TrainJobs. */
export const DEMO_NAMESPACE = 'fraud-ml';
/** Jurisdiction of the cluster, its storage and its jobs. */
export const DEMO_JURISDICTION = 'eu-fr';
/** Owner group of the jobs and models. */
export const DEMO_OWNER = 'fraud-ml';
/** The Feast project the jobs read their features from. */
export const DEMO_FEAST_PROJECT = 'fraud_detection';
/** Internal registry every trusted image comes from. */
export const DEMO_INTERNAL_REGISTRY = 'registry.sovereign.internal/ml';

/** Outcome of a demo TrainJob. */
export type DemoJobPhase = 'Succeeded' | 'Running' | 'Failed';

/** One TrainJob of the story. */
export interface DemoTrainJob {
  name: string;
  runtime: 'torch-distributed' | 'deepspeed-distributed';
  numNodes: number;
  featureService: string;
  model: string;
  /** Full image reference; pinned by digest unless it is the air-gap violation. */
  image: string;
  phase: DemoJobPhase;
  /** Days before the demo starts that the job was created. */
  createdDaysAgo: number;
  /** Training progress shown for the job, 0 to 100. */
  progressPercentage: number;
  /** Read progress from OpenShift AI's annotation instead of status.trainerStatus. */
  odhProgressAnnotation?: boolean;
  description: string;
}

/** One version of a registered model of the story. */
export interface DemoModelVersion {
  name: string;
  state: 'LIVE' | 'ARCHIVED';
  author: string;
  artifactUri: string;
  modelFormatName: string;
  modelFormatVersion: string;
  featureService: string;
  /** The TrainJob that produced the version, if it is still on the cluster. */
  producedBy?: string;
  metrics: Record<string, number>;
  description: string;
}

/** One registered model of the story. */
export interface DemoModel {
  name: string;
  description: string;
  owner: string;
  dataClassification: 'internal' | 'confidential' | 'restricted';
  versions: DemoModelVersion[];
}

/** A sha256 digest for the demo's pinned images, stable across runs. */
export const DEMO_IMAGE_DIGESTS = {
  trainer:
    'sha256:7c1e4c5f0a3b9d2e8f61a4c3b5d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90',
  pytorch:
    'sha256:3f9a2b1c0d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f21',
  deepspeed:
    'sha256:a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3',
};

/** The trainer image every fraud-detector job runs. */
export const FRAUD_TRAINER_IMAGE = `${DEMO_INTERNAL_REGISTRY}/fraud-detector-trainer:1.4.0@${DEMO_IMAGE_DIGESTS.trainer}`;

/** The TrainJobs of the story, oldest first. */
export const DEMO_TRAIN_JOBS: readonly DemoTrainJob[] = [
  {
    name: 'chargeback-train-0405',
    runtime: 'deepspeed-distributed',
    numNodes: 2,
    featureService: 'fraud_scoring_v1',
    model: 'chargeback-predictor',
    // The air-gap violation of the demo: a public registry, no digest.
    image: 'docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime',
    phase: 'Succeeded',
    createdDaysAgo: 22,
    progressPercentage: 100,
    odhProgressAnnotation: true,
    description:
      'Chargeback predictor trained with DeepSpeed on fraud_scoring_v1',
  },
  {
    name: 'fraud-detector-train-0412',
    runtime: 'torch-distributed',
    numNodes: 2,
    featureService: 'fraud_scoring_v1',
    model: 'fraud-detector',
    image: FRAUD_TRAINER_IMAGE,
    phase: 'Succeeded',
    createdDaysAgo: 15,
    progressPercentage: 100,
    description: 'Fraud detector v2 training run on fraud_scoring_v1',
  },
  {
    name: 'fraud-detector-train-0417',
    runtime: 'torch-distributed',
    numNodes: 2,
    featureService: 'fraud_scoring_v2',
    model: 'fraud-detector',
    image: FRAUD_TRAINER_IMAGE,
    phase: 'Failed',
    createdDaysAgo: 10,
    progressPercentage: 23,
    description:
      'First run on fraud_scoring_v2: a worker is OOMKilled while loading merchant risk features',
  },
  {
    name: 'fraud-detector-train-0419',
    runtime: 'torch-distributed',
    numNodes: 2,
    featureService: 'fraud_scoring_v2',
    model: 'fraud-detector',
    image: FRAUD_TRAINER_IMAGE,
    phase: 'Running',
    createdDaysAgo: 0,
    progressPercentage: 60,
    description:
      'Fraud detector v3 candidate on fraud_scoring_v2, with more memory',
  },
];

/** The registered models of the story. */
export const DEMO_MODELS: readonly DemoModel[] = [
  {
    name: 'fraud-detector',
    description: 'Scores card transactions for fraud in real time',
    owner: DEMO_OWNER,
    dataClassification: 'confidential',
    versions: [
      {
        name: 'v1',
        state: 'ARCHIVED',
        author: 'alice',
        artifactUri: 's3://models-fr/fraud-detector/v1/',
        modelFormatName: 'onnx',
        modelFormatVersion: '1',
        featureService: 'fraud_scoring_v1',
        metrics: { auc: 0.931, precision: 0.874 },
        description: 'First production model, replaced by v2',
      },
      {
        name: 'v2',
        state: 'LIVE',
        author: 'alice',
        artifactUri: 's3://models-fr/fraud-detector/v2/',
        modelFormatName: 'onnx',
        modelFormatVersion: '1',
        featureService: 'fraud_scoring_v1',
        producedBy: 'fraud-detector-train-0412',
        metrics: { auc: 0.962, precision: 0.913 },
        description: 'Current production model',
      },
    ],
  },
  {
    name: 'chargeback-predictor',
    description: 'Predicts which disputed transactions end in a chargeback',
    owner: DEMO_OWNER,
    dataClassification: 'confidential',
    versions: [
      {
        name: '1',
        state: 'LIVE',
        author: 'alice',
        artifactUri: 's3://models-fr/chargeback/1/',
        modelFormatName: 'pytorch',
        modelFormatVersion: '2.4',
        featureService: 'fraud_scoring_v1',
        metrics: { auc: 0.884, precision: 0.801 },
        description: 'Baseline chargeback model',
      },
      {
        name: '2',
        state: 'LIVE',
        author: 'alice',
        artifactUri: 's3://models-fr/chargeback/2/',
        modelFormatName: 'pytorch',
        modelFormatVersion: '2.4',
        featureService: 'fraud_scoring_v1',
        producedBy: 'chargeback-train-0405',
        metrics: { auc: 0.907, precision: 0.842 },
        description: 'DeepSpeed retrain on fraud_scoring_v1',
      },
    ],
  },
];
