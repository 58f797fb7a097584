import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const ROOT_KEY = 'mlops.scaffolder.feast';
const DEFAULT_OFFLINE_STORE_PORT = 8815;
const ENTRY_KEYS = [
  'projects',
  'registry',
  'registryCert',
  'offlineStore',
  'auth',
];
const OFFLINE_STORE_KEYS = ['host', 'port', 'scheme', 'cert'];
const AUTH_TYPES = ['no_auth', 'kubernetes', 'oidc'] as const;
const SCHEMES = ['grpc', 'grpc+tls'] as const;
const HOST =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/**
 * The client side of one Feast registry, as a training job inside the
 * cluster reaches it.
 *
 * @public
 */
export interface FeastClientConfig {
  /** Registry id (`mlops.scaffolder.feast.<id>`). */
  id: string;
  /** Feast projects this registry serves; empty when not configured. */
  projects: string[];
  /** The remote registry server, `host:port`. */
  registry: string;
  /** CA certificate path for the registry's TLS, when it uses TLS. */
  registryCert?: string;
  /** The remote offline store server. */
  offlineStore: {
    host: string;
    port: number;
    scheme: 'grpc' | 'grpc+tls';
    cert?: string;
  };
  /** Feast `auth.type` of the client. */
  auth: 'no_auth' | 'kubernetes' | 'oidc';
}

function readHost(value: string, key: string): string {
  const host = value.trim().toLowerCase();
  if (!HOST.test(host)) {
    throw new Error(
      `${key} must be a host name such as feast-offline.feast.svc.cluster.local, without scheme, port or path`,
    );
  }
  return host;
}

function readEntry(id: string, config: Config): FeastClientConfig {
  const key = `${ROOT_KEY}.${id}`;
  for (const name of config.keys()) {
    if (!ENTRY_KEYS.includes(name)) {
      throw new Error(
        `${key}.${name} is not a Feast client option; ${key} accepts ${ENTRY_KEYS.join(
          ', ',
        )}`,
      );
    }
  }
  const registry = config.getString('registry').trim();
  const match = /^([^:/\s]+):(\d{1,5})$/.exec(registry);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
    throw new Error(
      `${key}.registry must be the remote registry server as host:port, for example feast-registry.feast.svc.cluster.local:6570`,
    );
  }
  readHost(match[1], `${key}.registry`);

  const offline = config.getConfig('offlineStore');
  for (const name of offline.keys()) {
    if (!OFFLINE_STORE_KEYS.includes(name)) {
      throw new Error(
        `${key}.offlineStore.${name} is not an offline store option; it accepts ${OFFLINE_STORE_KEYS.join(
          ', ',
        )}`,
      );
    }
  }
  const port = offline.getOptionalNumber('port') ?? DEFAULT_OFFLINE_STORE_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${key}.offlineStore.port must be a port number`);
  }
  const scheme = offline.getOptionalString('scheme') ?? 'grpc';
  if (!(SCHEMES as readonly string[]).includes(scheme)) {
    throw new Error(
      `${key}.offlineStore.scheme must be one of ${SCHEMES.join(', ')}`,
    );
  }
  const auth = config.getOptionalString('auth') ?? 'kubernetes';
  if (!(AUTH_TYPES as readonly string[]).includes(auth)) {
    throw new Error(`${key}.auth must be one of ${AUTH_TYPES.join(', ')}`);
  }
  return {
    id,
    projects: (config.getOptionalStringArray('projects') ?? []).map(p =>
      p.trim(),
    ),
    registry: registry.toLowerCase(),
    registryCert: config.getOptionalString('registryCert'),
    offlineStore: {
      host: readHost(offline.getString('host'), `${key}.offlineStore.host`),
      port,
      scheme: scheme as FeastClientConfig['offlineStore']['scheme'],
      cert: offline.getOptionalString('cert'),
    },
    auth: auth as FeastClientConfig['auth'],
  };
}

/**
 * Reads every Feast client configuration under `mlops.scaffolder.feast`.
 *
 * @throws Error naming the config key when an entry is malformed.
 * @public
 */
export function readFeastClientConfigs(config: Config): FeastClientConfig[] {
  const root = config.getOptionalConfig(ROOT_KEY);
  if (!root) {
    return [];
  }
  const entries = root.keys().map(id => readEntry(id, root.getConfig(id)));
  const owners = new Map<string, string>();
  for (const entry of entries) {
    for (const project of entry.projects) {
      const other = owners.get(project);
      if (other) {
        throw new Error(
          `${ROOT_KEY}.${entry.id}.projects lists '${project}', which ${ROOT_KEY}.${other}.projects already lists; a Feast project is served by one registry`,
        );
      }
      owners.set(project, entry.id);
    }
  }
  return entries;
}

/**
 * Picks the client configuration of a FeatureService: by its registry id
 * (`feast.dev/registry` annotation), then by its Feast project, then the
 * only configured entry.
 *
 * @throws InputError naming the config key to set when none matches.
 * @public
 */
export function selectFeastClientConfig(
  configs: FeastClientConfig[],
  target: { registryId?: string; project: string },
): FeastClientConfig {
  if (target.registryId) {
    const byId = configs.find(c => c.id === target.registryId);
    if (byId) {
      return byId;
    }
  }
  const byProject = configs.find(c => c.projects.includes(target.project));
  if (byProject) {
    return byProject;
  }
  if (configs.length === 1 && configs[0].projects.length === 0) {
    return configs[0];
  }
  const wanted = target.registryId
    ? `${ROOT_KEY}.${target.registryId}`
    : `${ROOT_KEY}.<id> with projects: [${target.project}]`;
  throw new InputError(
    `No Feast client connection is configured for Feast project ${target.project}: set ${wanted}`,
  );
}
