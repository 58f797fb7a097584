import type { Entity } from '@backstage/catalog-model';
import {
  declaredJurisdiction,
  declaredRegion,
  storageLocation,
} from './entityFacts';
import { storageJurisdiction } from './matchStorage';
import { parseStorageUri } from './parseStorageUri';
import type { SovereigntyPolicy } from './SovereigntyPolicy';

/** The jurisdiction whose `clusters` list a cluster, if any. */
export function clusterJurisdiction(
  cluster: string,
  policy: SovereigntyPolicy,
): string | undefined {
  return Object.keys(policy.jurisdictions).find(name =>
    policy.jurisdictions[name].clusters.includes(cluster),
  );
}

/** The jurisdiction whose `regions` list a region, if any. */
export function regionJurisdiction(
  region: string,
  policy: SovereigntyPolicy,
): string | undefined {
  return Object.keys(policy.jurisdictions).find(name =>
    policy.jurisdictions[name].regions.includes(region),
  );
}

/** Where an entity's data lies, and how that is known. */
export interface EntityJurisdiction {
  /** The jurisdiction, when known. */
  name?: string;
  /** Set when the entity declares one jurisdiction but is stored in another. */
  conflict?: string;
}

/**
 * Where a data asset lies. Its storage location (a URI in a configured
 * jurisdiction's buckets or hosts) wins over what it declares, since that is
 * where the bytes are; then its `sovereign-ai.io/jurisdiction` annotation;
 * then its `topology.kubernetes.io/region` label mapped through `regions`.
 */
export function entityJurisdiction(
  entity: Entity,
  policy: SovereigntyPolicy,
): EntityJurisdiction {
  const declared = declaredJurisdiction(entity);
  const location = storageLocation(entity);
  let stored: string | undefined;
  let display: string | undefined;
  if (location) {
    try {
      const uri = parseStorageUri(location);
      stored = storageJurisdiction(uri, policy);
      display = uri.display;
    } catch {
      // An unparseable location gives no evidence; the annotation decides.
    }
  }
  if (stored) {
    return stored !== declared && declared
      ? {
          name: stored,
          conflict: `it declares ${declared} but is stored at ${display}, in ${stored}`,
        }
      : { name: stored };
  }
  if (declared) {
    return { name: declared };
  }
  const region = declaredRegion(entity);
  const byRegion = region ? regionJurisdiction(region, policy) : undefined;
  return byRegion ? { name: byRegion } : {};
}
