import { KubernetesObject } from '@kubernetes/client-node';
import {
  DEMO_JURISDICTION,
  DEMO_NAMESPACE,
  DEMO_TRAIN_JOBS,
  DemoTrainJob,
} from '../demoStory';
import type { FakeKubernetesApiServer } from '../kubernetes/FakeKubernetesApiServer';
import type { FakeModelRegistryServer } from '../modelRegistry/FakeModelRegistryServer';
import { startLiveDemo } from './liveDemo';
import { seedModels } from './seedModels';
import { JobProgress, seedTrainJob } from './seedTrainJob';
import { demoClusterTrainingRuntime } from './trainJobManifests';

/** Options of {@link seedDemoStory}. */
export interface SeedDemoStoryOptions {
  /** Make the story move (running job progresses, one job fails). */
  live?: boolean;
  /** Interval of live changes; default 5 s (a training run takes 120 ticks). */
  tickMs?: number;
}

/** The job that fails: seeded Failed, or (live) Running until its OOM kills. */
const FAILING_JOB = 'fraud-detector-train-0417';

function initialProgress(job: DemoTrainJob, live: boolean): JobProgress {
  if (job.phase === 'Failed') {
    return live
      ? { phase: 'Running', progressPercentage: 5, restarts: 0 }
      : {
          phase: 'Failed',
          progressPercentage: job.progressPercentage,
          restarts: 3,
        };
  }
  return { phase: job.phase, progressPercentage: job.progressPercentage };
}

/**
 * Seeds the demo story into both servers: the `fraud-ml` namespace, the
 * `torch-distributed` and `deepspeed-distributed` ClusterTrainingRuntimes,
 * the four TrainJobs with their status, pods, logs and events, and the
 * registered models with their versions and artifacts. With `live: true`
 * the story moves (see startLiveDemo). Returns the stop function of the
 * live mode (a no-op otherwise).
 */
export function seedDemoStory(
  k8s: FakeKubernetesApiServer,
  registry: FakeModelRegistryServer,
  options: SeedDemoStoryOptions = {},
): () => void {
  const live = options.live ?? false;
  const now = new Date();
  k8s.apply({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: DEMO_NAMESPACE,
      labels: {
        'kubernetes.io/metadata.name': DEMO_NAMESPACE,
        'sovereign-ai.io/jurisdiction': DEMO_JURISDICTION,
      },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  } as KubernetesObject);
  k8s.apply(demoClusterTrainingRuntime('torch-distributed'));
  k8s.apply(demoClusterTrainingRuntime('deepspeed-distributed'));

  const uids = new Map<string, string>();
  const progress = new Map<string, JobProgress>();
  for (const job of DEMO_TRAIN_JOBS) {
    const initial = initialProgress(job, live);
    progress.set(job.name, initial);
    uids.set(job.name, seedTrainJob(k8s, job, initial, now));
  }
  const registeredModelIds = seedModels(registry, uids);
  if (!live) return () => {};

  const tracked = (name: string) => ({
    job: DEMO_TRAIN_JOBS.find(j => j.name === name)!,
    uid: uids.get(name)!,
    progress: progress.get(name)!,
  });
  return startLiveDemo(
    k8s,
    registry,
    {
      running: tracked(DEMO_TRAIN_JOBS.find(j => j.phase === 'Running')!.name),
      failing: tracked(FAILING_JOB),
      registeredModelIds,
    },
    { tickMs: options.tickMs },
  );
}
