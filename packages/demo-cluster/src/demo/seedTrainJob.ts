import { DEMO_NAMESPACE, DemoTrainJob } from '../demoStory';
import type { FakeKubernetesApiServer } from '../kubernetes/FakeKubernetesApiServer';
import {
  ContainerRun,
  DemoPod,
  demoEvent,
  demoPodManifest,
  demoPodsOf,
} from './podManifests';
import {
  TRAINER_API_VERSION,
  conditionsOf,
  createdAt,
  demoTrainJob,
  finishedAt,
  jobsStatusOf,
} from './trainJobManifests';
import {
  TRAINING_SHAPE,
  TrainingRun,
  lossAt,
  oomKilledLogLines,
  peerFailureLogLines,
  trainingLogFooter,
  trainingLogHeader,
  trainingLogLines,
  validationAucAt,
} from './trainingLogs';

/** Where a demo job stands: its phase and progress. */
export interface JobProgress {
  phase: DemoTrainJob['phase'];
  progressPercentage: number;
  /** Restarts of rank 0 after OOM kills (the failing job). */
  restarts?: number;
}

/** Seconds a demo run takes from 0 to 100 %. */
export const RUN_SECONDS = 1800;

/** The training run (for logs and metrics) of a pod of a job. */
export function trainingRunOf(job: DemoTrainJob, pod: DemoPod): TrainingRun {
  return {
    jobName: job.name,
    featureService: job.featureService,
    rank: pod.rank,
    worldSize: job.numNodes,
    ...TRAINING_SHAPE,
  };
}

function iso(date: Date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `status.trainerStatus` (v2.2+) for a progress. */
export function trainerStatusOf(
  job: DemoTrainJob,
  progress: JobProgress,
  at: Date,
) {
  const run = trainingRunOf(job, {
    name: '',
    replicatedJob: 'node',
    index: 0,
    rank: 0,
    node: '',
  });
  const step = Math.floor(
    (progress.progressPercentage / 100) * run.epochs * run.stepsPerEpoch,
  );
  const epoch = Math.max(1, Math.ceil(step / run.stepsPerEpoch));
  const remaining =
    progress.phase === 'Running'
      ? Math.round(((100 - progress.progressPercentage) / 100) * RUN_SECONDS)
      : 0;
  return {
    progressPercentage: Math.floor(progress.progressPercentage),
    estimatedRemainingSeconds: remaining,
    metrics: [
      { name: 'loss', value: lossAt(run, Math.max(step, 1)).toFixed(4) },
      { name: 'val_auc', value: validationAucAt(run, epoch - 1).toFixed(4) },
      { name: 'epoch', value: String(epoch) },
      { name: 'step', value: String(step) },
    ],
    lastUpdatedTime: iso(at),
  };
}

/** OpenShift AI's `trainer.opendatahub.io/trainerStatus` annotation JSON. */
export function odhTrainerStatusOf(
  job: DemoTrainJob,
  progress: JobProgress,
  at: Date,
): string {
  const upstream = trainerStatusOf(job, progress, at);
  const metric = (name: string) =>
    Number(upstream.metrics.find(m => m.name === name)?.value);
  const totalSteps = TRAINING_SHAPE.epochs * TRAINING_SHAPE.stepsPerEpoch;
  return JSON.stringify({
    progressPercentage: upstream.progressPercentage,
    estimatedRemainingSeconds: upstream.estimatedRemainingSeconds,
    estimatedRemainingTimeSummary:
      upstream.estimatedRemainingSeconds > 0
        ? `${Math.ceil(upstream.estimatedRemainingSeconds / 60)} minutes`
        : '0 seconds',
    currentStep: metric('step'),
    totalSteps,
    currentEpoch: metric('step') / TRAINING_SHAPE.stepsPerEpoch,
    totalEpochs: TRAINING_SHAPE.epochs,
    trainMetrics: { loss: metric('loss') },
    evalMetrics: { eval_auc: metric('val_auc') },
    lastUpdatedTime: upstream.lastUpdatedTime,
  });
}

/** Writes the status (and, for OpenShift AI jobs, the annotation) of a job. */
export function writeJobStatus(
  k8s: FakeKubernetesApiServer,
  job: DemoTrainJob,
  progress: JobProgress,
  at: Date,
) {
  const ref = {
    apiVersion: TRAINER_API_VERSION,
    kind: 'TrainJob',
    namespace: DEMO_NAMESPACE,
    name: job.name,
  };
  if (job.odhProgressAnnotation) {
    const current = k8s.get(ref)!;
    k8s.apply({
      ...current,
      metadata: {
        ...current.metadata,
        annotations: {
          ...current.metadata?.annotations,
          'trainer.opendatahub.io/trainerStatus': odhTrainerStatusOf(
            job,
            progress,
            at,
          ),
        },
      },
    });
  }
  const finished = progress.phase === 'Running' ? undefined : iso(at);
  k8s.setStatus(ref, {
    // The controller sets no condition while a job runs (no Running type).
    ...(finished ? { conditions: conditionsOf(progress.phase, finished) } : {}),
    jobsStatus: jobsStatusOf(job, progress.phase),
    // Upstream progress needs the TrainJobStatus feature gate; the OpenShift
    // AI job reports through its annotation instead.
    ...(job.odhProgressAnnotation
      ? {}
      : { trainerStatus: trainerStatusOf(job, progress, at) }),
  });
}

/** The container state of a pod for a job's progress. */
export function containerRunOf(
  pod: DemoPod,
  progress: JobProgress,
  startedAt: string,
  at: string,
): ContainerRun {
  const restartCount = pod.rank === 0 ? progress.restarts ?? 0 : 0;
  const lastTerminated =
    restartCount > 0
      ? { reason: 'OOMKilled', exitCode: 137, finishedAt: at }
      : undefined;
  switch (progress.phase) {
    case 'Succeeded':
      return {
        phase: 'Succeeded',
        startedAt,
        restartCount,
        terminated: { reason: 'Completed', exitCode: 0, finishedAt: at },
      };
    case 'Failed':
      return {
        phase: 'Failed',
        startedAt,
        restartCount,
        lastTerminated,
        terminated:
          pod.rank === 0
            ? { reason: 'OOMKilled', exitCode: 137, finishedAt: at }
            : { reason: 'Error', exitCode: 1, finishedAt: at },
      };
    default:
      return { phase: 'Running', startedAt, restartCount, lastTerminated };
  }
}

/** Writes every pod of a job for its progress. */
export function writeJobPods(
  k8s: FakeKubernetesApiServer,
  job: DemoTrainJob,
  uid: string,
  progress: JobProgress,
  at: Date,
  now: Date,
) {
  const created = createdAt(job, now);
  for (const pod of demoPodsOf(job)) {
    k8s.apply(
      demoPodManifest(
        job,
        uid,
        pod,
        containerRunOf(pod, progress, created, iso(at)),
        created,
      ),
    );
  }
}

/**
 * Seeds one TrainJob of the story with its status, pods, logs and events.
 * Returns the TrainJob's uid.
 */
export function seedTrainJob(
  k8s: FakeKubernetesApiServer,
  job: DemoTrainJob,
  progress: JobProgress,
  now: Date,
): string {
  const trainJob = k8s.apply(demoTrainJob(job, now));
  const uid = trainJob.metadata!.uid!;
  const created = new Date(createdAt(job, now));
  const ended =
    progress.phase === 'Running' ? now : new Date(finishedAt(job, now));
  writeJobStatus(k8s, job, progress, ended);
  writeJobPods(k8s, job, uid, progress, ended, now);

  for (const pod of demoPodsOf(job)) {
    const run = trainingRunOf(job, pod);
    let log =
      trainingLogHeader(run, created) +
      trainingLogLines(
        run,
        0,
        progress.progressPercentage,
        ended,
        new Date(created.getTime() + 90_000),
      );
    if (progress.phase === 'Succeeded') log += trainingLogFooter(run, ended);
    if (progress.phase === 'Failed') {
      log +=
        pod.rank === 0
          ? oomKilledLogLines(run, ended)
          : peerFailureLogLines(run, ended);
    }
    k8s.setPodLogs(DEMO_NAMESPACE, pod.name, 'node', log);
    const podRef = { apiVersion: 'v1', kind: 'Pod', name: pod.name };
    const at = iso(created);
    const image = job.image;
    for (const [reason, message, component] of [
      [
        'Scheduled',
        `Successfully assigned ${DEMO_NAMESPACE}/${pod.name} to ${pod.node}`,
        'default-scheduler',
      ],
      [
        'Pulled',
        `Container image "${image}" already present on machine`,
        'kubelet',
      ],
      ['Created', 'Created container: node', 'kubelet'],
      ['Started', 'Started container node', 'kubelet'],
    ]) {
      k8s.apply(
        demoEvent(podRef, {
          type: 'Normal',
          reason,
          message,
          component,
          host: component === 'kubelet' ? pod.node : undefined,
          at,
          fieldPath:
            component === 'kubelet' ? 'spec.containers{node}' : undefined,
        }),
      );
    }
  }
  if (progress.phase !== 'Running')
    recordJobEnd(k8s, job, uid, progress, ended);
  return uid;
}

/** Events of a job that ended: the JobSet outcome and the restarts. */
export function recordJobEnd(
  k8s: FakeKubernetesApiServer,
  job: DemoTrainJob,
  uid: string,
  progress: JobProgress,
  at: Date,
) {
  const jobSet = {
    apiVersion: 'jobset.x-k8s.io/v1alpha2',
    kind: 'JobSet',
    name: job.name,
    uid,
  };
  if (progress.phase === 'Failed') {
    const rank0 = demoPodsOf(job)[0];
    k8s.apply(
      demoEvent(
        { apiVersion: 'v1', kind: 'Pod', name: rank0.name },
        {
          type: 'Warning',
          reason: 'BackOff',
          message: `Back-off restarting failed container node in pod ${rank0.name}_${DEMO_NAMESPACE}(${uid})`,
          component: 'kubelet',
          host: rank0.node,
          at: iso(at),
          count: progress.restarts ?? 1,
          fieldPath: 'spec.containers{node}',
        },
      ),
    );
  }
  k8s.apply(
    demoEvent(jobSet, {
      type: progress.phase === 'Failed' ? 'Warning' : 'Normal',
      reason: progress.phase === 'Failed' ? 'FailedJobs' : 'AllJobsCompleted',
      message:
        progress.phase === 'Failed'
          ? 'jobset failed due to one or more job failures'
          : 'jobset completed successfully',
      component: 'jobset-controller',
      at: iso(at),
    }),
  );
}
