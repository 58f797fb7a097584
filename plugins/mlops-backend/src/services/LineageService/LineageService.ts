import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  ImpactResponse,
  LineageQueryDirection,
  LineageResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/**
 * What `GET /lineage` asks for, already validated.
 *
 * @public
 */
export interface LineageRequest {
  entityRef: string;
  direction: LineageQueryDirection;
  /** Hops to follow, 1 to {@link MAX_LINEAGE_DEPTH}. */
  depth: number;
  /** Kinds of the nodes to return (traversal still passes through the others). */
  kinds?: string[];
}

/** Default of the `depth` parameter. @public */
export const DEFAULT_LINEAGE_DEPTH = 3;
/** Largest accepted `depth`; impact analysis always walks this far. @public */
export const MAX_LINEAGE_DEPTH = 10;

/**
 * Computes lineage and impact from the catalog, with the caller's
 * credentials (so entities the caller may not read are left out).
 *
 * @public
 */
export interface LineageService {
  /** @throws NotFoundError when the start entity does not exist or cannot be read. */
  getLineage(
    request: LineageRequest,
    options: { credentials: BackstageCredentials },
  ): Promise<LineageResponse>;
  /** Everything downstream of an entity, grouped by owner. */
  getImpact(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<ImpactResponse>;
}
