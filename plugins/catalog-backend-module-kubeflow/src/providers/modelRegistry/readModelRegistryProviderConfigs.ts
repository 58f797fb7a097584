import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  readOptionalDurationMs,
  readOwner,
  readPositiveInteger,
  readSchedule,
} from '../../lib/readConfigHelpers';

/** Settings of one Kubeflow Model Registry provider, read from config. */
export interface ModelRegistryProviderConfig {
  id: string;
  /** Base URL without a trailing slash and without the API path. */
  baseUrl: string;
  token?: string;
  owner: string;
  includeArchived: boolean;
  jurisdiction?: string;
  dataClassification?: string;
  feastNamespace: string;
  pageSize: number;
  requestTimeoutMs: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Default schedule: see config.d.ts. */
export const DEFAULT_MODEL_REGISTRY_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 5 },
    timeout: { minutes: 3 },
  };
const ROOT_KEY = 'catalog.providers.kubeflowModelRegistry';

/**
 * Reads every `catalog.providers.kubeflowModelRegistry.<id>` entry.
 *
 * @throws InputError naming the config key of the first bad value.
 */
export function readModelRegistryProviderConfigs(
  rootConfig: Config,
): ModelRegistryProviderConfig[] {
  const providers = rootConfig.getOptionalConfig(ROOT_KEY);
  if (!providers) {
    return [];
  }
  return providers.keys().map(id => {
    const key = `${ROOT_KEY}.${id}`;
    const config = providers.getConfig(id);
    const baseUrl = config.getOptionalString('baseUrl');
    if (!baseUrl) {
      throw new InputError(
        `Missing required config value at ${key}.baseUrl: the URL of the Model Registry REST server, without /api/model_registry/v1alpha3`,
      );
    }
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new InputError(
        `Invalid URL at ${key}.baseUrl: expected an absolute http(s) URL`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError(
        `Invalid URL at ${key}.baseUrl: expected an http or https URL`,
      );
    }
    return {
      id,
      baseUrl: baseUrl
        .replace(/\/+$/, '')
        .replace(/\/api\/model_registry\/v1alpha3$/, ''),
      token: config.getOptionalString('token') || undefined,
      owner: readOwner(config, 'owner', key),
      includeArchived: config.getOptionalBoolean('includeArchived') ?? true,
      jurisdiction: config.getOptionalString('jurisdiction'),
      dataClassification: config.getOptionalString('dataClassification'),
      feastNamespace: config.getOptionalString('feastNamespace') ?? 'default',
      pageSize: readPositiveInteger(config, 'pageSize', key) ?? 100,
      requestTimeoutMs:
        readOptionalDurationMs(config, 'requestTimeout', key) ?? 30_000,
      schedule: readSchedule(config, key, DEFAULT_MODEL_REGISTRY_SCHEDULE),
    };
  });
}
