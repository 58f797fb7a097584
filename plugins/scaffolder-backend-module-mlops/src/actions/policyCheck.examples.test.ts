import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readSovereigntyPolicy } from '@sovereign-ai/backstage-plugin-mlops-common';
import yaml from 'yaml';
import { demoConfig, loadDemoEntities } from '../__testUtils__/demoCatalog';
import { createPolicyCheckAction } from './policyCheck';
import { examples } from './policyCheck.examples';

describe('mlops:policy:check examples', () => {
  const config = new ConfigReader(demoConfig);
  const action = createPolicyCheckAction({
    catalog: catalogServiceMock({ entities: loadDemoEntities() }),
    policy: readSovereigntyPolicy(config),
    integrations: ScmIntegrations.fromConfig(config),
  });

  it.each(examples.map(e => [e.description, e]))(
    'runs the example: %s',
    async (_description, example) => {
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe(action.id);
      const ctx = createMockActionContext({ input: step.input });
      await action.handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith('status', 'pass');
    },
  );
});
