import { RELATION_DEPENDS_ON, type Entity } from '@backstage/catalog-model';
import {
  getLineageDirection,
  type ComplianceContext,
  type LineageDirection,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { refOfEntity, tryNormalizeRef } from '../LineageService/lineageNode';

/**
 * The entity fields the sovereignty checks read (annotations, labels,
 * specs with images, URIs and versions) plus relations for lineage;
 * descriptions and the like are left out.
 */
export const COMPLIANCE_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'metadata.labels',
  'spec',
  'relations',
];

/**
 * A set of entities with their lineage edges, for computing each entity's
 * upstream and downstream neighbourhood in memory.
 */
export class ComplianceGraph {
  private readonly entities = new Map<string, Entity>();
  private readonly edges = new Map<
    string,
    Record<LineageDirection, string[]> & { runtimes: string[] }
  >();

  constructor(entities: Iterable<Entity>) {
    for (const entity of entities) {
      const ref = refOfEntity(entity);
      this.entities.set(ref, entity);
      const out = {
        upstream: [] as string[],
        downstream: [] as string[],
        runtimes: [] as string[],
      };
      for (const relation of entity.relations ?? []) {
        const target = tryNormalizeRef(relation.targetRef);
        const direction = getLineageDirection(relation.type);
        if (!target) {
          continue;
        } else if (direction) {
          out[direction].push(target);
        } else if (relation.type === RELATION_DEPENDS_ON) {
          out.runtimes.push(target);
        }
      }
      this.edges.set(ref, out);
    }
  }

  get(ref: string): Entity | undefined {
    return this.entities.get(ref);
  }

  /** Every entity of the graph. */
  all(): IterableIterator<Entity> {
    return this.entities.values();
  }

  /**
   * The neighbourhood evaluateCompliance expects: everything reachable
   * upstream (plus, for a job, what it `dependsOn`, i.e. its training
   * runtime) and everything reachable downstream. Entities outside the
   * graph are skipped.
   */
  contextOf(ref: string): ComplianceContext {
    const upstream = this.closure(ref, 'upstream');
    for (const runtime of this.edges.get(ref)?.runtimes ?? []) {
      const entity = this.entities.get(runtime);
      if (entity && !upstream.includes(entity)) {
        upstream.push(entity);
      }
    }
    return { upstream, downstream: this.closure(ref, 'downstream') };
  }

  private closure(start: string, direction: LineageDirection): Entity[] {
    const seen = new Set([start]);
    const result: Entity[] = [];
    const queue = [start];
    while (queue.length > 0) {
      const ref = queue.pop()!;
      for (const next of this.edges.get(ref)?.[direction] ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        const entity = this.entities.get(next);
        if (entity) {
          result.push(entity);
          queue.push(next);
        }
      }
    }
    return result;
  }
}
