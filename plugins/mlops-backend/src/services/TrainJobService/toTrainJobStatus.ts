import type {
  CoreV1Event,
  V1ContainerStatus,
  V1Pod,
} from '@kubernetes/client-node';
import {
  deriveTrainJobPhase,
  parseTrainJobProgress,
  type TrainJob,
} from '@sovereign-ai/backstage-plugin-mlops-node';
import type {
  TrainJobContainerInfo,
  TrainJobEventInfo,
  TrainJobPodInfo,
  TrainJobProgressInfo,
  TrainJobStatusResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/** At most this many events are returned, newest first. */
export const MAX_EVENTS = 50;

const LABEL_REPLICATED_JOB = 'jobset.sigs.k8s.io/replicatedjob-name';
const LABEL_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

function iso(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  }
  return typeof value === 'string' && value ? value : undefined;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function containerInfo(status: V1ContainerStatus): TrainJobContainerInfo {
  const { waiting, running, terminated } = status.state ?? {};
  let state = 'unknown';
  let reason: string | undefined;
  let exitCode: number | undefined;
  if (terminated) {
    state = 'terminated';
    reason = terminated.reason;
    exitCode = terminated.exitCode;
  } else if (running) {
    state = 'running';
  } else if (waiting) {
    state = 'waiting';
    reason = waiting.reason;
  }
  return {
    name: status.name,
    ready: status.ready === true,
    restartCount: count(status.restartCount),
    state,
    ...(reason ? { reason } : {}),
    ...(exitCode !== undefined ? { exitCode } : {}),
    ...(status.lastState?.terminated?.reason
      ? { lastTerminationReason: status.lastState.terminated.reason }
      : {}),
  };
}

/** A pod of a TrainJob as the API answers it. */
export function toPodInfo(pod: V1Pod): TrainJobPodInfo {
  const labels = pod.metadata?.labels ?? {};
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  const containers = statuses.length
    ? statuses.map(containerInfo)
    : (pod.spec?.containers ?? []).map(c => ({
        name: c.name,
        ready: false,
        restartCount: 0,
        state: 'waiting',
      }));
  const index = Number.parseInt(labels[LABEL_COMPLETION_INDEX] ?? '', 10);
  return {
    name: pod.metadata?.name ?? '',
    phase: pod.status?.phase ?? 'Unknown',
    ...(labels[LABEL_REPLICATED_JOB]
      ? { replicatedJob: labels[LABEL_REPLICATED_JOB] }
      : {}),
    ...(Number.isInteger(index) ? { index } : {}),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(iso(pod.status?.startTime)
      ? { startTime: iso(pod.status?.startTime) }
      : {}),
    restarts: containers.reduce((sum, c) => sum + c.restartCount, 0),
    containers,
  };
}

/** Events about the job's objects, newest first, at most {@link MAX_EVENTS}. */
export function toEventInfos(events: CoreV1Event[]): TrainJobEventInfo[] {
  const seen = new Set<string>();
  return events
    .filter(e => {
      const key =
        e.metadata?.uid ?? `${e.metadata?.namespace}/${e.metadata?.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(e => ({
      type: e.type ?? 'Normal',
      reason: e.reason ?? '',
      message: e.message ?? '',
      object: {
        kind: e.involvedObject?.kind ?? '',
        name: e.involvedObject?.name ?? '',
      },
      count: count(e.count) || 1,
      firstTimestamp: iso(e.firstTimestamp) ?? iso(e.eventTime),
      lastTimestamp:
        iso(e.lastTimestamp) ?? iso(e.eventTime) ?? iso(e.firstTimestamp),
    }))
    .sort((a, b) =>
      (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
    )
    .slice(0, MAX_EVENTS);
}

function progressOf(trainJob: TrainJob): TrainJobProgressInfo | undefined {
  const progress = parseTrainJobProgress(trainJob);
  if (!progress) {
    return undefined;
  }
  const { progressPercentage, estimatedRemainingSeconds, ...rest } = progress;
  let eta: string | undefined;
  if (estimatedRemainingSeconds !== undefined) {
    const from = progress.lastUpdatedTime
      ? Date.parse(progress.lastUpdatedTime)
      : NaN;
    const base = Number.isNaN(from) ? Date.now() : from;
    eta = new Date(base + estimatedRemainingSeconds * 1000).toISOString();
  }
  return {
    ...rest,
    ...(progressPercentage !== undefined
      ? { percentage: progressPercentage }
      : {}),
    ...(estimatedRemainingSeconds !== undefined
      ? { estimatedRemainingSeconds, eta }
      : {}),
  };
}

/** The answer of `GET /trainjobs/...` from the live objects. */
export function toTrainJobStatus(options: {
  cluster: string;
  entityRef: string;
  trainJob: TrainJob;
  pods: V1Pod[];
  events: CoreV1Event[];
  warnings: string[];
}): TrainJobStatusResponse {
  const { trainJob } = options;
  const metadata = trainJob.metadata ?? {};
  const progress = progressOf(trainJob);
  return {
    cluster: options.cluster,
    namespace: metadata.namespace ?? '',
    name: metadata.name ?? '',
    entityRef: options.entityRef,
    phase: deriveTrainJobPhase(trainJob),
    suspended: trainJob.spec?.suspend === true,
    ...(iso(metadata.creationTimestamp)
      ? { created: iso(metadata.creationTimestamp) }
      : {}),
    conditions: (trainJob.status?.conditions ?? []).map(c => ({
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
      ...(iso(c.lastTransitionTime)
        ? { lastTransitionTime: iso(c.lastTransitionTime) }
        : {}),
    })),
    jobsStatus: (trainJob.status?.jobsStatus ?? []).map(j => ({
      name: j.name,
      ready: count(j.ready),
      succeeded: count(j.succeeded),
      failed: count(j.failed),
      active: count(j.active),
      suspended: count(j.suspended),
    })),
    ...(progress ? { progress } : {}),
    pods: options.pods
      .map(toPodInfo)
      .sort((a, b) => a.name.localeCompare(b.name)),
    events: toEventInfos(options.events),
    ...(options.warnings.length ? { warnings: options.warnings } : {}),
  };
}
