import type { Entity } from '@backstage/catalog-model';
import {
  MLOPS_RELATION_PAIRS,
  getLineageDirection,
  type LineageDirection,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import type { LineageEdge } from '@sovereign-ai/backstage-plugin-mlops-common';
import { refOfEntity, tryNormalizeRef } from './lineageNode';

/**
 * Fetches one level of the walk in a single catalog request: one entry per
 * ref, in order, `undefined` for a ref that is missing or not readable.
 */
export type FetchLevel = (refs: string[]) => Promise<Array<Entity | undefined>>;

/** What a walk found. */
export interface LineageWalk {
  /** Every reached entity by ref, with the hop count and directions. */
  reached: Map<
    string,
    { entity: Entity; depth: number; directions: Set<LineageDirection> }
  >;
  /** Upstream-pointing edges between reached entities, deduplicated. */
  edges: LineageEdge[];
  /** Targets the catalog did not return (missing or not readable). */
  unresolved: Set<string>;
  /** Lineage continues past the last level walked. */
  truncated: boolean;
  /** Catalog requests made (the start entity's included). */
  levels: number;
}

const UPSTREAM_OF_REVERSE = new Map(
  MLOPS_RELATION_PAIRS.map(([forward, reverse]) => [reverse, forward]),
);

/** The edge a relation stands for, pointing upstream. */
function edgeOf(from: string, type: string, to: string): LineageEdge {
  const forward = UPSTREAM_OF_REVERSE.get(type);
  return forward
    ? { from: to, to: from, relation: forward }
    : { from, to, relation: type };
}

/**
 * Walks lineage breadth first from `root`, in each given direction
 * separately (upstream never turns downstream: that would reach siblings,
 * not lineage), up to `maxDepth` hops, with one `fetchLevel` call per level
 * for every direction together. A visited set per direction stops cycles.
 * Unresolved targets are not followed: an entity the caller cannot read
 * hides what lies behind it, as the catalog does.
 */
export async function walkLineage(
  root: Entity,
  directions: LineageDirection[],
  maxDepth: number,
  fetchLevel: FetchLevel,
): Promise<LineageWalk> {
  const rootRef = refOfEntity(root);
  const reached: LineageWalk['reached'] = new Map([
    [rootRef, { entity: root, depth: 0, directions: new Set(directions) }],
  ]);
  const visited = new Map(
    directions.map(d => [d, new Set<string>([rootRef])] as const),
  );
  const edges = new Map<string, LineageEdge>();
  const unresolved = new Set<string>();
  let truncated = false;
  let levels = 1;

  let frontier = directions.map(direction => ({
    ref: rootRef,
    entity: root,
    direction,
  }));
  for (let depth = 1; frontier.length > 0; depth++) {
    const next = new Map<string, Set<LineageDirection>>();
    for (const { ref, entity, direction } of frontier) {
      for (const relation of entity.relations ?? []) {
        if (getLineageDirection(relation.type) !== direction) {
          continue;
        }
        const target = tryNormalizeRef(relation.targetRef);
        if (!target) {
          continue;
        }
        const edge = edgeOf(ref, relation.type, target);
        edges.set(`${edge.from} ${edge.relation} ${edge.to}`, edge);
        const seen = visited.get(direction)!;
        if (seen.has(target)) {
          continue;
        }
        if (depth > maxDepth) {
          truncated = true;
          continue;
        }
        seen.add(target);
        const dirs = next.get(target) ?? new Set<LineageDirection>();
        dirs.add(direction);
        next.set(target, dirs);
      }
    }
    if (depth > maxDepth || next.size === 0) {
      break;
    }

    // Entities already reached the other way need no second fetch.
    const toFetch = [...next.keys()].filter(
      ref => !reached.has(ref) && !unresolved.has(ref),
    );
    const fetched =
      toFetch.length > 0 ? await fetchLevel(toFetch) : ([] as Entity[]);
    if (toFetch.length > 0) {
      levels++;
    }
    toFetch.forEach((ref, index) => {
      const entity = fetched[index];
      if (entity) {
        reached.set(ref, { entity, depth, directions: new Set() });
      } else {
        unresolved.add(ref);
      }
    });

    frontier = [];
    for (const [ref, dirs] of next) {
      const node = reached.get(ref);
      if (!node) {
        continue;
      }
      for (const direction of dirs) {
        node.directions.add(direction);
        frontier.push({ ref, entity: node.entity, direction });
      }
    }
  }

  return {
    reached,
    edges: [...edges.values()].filter(
      e => reached.has(e.from) && reached.has(e.to),
    ),
    unresolved,
    truncated,
    levels,
  };
}
