import { RESOURCE_TYPES, ResourceType, groupVersionOf } from './resourceTypes';

const KUBERNETES_VERSION = { major: '1', minor: '33', gitVersion: 'v1.33.4' };

/** Preferred version of each group: the first one listed in RESOURCE_TYPES. */
function groups(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const t of RESOURCE_TYPES) {
    const versions = result.get(t.group) ?? [];
    if (!versions.includes(t.version)) versions.push(t.version);
    result.set(t.group, versions);
  }
  return result;
}

function apiGroup(name: string, versions: string[]) {
  const list = versions.map(version => ({
    groupVersion: `${name}/${version}`,
    version,
  }));
  return { name, versions: list, preferredVersion: list[0] };
}

function verbsOf(t: ResourceType): string[] {
  if (t.group === 'metrics.k8s.io') return ['get', 'list'];
  return ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
}

/** `GET /version`. */
export function versionInfo() {
  return {
    ...KUBERNETES_VERSION,
    gitCommit: 'sovereign-ai-demo-cluster',
    gitTreeState: 'clean',
    buildDate: '2026-08-01T00:00:00Z',
    goVersion: 'go1.24.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** `GET /api`. */
export function coreApiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** `GET /apis`. */
export function apiGroupList() {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups()]
      .filter(([name]) => name !== '')
      .map(([name, versions]) => apiGroup(name, versions)),
  };
}

/** `GET /apis/<group>`, or undefined for an unknown group. */
export function apiGroupDocument(name: string) {
  const versions = groups().get(name);
  if (!name || !versions) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(name, versions) };
}

/** `GET /api/v1` or `GET /apis/<group>/<version>`, or undefined. */
export function apiResourceList(groupVersion: string) {
  const types = RESOURCE_TYPES.filter(t => groupVersionOf(t) === groupVersion);
  if (types.length === 0) return undefined;
  const resources = types.flatMap(t => {
    const main = {
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: verbsOf(t),
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    };
    const subresources = [];
    if (t.hasStatus) {
      subresources.push({
        name: `${t.plural}/status`,
        singularName: '',
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ['get', 'patch', 'update'],
      });
    }
    if (t.group === '' && t.plural === 'pods') {
      subresources.push({
        name: 'pods/log',
        singularName: '',
        namespaced: true,
        kind: 'Pod',
        verbs: ['get'],
      });
    }
    return [main, ...subresources];
  });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

/**
 * The discovery document at a path (`/version`, `/api`, `/apis`, `/api/v1`,
 * `/apis/<group>[/<version>]`), or undefined if the path is not one.
 * `serverAddress` is the `host:port` clients are told to use.
 */
export function discoveryDocument(
  segments: string[],
  serverAddress: string,
): object | undefined {
  const path = segments.join('/');
  if (path === 'version') return versionInfo();
  if (path === 'api') return coreApiVersions(serverAddress);
  if (path === 'apis') return apiGroupList();
  if (path === 'api/v1') return apiResourceList('v1');
  if (segments[0] === 'apis' && segments.length === 2) {
    return apiGroupDocument(segments[1]);
  }
  if (segments[0] === 'apis' && segments.length === 3) {
    return apiResourceList(`${segments[1]}/${segments[2]}`);
  }
  return undefined;
}
