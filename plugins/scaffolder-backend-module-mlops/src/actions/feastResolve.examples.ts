import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `mlops:feast:resolve`, shown in the scaffolder's action list. */
export const examples: TemplateExample[] = [
  {
    description:
      'Resolve the FeatureService picked in the form and pass its Feast project, features and registry connection to the skeleton',
    example: yaml.stringify({
      steps: [
        {
          id: 'feast',
          action: 'mlops:feast:resolve',
          name: 'Resolve the FeatureService',
          input: {
            featureService:
              'featureservice:default/fraud_detection-fraud_scoring_v1',
          },
        },
        {
          id: 'fetch',
          action: 'fetch:template',
          name: 'Render the project',
          input: {
            url: './skeleton',
            values: {
              feastProject: '${{ steps.feast.output.project }}',
              featureService: '${{ steps.feast.output.name }}',
              registry: '${{ steps.feast.output.registry }}',
            },
          },
        },
      ],
    }),
  },
];
