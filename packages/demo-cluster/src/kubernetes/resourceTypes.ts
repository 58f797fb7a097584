/**
 * The resource types the fake API server serves: every type the Backstage
 * Kubernetes backend asks for, the Kubeflow Trainer custom resources, and
 * the JobSets and metrics the Trainer controller and metrics-server add on a
 * real cluster.
 */

/** Which CRD schema validates a custom resource. */
export type TrainerKind =
  | 'TrainJob'
  | 'TrainingRuntime'
  | 'ClusterTrainingRuntime';

/** One served resource type (a row of an APIResourceList). */
export interface ResourceType {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Has a `status` subresource (writes to the main resource keep status). */
  hasStatus: boolean;
  /** Custom resources whose writes are validated against a Trainer CRD. */
  trainerKind?: TrainerKind;
  /**
   * Several versions of one group/resource share a store (autoscaling v1 and
   * v2 are the same HorizontalPodAutoscalers): the key of that store.
   */
  storageKey: string;
}

/** The API group of Kubeflow Trainer. */
export const TRAINER_GROUP = 'trainer.kubeflow.org';
/** The only served version of the Trainer API. */
export const TRAINER_VERSION = 'v1alpha1';

function type(
  group: string,
  version: string,
  kind: string,
  plural: string,
  options: {
    namespaced?: boolean;
    hasStatus?: boolean;
    shortNames?: string[];
    trainerKind?: TrainerKind;
  } = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced: options.namespaced ?? true,
    hasStatus: options.hasStatus ?? false,
    shortNames: options.shortNames,
    trainerKind: options.trainerKind,
    storageKey: `${plural}.${group}`,
  };
}

/** Every served resource type. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  type('', 'v1', 'Pod', 'pods', { hasStatus: true, shortNames: ['po'] }),
  type('', 'v1', 'Event', 'events', { shortNames: ['ev'] }),
  type('', 'v1', 'Service', 'services', {
    hasStatus: true,
    shortNames: ['svc'],
  }),
  type('', 'v1', 'ConfigMap', 'configmaps', { shortNames: ['cm'] }),
  type('', 'v1', 'LimitRange', 'limitranges', { shortNames: ['limits'] }),
  type('', 'v1', 'ResourceQuota', 'resourcequotas', {
    hasStatus: true,
    shortNames: ['quota'],
  }),
  type('', 'v1', 'Namespace', 'namespaces', {
    namespaced: false,
    hasStatus: true,
    shortNames: ['ns'],
  }),
  type('apps', 'v1', 'Deployment', 'deployments', {
    hasStatus: true,
    shortNames: ['deploy'],
  }),
  type('apps', 'v1', 'ReplicaSet', 'replicasets', {
    hasStatus: true,
    shortNames: ['rs'],
  }),
  type('apps', 'v1', 'StatefulSet', 'statefulsets', {
    hasStatus: true,
    shortNames: ['sts'],
  }),
  type('apps', 'v1', 'DaemonSet', 'daemonsets', {
    hasStatus: true,
    shortNames: ['ds'],
  }),
  type('batch', 'v1', 'Job', 'jobs', { hasStatus: true }),
  type('batch', 'v1', 'CronJob', 'cronjobs', {
    hasStatus: true,
    shortNames: ['cj'],
  }),
  type('networking.k8s.io', 'v1', 'Ingress', 'ingresses', {
    hasStatus: true,
    shortNames: ['ing'],
  }),
  type(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    {
      hasStatus: true,
      shortNames: ['hpa'],
    },
  ),
  type(
    'autoscaling',
    'v1',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    {
      hasStatus: true,
      shortNames: ['hpa'],
    },
  ),
  type('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods'),
  type('jobset.x-k8s.io', 'v1alpha2', 'JobSet', 'jobsets', { hasStatus: true }),
  type(TRAINER_GROUP, TRAINER_VERSION, 'TrainJob', 'trainjobs', {
    hasStatus: true,
    trainerKind: 'TrainJob',
  }),
  type(TRAINER_GROUP, TRAINER_VERSION, 'TrainingRuntime', 'trainingruntimes', {
    trainerKind: 'TrainingRuntime',
  }),
  type(
    TRAINER_GROUP,
    TRAINER_VERSION,
    'ClusterTrainingRuntime',
    'clustertrainingruntimes',
    { namespaced: false, trainerKind: 'ClusterTrainingRuntime' },
  ),
];

/** `group/version`, or `version` for the core group. */
export function groupVersionOf(t: { group: string; version: string }) {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

const byPath = new Map<string, ResourceType>();
const byKind = new Map<string, ResourceType>();
for (const t of RESOURCE_TYPES) {
  byPath.set(`${groupVersionOf(t)}/${t.plural}`, t);
  byKind.set(`${groupVersionOf(t)}/${t.kind}`, t);
}

/** The resource type for a request path's group/version and plural. */
export function resourceTypeForPath(
  groupVersion: string,
  plural: string,
): ResourceType | undefined {
  return byPath.get(`${groupVersion}/${plural}`);
}

/** The resource type of an object by its apiVersion and kind. */
export function resourceTypeForKind(
  apiVersion: string | undefined,
  kind: string | undefined,
): ResourceType | undefined {
  return byKind.get(`${apiVersion}/${kind}`);
}
