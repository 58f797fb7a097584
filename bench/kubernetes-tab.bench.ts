/**
 * The Kubernetes tab of a TrainingJob when its model has many jobs: the real
 * backend (`yarn start:backend` with bench/kubernetes-tab.yaml) and its
 * Kubernetes plugin against the simulated cluster holding 500 finished
 * TrainJobs of one model, 2 pods each, all labelled
 * `backstage.io/kubernetes-id: fraud-detector`.
 *
 * - `objects of the model`: POST /api/kubernetes/services/:name for a
 *   TrainingJob entity of the catalog (the backend reads the entity from the
 *   catalog, with the model's kubernetes-id): latency, answer size and
 *   object counts. Every job of the model shares that id, so the answer
 *   holds all of them.
 * - `scopeToTrainJob`: narrowing the model-wide answer to one job in the
 *   browser, as the TrainingJob tab does.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { scopeToTrainJob } from '../plugins/mlops/src/components/TrainingJobKubernetesContent/scopeToTrainJob';
import {
  DEMO_NAMESPACE,
  DEMO_TRAIN_JOBS,
  FakeKubernetesApiServer,
} from '../packages/demo-cluster/src';
import { seedTrainJob } from '../packages/demo-cluster/src/demo/seedTrainJob';
import { demoClusterTrainingRuntime } from '../packages/demo-cluster/src/demo/trainJobManifests';
import { quantile, report, sample, time } from './lib';

const JOBS = 500;
const SAMPLES = 20;
const BACKEND = 'http://localhost:7108';
const TOKEN = 'bench-kubernetes-tab-token-not-a-secret';
const headers = {
  authorization: `Bearer ${TOKEN}`,
  'content-type': 'application/json',
};

function jobName(i: number) {
  return `fraud-detector-train-${String(i).padStart(4, '0')}`;
}

async function seedCluster(): Promise<FakeKubernetesApiServer> {
  const k8s = await FakeKubernetesApiServer.start({ port: 7181 });
  k8s.apply({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: DEMO_NAMESPACE },
  });
  k8s.apply(demoClusterTrainingRuntime('torch-distributed'));
  const template = DEMO_TRAIN_JOBS.find(j => j.name.startsWith('fraud-'))!;
  const now = new Date();
  for (let i = 0; i < JOBS; i++) {
    seedTrainJob(
      k8s,
      {
        ...template,
        name: jobName(i),
        phase: 'Succeeded',
        progressPercentage: 100,
      },
      { phase: 'Succeeded', progressPercentage: 100 },
      now,
    );
  }
  return k8s;
}

async function waitFor(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + 300_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

function trainingJobEntity(name: string, annotations: Record<string, string>) {
  return {
    apiVersion: 'sovereign-ai.io/v1alpha1',
    kind: 'TrainingJob',
    metadata: {
      name: `sovereign-fr-fraud-ml-${name}`,
      namespace: 'default',
      annotations: {
        'kubeflow.org/cluster': 'sovereign-fr',
        'kubeflow.org/namespace': DEMO_NAMESPACE,
        'kubeflow.org/name': name,
        'backstage.io/kubernetes-namespace': DEMO_NAMESPACE,
        ...annotations,
      },
    },
    spec: { owner: 'group:default/fraud-ml' },
  };
}

async function objectsOf(entity: ReturnType<typeof trainingJobEntity>) {
  const res = await fetch(
    `${BACKEND}/api/kubernetes/services/${entity.metadata.name}`,
    { method: 'POST', headers, body: JSON.stringify({ entity }) },
  );
  if (!res.ok) throw new Error(`kubernetes backend answered ${res.status}`);
  const text = await res.text();
  return { bytes: text.length, body: JSON.parse(text) };
}

function counts(body: any) {
  const byType: Record<string, number> = {};
  for (const item of body.items) {
    for (const r of item.resources) {
      byType[r.type] = (byType[r.type] ?? 0) + r.resources.length;
    }
  }
  return byType;
}

async function measure(
  name: string,
  entity: ReturnType<typeof trainingJobEntity>,
) {
  const first = await objectsOf(entity);
  const samplesMs = await sample(SAMPLES, () => objectsOf(entity));
  const c = counts(first.body);
  report({
    name,
    n: SAMPLES,
    samplesMs,
    extra: {
      answerKb: Math.round(first.bytes / 1024),
      pods: c.pods ?? 0,
      trainJobs: c.customresources ?? 0,
      p95Ms: Math.round(quantile(samplesMs, 0.95)),
    },
  });
  return first.body;
}

async function main() {
  const seeded = await time(seedCluster);
  const k8s = seeded.value;
  const backend = spawn(
    process.execPath,
    [
      join(__dirname, '../scripts/start-backend.mjs'),
      '--config',
      join(__dirname, 'kubernetes-tab.yaml'),
    ],
    {
      detached: true,
      // The CLI's dev runner exits when its stdin closes: keep a pipe open.
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  try {
    // The Trainer provider ingests the jobs too; measure once it is done,
    // as in a portal that has been running.
    await waitFor('the catalog to hold the jobs', async () => {
      const res = await fetch(
        `${BACKEND}/api/catalog/entities/by-query?filter=kind=TrainingJob&limit=1`,
        { headers },
      );
      return res.ok && (await res.json()).totalItems >= JOBS;
    });
    const name = jobName(JOBS - 1);
    const modelWide = await measure(
      `kubernetes tab: objects of the model (${JOBS} jobs)`,
      trainingJobEntity(name, {
        'backstage.io/kubernetes-id': 'fraud-detector',
      }),
    );
    const trainJob = {
      cluster: 'sovereign-fr',
      namespace: DEMO_NAMESPACE,
      name,
    };
    const scoped = scopeToTrainJob(modelWide, trainJob);
    report({
      name: 'kubernetes tab: scopeToTrainJob in the browser',
      n: 50,
      samplesMs: await sample(50, () => scopeToTrainJob(modelWide, trainJob)),
      extra: {
        podsKept: counts(scoped).pods ?? 0,
        seedMs: Math.round(seeded.ms),
      },
    });
  } finally {
    process.kill(-backend.pid!, 'SIGTERM');
    await new Promise(r => setTimeout(r, 3000));
    try {
      process.kill(-backend.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await k8s.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
