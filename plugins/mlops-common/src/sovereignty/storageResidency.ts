import type { Finding } from './findings';
import { storageJurisdiction } from './matchStorage';
import { parseStorageUri } from './parseStorageUri';
import type { SovereigntyPolicy } from './SovereigntyPolicy';

/**
 * Whether a URI a training reads or writes lies in its jurisdiction:
 * cluster-local storage (`pvc://`) lies where the training runs; other URIs
 * must be in the jurisdiction's `buckets` or `storageHosts`.
 */
export function storageResidency(
  label: string,
  uri: string,
  jurisdiction: string,
  policy: SovereigntyPolicy,
  causedBy: string | undefined,
): Finding | undefined {
  const cause = causedBy ? { causedBy } : {};
  let parsed;
  try {
    parsed = parseStorageUri(uri);
  } catch {
    // The value is not echoed: an unparseable URI may hold a credential.
    return {
      status: 'unknown',
      reason: `The ${label} is not a storage URI, so where it lies is not known`,
      ...cause,
    };
  }
  if (parsed.clusterLocal) {
    return undefined;
  }
  const lies = storageJurisdiction(parsed, policy);
  if (lies === jurisdiction) {
    return undefined;
  }
  if (lies) {
    return {
      status: 'fail',
      reason: `The ${label} ${parsed.display} lies in ${lies}, outside ${jurisdiction}`,
      ...cause,
    };
  }
  const own = policy.jurisdictions[jurisdiction];
  if (own && (own.buckets.length > 0 || own.storageHosts.length > 0)) {
    return {
      status: 'fail',
      reason: `The ${label} ${parsed.display} is not in the storage of ${jurisdiction} (mlops.sovereignty.jurisdictions.${jurisdiction}.buckets and storageHosts)`,
      ...cause,
    };
  }
  return {
    status: 'unknown',
    reason: `No storage is configured for ${jurisdiction}, so whether the ${label} ${parsed.display} lies in it is not known: set mlops.sovereignty.jurisdictions.${jurisdiction}.buckets or storageHosts`,
    ...cause,
  };
}
