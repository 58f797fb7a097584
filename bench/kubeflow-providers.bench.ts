/**
 * Kubeflow providers through the fake servers and the real catalog:
 * 10,000 TrainJobs, 1,000 registered models and 50 ClusterTrainingRuntimes.
 *
 * Measures (default provider and catalog settings, in-memory SQLite):
 * - the time from backend start until every entity is queryable through the
 *   catalog API;
 * - the time from a TrainJob status change on the API server (a watch event)
 *   until the catalog API shows the new phase, over 100 changes made one
 *   after the other;
 * - the same with a polling-only baseline (same provider, `watch: false`,
 *   default schedule: one full list every 30 s), over 100 changes made one
 *   every 600 ms and tracked concurrently;
 * - the peak RSS of this process (fake servers, backend and catalog).
 */
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleKubeflow from '@sovereign-ai/backstage-plugin-catalog-backend-module-kubeflow';
import catalogModuleMlops from '@sovereign-ai/backstage-plugin-catalog-backend-module-mlops';
import {
  FakeKubernetesApiServer,
  FakeModelRegistryServer,
} from '@sovereign-ai/demo-cluster';
import { quantile, report, time } from './lib';
import { syntheticClusterTrainingRuntime } from './syntheticClusterTrainingRuntime';

const JOBS = 10_000;
const NAMESPACES = 20;
const MODELS = 1_000;
const RUNTIMES = 50;
const CHANGES = 100;
const TOKEN = 'bench-token';
const IMAGE =
  'registry.sovereign.internal/ml/trainer@sha256:4f1c2d9e0b7a65c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9';

const at = new Date('2026-04-01T00:00:00Z').getTime();
const RUNNING = {
  jobsStatus: [
    {
      name: 'node',
      ready: 2,
      succeeded: 0,
      failed: 0,
      active: 2,
      suspended: 0,
    },
  ],
};
const SUCCEEDED = {
  conditions: [
    {
      type: 'Complete',
      status: 'True',
      reason: 'AllJobsCompleted',
      message: 'jobset completed successfully',
      lastTransitionTime: '2026-04-20T00:00:00Z',
    },
  ],
  jobsStatus: [
    {
      name: 'node',
      ready: 0,
      succeeded: 2,
      failed: 0,
      active: 0,
      suspended: 0,
    },
  ],
};

const jobName = (i: number) => `train-${String(i).padStart(5, '0')}`;
const namespaceOf = (i: number) => `team-${i % NAMESPACES}`;

function seedCluster(k8s: FakeKubernetesApiServer) {
  for (let r = 0; r < RUNTIMES; r++) {
    k8s.apply(syntheticClusterTrainingRuntime(`runtime-${r}`, IMAGE));
  }
  for (let i = 0; i < JOBS; i++) {
    const ref = {
      apiVersion: 'trainer.kubeflow.org/v1alpha1',
      kind: 'TrainJob',
      namespace: namespaceOf(i),
      name: jobName(i),
    };
    k8s.apply({
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      metadata: {
        name: ref.name,
        namespace: ref.namespace,
        creationTimestamp: new Date(at + i * 60_000).toISOString(),
        labels: { 'backstage.io/kubernetes-id': `model-${i % MODELS}` },
        annotations: {
          'feast.dev/feature-service': 'fraud_detection/fraud_scoring_v1',
          'sovereign-ai.io/model': `model-${i % MODELS}`,
        },
      },
      spec: {
        runtimeRef: { name: `runtime-${i % RUNTIMES}` },
        initializer: {
          dataset: { storageUri: `s3://bench-data/set-${i % 100}/` },
        },
        trainer: { image: IMAGE, numNodes: 2 },
      },
    } as any);
    // The first 2 x CHANGES jobs run; the bench completes them one by one.
    k8s.setStatus(ref, i < 2 * CHANGES ? RUNNING : SUCCEEDED);
  }
}

function seedRegistry(registry: FakeModelRegistryServer) {
  for (let m = 0; m < MODELS; m++) {
    const { id } = registry.addRegisteredModel({ name: `model-${m}` });
    const version = registry.addModelVersion(id, {
      name: 'v1',
      customProperties: {
        'feast.feature_service': 'fraud_detection/fraud_scoring_v1',
        'sovereign-ai.io/trainjob': `bench/${namespaceOf(m)}/${jobName(m)}`,
        auc: 0.9,
      },
    });
    registry.addModelArtifact(version.id, {
      name: `model-${m}-v1`,
      uri: `s3://models/model-${m}/v1/`,
      modelFormatName: 'onnx',
    });
  }
}

async function startBackend(
  k8s: FakeKubernetesApiServer,
  registry: FakeModelRegistryServer | undefined,
  watch: boolean,
): Promise<TestBackend> {
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleMlops,
      catalogModuleKubeflow,
      schedulerServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'System', 'API', 'Resource'] }],
            providers: {
              kubeflowTrainer: {
                bench: {
                  clusters: [
                    {
                      name: 'bench',
                      url: k8s.url,
                      serviceAccountToken: TOKEN,
                      jurisdiction: 'eu-fr',
                    },
                  ],
                  owner: 'fraud-ml',
                  watch,
                },
              },
              ...(registry
                ? {
                    kubeflowModelRegistry: {
                      bench: { baseUrl: registry.url, owner: 'fraud-ml' },
                    },
                  }
                : {}),
            },
          },
        },
      }),
    ],
  });
}

/** A busy backend may drop a connection; count that as "not yet". */
async function fetchOrUndefined(url: string, init: RequestInit) {
  try {
    return await fetch(url, init);
  } catch (error) {
    process.stderr.write(`catalog API call failed: ${error}\n`);
    return undefined;
  }
}

function catalogApi(backend: TestBackend) {
  const base = `http://localhost:${backend.server.port()}/api/catalog`;
  const headers = { Authorization: mockCredentials.user.header() };
  return {
    async count(filter: string): Promise<number> {
      const res = await fetchOrUndefined(
        `${base}/entities/by-query?limit=1&filter=${encodeURIComponent(
          filter,
        )}`,
        { headers },
      );
      if (!res?.ok) return 0;
      return ((await res.json()) as { totalItems: number }).totalItems;
    },
    async phase(name: string): Promise<string | undefined> {
      const res = await fetchOrUndefined(
        `${base}/entities/by-name/trainingjob/default/${name}`,
        { headers },
      );
      if (!res?.ok) return undefined;
      return ((await res.json()) as any).spec?.phase;
    },
  };
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function waitForIngestion(backend: TestBackend, withModels: boolean) {
  const api = catalogApi(backend);
  let lastLog = Date.now();
  for (;;) {
    const [jobs, runtimes, models] = await Promise.all([
      api.count('kind=trainingjob'),
      api.count('kind=resource,spec.type=training-runtime'),
      withModels ? api.count('kind=model') : Promise.resolve(MODELS),
    ]);
    if (jobs === JOBS && runtimes === RUNTIMES && models === MODELS) return;
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      process.stderr.write(
        `  queryable so far: ${jobs} jobs, ${runtimes} runtimes, ${models} models\n`,
      );
    }
    await sleep(1000);
  }
}

function entityName(i: number) {
  return `bench-${namespaceOf(i)}-${jobName(i)}`;
}

async function complete(k8s: FakeKubernetesApiServer, i: number) {
  k8s.setStatus(
    {
      apiVersion: 'trainer.kubeflow.org/v1alpha1',
      kind: 'TrainJob',
      namespace: namespaceOf(i),
      name: jobName(i),
    },
    SUCCEEDED,
  );
}

async function main() {
  const k8s = await FakeKubernetesApiServer.start({ token: TOKEN });
  const registry = await FakeModelRegistryServer.start();
  const seeded = await time(() => {
    seedCluster(k8s);
    seedRegistry(registry);
  });
  process.stderr.write(
    `seeded the fake servers in ${seeded.ms.toFixed(0)} ms\n`,
  );

  // 1. First complete ingestion, then event-to-catalog with watch (default).
  const start = performance.now();
  const backend = await startBackend(k8s, registry, true);
  await waitForIngestion(backend, true);
  const ingestionMs = performance.now() - start;
  process.stderr.write(
    `first complete ingestion in ${ingestionMs.toFixed(0)} ms\n`,
  );
  report({
    name: 'kubeflow: first complete ingestion (catalog API)',
    n: JOBS + MODELS + RUNTIMES,
    samplesMs: [ingestionMs],
    extra: { trainJobs: JOBS, models: MODELS, runtimes: RUNTIMES },
  });

  const api = catalogApi(backend);
  const watchSamples: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const t0 = performance.now();
    await complete(k8s, i);
    while ((await api.phase(entityName(i))) !== 'Succeeded') await sleep(20);
    watchSamples.push(performance.now() - t0);
  }
  await backend.stop();
  const watchP95 = quantile(watchSamples, 0.95);
  report({
    name: 'kubeflow: status change -> catalog (watch, defaults)',
    n: CHANGES,
    samplesMs: watchSamples,
    extra: { targetP95Ms: 5000, meetsTarget: watchP95 < 5000 },
  });

  // 2. Polling-only baseline: same provider, watch off, default schedule.
  const polling = await startBackend(k8s, undefined, false);
  await waitForIngestion(polling, false);
  const papi = catalogApi(polling);
  const pending = new Map<number, number>();
  const pollSamples: number[] = [];
  const tracker = (async () => {
    while (pollSamples.length < CHANGES) {
      for (const [i, t0] of [...pending]) {
        if ((await papi.phase(entityName(i))) === 'Succeeded') {
          pollSamples.push(performance.now() - t0);
          pending.delete(i);
        }
      }
      await sleep(100);
    }
  })();
  for (let i = CHANGES; i < 2 * CHANGES; i++) {
    pending.set(i, performance.now());
    await complete(k8s, i);
    await sleep(600);
  }
  await tracker;
  await polling.stop();
  report({
    name: 'kubeflow: status change -> catalog (polling baseline, 30 s)',
    n: CHANGES,
    samplesMs: pollSamples,
    extra: {
      watchP95Ms: watchP95,
      speedupP95: quantile(pollSamples, 0.95) / watchP95,
    },
  });

  await registry.close();
  await k8s.close();
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
