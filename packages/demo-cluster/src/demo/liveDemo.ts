import { DEMO_MODELS, DEMO_NAMESPACE, DemoTrainJob } from '../demoStory';
import type { FakeKubernetesApiServer } from '../kubernetes/FakeKubernetesApiServer';
import type { FakeModelRegistryServer } from '../modelRegistry/FakeModelRegistryServer';
import { demoEvent, demoPodsOf } from './podManifests';
import { registerVersion } from './seedModels';
import {
  JobProgress,
  RUN_SECONDS,
  recordJobEnd,
  seedTrainJob,
  trainingRunOf,
  writeJobPods,
  writeJobStatus,
} from './seedTrainJob';
import {
  oomKilledLogLines,
  peerFailureLogLines,
  trainingLogFooter,
  trainingLogHeader,
  trainingLogLines,
} from './trainingLogs';

/** Options of the live mode. */
export interface LiveDemoOptions {
  /** Interval between two changes; default 5 s (a run takes 120 ticks). */
  tickMs?: number;
}

/** Default interval between two changes. */
const DEFAULT_TICK_MS = 5000;
/** Ticks between two OOM kills of the failing job. */
const TICKS_PER_OOM = 6;
/** OOM kills before the failing job gives up (the Job's backoff limit). */
const OOM_KILLS = 3;
/** Ticks between the end of a run and the start of the next one. */
const TICKS_BETWEEN_RUNS = 6;

interface TrackedJob {
  job: DemoTrainJob;
  uid: string;
  progress: JobProgress;
}

/**
 * Makes the seeded story move: the running job advances (status
 * trainerStatus and jobsStatus, DDP log lines on every pod), completes,
 * registers a new model version and is followed by the next run; the
 * failing job is OOMKilled a few times and then fails. Timers are unref'd,
 * so they never keep a process alive. Returns the stop function.
 */
export function startLiveDemo(
  k8s: FakeKubernetesApiServer,
  registry: FakeModelRegistryServer,
  state: {
    running: TrackedJob;
    failing?: TrackedJob;
    registeredModelIds: ReadonlyMap<string, string>;
  },
  options: LiveDemoOptions = {},
): () => void {
  // A run takes RUN_SECONDS at the default tick, whatever the tick is.
  const percentPerTick = (100 * DEFAULT_TICK_MS) / 1000 / RUN_SECONDS;
  let running: TrackedJob | undefined = state.running;
  let failing = state.failing;
  let ticksSinceRun = 0;
  let runNumber = Number(state.running.job.name.slice(-4));
  let tick = 0;
  let lastTick = new Date();
  const nextVersion = new Map(
    DEMO_MODELS.map(m => [m.name, m.versions.length + 1]),
  );

  const advanceRunning = (job: TrackedJob, now: Date) => {
    const before = job.progress.progressPercentage;
    const after = Math.min(100, before + percentPerTick);
    job.progress = {
      phase: after >= 100 ? 'Succeeded' : 'Running',
      progressPercentage: after,
    };
    for (const pod of demoPodsOf(job.job)) {
      const run = trainingRunOf(job.job, pod);
      let text = trainingLogLines(run, before, after, now, lastTick);
      if (after >= 100) text += trainingLogFooter(run, now);
      if (text) k8s.appendPodLogs(DEMO_NAMESPACE, pod.name, 'node', text);
    }
    writeJobStatus(k8s, job.job, job.progress, now);
    if (after < 100) return;
    writeJobPods(k8s, job.job, job.uid, job.progress, now, now);
    for (const pod of demoPodsOf(job.job)) {
      k8s.endPodLogs(DEMO_NAMESPACE, pod.name, 'node');
    }
    recordJobEnd(k8s, job.job, job.uid, job.progress, now);
    // The run registers its model, as the training script would.
    const model = DEMO_MODELS.find(m => m.name === job.job.model)!;
    const version = `v${nextVersion.get(model.name)}`;
    nextVersion.set(model.name, nextVersion.get(model.name)! + 1);
    registerVersion(
      registry,
      state.registeredModelIds.get(model.name)!,
      model.name,
      {
        ...model.versions[model.versions.length - 1],
        name: version,
        state: 'LIVE',
        artifactUri: `s3://models-fr/${model.name}/${version}/`,
        featureService: job.job.featureService,
        producedBy: job.job.name,
        metrics: { auc: 0.968, precision: 0.921 },
        description: `Candidate produced by ${job.job.name}`,
      },
      new Map([[job.job.name, job.uid]]),
    );
  };

  const advanceFailing = (job: TrackedJob, now: Date) => {
    const restarts = (job.progress.restarts ?? 0) + 1;
    const [rank0, ...others] = demoPodsOf(job.job);
    const run0 = trainingRunOf(job.job, rank0);
    // The kernel kills rank 0 without a word; the kubelet restarts it.
    k8s.appendPodLogs(
      DEMO_NAMESPACE,
      rank0.name,
      'node',
      oomKilledLogLines(run0, now),
    );
    const failed = restarts >= OOM_KILLS;
    job.progress = {
      phase: failed ? 'Failed' : 'Running',
      progressPercentage: Math.min(23, job.progress.progressPercentage + 6),
      restarts,
    };
    if (!failed) {
      k8s.appendPodLogs(
        DEMO_NAMESPACE,
        rank0.name,
        'node',
        trainingLogHeader(run0, now),
      );
      k8s.apply(
        demoEvent(
          { apiVersion: 'v1', kind: 'Pod', name: rank0.name },
          {
            type: 'Warning',
            reason: 'BackOff',
            message: `Back-off restarting failed container node in pod ${rank0.name}_${DEMO_NAMESPACE}(${job.uid})`,
            component: 'kubelet',
            host: rank0.node,
            at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
            count: restarts,
            fieldPath: 'spec.containers{node}',
          },
        ),
      );
    } else {
      for (const pod of others) {
        k8s.appendPodLogs(
          DEMO_NAMESPACE,
          pod.name,
          'node',
          peerFailureLogLines(trainingRunOf(job.job, pod), now),
        );
      }
      recordJobEnd(k8s, job.job, job.uid, job.progress, now);
    }
    writeJobStatus(k8s, job.job, job.progress, now);
    writeJobPods(k8s, job.job, job.uid, job.progress, now, now);
    if (failed) {
      for (const pod of [rank0, ...others]) {
        k8s.endPodLogs(DEMO_NAMESPACE, pod.name, 'node');
      }
    }
  };

  const startNextRun = (now: Date) => {
    runNumber += 1;
    const job: DemoTrainJob = {
      ...state.running.job,
      name: `${state.running.job.name.slice(0, -4)}${String(runNumber).padStart(
        4,
        '0',
      )}`,
      createdDaysAgo: 0,
      progressPercentage: 0,
      description: `Scheduled retraining of ${state.running.job.model} on ${state.running.job.featureService}`,
    };
    const progress: JobProgress = { phase: 'Running', progressPercentage: 0 };
    const uid = seedTrainJob(k8s, job, progress, now);
    running = { job, uid, progress };
  };

  const timer = setInterval(() => {
    const now = new Date();
    tick += 1;
    if (running) {
      advanceRunning(running, now);
      if (running.progress.phase !== 'Running') {
        running = undefined;
        ticksSinceRun = 0;
      }
    } else if (++ticksSinceRun >= TICKS_BETWEEN_RUNS) {
      startNextRun(now);
    }
    if (failing && tick % TICKS_PER_OOM === 0) {
      advanceFailing(failing, now);
      if (failing.progress.phase === 'Failed') failing = undefined;
    }
    lastTick = now;
  }, options.tickMs ?? DEFAULT_TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
