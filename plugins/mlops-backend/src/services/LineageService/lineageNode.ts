import {
  type Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { LineageDirection } from '@sovereign-ai/backstage-plugin-mlops-common';
import type { LineageNode } from '@sovereign-ai/backstage-plugin-mlops-common';

/**
 * The entity fields lineage needs: enough for a node and its relations,
 * nothing else (specs of feature views and models can be large).
 */
export const LINEAGE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.type',
  'spec.owner',
  'spec.lifecycle',
  'spec.phase',
  'relations',
];

/** A ref in the one spelling used as map key and in answers. */
export function normalizeRef(ref: string): string {
  return stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US');
}

/**
 * {@link normalizeRef} for refs read from entities: undefined instead of
 * throwing on a malformed one, which lineage then skips.
 */
export function tryNormalizeRef(ref: string): string | undefined {
  try {
    return normalizeRef(ref);
  } catch {
    return undefined;
  }
}

/** The canonical lower-case ref of an entity. */
export function refOfEntity(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** The owner ref: the stitched `ownedBy` relation first, then `spec.owner`. */
export function ownerOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  const fromRelation = relation && tryNormalizeRef(relation.targetRef);
  if (fromRelation) {
    return fromRelation;
  }
  const owner = stringOrUndefined(entity.spec?.owner);
  if (!owner) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    // A malformed owner is the catalog's to report; lineage just omits it.
    return undefined;
  }
}

/** Builds the node of an entity reached at `depth`. */
export function toLineageNode(
  entity: Entity,
  depth: number,
  directions: Iterable<LineageDirection>,
): LineageNode {
  const namespace = entity.metadata.namespace ?? 'default';
  return {
    ref: refOfEntity(entity),
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    title: stringOrUndefined(entity.metadata.title) ?? entity.metadata.name,
    type: stringOrUndefined(entity.spec?.type),
    owner: ownerOf(entity),
    lifecycle: stringOrUndefined(entity.spec?.lifecycle),
    phase: stringOrUndefined(entity.spec?.phase),
    depth,
    directions: [...directions].sort(),
  };
}
