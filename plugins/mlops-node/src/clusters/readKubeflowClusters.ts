import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { KubeflowCluster } from './KubeflowCluster';

type ClusterOverrides = Pick<
  KubeflowCluster,
  'jurisdiction' | 'dataClassification'
>;

function readOverrides(config: Config): ClusterOverrides {
  return {
    jurisdiction: config.getOptionalString('jurisdiction'),
    dataClassification: config.getOptionalString('dataClassification'),
  };
}

function readInline(config: Config, name: string): KubeflowCluster {
  return {
    name,
    url: config.getString('url'),
    serviceAccountToken: config.getOptionalString('serviceAccountToken'),
    caData: config.getOptionalString('caData'),
    caFile: config.getOptionalString('caFile'),
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify') ?? false,
    ...readOverrides(config),
  };
}

/**
 * Reads the clusters declared for Backstage's Kubernetes plugin under
 * `kubernetes.clusterLocatorMethods` (entries of `type: config`), by name.
 * Only `authProvider: serviceAccount` (the default) clusters can be used by
 * the Sovereign ML plugins; the others are returned with `unsupportedAuth`
 * so that a reference to them fails with a clear message.
 *
 * @public
 */
export function readKubernetesPluginClusters(
  rootConfig: Config,
): Map<string, KubeflowCluster & { unsupportedAuth?: string }> {
  const clusters = new Map<
    string,
    KubeflowCluster & { unsupportedAuth?: string }
  >();
  const methods =
    rootConfig.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  for (const method of methods) {
    if (method.getString('type') !== 'config') {
      continue;
    }
    for (const cluster of method.getOptionalConfigArray('clusters') ?? []) {
      const name = cluster.getString('name');
      const authProvider =
        cluster.getOptionalString('authProvider') ?? 'serviceAccount';
      clusters.set(name, {
        ...readInline(cluster, name),
        unsupportedAuth:
          authProvider === 'serviceAccount' ? undefined : authProvider,
      });
    }
  }
  return clusters;
}

/**
 * Resolves the `clusters` list of a provider's config into full cluster
 * settings. Each entry is either
 *
 * - a string: the name of a cluster from `kubernetes.clusterLocatorMethods`;
 * - an object with `name` and no `url`: the same, plus `jurisdiction` /
 *   `dataClassification` for that cluster;
 * - an object with `name` and `url` (and `serviceAccountToken`, `caData`,
 *   `caFile`, `skipTLSVerify`, `jurisdiction`, `dataClassification`): an
 *   inline cluster.
 *
 * @param rootConfig - the root config (to find the Kubernetes plugin's clusters)
 * @param config - the provider's config, holding `clusters`
 * @param configKey - the provider's config path, for error messages,
 *   e.g. `catalog.providers.kubeflowTrainer.default`
 * @throws InputError naming the config key when the list is missing or
 *   empty, an entry is malformed, a referenced cluster does not exist or
 *   uses an unsupported auth provider, or a name is used twice.
 * @public
 */
export function readKubeflowClusters(
  rootConfig: Config,
  config: Config,
  configKey: string,
): KubeflowCluster[] {
  const raw = config.getOptional('clusters');
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new InputError(
      `Missing cluster list at ${configKey}.clusters: give at least one cluster, either the name of a cluster from kubernetes.clusterLocatorMethods or an inline entry with name and url`,
    );
  }
  const known = readKubernetesPluginClusters(rootConfig);
  const result: KubeflowCluster[] = [];
  raw.forEach((entry, index) => {
    const key = `${configKey}.clusters[${index}]`;
    let name: string;
    let cluster: KubeflowCluster;
    if (
      typeof entry === 'string' ||
      (typeof entry === 'object' &&
        entry &&
        !Array.isArray(entry) &&
        !('url' in entry))
    ) {
      const entryConfig =
        typeof entry === 'string'
          ? undefined
          : new ConfigReader(entry, `${key}`, undefined, key);
      name = typeof entry === 'string' ? entry : entryConfig!.getString('name');
      const referenced = known.get(name);
      if (!referenced) {
        throw new InputError(
          `Unknown cluster '${name}' at ${key}: no cluster of that name in kubernetes.clusterLocatorMethods (type config); add it there or give an inline entry with name and url`,
        );
      }
      if (referenced.unsupportedAuth) {
        throw new InputError(
          `Cluster '${name}' referenced at ${key} uses authProvider '${referenced.unsupportedAuth}'; only serviceAccount clusters are supported`,
        );
      }
      const { unsupportedAuth: _ignored, ...settings } = referenced;
      cluster = settings;
      if (entryConfig) {
        const overrides = readOverrides(entryConfig);
        cluster.jurisdiction = overrides.jurisdiction ?? cluster.jurisdiction;
        cluster.dataClassification =
          overrides.dataClassification ?? cluster.dataClassification;
      }
    } else if (typeof entry === 'object' && entry && !Array.isArray(entry)) {
      const entryConfig = new ConfigReader(entry, key, undefined, key);
      name = entryConfig.getString('name');
      cluster = readInline(entryConfig, name);
    } else {
      throw new InputError(
        `Invalid cluster entry at ${key}: expected a cluster name or an object with name (and url for an inline cluster)`,
      );
    }
    if (result.some(c => c.name === name)) {
      throw new InputError(`Cluster '${name}' is listed twice at ${key}`);
    }
    try {
      // eslint-disable-next-line no-new
      new URL(cluster.url);
    } catch {
      throw new InputError(
        `Invalid url for cluster '${name}' at ${key}: expected an absolute http(s) URL`,
      );
    }
    result.push(cluster);
  });
  return result;
}
