import { layoutLineage } from './layoutLineage';

describe('layoutLineage', () => {
  it('puts data sources left of what is built from them', () => {
    const layout = layoutLineage({
      nodes: [
        { id: 'a', kind: 'Resource', title: 'a', isRoot: false },
        { id: 'b', kind: 'FeatureView', title: 'b', isRoot: false },
        { id: 'c', kind: 'Model', title: 'c', isRoot: true },
      ],
      edges: [
        { id: 'ab', source: 'a', target: 'b', relation: 'readsFrom' },
        { id: 'bc', source: 'b', target: 'c', relation: 'consumesFeatures' },
      ],
    });
    const x = Object.fromEntries(layout.nodes.map(n => [n.id, n.x]));
    expect(x.a).toBeLessThan(x.b);
    expect(x.b).toBeLessThan(x.c);
    expect(layout.edges.every(e => e.points.length >= 2)).toBe(true);
    expect(layout.width).toBeGreaterThan(0);
  });
});
