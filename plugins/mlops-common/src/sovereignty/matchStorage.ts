import type { StorageUri } from './parseStorageUri';
import type { SovereigntyPolicy } from './SovereigntyPolicy';

/**
 * Whether a host matches a configured host: equal, or a sub-domain of
 * `example.com` for the entry `*.example.com`. Both are lower case.
 */
export function hostMatches(host: string, entry: string): boolean {
  if (entry.startsWith('*.')) {
    return host.endsWith(entry.slice(1));
  }
  return host === entry;
}

/** Whether a parsed URI lies on one of the hosts or in one of the buckets. */
export function isInStorage(
  uri: StorageUri,
  storage: { hosts: string[]; buckets: string[] },
): boolean {
  if (uri.bucket !== undefined && storage.buckets.includes(uri.bucket)) {
    return true;
  }
  const host = uri.host;
  return host !== undefined && storage.hosts.some(e => hostMatches(host, e));
}

/**
 * The jurisdiction whose `buckets` or `storageHosts` hold a URI, if any
 * (config validation makes it unique).
 */
export function storageJurisdiction(
  uri: StorageUri,
  policy: SovereigntyPolicy,
): string | undefined {
  for (const [name, jurisdiction] of Object.entries(policy.jurisdictions)) {
    if (
      isInStorage(uri, {
        hosts: jurisdiction.storageHosts,
        buckets: jurisdiction.buckets,
      })
    ) {
      return name;
    }
  }
  return undefined;
}
