import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `mlops:policy:check`, shown in the scaffolder's action list. */
export const examples: TemplateExample[] = [
  {
    description:
      'Check a PyTorch job on fraud_scoring_v1 in France before anything is created',
    example: yaml.stringify({
      steps: [
        {
          id: 'policy',
          action: 'mlops:policy:check',
          name: 'Check the sovereignty policy',
          input: {
            featureService:
              'featureservice:default/fraud_detection-fraud_scoring_v1',
            jurisdiction: 'eu-fr',
            cluster: 'sovereign-fr',
            images: [
              'registry.sovereign.internal/ml/pytorch-trainer@sha256:3f5c2a9e8b7d6c4f1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a',
            ],
            datasetUris: ['s3://fraud-data-fr/labels/fraud-detector/'],
            modelStorageUri: 's3://models-fr/fraud-detector/',
          },
        },
      ],
    }),
  },
  {
    description:
      'Also check that the repository goes to the organisation’s own Git host, and treat undecidable rules as failures',
    example: yaml.stringify({
      steps: [
        {
          id: 'policy',
          action: 'mlops:policy:check',
          name: 'Check the sovereignty policy',
          input: {
            featureService:
              'featureservice:default/fraud_detection-fraud_scoring_v1',
            jurisdiction: 'eu-fr',
            cluster: 'sovereign-fr',
            images: [
              'registry.sovereign.internal/ml/pytorch-trainer@sha256:3f5c2a9e8b7d6c4f1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a',
            ],
            modelStorageUri: 's3://models-fr/fraud-detector/',
            repoUrl:
              'gitlab.sovereign.internal?owner=fraud-ml&repo=fraud-detector',
            failOnUnknown: true,
          },
        },
      ],
    }),
  },
];
