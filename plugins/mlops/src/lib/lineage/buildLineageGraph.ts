import type {
  LineageEdge,
  LineageNode,
  LineageResponse,
} from '../../api/types';
import { canonicalKind } from '../kinds';

/** Fan-outs larger than this become one expandable group node. */
export const DEFAULT_COLLAPSE_THRESHOLD = 8;

/** A node to draw: an entity, or a group of collapsed entities. */
export interface GraphNode {
  id: string;
  kind: string;
  title: string;
  /** Set for entity nodes. */
  entity?: LineageNode;
  isRoot: boolean;
  /** Set for group nodes: the entities it stands for. */
  members?: LineageNode[];
}

/** An edge to draw, pointing from the source of the data to its consumer. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  relation: string;
}

/** The graph to draw. */
export interface LineageGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Turns a lineage answer into the graph to draw. Edges point the way data
 * flows (from a dataset towards a model), and a node whose neighbours of one
 * kind, over one relation, outnumber `threshold` gets those neighbours that
 * connect to nothing else folded into one group node ("+40 feature views"),
 * unless that group's id is in `expanded`.
 */
export function buildLineageGraph(
  lineage: LineageResponse,
  options: {
    threshold?: number;
    expanded?: ReadonlySet<string>;
    /** Kinds not to draw; the lineage through them stays connected. */
    hiddenKinds?: ReadonlySet<string>;
  } = {},
): LineageGraph {
  const threshold = options.threshold ?? DEFAULT_COLLAPSE_THRESHOLD;
  const expanded = options.expanded ?? new Set<string>();
  const hidden = options.hiddenKinds ?? new Set<string>();
  const root = lineage.root.toLocaleLowerCase('en-US');
  const isHidden = (n: LineageNode) =>
    n.ref !== root && hidden.has(canonicalKind(n.kind));
  const allByRef = new Map(lineage.nodes.map(n => [n.ref, n]));
  // Data flows from `to` (what was read) to `from` (what was built).
  const flow = lineage.edges
    .filter(e => allByRef.has(e.from) && allByRef.has(e.to))
    .map((e: LineageEdge) => ({
      source: e.to,
      target: e.from,
      relation: e.relation,
    }));
  const visible = lineage.nodes.filter(n => !isHidden(n));
  const byRef = new Map(visible.map(n => [n.ref, n]));
  const edges = contractHidden(flow, byRef);

  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }

  // Candidate fan-outs: per anchor, side, relation and neighbour kind, the
  // neighbours connected to the anchor only.
  const fans = new Map<string, { anchor: string; members: string[] }>();
  for (const e of edges) {
    for (const [anchor, other, side] of [
      [e.source, e.target, 'out'],
      [e.target, e.source, 'in'],
    ] as const) {
      if (other === root || degree.get(other) !== 1) continue;
      const kind = canonicalKind(byRef.get(other)!.kind);
      const id = `group:${anchor}:${side}:${e.relation}:${kind}`;
      const fan = fans.get(id) ?? { anchor, members: [] };
      fan.members.push(other);
      fans.set(id, fan);
    }
  }
  const groupOf = new Map<string, string>();
  for (const [id, fan] of fans) {
    if (fan.members.length > threshold && !expanded.has(id)) {
      for (const member of fan.members) groupOf.set(member, id);
    }
  }

  const nodes: GraphNode[] = [];
  const groups = new Map<string, GraphNode>();
  for (const n of visible) {
    const groupId = groupOf.get(n.ref);
    if (!groupId) {
      nodes.push({
        id: n.ref,
        kind: canonicalKind(n.kind),
        title: n.title,
        entity: n,
        isRoot: n.ref === root,
      });
      continue;
    }
    let group = groups.get(groupId);
    if (!group) {
      group = {
        id: groupId,
        kind: canonicalKind(n.kind),
        title: '',
        isRoot: false,
        members: [],
      };
      groups.set(groupId, group);
      nodes.push(group);
    }
    group.members!.push(n);
  }
  for (const group of groups.values()) {
    group.title = `+${group.members!.length}`;
  }

  const seen = new Set<string>();
  const graphEdges: GraphEdge[] = [];
  for (const e of edges) {
    const source = groupOf.get(e.source) ?? e.source;
    const target = groupOf.get(e.target) ?? e.target;
    const id = `${source}|${e.relation}|${target}`;
    if (source === target || seen.has(id)) continue;
    seen.add(id);
    graphEdges.push({ id, source, target, relation: e.relation });
  }
  return { nodes, edges: graphEdges };
}

type FlowEdge = { source: string; target: string; relation: string };

/**
 * Replaces paths through hidden nodes by direct edges between the visible
 * nodes at their ends, labelled with the relation of the last hop, so that
 * hiding a kind never cuts the lineage in two.
 */
function contractHidden(
  edges: FlowEdge[],
  visible: ReadonlyMap<string, unknown>,
): FlowEdge[] {
  const out = new Map<string, FlowEdge[]>();
  for (const e of edges) {
    out.set(e.source, [...(out.get(e.source) ?? []), e]);
  }
  const result: FlowEdge[] = [];
  for (const e of edges) {
    if (!visible.has(e.source)) continue;
    // Walk forward through hidden nodes until visible ones are reached.
    const stack = [e];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const edge = stack.pop()!;
      if (visible.has(edge.target)) {
        result.push({
          source: e.source,
          target: edge.target,
          relation: edge.relation,
        });
        continue;
      }
      if (seen.has(edge.target)) continue;
      seen.add(edge.target);
      stack.push(...(out.get(edge.target) ?? []));
    }
  }
  return result;
}
