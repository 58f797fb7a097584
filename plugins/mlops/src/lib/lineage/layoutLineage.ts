import type { GraphEdge, GraphNode, LineageGraph } from './buildLineageGraph';

/** Size of a node box, in SVG units. */
export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 46;
/** Horizontal room between layers, for the edges. */
const LAYER_GAP = 110;
/** Vertical room between two nodes of a layer. */
const NODE_GAP = 14;
const MARGIN = 20;
/** Barycenter sweeps to reduce crossings; a few are enough for lineage. */
const SWEEPS = 6;

/** A node with its place (its centre). */
export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
}

/** An edge with its end points: out of the right side, into the left. */
export interface PlacedEdge extends GraphEdge {
  points: Array<{ x: number; y: number }>;
}

/** A laid out graph. */
export interface LineageLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const average = (values: number[]) =>
  values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Assigns each node a layer so that every edge points right: the longest
 * path from a source, with sources then moved next to their first consumer
 * (a dataset read only by a training job sits just left of the job).
 * Edges that would close a cycle are ignored.
 */
function assignLayers(
  ids: string[],
  preds: Map<string, string[]>,
  succs: Map<string, string[]>,
): Map<string, number> {
  const layer = new Map<string, number>();
  const indegree = new Map(ids.map(id => [id, preds.get(id)!.length]));
  const queue = ids.filter(id => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    const own = layer.get(id) ?? 0;
    layer.set(id, own);
    for (const s of succs.get(id)!) {
      layer.set(s, Math.max(layer.get(s) ?? 0, own + 1));
      indegree.set(s, indegree.get(s)! - 1);
      if (indegree.get(s) === 0) queue.push(s);
    }
  }
  // Nodes on a cycle were never queued: place them after what reached them.
  for (const id of ids) {
    if (!layer.has(id)) layer.set(id, 0);
  }
  for (const id of ids) {
    const next = succs.get(id)!.map(s => layer.get(s)!);
    if (preds.get(id)!.length === 0 && next.length > 0) {
      layer.set(id, Math.max(0, Math.min(...next) - 1));
    }
  }
  return layer;
}

/**
 * Places the graph left to right in layers (data sources on the left,
 * models on the right): layers by longest path, order within a layer by
 * barycenter sweeps, heights by the neighbours' average with no overlap.
 * Linear in the size of the graph per sweep, so 500 nodes take milliseconds
 * (a general layered layout such as dagre takes seconds there).
 */
export function layoutLineage(graph: LineageGraph): LineageLayout {
  const ids = graph.nodes.map(n => n.id);
  const preds = new Map<string, string[]>(ids.map(id => [id, []]));
  const succs = new Map<string, string[]>(ids.map(id => [id, []]));
  for (const e of graph.edges) {
    if (!preds.has(e.target) || !succs.has(e.source) || e.source === e.target) {
      continue;
    }
    preds.get(e.target)!.push(e.source);
    succs.get(e.source)!.push(e.target);
  }
  const layer = assignLayers(ids, preds, succs);
  const layerCount = Math.max(0, ...layer.values()) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  // Start in a stable order: by kind, then title.
  for (const n of [...graph.nodes].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title),
  )) {
    layers[layer.get(n.id)!].push(n.id);
  }

  const position = new Map<string, number>();
  const index = () =>
    layers.forEach(l => l.forEach((id, i) => position.set(id, i)));
  index();
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? layers.keys() : [...layers.keys()].reverse();
    for (const l of order) {
      const neighbours = down ? preds : succs;
      const key = new Map(
        layers[l].map(id => {
          const ns = neighbours.get(id)!.map(n => position.get(n)!);
          return [id, ns.length ? average(ns) : position.get(id)!];
        }),
      );
      layers[l].sort((a, b) => key.get(a)! - key.get(b)!);
      layers[l].forEach((id, i) => position.set(id, i));
    }
  }

  // Heights: each node near its neighbours' average, never overlapping.
  const step = NODE_HEIGHT + NODE_GAP;
  const y = new Map<string, number>();
  const tallest = Math.max(1, ...layers.map(l => l.length));
  layers.forEach(l => {
    const offset = ((tallest - l.length) * step) / 2;
    l.forEach((id, i) => y.set(id, offset + i * step));
  });
  for (let pass = 0; pass < 2; pass++) {
    for (const l of layers) {
      const wanted = l.map(id => {
        const ns = [...preds.get(id)!, ...succs.get(id)!].map(n => y.get(n)!);
        return ns.length ? average(ns) : y.get(id)!;
      });
      // Forward pass keeps the gap; the backward pass pulls the layer back
      // towards where its nodes want to be.
      for (let i = 1; i < l.length; i++) {
        wanted[i] = Math.max(wanted[i], wanted[i - 1] + step);
      }
      const shift = average(l.map((id, i) => y.get(id)! - wanted[i]).concat(0));
      l.forEach((id, i) => y.set(id, wanted[i] + shift / 2));
    }
  }
  const minY = Math.min(0, ...y.values());

  const nodes: PlacedNode[] = graph.nodes.map(n => ({
    ...n,
    x: MARGIN + NODE_WIDTH / 2 + layer.get(n.id)! * (NODE_WIDTH + LAYER_GAP),
    y: MARGIN + NODE_HEIGHT / 2 + y.get(n.id)! - minY,
  }));
  const placed = new Map(nodes.map(n => [n.id, n]));
  const edges: PlacedEdge[] = graph.edges
    .filter(e => placed.has(e.source) && placed.has(e.target))
    .map(e => {
      const s = placed.get(e.source)!;
      const t = placed.get(e.target)!;
      return {
        ...e,
        points: [
          { x: s.x + NODE_WIDTH / 2, y: s.y },
          { x: t.x - NODE_WIDTH / 2, y: t.y },
        ],
      };
    });
  const width =
    2 * MARGIN + layerCount * NODE_WIDTH + (layerCount - 1) * LAYER_GAP;
  const height =
    2 * MARGIN +
    Math.max(NODE_HEIGHT, ...nodes.map(n => n.y + NODE_HEIGHT / 2 - MARGIN));
  return { nodes, edges, width, height };
}
