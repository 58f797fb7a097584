import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `mlops:trainjob:validate`, shown in the scaffolder's action list. */
export const examples: TemplateExample[] = [
  {
    description:
      'Validate the rendered manifests/trainjob.yaml for a Kubeflow Trainer v2.3 cluster',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'mlops:trainjob:validate',
          name: 'Validate the TrainJob',
          input: {
            manifestPath: 'manifests/trainjob.yaml',
            trainerVersion: 'v2.3',
            cluster: 'sovereign-fr',
          },
        },
      ],
    }),
  },
  {
    description:
      'Validate a TrainJob for OpenShift AI (Trainer v2.1 shape) whose model location is in MODEL_URI, failing on undecidable rules',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'mlops:trainjob:validate',
          name: 'Validate the TrainJob',
          input: {
            manifestPath: 'deploy/trainjob.yaml',
            trainerVersion: 'v2.1',
            cluster: 'sovereign-fr',
            modelStorageEnv: 'MODEL_URI',
            failOnUnknown: true,
          },
        },
      ],
    }),
  },
];
