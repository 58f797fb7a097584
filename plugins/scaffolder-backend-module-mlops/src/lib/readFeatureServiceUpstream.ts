import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  getLineageRelations,
  isFeatureServiceEntity,
  KIND_FEATURE_SERVICE,
  type FeatureServiceEntityV1alpha1,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/** FeatureService → FeatureView → (on-demand view →) FeatureView → dataset. */
const MAX_DEPTH = 8;
const UPSTREAM_RELATIONS = new Set(getLineageRelations('upstream'));

/**
 * A FeatureService with everything upstream of it in the catalog.
 *
 * @public
 */
export interface FeatureServiceLineage {
  featureService: FeatureServiceEntityV1alpha1;
  /** The FeatureService itself, its FeatureViews and their dataset Resources. */
  upstream: Entity[];
  /** Refs of upstream entities the catalog does not hold (or hides from the user). */
  missing: string[];
}

/**
 * Reads a FeatureService and its upstream lineage (`consumesFeatures`,
 * `readsFrom`, ...) from the catalog, one batched `getEntitiesByRefs` per
 * level, with the credentials of the user running the template: what the
 * user may not read is reported as missing, never silently trusted.
 *
 * @throws InputError when the ref is not a FeatureService ref,
 *   NotFoundError when the catalog has no such FeatureService.
 * @public
 */
export async function readFeatureServiceUpstream(
  catalog: CatalogService,
  featureServiceRef: string,
  credentials: BackstageCredentials,
): Promise<FeatureServiceLineage> {
  let ref: string;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(featureServiceRef, {
        defaultKind: KIND_FEATURE_SERVICE,
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `Invalid FeatureService ref '${featureServiceRef}': ${
        (error as Error).message
      }`,
    );
  }
  const featureService = await catalog.getEntityByRef(ref, { credentials });
  if (!featureService) {
    throw new NotFoundError(`FeatureService ${ref} is not in the catalog`);
  }
  if (!isFeatureServiceEntity(featureService)) {
    throw new InputError(
      `${ref} is a ${featureService.kind}, not a FeatureService`,
    );
  }

  const seen = new Set<string>([ref]);
  const upstream: Entity[] = [featureService];
  const missing: string[] = [];
  let level: Entity[] = [featureService];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next = new Set<string>();
    for (const entity of level) {
      for (const relation of entity.relations ?? []) {
        if (
          UPSTREAM_RELATIONS.has(relation.type) &&
          !seen.has(relation.targetRef)
        ) {
          next.add(relation.targetRef);
        }
      }
    }
    if (next.size === 0) {
      break;
    }
    const entityRefs = [...next];
    entityRefs.forEach(r => seen.add(r));
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials },
    );
    const found: Entity[] = [];
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (item) {
        found.push(item);
      } else {
        missing.push(entityRefs[index]);
      }
    }
    upstream.push(...found);
    level = found;
  }
  return { featureService, upstream, missing };
}
