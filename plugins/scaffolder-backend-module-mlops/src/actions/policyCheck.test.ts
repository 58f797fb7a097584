import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readSovereigntyPolicy } from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  demoConfig,
  INTERNAL_IMAGE,
  loadDemoEntities,
} from '../__testUtils__/demoCatalog';
import { createPolicyCheckAction } from './policyCheck';

const V1 = 'featureservice:default/fraud_detection-fraud_scoring_v1';
const V2 = 'featureservice:default/fraud_detection-fraud_scoring_v2';

describe('mlops:policy:check', () => {
  const config = new ConfigReader(demoConfig);
  const makeAction = (entities = loadDemoEntities()) =>
    createPolicyCheckAction({
      catalog: catalogServiceMock({ entities }),
      policy: readSovereigntyPolicy(config),
      integrations: ScmIntegrations.fromConfig(config),
    });
  const compliant = {
    featureService: V1,
    jurisdiction: 'eu-fr',
    cluster: 'sovereign-fr',
    images: [INTERNAL_IMAGE],
    datasetUris: ['s3://fraud-data-fr/labels/fraud-detector/'],
    modelStorageUri: 's3://models-fr/fraud-detector/',
    repoUrl: 'gitlab.sovereign.internal?owner=fraud-ml&repo=fraud-detector',
  };

  async function run(input: Record<string, unknown>, entities?: any[]) {
    const ctx = createMockActionContext({ input: input as any });
    const error = await makeAction(entities)
      .handler(ctx as any)
      .then(
        () => undefined,
        e => e,
      );
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    return { error, outputs };
  }

  it('passes a compliant job and outputs every result', async () => {
    const { error, outputs } = await run(compliant);
    expect(error).toBeUndefined();
    expect(outputs.status).toBe('pass');
    expect(outputs.results.map((r: any) => [r.check, r.status])).toEqual([
      ['residency', 'pass'],
      ['air-gap', 'pass'],
      ['autonomy', 'pass'],
      ['classification', 'pass'],
      ['autonomy', 'pass'],
    ]);
  });

  it('fails a FeatureService that pulls in data from another jurisdiction, naming the rule and the dataset', async () => {
    const { error, outputs } = await run({ ...compliant, featureService: V2 });
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(/violates the sovereignty policy/);
    expect(error.message).toMatch(/\[residency\][^;]*merchant_risk/);
    expect(outputs.status).toBe('fail');
  });

  it('fails an image from a public registry', async () => {
    const { error } = await run({
      ...compliant,
      images: ['docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime'],
    });
    expect(error.message).toMatch(/\[air-gap\][^;]*docker\.io/);
  });

  it('fails a dataset read from a public hub (hf://)', async () => {
    const { error } = await run({
      ...compliant,
      datasetUris: ['hf://datasets/some-org/transactions'],
    });
    expect(error.message).toMatch(/\[air-gap\][^;]*hf:\/\//);
  });

  it('fails a jurisdiction that does not match the cluster and the data', async () => {
    const { error } = await run({ ...compliant, jurisdiction: 'eu-de' });
    expect(error.message).toMatch(
      /\[residency\][^;]*sovereign-fr lies in eu-fr/,
    );
    expect(error.message).toMatch(/\[classification\]/);
  });

  it('fails a jurisdiction the policy does not define', async () => {
    const { error } = await run({ ...compliant, jurisdiction: 'us-east' });
    expect(error.message).toMatch(
      /us-east is not defined in mlops\.sovereignty\.jurisdictions/,
    );
  });

  it('fails model storage outside the organisation', async () => {
    const { error } = await run({
      ...compliant,
      modelStorageUri: 's3://public-models/fraud-detector/',
    });
    expect(error.message).toMatch(/\[autonomy\][^;]*public-models/);
  });

  it('fails publishing to a public Git host or a host without integration', async () => {
    const pub = await run({
      ...compliant,
      repoUrl: 'github.com?owner=fraud-ml&repo=fraud-detector',
    });
    expect(pub.error.message).toMatch(
      /\[autonomy\][^;]*github\.com, a public Git hosting service/,
    );
    const unknownHost = await run({
      ...compliant,
      repoUrl: 'git.example.org?owner=fraud-ml&repo=fraud-detector',
    });
    expect(unknownHost.error.message).toMatch(/integrations\.gitlab/);
  });

  it('lists every violated rule at once', async () => {
    const { error } = await run({
      ...compliant,
      featureService: V2,
      images: ['docker.io/pytorch/pytorch:2.4.0'],
      modelStorageUri: 'gs://elsewhere/model/',
    });
    expect(error.message).toMatch(/\(3 rules\)/);
    expect(error.message).toMatch(/\[residency\]/);
    expect(error.message).toMatch(/\[air-gap\]/);
    expect(error.message).toMatch(/\[autonomy\]/);
  });

  it('reports an undecidable rule as unknown, and fails on it only with failOnUnknown', async () => {
    const input = { ...compliant, modelStorageUri: undefined };
    const lenient = await run(input);
    expect(lenient.error).toBeUndefined();
    expect(lenient.outputs.status).toBe('unknown');
    const strict = await run({ ...input, failOnUnknown: true });
    expect(strict.error.message).toMatch(
      /\[autonomy\] \(unknown\) The request names no model storage URI/,
    );
  });

  it('does not trust upstream data it cannot see', async () => {
    const entities = loadDemoEntities().filter(
      e => e.metadata.name !== 'fraud_detection-card_events',
    );
    const { error, outputs } = await run(compliant, entities);
    expect(error).toBeUndefined();
    expect(outputs.status).toBe('unknown');
    expect(outputs.results).toContainEqual(
      expect.objectContaining({
        status: 'unknown',
        causedBy: 'resource:default/fraud_detection-card_events',
      }),
    );
  });

  it('rejects a FeatureService that is not in the catalog or not a FeatureService', async () => {
    const missing = await run({
      ...compliant,
      featureService: 'featureservice:default/nope',
    });
    expect(missing.error.name).toBe('NotFoundError');
    const wrongKind = await run({
      ...compliant,
      featureService: 'featureview:default/fraud_detection-transaction_stats',
    });
    expect(wrongKind.error.message).toMatch(
      /is a FeatureView, not a FeatureService/,
    );
  });
});
