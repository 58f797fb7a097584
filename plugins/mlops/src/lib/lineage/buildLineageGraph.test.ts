import type { LineageNode, LineageResponse } from '../../api/types';
import { buildLineageGraph } from './buildLineageGraph';

function node(ref: string, kind: string, depth = 1): LineageNode {
  const [, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    ref,
    kind,
    namespace,
    name,
    title: name,
    depth,
    directions: ['upstream'],
  };
}

const model = 'model:default/fraud-detector';
const job = 'trainingjob:default/job';
const service = 'featureservice:default/svc';

function lineage(viewCount: number): LineageResponse {
  const views = Array.from({ length: viewCount }, (_, i) =>
    node(`featureview:default/v${i}`, 'FeatureView', 3),
  );
  return {
    root: model,
    direction: 'upstream',
    depth: 3,
    nodes: [
      node(model, 'Model', 0),
      node(job, 'TrainingJob'),
      node(service, 'FeatureService', 2),
      ...views,
    ],
    edges: [
      { from: model, to: job, relation: 'producedBy' },
      { from: job, to: service, relation: 'consumesFeatures' },
      ...views.map(v => ({
        from: service,
        to: v.ref,
        relation: 'consumesFeatures',
      })),
    ],
    dangling: [],
    truncated: false,
  };
}

describe('buildLineageGraph', () => {
  it('draws edges the way data flows and marks the root', () => {
    const graph = buildLineageGraph(lineage(2));
    expect(graph.nodes).toHaveLength(5);
    expect(graph.nodes.find(n => n.isRoot)?.id).toBe(model);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        source: job,
        target: model,
        relation: 'producedBy',
      }),
    );
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        source: 'featureview:default/v0',
        target: service,
      }),
    );
  });

  it('folds a large fan-out into one group node', () => {
    const graph = buildLineageGraph(lineage(40));
    const groups = graph.nodes.filter(n => n.members);
    expect(groups).toHaveLength(1);
    expect(groups[0].title).toBe('+40');
    expect(groups[0].kind).toBe('FeatureView');
    expect(graph.nodes).toHaveLength(4);
    expect(graph.edges).toHaveLength(3);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ source: groups[0].id, target: service }),
    );
  });

  it('expands a group on demand', () => {
    const groupId = buildLineageGraph(lineage(40)).nodes.find(
      n => n.members,
    )!.id;
    const graph = buildLineageGraph(lineage(40), {
      expanded: new Set([groupId]),
    });
    expect(graph.nodes).toHaveLength(43);
    expect(graph.nodes.some(n => n.members)).toBe(false);
  });

  it('keeps neighbours that connect elsewhere out of groups', () => {
    const data = lineage(10);
    const other = node('model:default/other', 'Model', 4);
    data.nodes.push(other);
    data.edges.push({
      from: other.ref,
      to: 'featureview:default/v0',
      relation: 'consumesFeatures',
    });
    const graph = buildLineageGraph(data);
    expect(
      graph.nodes.find(n => n.id === 'featureview:default/v0'),
    ).toBeDefined();
    expect(graph.nodes.find(n => n.members)?.members).toHaveLength(9);
  });

  it('ignores edges to nodes that were not returned', () => {
    const data = lineage(1);
    data.edges.push({
      from: model,
      to: 'trainingjob:default/filtered',
      relation: 'producedBy',
    });
    expect(buildLineageGraph(data).edges).toHaveLength(3);
  });

  it('hides kinds without cutting the lineage', () => {
    const graph = buildLineageGraph(lineage(2), {
      hiddenKinds: new Set(['TrainingJob', 'FeatureService']),
    });
    expect(graph.nodes.map(n => n.id).sort()).toEqual([
      'featureview:default/v0',
      'featureview:default/v1',
      model,
    ]);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        source: 'featureview:default/v0',
        target: model,
        relation: 'producedBy',
      }),
    );
  });
});
