import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  KubeflowCluster,
  readKubeflowClusters,
} from '@sovereign-ai/backstage-plugin-mlops-node';

/**
 * Settings of the mlops backend, read from `mlops` (see config.d.ts).
 *
 * @public
 */
export interface MlopsBackendConfig {
  /** Clusters the live TrainJob routes may talk to, by name. */
  clusters: Map<string, KubeflowCluster>;
  /** Config key each cluster was read from, for messages. */
  clusterSources: Map<string, string>;
  /** Open log streams allowed per user at a time. */
  maxConcurrentStreamsPerUser: number;
  /** Timeout of one Kubernetes API request (log streams excepted), in ms. */
  clusterRequestTimeoutMs: number;
}

/** Default of `mlops.logs.maxConcurrentStreamsPerUser`. */
export const DEFAULT_MAX_STREAMS_PER_USER = 3;
/** Default of `mlops.clusterRequestTimeout`: 10 seconds. */
export const DEFAULT_CLUSTER_REQUEST_TIMEOUT_MS = 10_000;

const TRAINER_PROVIDERS_KEY = 'catalog.providers.kubeflowTrainer';

function addClusters(
  result: MlopsBackendConfig,
  clusters: KubeflowCluster[],
  key: string,
) {
  for (const cluster of clusters) {
    const known = result.clusters.get(cluster.name);
    if (
      known &&
      (known.url !== cluster.url ||
        known.serviceAccountToken !== cluster.serviceAccountToken)
    ) {
      throw new InputError(
        `Cluster '${
          cluster.name
        }' at ${key}.clusters is declared differently at ${result.clusterSources.get(
          cluster.name,
        )}.clusters (another url or token); give each cluster one definition, for example in kubernetes.clusterLocatorMethods, and refer to it by name`,
      );
    }
    if (!known) {
      result.clusters.set(cluster.name, cluster);
      result.clusterSources.set(cluster.name, key);
    }
  }
}

/**
 * Reads the mlops backend settings: the clusters of `mlops.clusters` and,
 * unless `mlops.useTrainerProviderClusters` is false, those of every
 * `catalog.providers.kubeflowTrainer.<id>` entry, so the backend talks to
 * exactly the clusters the catalog ingests from.
 *
 * @throws InputError naming the config key of the first bad value.
 * @public
 */
export function readMlopsBackendConfig(rootConfig: Config): MlopsBackendConfig {
  const result: MlopsBackendConfig = {
    clusters: new Map(),
    clusterSources: new Map(),
    maxConcurrentStreamsPerUser: DEFAULT_MAX_STREAMS_PER_USER,
    clusterRequestTimeoutMs: DEFAULT_CLUSTER_REQUEST_TIMEOUT_MS,
  };
  const mlops = rootConfig.getOptionalConfig('mlops');
  if (mlops?.has('clusters')) {
    addClusters(
      result,
      readKubeflowClusters(rootConfig, mlops, 'mlops'),
      'mlops',
    );
  }
  const useProviders =
    mlops?.getOptionalBoolean('useTrainerProviderClusters') ?? true;
  const providers = rootConfig.getOptionalConfig(TRAINER_PROVIDERS_KEY);
  if (useProviders && providers) {
    for (const id of providers.keys()) {
      const key = `${TRAINER_PROVIDERS_KEY}.${id}`;
      addClusters(
        result,
        readKubeflowClusters(rootConfig, providers.getConfig(id), key),
        key,
      );
    }
  }

  const maxStreams = mlops?.getOptional('logs.maxConcurrentStreamsPerUser');
  if (maxStreams !== undefined) {
    if (
      typeof maxStreams !== 'number' ||
      !Number.isInteger(maxStreams) ||
      maxStreams < 1
    ) {
      throw new InputError(
        `Invalid mlops.logs.maxConcurrentStreamsPerUser: expected a positive integer, got ${JSON.stringify(
          maxStreams,
        )}`,
      );
    }
    result.maxConcurrentStreamsPerUser = maxStreams;
  }

  if (mlops?.has('clusterRequestTimeout')) {
    let ms: number;
    try {
      ms = durationToMilliseconds(
        readDurationFromConfig(mlops, { key: 'clusterRequestTimeout' }),
      );
    } catch (error) {
      throw new InputError(
        `Invalid mlops.clusterRequestTimeout: expected a duration such as { seconds: 10 } or '10s'; ${
          (error as Error).message
        }`,
      );
    }
    if (!(ms > 0)) {
      throw new InputError(
        'Invalid mlops.clusterRequestTimeout: the duration must be longer than zero',
      );
    }
    result.clusterRequestTimeoutMs = ms;
  }
  return result;
}
