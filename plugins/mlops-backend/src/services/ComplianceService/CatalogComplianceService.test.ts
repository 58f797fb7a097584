import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readSovereigntyPolicy } from '@sovereign-ai/backstage-plugin-mlops-common';
import { entitiesWithRelations } from '../../__testUtils__/lineageEntities';
import { CatalogComplianceService } from './CatalogComplianceService';

const DS_FR = 'resource:default/transactions';
const DS_DE = 'resource:default/merchant_risk';
const FV = 'featureview:default/merchant_features';
const FS = 'featureservice:default/scoring_v2';
const TJ = 'trainingjob:default/train-0419';
const RUNTIME = 'resource:default/torch-distributed';
const MODEL = 'model:default/fraud-detector';
const credentials = mockCredentials.user('user:default/alice');

const policy = readSovereigntyPolicy(
  new ConfigReader({
    mlops: {
      sovereignty: {
        jurisdictions: {
          'eu-fr': {
            clusters: ['sovereign-fr'],
            buckets: ['fraud-data-fr', 'models-fr'],
          },
          'eu-de': { buckets: ['risk-data-de'] },
        },
        allowedImageRegistries: ['registry.sovereign.internal'],
        requireImageDigest: true,
        allowedStorage: { schemes: ['s3'], buckets: ['models-fr'] },
      },
    },
  }),
);

function annotate(entity: Entity, jurisdiction: string): Entity {
  entity.metadata.annotations = {
    'sovereign-ai.io/jurisdiction': jurisdiction,
    'sovereign-ai.io/data-classification': 'confidential',
  };
  return entity;
}

function demo(): Entity[] {
  const entities = entitiesWithRelations(
    [DS_FR, DS_DE, FV, FS, TJ, RUNTIME, MODEL],
    [
      [FV, 'readsFrom', DS_DE],
      [FS, 'consumesFeatures', FV],
      [TJ, 'consumesFeatures', FS],
      [TJ, 'readsFrom', DS_FR],
      [MODEL, 'producedBy', TJ],
    ],
    {
      [DS_FR]: { type: 'dataset', owner: 'data-office' },
      [DS_DE]: { type: 'dataset', owner: 'data-office' },
      [FV]: { type: 'batch', owner: 'data-office' },
      [FS]: { owner: 'data-office' },
      [TJ]: {
        owner: 'fraud-ml',
        system: 'fraud-detection',
        cluster: 'sovereign-fr',
        namespace: 'fraud-ml',
        runtime: RUNTIME,
        trainer: {
          image:
            'registry.sovereign.internal/ml/trainer@sha256:7c1e4c5f0a3b9d2e8f61a4c3b5d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90',
        },
      },
      [RUNTIME]: { type: 'training-runtime', owner: 'ml-platform' },
      [MODEL]: {
        owner: 'fraud-ml',
        versions: [
          { name: 'v2', artifactUri: 's3://models-fr/fraud-detector/v2/' },
        ],
      },
    },
  );
  for (const entity of entities) {
    annotate(
      entity,
      entity.metadata.name === 'merchant_risk' ? 'eu-de' : 'eu-fr',
    );
    entity.metadata.annotations!['feast.dev/source-location'] =
      entity.metadata.name === 'merchant_risk'
        ? 's3://risk-data-de/merchant_risk/'
        : 's3://fraud-data-fr/transactions/';
  }
  // The job depends on its runtime (not lineage).
  entities
    .find(e => e.metadata.name === 'train-0419')!
    .relations!.push({ type: 'dependsOn', targetRef: RUNTIME });
  return entities;
}

function setup(hidden: string[] = []) {
  const store = catalogServiceMock({ entities: demo() });
  const isUser = (options: any) =>
    options.credentials.principal.type === 'user';
  const catalog = catalogServiceMock.mock({
    getEntitiesByRefs: async (request, options) => {
      const { items } = await store.getEntitiesByRefs(request, options);
      return {
        items: items.map((item, i) =>
          isUser(options) && hidden.includes(request.entityRefs[i])
            ? undefined
            : item,
        ),
      };
    },
    streamEntities: (request, options) =>
      (async function* stream() {
        for await (const page of store.streamEntities(request, options)) {
          yield page.filter(
            e =>
              !isUser(options) ||
              !hidden.some(h => h.endsWith(`/${e.metadata.name}`)),
          );
        }
      })(),
  });
  return {
    catalog,
    service: CatalogComplianceService.create({
      catalog,
      auth: mockServices.auth(),
      policy,
    }),
  };
}

describe('CatalogComplianceService', () => {
  it('fails residency of a job whose features come from another jurisdiction', async () => {
    const { service } = setup();
    const result = await service.getEntityCompliance(TJ, { credentials });
    expect(result).toMatchObject({
      entityRef: TJ,
      kind: 'TrainingJob',
      owner: 'group:default/fraud-ml',
      system: 'system:default/fraud-detection',
      status: 'fail',
    });
    expect(result.results.find(r => r.check === 'residency')).toMatchObject({
      status: 'fail',
      causedBy: DS_DE,
    });
  });

  it('keeps the failure but hides its cause when the caller may not read it', async () => {
    const { service } = setup([DS_DE]);
    const result = await service.getEntityCompliance(TJ, { credentials });
    const residency = result.results.find(r => r.check === 'residency')!;
    expect(residency.status).toBe('fail');
    expect(residency.causedBy).toBeUndefined();
    expect(residency.reason).toBe(
      'Caused by an entity you are not allowed to see; ask its owner or an administrator',
    );
    expect(JSON.stringify(result)).not.toContain('merchant_risk');
  });

  it('answers 404 for an entity the caller may not read', async () => {
    const { service } = setup([TJ]);
    await expect(
      service.getEntityCompliance(TJ, { credentials }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('reports every readable ML asset, with filters, in two streamed reads', async () => {
    const { service, catalog } = setup([DS_DE]);
    const report = await service.getReport({}, { credentials });
    expect(report.entities.map(e => e.entityRef)).toEqual(
      [DS_FR, FV, FS, MODEL, RUNTIME, TJ].sort(),
    );
    expect(catalog.streamEntities).toHaveBeenCalledTimes(2);
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
    expect(report.summary.entities).toBe(6);
    expect(report.summary.fail).toBeGreaterThanOrEqual(1);

    const failing = await service.getReport(
      { kind: ['trainingjob'], check: ['residency'], status: ['fail'] },
      { credentials },
    );
    expect(failing.entities).toEqual([
      expect.objectContaining({
        entityRef: TJ,
        status: 'fail',
        results: [expect.objectContaining({ check: 'residency' })],
      }),
    ]);
    const byOwner = await service.getReport(
      { owner: ['group:default/ml-platform'] },
      { credentials },
    );
    expect(byOwner.entities.map(e => e.entityRef)).toEqual([RUNTIME]);
    const bySystem = await service.getReport(
      { system: ['system:default/fraud-detection'] },
      { credentials },
    );
    expect(bySystem.entities.map(e => e.entityRef)).toEqual([TJ]);
  });
});
