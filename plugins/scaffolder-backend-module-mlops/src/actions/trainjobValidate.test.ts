import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readSovereigntyPolicy } from '@sovereign-ai/backstage-plugin-mlops-common';
import { stringify } from 'yaml';
import { demoConfig, loadDemoEntities } from '../__testUtils__/demoCatalog';
import { demoTrainJob } from '../__testUtils__/trainJobManifest';
import { createTrainJobValidateAction } from './trainjobValidate';

describe('mlops:trainjob:validate', () => {
  const action = createTrainJobValidateAction({
    catalog: catalogServiceMock({ entities: loadDemoEntities() }),
    policy: readSovereigntyPolicy(new ConfigReader(demoConfig)),
  });
  const workspace = createMockDirectory();

  async function validate(
    manifest: unknown,
    input: Record<string, unknown> = {},
  ) {
    workspace.setContent({
      'manifests/trainjob.yaml':
        typeof manifest === 'string' ? manifest : stringify(manifest),
    });
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: { cluster: 'sovereign-fr', ...input } as any,
    });
    const error = await action.handler(ctx as any).then(
      () => undefined,
      e => e,
    );
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    return { error, outputs };
  }

  it.each(['v2.3', 'v2.1'] as const)(
    'accepts a compliant %s manifest and outputs the policy results',
    async version => {
      const { error, outputs } = await validate(demoTrainJob(version), {
        trainerVersion: version,
      });
      expect(error).toBeUndefined();
      expect(outputs.name).toBe('fraud-detector-train');
      expect(outputs.status).toBe('pass');
      expect(outputs.results.map((r: any) => r.check)).toEqual([
        'residency',
        'air-gap',
        'autonomy',
        'classification',
      ]);
    },
  );

  it('rejects a v2.3 manifest on a v2.1 cluster with the API server message', async () => {
    const { error } = await validate(demoTrainJob('v2.3'), {
      trainerVersion: 'v2.1',
    });
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(
      /not a valid TrainJob for Kubeflow Trainer v2.1: .*unknown field "spec.runtimePatches"/,
    );
  });

  it('rejects schema violations, bad names and missing join keys, listing each', async () => {
    const job = demoTrainJob();
    job.metadata.name = 'Fraud_Detector';
    job.spec.trainer.numNodes = 'two';
    delete job.spec.runtimeRef.name;
    delete job.metadata.labels['backstage.io/kubernetes-id'];
    delete job.metadata.annotations['sovereign-ai.io/model'];
    job.metadata.annotations['feast.dev/feature-service'] = 'fraud_scoring_v1';
    const { error } = await validate(job);
    expect(error.message).toMatch(/spec\.trainer\.numNodes: must be integer/);
    expect(error.message).toMatch(/spec\.runtimeRef\.name: Required value/);
    expect(error.message).toMatch(
      /metadata\.name: Invalid value: "Fraud_Detector"/,
    );
    expect(error.message).toMatch(
      /metadata\.labels\.backstage\.io\/kubernetes-id: Required value/,
    );
    expect(error.message).toMatch(/sovereign-ai\.io\/model: Required value/);
    expect(error.message).toMatch(
      /feast\.dev\/feature-service: must be <project>\/<name>/,
    );
  });

  it('rejects a variable set twice, as the API server does for list-map keys', async () => {
    const job = demoTrainJob();
    job.spec.trainer.env = [
      { name: 'EPOCHS', value: '10' },
      { name: 'EPOCHS', value: '20' },
    ];
    const { error } = await validate(job);
    expect(error.message).toMatch(
      /spec\.trainer\.env: Duplicate value: \["EPOCHS"\]/,
    );
  });

  it('requires the pods to carry the Component label', async () => {
    const job = demoTrainJob();
    delete job.spec.runtimePatches;
    const { error } = await validate(job);
    expect(error.message).toMatch(
      /spec\.runtimePatches: must set the pod label backstage\.io\/kubernetes-id/,
    );
  });

  it('fails a public, unpinned image and an hf:// dataset, naming the rule', async () => {
    const job = demoTrainJob();
    job.spec.trainer.image =
      'docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime';
    job.spec.initializer = { dataset: { storageUri: 'hf://tatsu-lab/alpaca' } };
    const { error, outputs } = await validate(job);
    expect(error.message).toMatch(/\[air-gap\][^;]*docker\.io/);
    expect(error.message).toMatch(/hf:\/\/tatsu-lab\/alpaca/);
    expect(outputs.status).toBe('fail');
  });

  it('fails a declared jurisdiction that is not the cluster’s', async () => {
    const job = demoTrainJob();
    job.metadata.annotations['sovereign-ai.io/jurisdiction'] = 'eu-de';
    const { error } = await validate(job);
    expect(error.message).toMatch(
      /\[residency\][^;]*sovereign-fr lies in eu-fr/,
    );
  });

  it('fails model storage outside the organisation, read from the configured env var', async () => {
    const job = demoTrainJob();
    job.spec.trainer.env.push({
      name: 'MODEL_URI',
      value: 's3://somewhere-else/model/',
    });
    const { error } = await validate(job, { modelStorageEnv: 'MODEL_URI' });
    expect(error.message).toMatch(/\[autonomy\][^;]*somewhere-else/);
  });

  it('rejects a manifest that is not one TrainJob, or not YAML', async () => {
    expect((await validate('a: [')).error.message).toMatch(/is not valid YAML/);
    expect(
      (
        await validate(
          `${stringify(demoTrainJob())}---\n${stringify(demoTrainJob())}`,
        )
      ).error.message,
    ).toMatch(/must hold exactly one TrainJob; found TrainJob, TrainJob/);
    expect((await validate({ kind: 'Pod' })).error.message).toMatch(
      /found Pod/,
    );
  });

  it('refuses to read outside the workspace', async () => {
    const { error } = await validate(demoTrainJob(), {
      manifestPath: '../../etc/passwd',
    });
    expect(error.message).toMatch(
      /Cannot read the TrainJob manifest \.\.\/\.\.\/etc\/passwd/,
    );
  });
});
