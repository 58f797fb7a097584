import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  KubeflowCluster,
  readKubeflowClusters,
} from '@sovereign-ai/backstage-plugin-mlops-node';
import {
  readOptionalDurationMs,
  readOwner,
  readPositiveInteger,
  readSchedule,
} from '../../lib/readConfigHelpers';

/** Settings of one Kubeflow Trainer provider, read from config. */
export interface TrainerProviderConfig {
  id: string;
  clusters: KubeflowCluster[];
  /** Namespaces to read; undefined means all. */
  namespaces?: string[];
  labelSelector?: string;
  owner: string;
  runtimeOwner: string;
  feastNamespace: string;
  retention: { maxJobsPerNamespace?: number; maxAgeMs?: number };
  watch: boolean;
  fullResyncIntervalMs: number;
  pageSize: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Default schedule: see config.d.ts. */
export const DEFAULT_TRAINER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { seconds: 30 },
    timeout: { minutes: 10 },
  };
const DEFAULT_FULL_RESYNC_MS = 60 * 60 * 1000;
const DEFAULT_PAGE_SIZE = 500;
const ROOT_KEY = 'catalog.providers.kubeflowTrainer';

/**
 * Reads every `catalog.providers.kubeflowTrainer.<id>` entry.
 *
 * @throws InputError naming the config key of the first bad value.
 */
export function readTrainerProviderConfigs(
  rootConfig: Config,
): TrainerProviderConfig[] {
  const providers = rootConfig.getOptionalConfig(ROOT_KEY);
  if (!providers) {
    return [];
  }
  return providers.keys().map(id => {
    const key = `${ROOT_KEY}.${id}`;
    const config = providers.getConfig(id);
    const owner = readOwner(config, 'owner', key);
    const namespaces = config.getOptionalStringArray('namespaces');
    if (namespaces && namespaces.length === 0) {
      throw new InputError(
        `Empty list at ${key}.namespaces: leave it out to read all namespaces`,
      );
    }
    return {
      id,
      clusters: readKubeflowClusters(rootConfig, config, key),
      namespaces,
      labelSelector: config.getOptionalString('labelSelector') || undefined,
      owner,
      runtimeOwner: config.has('runtimeOwner')
        ? readOwner(config, 'runtimeOwner', key)
        : owner,
      feastNamespace: config.getOptionalString('feastNamespace') ?? 'default',
      retention: {
        maxJobsPerNamespace: readPositiveInteger(
          config,
          'retention.maxJobsPerNamespace',
          key,
        ),
        maxAgeMs: readOptionalDurationMs(config, 'retention.maxAge', key),
      },
      watch: config.getOptionalBoolean('watch') ?? true,
      fullResyncIntervalMs:
        readOptionalDurationMs(config, 'fullResyncInterval', key) ??
        DEFAULT_FULL_RESYNC_MS,
      pageSize:
        readPositiveInteger(config, 'pageSize', key) ?? DEFAULT_PAGE_SIZE,
      schedule: readSchedule(config, key, DEFAULT_TRAINER_SCHEDULE),
    };
  });
}
