import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  countIn,
  namesOf,
  readTextproto,
  valuesIn,
} from '../__fixtures__/textproto';
import { decodeRegistry } from './decodeRegistry';
import { normalizeRegistry } from './normalizeRegistry';
import {
  decodeRegistryMessage,
  encodeRegistryMessage,
  registryType,
} from './registryProto';

const FIXTURES = [
  'registry-v0.18-java-feast10',
  'registry-v0.26-ui-credit-scoring',
  'registry-v0.44-ui-credit-scoring',
  'registry-v0.62-ui-credit-scoring',
];

const LISTS: Array<[string, string]> = [
  ['entities', 'entities'],
  ['feature_views', 'featureViews'],
  ['on_demand_feature_views', 'onDemandFeatureViews'],
  ['stream_feature_views', 'streamFeatureViews'],
  ['feature_services', 'featureServices'],
  ['data_sources', 'dataSources'],
  ['saved_datasets', 'savedDatasets'],
  ['projects', 'projects'],
];

function readFixture(name: string): Buffer {
  return readFileSync(join(__dirname, '..', '__fixtures__', `${name}.db`));
}

function specName(object: any): string {
  return object.spec?.name ?? object.name;
}

describe('decodeRegistry', () => {
  describe.each(FIXTURES)('%s', fixture => {
    const blocks = readTextproto(fixture);
    const bytes = readFixture(fixture);

    it('decodes every object list to the names of the protoc dump', () => {
      const raw = decodeRegistryMessage(bytes);
      for (const [field, key] of LISTS) {
        expect({ field, names: (raw[key] ?? []).map(specName) }).toEqual({
          field,
          names: namesOf(blocks, field),
        });
      }
      expect((raw.projectMetadata ?? []).map((m: any) => m.project)).toEqual(
        blocks
          .filter(b => b.field === 'project_metadata')
          .flatMap(b => valuesIn(b, 'project', 2)),
      );
      const history = blocks.find(
        b => b.field === 'feature_view_version_history',
      );
      expect(
        (raw.featureViewVersionHistory?.records ?? []).map(
          (r: any) => r.featureViewName,
        ),
      ).toEqual(history ? valuesIn(history, 'feature_view_name', 4) : []);
    });

    it('keeps features, entities and projections as dumped', () => {
      const snapshot = decodeRegistry(bytes);
      const views = blocks.filter(b =>
        [
          'feature_views',
          'stream_feature_views',
          'on_demand_feature_views',
        ].includes(b.field),
      );
      expect(snapshot.featureViews.map(v => v.name).sort()).toEqual(
        views.map(v => v.name).sort(),
      );
      for (const block of views) {
        const view = snapshot.featureViews.find(v => v.name === block.name)!;
        expect(view.features.length).toBe(countIn(block, 'features', 4));
        expect(view.entities).toEqual(valuesIn(block, 'entities', 4));
        expect(view.online).toBe(block.lines.includes('    online: true'));
      }
      for (const block of blocks.filter(b => b.field === 'feature_services')) {
        const service = snapshot.featureServices.find(
          s => s.name === block.name,
        )!;
        expect(service.projections.map(p => p.featureView)).toEqual(
          valuesIn(block, 'feature_view_name', 6),
        );
      }
      for (const block of blocks.filter(b => b.field === 'entities')) {
        const entity = snapshot.entities.find(e => e.name === block.name)!;
        expect(entity.joinKey).toBe(valuesIn(block, 'join_key', 4)[0]);
      }
    });
  });

  it('derives the project and embedded sources of a v0.18 registry', () => {
    const snapshot = decodeRegistry(readFixture(FIXTURES[0]));
    expect(snapshot.projects.map(p => p.name)).toEqual(['feast_project']);
    // The dump has no top-level data_sources: they come from the embedded
    // batch sources (two distinct parquet files) and the ODFV request source,
    // named by its map key since RequestDataOptions.name (1) was removed.
    expect(snapshot.dataSources.map(s => s.name).sort()).toEqual([
      'path:benchmark_data.parquet',
      'path:driver_stats.parquet',
      'vals_to_add',
    ]);
    const odfv = snapshot.featureViews.find(
      v => v.name === 'transformed_conv_rate',
    )!;
    expect(odfv).toMatchObject({
      kind: 'on-demand',
      featureViews: ['driver_hourly_stats'],
      dataSources: ['vals_to_add'],
    });
    const request = snapshot.dataSources.find(s => s.name === 'vals_to_add')!;
    expect(request.sourceType).toBe('REQUEST_SOURCE');
    expect(request.schema.map(f => [f.name, f.valueType])).toEqual([
      ['val_to_add', 'INT64'],
      ['val_to_add_2', 'INT64'],
    ]);
    const driver = snapshot.featureViews.find(
      v => v.name === 'driver_hourly_stats',
    )!;
    expect(driver).toMatchObject({
      kind: 'batch',
      ttlSeconds: 604800,
      dataSources: ['path:driver_stats.parquet'],
    });
  });

  it.each(FIXTURES.slice(1))(
    'reads project, sources and lineage of %s',
    fixture => {
      const snapshot = decodeRegistry(readFixture(fixture));
      expect(snapshot.projects.map(p => p.name)).toEqual([
        'credit_scoring_aws',
      ]);
      expect(
        snapshot.dataSources.map(s => [s.name, s.sourceType, s.location]),
      ).toEqual(
        expect.arrayContaining([
          ['credit_history', 'BATCH_FILE', 'data/credit_history.parquet'],
          ['zipcode', 'BATCH_FILE', 'data/zipcode_table.parquet'],
          ['transaction', 'REQUEST_SOURCE', undefined],
        ]),
      );
      expect(snapshot.dataSources).toHaveLength(3);
      expect(
        snapshot.featureViews.find(
          v => v.name === 'transaction_gt_last_credit_card_due',
        ),
      ).toMatchObject({
        kind: 'on-demand',
        featureViews: ['credit_history'],
        dataSources: ['transaction'],
      });
      expect(
        snapshot.featureViews.find(v => v.name === 'credit_history'),
      ).toMatchObject({ dataSources: ['credit_history'], online: true });
    },
  );

  it.each(FIXTURES)(
    'decodes %s object by object into the snapshot of the whole message',
    fixture => {
      const bytes = readFixture(fixture);
      expect(decodeRegistry(bytes)).toEqual(
        normalizeRegistry(registryType.decode(bytes) as Record<string, any>),
      );
    },
  );

  it('normalises the lists in their order, whatever their order in the file', () => {
    // Concatenated messages merge: here the feature views come before the
    // data sources and projects they need.
    const whole = decodeRegistryMessage(readFixture(FIXTURES[3]));
    const { featureViews, onDemandFeatureViews, ...rest } = whole;
    const bytes = Buffer.concat([
      encodeRegistryMessage({ featureViews, onDemandFeatureViews }),
      encodeRegistryMessage(rest),
    ]);
    expect(decodeRegistry(bytes)).toEqual(
      decodeRegistry(encodeRegistryMessage(whole)),
    );
  });

  describe('with an object without a name', () => {
    const nameless = {
      featureViews: [{ spec: { project: 'p' } }],
      projects: [{ spec: { name: 'p' } }],
    };

    it('rejects the registry as malformed', () => {
      const bytes = encodeRegistryMessage({
        registrySchemaVersion: '1',
        ...nameless,
      });
      expect(() => decodeRegistry(bytes)).toThrow(
        /^Malformed Feast registry: a feature view has no name$/,
      );
    });

    it('reports a file without schema version first', () => {
      const bytes = encodeRegistryMessage(nameless);
      expect(() => decodeRegistry(bytes)).toThrow(/no registry_schema_version/);
    });

    it('reports an unreadable object decoded after it first', () => {
      const bytes = Buffer.concat([
        encodeRegistryMessage({ registrySchemaVersion: '1', ...nameless }),
        // A feature service (7) of 3 bytes whose spec (1) claims 5.
        Buffer.from([(7 << 3) | 2, 3, (1 << 3) | 2, 5, 0]),
      ]);
      expect(() => decodeRegistry(bytes)).toThrow(
        /^Not a readable Feast registry file \(\d+ bytes\): index out of range/,
      );
    });
  });

  it('returns an empty snapshot for an empty file', () => {
    const snapshot = decodeRegistry(new Uint8Array());
    expect(snapshot.featureViews).toEqual([]);
    expect(snapshot.projects).toEqual([]);
  });

  it.each([
    ['truncated protobuf', readFixture(FIXTURES[2]).subarray(0, 3001)],
    ['a text file', Buffer.from('this is not a registry\n'.repeat(20))],
    ['a JSON file', readFileSync(join(__dirname, '..', '..', 'package.json'))],
    [
      'random bytes',
      Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)),
    ],
  ])('rejects %s', (_, bytes) => {
    expect(() => decodeRegistry(bytes)).toThrow(
      /Not a (readable )?Feast registry file/,
    );
  });
});
