/**
 * Loads the fakes of packages/demo-cluster with the sizes the providers
 * are tested at (10,000 TrainJobs, 50 runtimes, 1,000 models) and measures
 * validated applies and paginated lists over HTTP.
 */
import { KubernetesObject } from '@kubernetes/client-node';
import {
  FakeKubernetesApiServer,
  FakeModelRegistryServer,
} from '../packages/demo-cluster/src';
import { report, sample, time } from './lib';
import { syntheticClusterTrainingRuntime } from './syntheticClusterTrainingRuntime';

const TRAINJOBS = 10_000;
const RUNTIMES = 50;
const MODELS = 1_000;
const VERSIONS_PER_MODEL = 3;

function trainJob(i: number): KubernetesObject {
  return {
    apiVersion: 'trainer.kubeflow.org/v1alpha1',
    kind: 'TrainJob',
    metadata: {
      name: `job-${String(i).padStart(5, '0')}`,
      namespace: `team-${i % 20}`,
      labels: { 'backstage.io/kubernetes-id': `component-${i % 100}` },
      annotations: {
        'feast.dev/feature-service': 'fraud_detection/fraud_scoring_v1',
        'sovereign-ai.io/model': `model-${i % MODELS}`,
      },
    },
    spec: {
      runtimeRef: { name: `runtime-${i % RUNTIMES}` },
      initializer: {
        dataset: { storageUri: 's3://fraud-data-fr/transactions/' },
      },
      trainer: {
        image: 'registry.sovereign.internal/ml/trainer:1.0',
        numNodes: 2,
        env: [{ name: 'EPOCHS', value: '10' }],
        resourcesPerNode: { limits: { cpu: '8', memory: '48Gi' } },
      },
    },
  } as KubernetesObject;
}

const runtime = (i: number) =>
  syntheticClusterTrainingRuntime(
    `runtime-${i}`,
    'registry.sovereign.internal/ml/pytorch:2.13',
  );

async function listAll(k8s: FakeKubernetesApiServer, limit: number) {
  let token: string | undefined;
  let items = 0;
  let requests = 0;
  do {
    const res = await fetch(
      `${k8s.url}/apis/trainer.kubeflow.org/v1alpha1/trainjobs?limit=${limit}${
        token ? `&continue=${token}` : ''
      }`,
    );
    const body = await res.json();
    items += body.items.length;
    requests++;
    token = body.metadata.continue;
  } while (token);
  return { items, requests };
}

async function main() {
  // Compile the CRD schemas once (per process), as the first apply would.
  const warm = await FakeKubernetesApiServer.start();
  const compile = await time(() => {
    warm.apply(trainJob(0));
    warm.apply(runtime(0));
  });
  await warm.close();
  report({
    name: 'demo-cluster: compile TrainJob + runtime CRD schemas',
    n: 2,
    samplesMs: [compile.ms],
  });

  let k8s: FakeKubernetesApiServer | undefined;
  const applySamples = await sample(3, async () => {
    await k8s?.close();
    k8s = await FakeKubernetesApiServer.start();
    for (let i = 0; i < RUNTIMES; i++) k8s.apply(runtime(i));
    for (let i = 0; i < TRAINJOBS; i++) k8s.apply(trainJob(i));
  });
  report({
    name: 'demo-cluster: apply 10k TrainJobs + 50 runtimes (validated)',
    n: TRAINJOBS + RUNTIMES,
    samplesMs: applySamples,
    extra: {
      perApplyUs: (1000 * Math.min(...applySamples)) / (TRAINJOBS + RUNTIMES),
    },
  });

  let pages = { items: 0, requests: 0 };
  const listSamples = await sample(5, async () => {
    pages = await listAll(k8s!, 500);
  });
  if (pages.items !== TRAINJOBS)
    throw new Error(`listed ${pages.items} TrainJobs`);
  report({
    name: 'demo-cluster: list 10k TrainJobs over HTTP (limit 500)',
    n: TRAINJOBS,
    samplesMs: listSamples,
    extra: { roundTrips: pages.requests },
  });

  const selectorSamples = await sample(5, async () => {
    const res = await fetch(
      `${
        k8s!.url
      }/apis/trainer.kubeflow.org/v1alpha1/trainjobs?labelSelector=backstage.io%2Fkubernetes-id%3Dcomponent-7`,
    );
    const body = await res.json();
    if (body.items.length !== TRAINJOBS / 100)
      throw new Error('selector miscounted');
  });
  report({
    name: 'demo-cluster: label-selector list of 10k TrainJobs',
    n: TRAINJOBS,
    samplesMs: selectorSamples,
  });
  await k8s!.close();

  const registry = await FakeModelRegistryServer.start();
  const seed = await time(() => {
    for (let m = 0; m < MODELS; m++) {
      const { id } = registry.addRegisteredModel({
        name: `model-${m}`,
        owner: 'fraud-ml',
      });
      for (let v = 1; v <= VERSIONS_PER_MODEL; v++) {
        const version = registry.addModelVersion(id, {
          name: `v${v}`,
          customProperties: {
            'feast.feature_service': 'fraud_detection/fraud_scoring_v1',
            auc: 0.9,
          },
        });
        registry.addModelArtifact(version.id, {
          name: `model-${m}-v${v}`,
          uri: `s3://models-fr/model-${m}/v${v}/`,
        });
      }
    }
  });
  report({
    name: 'demo-cluster: registry add 1k models x 3 versions + artifacts',
    n: MODELS * (1 + 2 * VERSIONS_PER_MODEL),
    samplesMs: [seed.ms],
  });

  let requests = 0;
  const registrySamples = await sample(5, async () => {
    let token = '';
    let models = 0;
    requests = 0;
    do {
      const res = await fetch(
        `${
          registry.url
        }/api/model_registry/v1alpha3/registered_models?pageSize=100${
          token ? `&nextPageToken=${encodeURIComponent(token)}` : ''
        }`,
      );
      const body = await res.json();
      models += body.size;
      requests++;
      token = body.nextPageToken;
    } while (token);
    if (models !== MODELS) throw new Error(`listed ${models} models`);
  });
  report({
    name: 'demo-cluster: registry list 1k models over HTTP (pageSize 100)',
    n: MODELS,
    samplesMs: registrySamples,
    extra: { roundTrips: requests },
  });
  await registry.close();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
