import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entitiesWithRelations } from '../../__testUtils__/lineageEntities';
import { CatalogLineageService } from './CatalogLineageService';

const DS = 'resource:default/transactions';
const DS2 = 'resource:default/merchant_risk';
const FV = 'featureview:default/transaction_stats';
const FV_OTHER = 'featureview:default/merchant_features';
const FV_OD = 'featureview:default/risk_score';
const FS = 'featureservice:default/scoring_v1';
const TJ = 'trainingjob:default/train-0412';
const MODEL = 'model:default/fraud-detector';

const LINKS: Array<[string, string, string]> = [
  [FV, 'readsFrom', DS],
  [FV_OTHER, 'readsFrom', DS2],
  [FV_OD, 'readsFrom', FV],
  [FS, 'consumesFeatures', FV],
  [FS, 'consumesFeatures', FV_OD],
  [FS, 'consumesFeatures', FV_OTHER],
  [TJ, 'consumesFeatures', FS],
  [MODEL, 'producedBy', TJ],
  [MODEL, 'consumesFeatures', FS],
];
const SPECS = {
  [DS]: { type: 'dataset', owner: 'group:default/data-office' },
  [DS2]: { type: 'dataset', owner: 'group:default/data-office' },
  [FV]: { type: 'batch', owner: 'group:default/data-office' },
  [FV_OTHER]: { type: 'batch', owner: 'group:default/data-office' },
  [FV_OD]: { type: 'on-demand', owner: 'group:default/data-office' },
  [FS]: { owner: 'group:default/data-office', lifecycle: 'production' },
  [TJ]: { type: 'torch', owner: 'group:default/fraud-ml', phase: 'Succeeded' },
  [MODEL]: { owner: 'fraud-ml' },
};
const ALL = [DS, DS2, FV, FV_OTHER, FV_OD, FS, TJ, MODEL];
const credentials = mockCredentials.user('user:default/alice');

function setup(
  entities: Entity[] = entitiesWithRelations(ALL, LINKS, SPECS),
  hidden: string[] = [],
) {
  const store = catalogServiceMock({ entities });
  const catalog = catalogServiceMock.mock({
    // The catalog returns null for what the caller may not read; the
    // plugin's own service credentials see everything.
    getEntitiesByRefs: async (request, options) => {
      const { items } = await store.getEntitiesByRefs(request, options);
      return {
        items: items.map((item, i) =>
          (
            options as
              | { credentials?: { principal: { type: string } } }
              | undefined
          )?.credentials?.principal.type === 'user' &&
          hidden.includes(request.entityRefs[i])
            ? undefined
            : item,
        ),
      };
    },
  });
  const service = CatalogLineageService.create({
    catalog,
    auth: mockServices.auth(),
  });
  return { service, catalog };
}

describe('CatalogLineageService', () => {
  it('walks downstream from a data source to the model, one catalog request per level', async () => {
    const { service, catalog } = setup();
    const lineage = await service.getLineage(
      { entityRef: DS, direction: 'downstream', depth: 10 },
      { credentials },
    );
    expect(lineage.nodes.map(n => [n.ref, n.depth])).toEqual([
      [DS, 0],
      [FV, 1],
      [FS, 2],
      [FV_OD, 2],
      [MODEL, 3],
      [TJ, 3],
    ]);
    // Levels 0..3, then the model's and job's relations lead nowhere new.
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(4);
    for (const [request, options] of catalog.getEntitiesByRefs.mock.calls) {
      expect(request.fields).toContain('relations');
      expect(options).toEqual({ credentials });
    }
    // One edge per relation pair, pointing upstream; FS reached twice.
    expect(lineage.edges).toEqual([
      { from: FS, to: FV_OD, relation: 'consumesFeatures' },
      { from: FS, to: FV, relation: 'consumesFeatures' },
      { from: FV_OD, to: FV, relation: 'readsFrom' },
      { from: FV, to: DS, relation: 'readsFrom' },
      { from: MODEL, to: FS, relation: 'consumesFeatures' },
      { from: MODEL, to: TJ, relation: 'producedBy' },
      { from: TJ, to: FS, relation: 'consumesFeatures' },
    ]);
    expect(lineage.truncated).toBe(false);
    expect(lineage.dangling).toEqual([]);
    expect(lineage.nodes.find(n => n.ref === TJ)).toEqual({
      ref: TJ,
      kind: 'TrainingJob',
      namespace: 'default',
      name: 'train-0412',
      title: 'TRAIN-0412',
      type: 'torch',
      owner: 'group:default/fraud-ml',
      phase: 'Succeeded',
      depth: 3,
      directions: ['downstream'],
    });
  });

  it('walks both directions without turning into siblings', async () => {
    const { service } = setup();
    const lineage = await service.getLineage(
      { entityRef: FV, direction: 'both', depth: 1 },
      { credentials },
    );
    expect(lineage.nodes.map(n => n.ref).sort()).toEqual(
      [DS, FS, FV, FV_OD].sort(),
    );
    // FV_OTHER is read by FS too, but is a sibling, not lineage of FV.
    expect(lineage.nodes.find(n => n.ref === FV)!.directions).toEqual([
      'downstream',
      'upstream',
    ]);
    expect(lineage.truncated).toBe(true);
  });

  it('stops at the requested depth and says lineage continues', async () => {
    const { service } = setup();
    const lineage = await service.getLineage(
      { entityRef: MODEL, direction: 'upstream', depth: 2 },
      { credentials },
    );
    expect(Math.max(...lineage.nodes.map(n => n.depth))).toBe(2);
    expect(lineage.nodes.map(n => n.ref)).not.toContain(DS);
    expect(lineage.truncated).toBe(true);
  });

  it('filters nodes by kind but walks through the other kinds', async () => {
    const { service } = setup();
    const lineage = await service.getLineage(
      { entityRef: DS, direction: 'downstream', depth: 5, kinds: ['Model'] },
      { credentials },
    );
    expect(lineage.nodes.map(n => n.ref)).toEqual([DS, MODEL]);
    expect(lineage.edges).toEqual([]);
    expect(lineage.kinds).toEqual(['Model']);
  });

  it('survives cycles', async () => {
    const a = 'featureview:default/a';
    const b = 'featureview:default/b';
    const { service, catalog } = setup(
      entitiesWithRelations(
        [a, b],
        [
          [a, 'readsFrom', b],
          [b, 'readsFrom', a],
        ],
      ),
    );
    const lineage = await service.getLineage(
      { entityRef: a, direction: 'both', depth: 10 },
      { credentials },
    );
    expect(lineage.nodes.map(n => n.ref)).toEqual([a, b]);
    expect(lineage.edges).toEqual([
      { from: a, to: b, relation: 'readsFrom' },
      { from: b, to: a, relation: 'readsFrom' },
    ]);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(2);
  });

  it('lists dangling relation targets without inventing nodes for them', async () => {
    const ghost = 'featureservice:default/deleted';
    const { service } = setup(
      entitiesWithRelations(
        [DS, FV],
        [
          [FV, 'readsFrom', DS],
          [ghost, 'consumesFeatures', FV],
        ],
      ).filter(e => e.metadata.name !== 'deleted'),
    );
    const lineage = await service.getLineage(
      { entityRef: DS, direction: 'downstream', depth: 3 },
      { credentials },
    );
    expect(lineage.nodes.map(n => n.ref)).toEqual([DS, FV]);
    expect(lineage.dangling).toEqual([ghost]);
    expect(lineage.edges).toEqual([
      { from: FV, to: DS, relation: 'readsFrom' },
    ]);
  });

  it('leaves out entities the caller may not read, and what lies only behind them', async () => {
    const { service } = setup(undefined, [FS]);
    const lineage = await service.getLineage(
      { entityRef: DS, direction: 'downstream', depth: 10 },
      { credentials },
    );
    expect(lineage.nodes.map(n => n.ref)).toEqual([DS, FV, FV_OD]);
    expect(JSON.stringify(lineage)).not.toContain(FS);
    expect(lineage.dangling).toEqual([]);
  });

  it('answers 404 for a start entity that is missing or hidden', async () => {
    const { service } = setup(undefined, [DS]);
    for (const entityRef of [DS, 'resource:default/nope']) {
      await expect(
        service.getLineage(
          { entityRef, direction: 'both', depth: 3 },
          { credentials },
        ),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: `No entity ${entityRef} in the catalog`,
      });
    }
  });

  it('groups everything downstream by owner for impact analysis', async () => {
    const { service } = setup();
    const impact = await service.getImpact(DS, { credentials });
    expect(impact.root).toBe(DS);
    expect(impact.total).toBe(5);
    expect(impact.countsByKind).toEqual({
      FeatureView: 2,
      FeatureService: 1,
      TrainingJob: 1,
      Model: 1,
    });
    expect(
      impact.owners.map(g => [g.owner, g.entities.map(e => e.ref)]),
    ).toEqual([
      ['group:default/data-office', [FV, FS, FV_OD]],
      ['group:default/fraud-ml', [MODEL, TJ]],
    ]);
  });
});
