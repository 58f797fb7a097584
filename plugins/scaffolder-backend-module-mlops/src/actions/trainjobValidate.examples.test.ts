import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readSovereigntyPolicy } from '@sovereign-ai/backstage-plugin-mlops-common';
import yaml from 'yaml';
import { demoConfig, loadDemoEntities } from '../__testUtils__/demoCatalog';
import { demoTrainJob } from '../__testUtils__/trainJobManifest';
import { createTrainJobValidateAction } from './trainjobValidate';
import { examples } from './trainjobValidate.examples';

describe('mlops:trainjob:validate examples', () => {
  const action = createTrainJobValidateAction({
    catalog: catalogServiceMock({ entities: loadDemoEntities() }),
    policy: readSovereigntyPolicy(new ConfigReader(demoConfig)),
  });

  it.each(examples.map(e => [e.description, e]))(
    'runs the example: %s',
    async (_description, example) => {
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe(action.id);
      const job = demoTrainJob(step.input.trainerVersion);
      if (step.input.modelStorageEnv) {
        job.spec.trainer.env = job.spec.trainer.env.map((e: any) =>
          e.name === 'MODEL_STORAGE_URI'
            ? { ...e, name: step.input.modelStorageEnv }
            : e,
        );
      }
      const workspace = createMockDirectory({
        content: { [step.input.manifestPath]: yaml.stringify(job) },
      });
      const ctx = createMockActionContext({
        input: step.input,
        workspacePath: workspace.path,
      });
      await action.handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith('status', 'pass');
    },
  );
});
