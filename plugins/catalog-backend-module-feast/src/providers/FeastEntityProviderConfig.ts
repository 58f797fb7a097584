import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { type Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  compileSystemTemplate,
  DEFAULT_SYSTEM_TEMPLATE,
} from '../transform/systemName';

/**
 * Where a Feast registry is read from: exactly one per configured registry.
 *
 * @public
 */
export type FeastRegistryLocation =
  | { type: 'path'; path: string }
  | { type: 'url'; url: string }
  | {
      type: 's3';
      bucket: string;
      key: string;
      region?: string;
      endpoint?: string;
      forcePathStyle?: boolean;
    }
  | { type: 'rest'; url: string };

/**
 * One registry under `catalog.providers.feast.<id>`, with defaults applied.
 *
 * @public
 */
export interface FeastEntityProviderConfig {
  id: string;
  registry: FeastRegistryLocation;
  token?: string;
  timeoutMs: number;
  projects?: string[];
  namespace: string;
  owner?: string;
  system: string;
  jurisdiction?: string;
  jurisdictionTag: string;
  dataClassification?: string;
  dataClassificationTags: string[];
  uiUrl?: string;
  emptyRegistryConfirmations: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Config root of this provider. */
export const FEAST_CONFIG_ROOT = 'catalog.providers.feast';
/** Default time limit of one registry read (file, HTTP, S3 or REST). */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default schedule of the registry refresh. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 15 },
};
/** Consecutive empty reads needed before an empty registry is applied. */
export const DEFAULT_EMPTY_REGISTRY_CONFIRMATIONS = 2;
const DEFAULT_CLASSIFICATION_TAGS = ['data_classification', 'classification'];
const VALID_NAME = /^[a-z0-9A-Z]+(?:[-_.][a-z0-9A-Z]+)*$/;

const INVALID = 'Invalid Feast provider config at';

function fail(key: string, message: string): never {
  throw new InputError(`${INVALID} ${key}: ${message}`);
}

/** Runs a config getter and re-throws its type errors with the full key. */
function read<T>(key: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith(INVALID)) throw error;
    return fail(key, message);
  }
}

function httpUrl(key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(key, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(key, 'must be an absolute http(s) URL');
  }
  return value.replace(/\/+$/, '');
}

function readRegistry(config: Config, key: string): FeastRegistryLocation {
  const registry = read(key, () => config.getOptionalConfig('registry'));
  if (!registry) {
    return fail(key, 'set exactly one of path, url, s3 or restUrl');
  }
  const present = ['path', 'url', 's3', 'restUrl'].filter(k => registry.has(k));
  if (present.length !== 1) {
    fail(
      key,
      `set exactly one of path, url, s3 or restUrl (found ${
        present.length ? present.join(', ') : 'none'
      })`,
    );
  }
  const type = present[0];
  const at = `${key}.${type}`;
  switch (type) {
    case 'path':
      return { type: 'path', path: read(at, () => registry.getString('path')) };
    case 'url':
      return {
        type: 'url',
        url: httpUrl(
          at,
          read(at, () => registry.getString('url')),
        ),
      };
    case 'restUrl':
      return {
        type: 'rest',
        url: httpUrl(
          at,
          read(at, () => registry.getString('restUrl')),
        ),
      };
    default: {
      const s3 = read(at, () => registry.getConfig('s3'));
      const endpoint = read(`${at}.endpoint`, () =>
        s3.getOptionalString('endpoint'),
      );
      return {
        type: 's3',
        bucket: read(`${at}.bucket`, () => s3.getString('bucket')),
        key: read(`${at}.key`, () => s3.getString('key')),
        region: read(`${at}.region`, () => s3.getOptionalString('region')),
        endpoint: endpoint ? httpUrl(`${at}.endpoint`, endpoint) : undefined,
        forcePathStyle: read(`${at}.forcePathStyle`, () =>
          s3.getOptionalBoolean('forcePathStyle'),
        ),
      };
    }
  }
}

function readOne(id: string, config: Config): FeastEntityProviderConfig {
  const key = `${FEAST_CONFIG_ROOT}.${id}`;
  const registry = readRegistry(config, `${key}.registry`);

  const namespace =
    read(`${key}.namespace`, () => config.getOptionalString('namespace')) ??
    'default';
  if (!VALID_NAME.test(namespace) || namespace.length > 63) {
    fail(`${key}.namespace`, `"${namespace}" is not a valid entity namespace`);
  }

  const owner = read(`${key}.owner`, () => config.getOptionalString('owner'));
  if (owner !== undefined) {
    read(`${key}.owner`, () =>
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  }

  const projects = read(`${key}.projects`, () =>
    config.getOptionalStringArray('projects'),
  );
  if (projects && projects.length === 0) {
    fail(
      `${key}.projects`,
      'an empty list would skip every project; remove it to read all projects',
    );
  }

  const uiUrl = read(`${key}.uiUrl`, () => config.getOptionalString('uiUrl'));
  const timeoutMs = config.has('timeout')
    ? read(`${key}.timeout`, () => {
        const d = readDurationFromConfig(config, { key: 'timeout' });
        return (
          (d.milliseconds ?? 0) +
          (d.seconds ?? 0) * 1000 +
          (d.minutes ?? 0) * 60_000 +
          (d.hours ?? 0) * 3_600_000
        );
      })
    : DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) fail(`${key}.timeout`, 'must be a positive duration');

  const confirmations =
    read(`${key}.emptyRegistryConfirmations`, () =>
      config.getOptionalNumber('emptyRegistryConfirmations'),
    ) ?? DEFAULT_EMPTY_REGISTRY_CONFIRMATIONS;
  if (!Number.isInteger(confirmations) || confirmations < 1) {
    fail(
      `${key}.emptyRegistryConfirmations`,
      'must be an integer of at least 1',
    );
  }

  const classificationTag = read(`${key}.dataClassificationTag`, () =>
    config.getOptionalString('dataClassificationTag'),
  );

  const system =
    read(`${key}.system`, () => config.getOptionalString('system')) ??
    DEFAULT_SYSTEM_TEMPLATE;
  read(`${key}.system`, () => compileSystemTemplate(system));

  return {
    id,
    registry,
    token: read(`${key}.token`, () => config.getOptionalString('token')),
    timeoutMs,
    projects,
    namespace,
    owner,
    system,
    jurisdiction: read(`${key}.jurisdiction`, () =>
      config.getOptionalString('jurisdiction'),
    ),
    jurisdictionTag:
      read(`${key}.jurisdictionTag`, () =>
        config.getOptionalString('jurisdictionTag'),
      ) ?? 'jurisdiction',
    dataClassification: read(`${key}.dataClassification`, () =>
      config.getOptionalString('dataClassification'),
    ),
    dataClassificationTags: classificationTag
      ? [classificationTag]
      : DEFAULT_CLASSIFICATION_TAGS,
    uiUrl: uiUrl ? httpUrl(`${key}.uiUrl`, uiUrl) : undefined,
    emptyRegistryConfirmations: confirmations,
    schedule: config.has('schedule')
      ? read(`${key}.schedule`, () =>
          readSchedulerServiceTaskScheduleDefinitionFromConfig(
            config.getConfig('schedule'),
          ),
        )
      : DEFAULT_SCHEDULE,
  };
}

/**
 * Reads every registry configured under `catalog.providers.feast`. Throws an
 * `InputError` naming the offending config key on any invalid value.
 *
 * @public
 */
export function readFeastProviderConfigs(
  config: Config,
): FeastEntityProviderConfig[] {
  const root = read(FEAST_CONFIG_ROOT, () =>
    config.getOptionalConfig(FEAST_CONFIG_ROOT),
  );
  if (!root) return [];
  return root.keys().map(id => {
    if (!VALID_NAME.test(id)) {
      fail(
        `${FEAST_CONFIG_ROOT}.${id}`,
        'the registry id must be a valid entity name',
      );
    }
    return readOne(
      id,
      read(`${FEAST_CONFIG_ROOT}.${id}`, () => root.getConfig(id)),
    );
  });
}
