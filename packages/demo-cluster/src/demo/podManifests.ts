import { KubernetesObject } from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
import { DEMO_NAMESPACE, DemoTrainJob } from '../demoStory';
import { KUBERNETES_ID_LABEL, replicatedJobsOf } from './trainJobManifests';

/** Runtime state of one trainer container. */
export interface ContainerRun {
  phase: 'Running' | 'Succeeded' | 'Failed';
  startedAt: string;
  restartCount: number;
  /** Set once the container ended (Succeeded/Failed). */
  terminated?: { reason: string; exitCode: number; finishedAt: string };
  /** The previous attempt, after a restart. */
  lastTerminated?: { reason: string; exitCode: number; finishedAt: string };
}

/** One pod of a demo TrainJob. */
export interface DemoPod {
  name: string;
  replicatedJob: string;
  index: number;
  rank: number;
  node: string;
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function hash(value: string) {
  return createHash('sha256').update(value).digest('hex');
}

/** The random-looking 5-character suffix the Job controller gives pods, stable here. */
function podSuffix(seed: string) {
  const digest = createHash('sha256').update(seed).digest();
  return [...digest.subarray(0, 5)]
    .map(b => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length])
    .join('');
}

/**
 * The pods of a TrainJob as JobSet creates them: one indexed Job per
 * replicated job (`<trainjob>-<rjob>-0`), one pod per node
 * (`<job>-<index>-<suffix>`). With DeepSpeed's `runLauncherAsNode` the
 * launcher is node 0.
 */
export function demoPodsOf(job: DemoTrainJob): DemoPod[] {
  const pods: DemoPod[] = [];
  let rank = 0;
  for (const replicatedJob of replicatedJobsOf(job)) {
    let count = job.numNodes;
    if (replicatedJob === 'launcher') count = 1;
    else if (job.runtime === 'deepspeed-distributed') count = job.numNodes - 1;
    for (let index = 0; index < count; index++) {
      const jobName = `${job.name}-${replicatedJob}-0`;
      pods.push({
        name: `${jobName}-${index}-${podSuffix(`${jobName}-${index}`)}`,
        replicatedJob,
        index,
        rank: rank++,
        node: `gpu-fr-par-${String(
          1 + ((hash(job.name).charCodeAt(0) + index) % 6),
        ).padStart(2, '0')}`,
      });
    }
  }
  return pods;
}

function containerState(run: ContainerRun) {
  if (run.terminated) {
    return {
      terminated: {
        exitCode: run.terminated.exitCode,
        reason: run.terminated.reason,
        startedAt: run.startedAt,
        finishedAt: run.terminated.finishedAt,
        containerID: `containerd://${hash(
          `${run.startedAt}/${run.restartCount}`,
        )}`,
      },
    };
  }
  return { running: { startedAt: run.startedAt } };
}

/** A Pod object for a demo pod in a given state. */
export function demoPodManifest(
  job: DemoTrainJob,
  trainJobUid: string,
  pod: DemoPod,
  run: ContainerRun,
  createdAt: string,
): KubernetesObject {
  const jobName = `${job.name}-${pod.replicatedJob}-0`;
  const jobUid = hash(`${trainJobUid}/${jobName}`).replace(
    /^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/,
    '$1-$2-$3-$4-$5',
  );
  const ready = run.phase === 'Running';
  const conditions = [
    'PodReadyToStartContainers',
    'Initialized',
    'Ready',
    'ContainersReady',
    'PodScheduled',
  ].map(type => ({
    type,
    status:
      (type === 'Ready' || type === 'ContainersReady') && !ready
        ? 'False'
        : 'True',
    lastProbeTime: null,
    lastTransitionTime: run.startedAt,
    ...((type === 'Ready' || type === 'ContainersReady') && !ready
      ? { reason: run.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' }
      : {}),
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace: DEMO_NAMESPACE,
      creationTimestamp: createdAt as any,
      labels: {
        'batch.kubernetes.io/controller-uid': jobUid,
        'batch.kubernetes.io/job-completion-index': String(pod.index),
        'batch.kubernetes.io/job-name': jobName,
        'controller-uid': jobUid,
        'job-name': jobName,
        'jobset.sigs.k8s.io/jobset-name': job.name,
        'jobset.sigs.k8s.io/jobset-uid': trainJobUid,
        'jobset.sigs.k8s.io/replicatedjob-name': pod.replicatedJob,
        'jobset.sigs.k8s.io/replicatedjob-replicas': '1',
        'jobset.sigs.k8s.io/job-index': '0',
        'jobset.sigs.k8s.io/job-key': hash(`${job.name}/${jobName}`).slice(
          0,
          40,
        ),
        'jobset.sigs.k8s.io/restart-attempt': '0',
        [KUBERNETES_ID_LABEL]: job.model,
      },
      annotations: {
        'batch.kubernetes.io/job-completion-index': String(pod.index),
        'jobset.sigs.k8s.io/jobset-name': job.name,
        'jobset.sigs.k8s.io/replicatedjob-name': pod.replicatedJob,
      },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: jobName,
          uid: jobUid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      restartPolicy: 'OnFailure',
      hostname: `${jobName}-${pod.index}`,
      subdomain: job.name,
      nodeName: pod.node,
      serviceAccountName: 'default',
      containers: [
        {
          name: 'node',
          image: job.image,
          command: ['torchrun', '/workspace/train.py'],
          env: [
            { name: 'PET_NNODES', value: String(job.numNodes) },
            { name: 'PET_NPROC_PER_NODE', value: '1' },
            { name: 'PET_NODE_RANK', value: String(pod.rank) },
            {
              name: 'PET_MASTER_ADDR',
              value: `${job.name}-node-0-0.${job.name}`,
            },
            { name: 'PET_MASTER_PORT', value: '29400' },
          ],
          resources: {
            requests: { cpu: '8', memory: '48Gi', 'nvidia.com/gpu': '1' },
            limits: { cpu: '8', memory: '48Gi', 'nvidia.com/gpu': '1' },
          },
        },
      ],
    },
    status: {
      phase: run.phase,
      conditions,
      hostIP: `10.42.0.${10 + (pod.rank % 200)}`,
      podIP: `10.244.${1 + pod.rank}.${17 + pod.index}`,
      startTime: createdAt,
      qosClass: 'Guaranteed',
      containerStatuses: [
        {
          name: 'node',
          image: job.image,
          imageID: job.image.includes('@')
            ? job.image
            : `${job.image.split(':')[0]}@sha256:${hash(job.image)}`,
          containerID: `containerd://${hash(
            `${pod.name}/${run.restartCount}`,
          )}`,
          ready,
          started: ready,
          restartCount: run.restartCount,
          state: containerState(run),
          lastState: run.lastTerminated
            ? {
                terminated: {
                  exitCode: run.lastTerminated.exitCode,
                  reason: run.lastTerminated.reason,
                  finishedAt: run.lastTerminated.finishedAt,
                  startedAt: run.startedAt,
                },
              }
            : {},
        },
      ],
    },
  } as KubernetesObject;
}

/** A core/v1 Event about an object of the demo namespace. */
export function demoEvent(
  involved: { apiVersion: string; kind: string; name: string; uid?: string },
  event: {
    type: 'Normal' | 'Warning';
    reason: string;
    message: string;
    component: string;
    host?: string;
    at: string;
    count?: number;
    fieldPath?: string;
  },
): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${involved.name}.${hash(
        `${involved.name}/${event.reason}/${event.at}/${event.message}`,
      ).slice(0, 16)}`,
      namespace: DEMO_NAMESPACE,
    },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.name,
      namespace: DEMO_NAMESPACE,
      ...(involved.uid ? { uid: involved.uid } : {}),
      ...(event.fieldPath ? { fieldPath: event.fieldPath } : {}),
    },
    type: event.type,
    reason: event.reason,
    message: event.message,
    source: {
      component: event.component,
      ...(event.host ? { host: event.host } : {}),
    },
    reportingComponent: event.component,
    reportingInstance: event.host ?? '',
    firstTimestamp: event.at,
    lastTimestamp: event.at,
    count: event.count ?? 1,
    eventTime: null,
  } as KubernetesObject;
}
