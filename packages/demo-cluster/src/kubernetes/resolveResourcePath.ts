import { ResourceType, resourceTypeForPath } from './resourceTypes';

/** What a resource URL addresses. */
export interface ResourcePath {
  type: ResourceType;
  /** Absent for cluster-scoped types and for lists across all namespaces. */
  namespace?: string;
  /** Absent for the collection (list, watch, create). */
  name?: string;
  /** `status` or `log`; the caller decides which the type supports. */
  subresource?: string;
}

/**
 * Parses the path segments of `/api/v1/...` or `/apis/<group>/<version>/...`
 * into the served type, namespace, name and subresource; undefined when the
 * path addresses nothing the server serves (the API server's 404).
 */
export function resolveResourcePath(
  segments: string[],
): ResourcePath | undefined {
  let groupVersion: string;
  let rest: string[];
  if (segments[0] === 'api' && segments[1] === 'v1') {
    groupVersion = 'v1';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    groupVersion = `${segments[1]}/${segments[2]}`;
    rest = segments.slice(3);
  } else {
    return undefined;
  }
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    resourceTypeForPath(groupVersion, rest[2])?.namespaced
  ) {
    const type = resourceTypeForPath(groupVersion, rest[2])!;
    if (rest.length > 5) return undefined;
    return { type, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  const type = resourceTypeForPath(groupVersion, rest[0]);
  if (!type || rest.length > 3) return undefined;
  // A namespaced type without a namespace: only list and watch (all namespaces).
  if (type.namespaced && rest.length > 1) return undefined;
  return { type, name: rest[1], subresource: rest[2] };
}
