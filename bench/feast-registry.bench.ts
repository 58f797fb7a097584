/**
 * Feast registry ingestion at scale: a generated registry.db with 10,000
 * feature views, 2,000 feature services and 500 data sources, built from the
 * objects of the v0.62 credit-scoring fixture.
 *
 * - `decode`, `transform`, `decode + transform`: durations in this process.
 * - `provider refresh (memory)`: one refresh of a real FeastEntityProvider
 *   (file read, decode, transform, mutation handed to a stub catalog), each in
 *   a fresh child process, so that the peak RSS holds the provider's own
 *   memory on top of the loaded modules, and nothing of the registry
 *   generator or of earlier samples. Reported: the process peak, the
 *   baseline before the refresh, their difference (the provider's share),
 *   and the heap the provider still holds while the catalog writes the
 *   entities. Decode alone is measured the same way.
 * - `ingest until queryable`: full ingestion through the real catalog
 *   (SQLite in memory, catalog defaults) until every entity is queryable
 *   through the catalog API, with the time to 50, 90, 99 and 100 %.
 *
 * Targets on a 2-core machine: decode + transform under 1 s, refresh peak
 * under 300 MB RSS.
 *
 * `FEAST_BENCH_INGEST=0` skips the catalog ingestion step (minutes on a
 * loaded 2-core machine); `FEAST_BENCH_INGEST_MINUTES` bounds it (default 20).
 */
import { ConfigReader } from '@backstage/config';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeastEntityProvider } from '../plugins/catalog-backend-module-feast/src/providers/FeastEntityProvider';
import { decodeRegistry } from '../plugins/catalog-backend-module-feast/src/registry/decodeRegistry';
import {
  decodeRegistryMessage,
  encodeRegistryMessage,
} from '../plugins/catalog-backend-module-feast/src/registry/registryProto';
import { compileSystemTemplate } from '../plugins/catalog-backend-module-feast/src/transform/systemName';
import { transformRegistry } from '../plugins/catalog-backend-module-feast/src/transform/transformRegistry';
import { quantile, report, sample, time } from './lib';

const FEATURE_VIEWS = 10_000;
const FEATURE_SERVICES = 2_000;
const DATA_SOURCES = 500;
const PROJECT = 'bench_project';
/** Fresh child processes per memory measurement; the median is reported. */
const MEMORY_RUNS = 3;
/** Ingestion is reported as incomplete after this long. */
const INGEST_LIMIT_MINUTES = Number(
  process.env.FEAST_BENCH_INGEST_MINUTES ?? 20,
);

function generateRegistry(): Uint8Array {
  const fixture = decodeRegistryMessage(
    readFileSync(
      join(
        __dirname,
        '..',
        'plugins',
        'catalog-backend-module-feast',
        'src',
        '__fixtures__',
        'registry-v0.62-ui-credit-scoring.db',
      ),
    ),
  );
  const source = fixture.dataSources.find(
    (s: any) => s.name === 'credit_history',
  );
  const view = fixture.featureViews.find(
    (v: any) => v.spec.name === 'credit_history',
  );
  const service = fixture.featureServices.find(
    (s: any) => s.spec.name === 'credit_score_v1',
  );
  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

  const dataSources = Array.from({ length: DATA_SOURCES }, (_, i) => ({
    ...clone(source),
    name: `source_${i}`,
    project: PROJECT,
    fileOptions: { uri: `s3://bench-data/source_${i}.parquet` },
    tags: { jurisdiction: i % 10 === 0 ? 'eu-de' : 'eu-fr' },
  }));
  const featureViews = Array.from({ length: FEATURE_VIEWS }, (_, i) => {
    const v = clone(view);
    v.spec.name = `view_${i}`;
    v.spec.project = PROJECT;
    v.spec.batchSource = { ...dataSources[i % DATA_SOURCES] };
    return v;
  });
  const featureServices = Array.from({ length: FEATURE_SERVICES }, (_, i) => {
    const s = clone(service);
    s.spec.name = `service_${i}`;
    s.spec.project = PROJECT;
    const projection = s.spec.features[0];
    s.spec.features = Array.from({ length: 5 }, (__, k) => ({
      ...projection,
      featureViewName: `view_${(i * 5 + k) % FEATURE_VIEWS}`,
    }));
    return s;
  });
  return encodeRegistryMessage({
    registrySchemaVersion: '1',
    versionId: 'bench',
    entities: fixture.entities.map((e: any) => ({
      ...e,
      spec: { ...e.spec, project: PROJECT },
    })),
    dataSources,
    featureViews,
    featureServices,
    projects: [{ spec: { name: PROJECT } }],
  });
}

const transformOptions = {
  registryId: 'bench',
  namespace: 'default',
  defaultOwner: 'group:data-office',
  systemName: compileSystemTemplate('{{project}}'),
  jurisdictionTag: 'jurisdiction',
  defaultJurisdiction: 'eu-fr',
  dataClassificationTags: ['data_classification', 'classification'],
};

const providerConfig = (path: string) => ({
  catalog: {
    providers: {
      feast: {
        bench: {
          registry: { path },
          owner: 'group:default/data-office',
          schedule: { frequency: { hours: 1 }, timeout: { minutes: 10 } },
        },
      },
    },
  },
});

interface MemoryRun {
  ms: number;
  entities: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** Heap held, after a full GC, when the mutation reaches the catalog. */
  heldHeapMb?: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
function fullGc() {
  const gc = (global as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (yarn bench does)');
  gc();
}

/**
 * Child process: decodes the registry (`decode`) or runs one refresh of a
 * real provider against a stub catalog connection (`refresh`).
 */
async function measureMemory(stage: string, path: string): Promise<MemoryRun> {
  if (stage === 'decode') {
    fullGc();
    const baselineRssMb = mb(process.memoryUsage().rss);
    const { ms, value } = await time(() => decodeRegistry(readFileSync(path)));
    return {
      ms,
      entities: value.featureViews.length,
      baselineRssMb,
      peakRssMb: peakRssMb(),
    };
  }
  // Stubs rather than the test utilities, which would load a backend's
  // worth of modules into the baseline.
  const logger: any = {
    error: () => {},
    warn: () => {},
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  const scheduler: any = {
    createScheduledTaskRunner: () => ({ run: async () => {} }),
  };
  const [provider] = FeastEntityProvider.fromConfig(
    new ConfigReader(providerConfig(path)),
    { logger, scheduler },
  );
  let entities = 0;
  let heldHeapMb: number | undefined;
  await provider.connect({
    applyMutation: async mutation => {
      entities = mutation.type === 'full' ? mutation.entities.length : 0;
      // What a refresh keeps alive while the catalog writes the entities.
      fullGc();
      heldHeapMb = mb(process.memoryUsage().heapUsed) - baselineHeapMb;
    },
    refresh: async () => {},
  });
  fullGc();
  const baselineRssMb = mb(process.memoryUsage().rss);
  const baselineHeapMb = mb(process.memoryUsage().heapUsed);
  const { ms } = await time(() => provider.refresh());
  return { ms, entities, baselineRssMb, peakRssMb: peakRssMb(), heldHeapMb };
}

function memoryRuns(stage: string, path: string): MemoryRun[] {
  return Array.from({ length: MEMORY_RUNS }, () => {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, __filename, '--memory', stage, path],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return JSON.parse(out.slice(out.lastIndexOf('MEMORY ') + 7));
  });
}

const median = (values: number[]) => quantile(values, 0.5);
const load = () =>
  loadavg()
    .map(l => l.toFixed(2))
    .join(' ');

async function main() {
  // Generated in a child process, so that building 12,500 objects does not
  // count towards any measurement.
  const dir = mkdtempSync(join(tmpdir(), 'feast-bench-'));
  const path = join(dir, 'registry.db');
  execFileSync(
    process.execPath,
    [...process.execArgv, __filename, '--generate', path],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const bytes = readFileSync(path);
  const n = FEATURE_VIEWS + FEATURE_SERVICES + DATA_SOURCES;
  process.stderr.write(
    `generated registry.db: ${(bytes.length / 1e6).toFixed(
      1,
    )} MB (load ${load()})\n`,
  );

  // Durations: a first, cold read as the provider does it, then warm samples.
  const first = await time(() =>
    transformRegistry(decodeRegistry(bytes), transformOptions),
  );
  const entityCount = first.value.length;
  const decode = await sample(5, () => decodeRegistry(bytes));
  const snapshot = decodeRegistry(bytes);
  const transform = await sample(5, () =>
    transformRegistry(snapshot, transformOptions),
  );
  const both = await sample(5, () =>
    transformRegistry(decodeRegistry(bytes), transformOptions),
  );

  const decodeMemory = memoryRuns('decode', path);
  const refreshMemory = memoryRuns('refresh', path);
  if (refreshMemory.some(r => r.entities !== entityCount)) {
    throw new Error(`a provider refresh did not emit ${entityCount} entities`);
  }
  const refreshPeak = median(refreshMemory.map(r => r.peakRssMb));
  const refreshBaseline = median(refreshMemory.map(r => r.baselineRssMb));

  report({
    name: 'feast: decode registry.db',
    n,
    samplesMs: decode,
    peakRssMb: median(decodeMemory.map(r => r.peakRssMb)),
    extra: {
      registryMb: Number((bytes.length / 1e6).toFixed(2)),
      baselineRssMb: median(decodeMemory.map(r => r.baselineRssMb)),
      decodeRssMb: median(decodeMemory.map(r => r.peakRssMb - r.baselineRssMb)),
    },
  });
  report({
    name: 'feast: transform to entities',
    n: entityCount,
    samplesMs: transform,
    peakRssMb: NaN,
  });
  report({
    name: 'feast: decode + transform',
    n,
    samplesMs: both,
    peakRssMb: NaN,
    extra: {
      firstReadMs: Math.round(first.ms),
      targetMs: 1000,
      withinTarget: median(both) < 1000,
    },
  });
  report({
    name: 'feast: provider refresh (memory)',
    n: entityCount,
    samplesMs: refreshMemory.map(r => r.ms),
    peakRssMb: refreshPeak,
    extra: {
      baselineRssMb: refreshBaseline,
      providerRssMb: median(
        refreshMemory.map(r => r.peakRssMb - r.baselineRssMb),
      ),
      heldHeapMb: median(refreshMemory.map(r => r.heldHeapMb ?? NaN)),
      targetRssMb: 300,
      withinTarget: refreshPeak < 300,
      load: load(),
    },
  });

  if (process.env.FEAST_BENCH_INGEST === '0') {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  try {
    await ingest(path, entityCount);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Ingests the registry into a real catalog until every entity is queryable,
 * logging the catalog's queues every 30 s.
 */
async function ingest(path: string, entityCount: number) {
  // Loaded only now, so that the backend's modules do not count towards the
  // memory measured above.
  const { mockCredentials, mockServices, startTestBackend } = await import(
    '@backstage/backend-test-utils'
  );
  const catalogPlugin = (await import('@backstage/plugin-catalog-backend'))
    .default;
  const catalogModuleMlopsEntityModel = (
    await import('@sovereign-ai/backstage-plugin-catalog-backend-module-mlops')
  ).default;
  const catalogModuleFeastEntityProvider = (
    await import('@sovereign-ai/backstage-plugin-catalog-backend-module-feast')
  ).default;
  const knex = (await import('knex')).default({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const count = async (query: PromiseLike<Array<Record<string, unknown>>>) =>
    Number(Object.values((await query)[0])[0]);
  const catalogState = async () => ({
    unprocessed: await count(
      knex('refresh_state').whereNull('processed_entity').count(),
    ),
    processingErrors: await count(
      knex('refresh_state')
        .whereNotNull('errors')
        .whereNotIn('errors', ['', '[]'])
        .count(),
    ),
    toStitch: await count(knex('stitch_queue').count()),
    stitchFailures: await count(
      knex('stitch_queue').where('failure_count', '>', 0).count(),
    ),
  });

  const milestones = new Map<number, number>();
  let queryable = 0;
  const started = Date.now();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleMlopsEntityModel,
      catalogModuleFeastEntityProvider,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            // The catalog's default processing interval (100 to 150 s). A
            // short one (1 s) keeps every entity due for processing forever;
            // with the synchronous SQLite driver the processing loop then
            // never yields to timers or I/O, and stitching and the catalog
            // API stall with the last entities unqueryable.
            stitchingStrategy: { pollingInterval: { milliseconds: 100 } },
            ...providerConfig(path).catalog,
          },
        },
      }),
    ],
  });
  try {
    const url = `http://localhost:${backend.server.port()}/api/catalog/entities/by-query?limit=1&filter=metadata.annotations.feast.dev/registry=bench`;
    const deadline = started + INGEST_LIMIT_MINUTES * 60_000;
    let lastLog = Date.now();
    for (;;) {
      const response = await fetch(url, {
        headers: { Authorization: mockCredentials.user.header() },
        signal: AbortSignal.timeout(120_000),
      });
      queryable = ((await response.json()) as { totalItems: number })
        .totalItems;
      for (const share of [0.5, 0.9, 0.99, 1]) {
        if (!milestones.has(share) && queryable >= share * entityCount) {
          milestones.set(share, Date.now() - started);
        }
      }
      if (queryable >= entityCount || Date.now() > deadline) break;
      if (Date.now() - lastLog > 30_000) {
        lastLog = Date.now();
        const state = await catalogState();
        process.stderr.write(
          `  ${Math.round(
            (Date.now() - started) / 1000,
          )} s: ${queryable} of ${entityCount} queryable, ${
            state.unprocessed
          } unprocessed, ${state.processingErrors} with processing errors, ${
            state.toStitch
          } to stitch (${state.stitchFailures} failed), load ${load()}\n`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    const ms = Date.now() - started;
    const state = await catalogState();
    const seconds = (share: number) =>
      milestones.has(share) ? Math.round(milestones.get(share)! / 1000) : -1;
    report({
      name: 'feast: ingest until queryable (catalog, SQLite)',
      n: entityCount,
      samplesMs: [ms],
      extra: {
        queryable,
        complete: queryable >= entityCount,
        s50: seconds(0.5),
        s90: seconds(0.9),
        s99: seconds(0.99),
        entitiesPerSecond: Math.round(queryable / (ms / 1000)),
        processingErrors: state.processingErrors,
        stitchFailures: state.stitchFailures,
        load: load(),
      },
    });
  } finally {
    // A catalog still busy with thousands of entities can take minutes to
    // stop; the numbers are already out, so do not wait for it.
    await Promise.race([
      backend.stop(),
      new Promise(resolve => setTimeout(resolve, 10_000)),
    ]);
    await Promise.race([
      knex.destroy(),
      new Promise(resolve => setTimeout(resolve, 10_000)),
    ]);
  }
}

if (process.argv[2] === '--generate') {
  writeFileSync(process.argv[3], generateRegistry());
  process.exit(0);
} else if (process.argv[2] === '--memory') {
  measureMemory(process.argv[3], process.argv[4]).then(
    result => {
      process.stdout.write(`MEMORY ${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    error => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
