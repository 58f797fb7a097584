import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { LineageDirection } from '@sovereign-ai/backstage-plugin-mlops-common';
import type {
  ImpactGroup,
  ImpactResponse,
  LineageNode,
  LineageResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { LINEAGE_FIELDS, normalizeRef, toLineageNode } from './lineageNode';
import {
  MAX_LINEAGE_DEPTH,
  type LineageRequest,
  type LineageService,
} from './LineageService';
import { walkLineage, type LineageWalk } from './walkLineage';

const EXISTENCE_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * {@link LineageService} on the catalog: one `getEntitiesByRefs` request per
 * lineage level, with the caller's credentials, so the catalog leaves out
 * what the caller may not read.
 *
 * @public
 */
export class CatalogLineageService implements LineageService {
  /** Creates the service. */
  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
  }): CatalogLineageService {
    return new CatalogLineageService(options.catalog, options.auth);
  }

  private constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async getLineage(
    request: LineageRequest,
    options: { credentials: BackstageCredentials },
  ): Promise<LineageResponse> {
    const directions: LineageDirection[] =
      request.direction === 'both'
        ? ['upstream', 'downstream']
        : [request.direction];
    const walk = await this.walk(
      request.entityRef,
      directions,
      request.depth,
      options.credentials,
    );
    const kinds = request.kinds?.map(k => k.toLocaleLowerCase('en-US'));
    const nodes = [...walk.reached.values()]
      .filter(
        ({ entity, depth }) =>
          depth === 0 ||
          !kinds ||
          kinds.includes(entity.kind.toLocaleLowerCase('en-US')),
      )
      .map(({ entity, depth, directions: dirs }) =>
        toLineageNode(entity, depth, dirs),
      )
      .sort(byDepthThenRef);
    const included = new Set(nodes.map(n => n.ref));
    return {
      root: nodes[0].ref,
      direction: request.direction,
      depth: request.depth,
      ...(request.kinds ? { kinds: request.kinds } : {}),
      nodes,
      edges: walk.edges
        .filter(e => included.has(e.from) && included.has(e.to))
        .sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`)),
      dangling: await this.findDangling(walk.unresolved),
      truncated: walk.truncated,
    };
  }

  async getImpact(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<ImpactResponse> {
    const walk = await this.walk(
      entityRef,
      ['downstream'],
      MAX_LINEAGE_DEPTH,
      options.credentials,
    );
    const groups = new Map<string, LineageNode[]>();
    const countsByKind: Record<string, number> = {};
    let root = '';
    for (const { entity, depth, directions } of walk.reached.values()) {
      const node = toLineageNode(entity, depth, directions);
      if (depth === 0) {
        root = node.ref;
        continue;
      }
      const owner = node.owner ?? 'unknown';
      groups.set(owner, [...(groups.get(owner) ?? []), node]);
      countsByKind[node.kind] = (countsByKind[node.kind] ?? 0) + 1;
    }
    const owners: ImpactGroup[] = [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([owner, entities]) => ({
        owner,
        entities: entities.sort(byDepthThenRef),
      }));
    return {
      root,
      total: walk.reached.size - 1,
      countsByKind,
      owners,
      dangling: await this.findDangling(walk.unresolved),
      truncated: walk.truncated,
    };
  }

  private async walk(
    entityRef: string,
    directions: LineageDirection[],
    depth: number,
    credentials: BackstageCredentials,
  ): Promise<LineageWalk> {
    const rootRef = normalizeRef(entityRef);
    const fetchLevel = async (refs: string[]) =>
      (
        await this.catalog.getEntitiesByRefs(
          { entityRefs: refs, fields: LINEAGE_FIELDS },
          { credentials },
        )
      ).items;
    const [root] = await fetchLevel([rootRef]);
    if (!root) {
      // Same answer whether it is missing or hidden: no information leak.
      throw new NotFoundError(`No entity ${rootRef} in the catalog`);
    }
    return walkLineage(root, directions, depth, fetchLevel);
  }

  /**
   * Splits unresolved targets into dangling ones (in no catalog at all) and
   * hidden ones (the caller may not read them), with one request under the
   * plugin's own credentials that returns only names. Only the dangling
   * refs are reported: they already appear in the relations of entities
   * the caller can read, hidden ones are left out entirely.
   */
  private async findDangling(unresolved: Set<string>): Promise<string[]> {
    if (unresolved.size === 0) {
      return [];
    }
    const refs = [...unresolved];
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: EXISTENCE_FIELDS },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return refs.filter((_, index) => !items[index]).sort();
  }
}

function byDepthThenRef(a: LineageNode, b: LineageNode): number {
  return a.depth - b.depth || a.ref.localeCompare(b.ref);
}
