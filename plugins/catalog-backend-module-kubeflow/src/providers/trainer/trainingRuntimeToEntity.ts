import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_JURISDICTION,
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  RESOURCE_TYPE_TRAINING_RUNTIME,
  toEntityName,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  KIND_CLUSTER_TRAINING_RUNTIME,
  KubeflowCluster,
  LABEL_TRAINER_FRAMEWORK,
  LABEL_TRAINER_SUPPORT,
} from '@sovereign-ai/backstage-plugin-mlops-node';
import type { TrainingRuntime } from './types';

/** What Backstage accepts as a tag. */
const VALID_TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

/** What Backstage accepts as a label value. */
const VALID_LABEL_VALUE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** The policy sources a runtime's `mlPolicy` may hold (one at most). */
const POLICY_SOURCES = ['torch', 'mpi', 'jax', 'xgboost', 'flux'];

/**
 * Entity name of the training-runtime Resource for a runtime: cluster and
 * name for a ClusterTrainingRuntime, cluster, namespace and name for a
 * namespaced TrainingRuntime.
 */
export function trainingRuntimeEntityName(
  cluster: string,
  kind: string,
  name: string,
  namespace?: string,
): string {
  return kind === KIND_CLUSTER_TRAINING_RUNTIME || !namespace
    ? toEntityName(cluster, name)
    : toEntityName(cluster, namespace, name);
}

/** Entity ref of the training-runtime Resource (see {@link trainingRuntimeEntityName}). */
export function trainingRuntimeRef(
  cluster: string,
  kind: string,
  name: string,
  namespace?: string,
): string {
  return stringifyEntityRef({
    kind: 'Resource',
    namespace: 'default',
    name: trainingRuntimeEntityName(cluster, kind, name, namespace),
  });
}

function runtimeImages(runtime: TrainingRuntime): string[] {
  const images = new Set<string>();
  for (const job of runtime.spec?.template?.spec?.replicatedJobs ?? []) {
    const podSpec = job?.template?.spec?.template?.spec;
    for (const container of [
      ...(podSpec?.initContainers ?? []),
      ...(podSpec?.containers ?? []),
    ]) {
      if (typeof container?.image === 'string' && container.image) {
        images.add(container.image);
      }
    }
  }
  return [...images].sort();
}

/**
 * Maps a ClusterTrainingRuntime or TrainingRuntime to a Resource of type
 * `training-runtime`, with its framework, policy, default node count and
 * container images (what the sovereignty policy checks).
 */
export function trainingRuntimeToEntity(
  runtime: TrainingRuntime,
  options: {
    cluster: KubeflowCluster;
    owner: string;
    locationAnnotations: Record<string, string>;
  },
): Entity {
  const { cluster } = options;
  const kind = runtime.kind ?? KIND_CLUSTER_TRAINING_RUNTIME;
  const name = runtime.metadata!.name!;
  const namespace =
    kind === KIND_CLUSTER_TRAINING_RUNTIME
      ? undefined
      : runtime.metadata?.namespace;
  const labels = runtime.metadata?.labels ?? {};
  const mlPolicy = runtime.spec?.mlPolicy ?? {};
  const policy = POLICY_SOURCES.find(p => mlPolicy[p] !== undefined);
  const framework = labels[LABEL_TRAINER_FRAMEWORK];
  const support = labels[LABEL_TRAINER_SUPPORT];
  const jurisdiction =
    labels[ANNOTATION_JURISDICTION] ??
    runtime.metadata?.annotations?.[ANNOTATION_JURISDICTION] ??
    cluster.jurisdiction;

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: trainingRuntimeEntityName(cluster.name, kind, name, namespace),
      title: name,
      description: `Kubeflow Trainer ${kind} ${
        namespace ? `${namespace}/` : ''
      }${name} on cluster ${cluster.name}${support ? ` (${support})` : ''}`,
      annotations: {
        ...options.locationAnnotations,
        [ANNOTATION_KUBEFLOW_CLUSTER]: cluster.name,
        [ANNOTATION_KUBEFLOW_KIND]: kind,
        [ANNOTATION_KUBEFLOW_NAME]: name,
        ...(namespace ? { [ANNOTATION_KUBEFLOW_NAMESPACE]: namespace } : {}),
        ...(framework ? { [LABEL_TRAINER_FRAMEWORK]: framework } : {}),
        ...(support ? { [LABEL_TRAINER_SUPPORT]: support } : {}),
        ...(jurisdiction ? { [ANNOTATION_JURISDICTION]: jurisdiction } : {}),
      },
      // The runtime's own framework label, kept as a label so that catalog
      // filters (the template's runtime picker) select runtimes by framework.
      ...(framework && VALID_LABEL_VALUE.test(framework)
        ? { labels: { [LABEL_TRAINER_FRAMEWORK]: framework } }
        : {}),
      ...(framework && VALID_TAG.test(framework) ? { tags: [framework] } : {}),
    },
    spec: {
      type: RESOURCE_TYPE_TRAINING_RUNTIME,
      owner: options.owner,
      ...(framework ? { framework } : {}),
      ...(policy ? { mlPolicy: policy } : {}),
      ...(typeof mlPolicy.numNodes === 'number'
        ? { numNodes: mlPolicy.numNodes }
        : {}),
      images: runtimeImages(runtime),
    },
  };
}
