import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { demoConfig, loadDemoEntities } from '../__testUtils__/demoCatalog';
import { readFeastClientConfigs } from '../lib/FeastClientConfig';
import { createFeastResolveAction } from './feastResolve';
import { examples } from './feastResolve.examples';

describe('mlops:feast:resolve examples', () => {
  const action = createFeastResolveAction({
    catalog: catalogServiceMock({ entities: loadDemoEntities() }),
    feastClients: readFeastClientConfigs(new ConfigReader(demoConfig)),
  });

  it.each(examples.map(e => [e.description, e]))(
    'runs the example: %s',
    async (_description, example) => {
      const step = yaml
        .parse(example.example)
        .steps.find((s: any) => s.action === action.id);
      const ctx = createMockActionContext({ input: step.input });
      await action.handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith('project', 'fraud_detection');
      expect(ctx.output).toHaveBeenCalledWith('name', 'fraud_scoring_v1');
    },
  );
});
