import { INTERNAL_IMAGE } from './demoCatalog';

/** A compliant TrainJob of the demo story in the shape of a Trainer version. */
export function demoTrainJob(version: 'v2.3' | 'v2.1' = 'v2.3'): any {
  const podLabels = { 'backstage.io/kubernetes-id': 'fraud-detector' };
  return {
    apiVersion: 'trainer.kubeflow.org/v1alpha1',
    kind: 'TrainJob',
    metadata: {
      name: 'fraud-detector-train',
      namespace: 'fraud-ml',
      labels: { ...podLabels },
      annotations: {
        'feast.dev/feature-service': 'fraud_detection/fraud_scoring_v1',
        'sovereign-ai.io/model': 'fraud-detector',
        'sovereign-ai.io/jurisdiction': 'eu-fr',
      },
    },
    spec: {
      runtimeRef: {
        apiGroup: 'trainer.kubeflow.org',
        kind: 'ClusterTrainingRuntime',
        name: 'torch-distributed',
      },
      ...(version === 'v2.1'
        ? {
            labels: { ...podLabels },
            podTemplateOverrides: [
              {
                targetJobs: [{ name: 'node' }],
                metadata: { labels: podLabels },
              },
            ],
          }
        : {
            runtimePatches: [
              {
                manager: 'sovereign-ai.io/training-project',
                trainingRuntimeSpec: {
                  template: {
                    spec: {
                      replicatedJobs: [
                        {
                          name: 'node',
                          template: {
                            spec: {
                              template: { metadata: { labels: podLabels } },
                            },
                          },
                        },
                      ],
                    },
                  },
                },
              },
            ],
          }),
      trainer: {
        image: INTERNAL_IMAGE,
        numNodes: 2,
        command: ['torchrun', '/workspace/project/train.py'],
        env: [
          {
            name: 'TRAINING_ENTITIES_URI',
            value: 's3://fraud-data-fr/labels/',
          },
          {
            name: 'MODEL_STORAGE_URI',
            value: 's3://models-fr/fraud-detector/',
          },
          {
            name: 'PIP_INDEX_URL',
            value: 'https://pypi.sovereign.internal/simple',
          },
        ],
      },
    },
  };
}
