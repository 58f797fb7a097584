/**
 * Entity model at scale: 20,000 generated ML entities (FeatureViews,
 * FeatureServices, TrainingJobs, Models, with their lineage relations) read
 * from one file location, against 20,000 plain Resource entities with no
 * relation beyond their owner, in the same process. Each sample starts the
 * real catalog backend (with the mlops module) on in-memory SQLite and times
 * from start until the catalog API returns every entity with every relation
 * stitched. Target: ML / plain ratio of medians at most 1.3.
 *
 * Env: BENCH_SAMPLES (default 1), BENCH_ENTITY_MODEL_N (default 20000, for a
 * quick try).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleMlopsEntityModel from '@sovereign-ai/backstage-plugin-catalog-backend-module-mlops';
import { quantile, report } from './lib';

const N = Number(process.env.BENCH_ENTITY_MODEL_N ?? 20_000);
// One sample of each takes minutes (the catalog processes and stitches some
// tens of entities per second on SQLite), so the default is one of each;
// BENCH_SAMPLES=3 gives medians.
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1);
const TIMEOUT_MS = 90 * 60_000;
// The API shares SQLite's single connection with the catalog's own work, so
// the poll is kept sparse to stay out of the measurement.
const POLL_MS = 2_000;
const API = 'sovereign-ai.io/v1alpha1';

interface Generated {
  docs: object[];
  /** Relations the catalog API must show once everything is stitched. */
  visibleRelations: number;
}

/**
 * 20 ML entities per project, 1,000 projects: 6 batch and stream views on
 * (absent) dataset Resources, 2 on-demand views on 2 views each, 4 services
 * on 3 views each, 5 jobs that each consume a service and produce a model, 3
 * models with 2 versions produced by the jobs. Owners, datasets and runtimes
 * are not generated, so their relations dangle, as in the baseline.
 */
function generateMl(): Generated {
  const docs: object[] = [];
  const names = new Set<string>();
  const links: Array<[string, string, string, string]> = [];
  const add = (kind: string, name: string, spec: Record<string, unknown>) => {
    docs.push({ apiVersion: API, kind, metadata: { name }, spec });
    names.add(`${kind.toLocaleLowerCase('en-US')}:default/${name}`);
  };
  const link = (from: string, type: string, reverse: string, to: string) =>
    links.push([from, type, reverse, to]);
  for (let p = 0; names.size < N; p++) {
    const owner = `group:default/team-${p % 50}`;
    const views = Array.from({ length: 8 }, (_x, i) => `p${p}-view-${i}`);
    const services = Array.from({ length: 4 }, (_x, i) => `p${p}-service-${i}`);
    const jobs = Array.from({ length: 5 }, (_x, i) => `p${p}-job-${i}`);
    const models = Array.from({ length: 3 }, (_x, i) => `p${p}-model-${i}`);
    views.forEach((view, i) => {
      const self = `featureview:default/${view}`;
      const sources =
        i < 6
          ? [`resource:default/p${p}-dataset-${i % 3}`]
          : [
              `featureview:default/${views[0]}`,
              `featureview:default/${views[i - 5]}`,
            ];
      add('FeatureView', view, {
        type: i < 5 ? 'batch' : i === 5 ? 'stream' : 'on-demand',
        owner,
        features: Array.from({ length: 10 }, (_y, f) => ({
          name: `f${f}`,
          dtype: 'FLOAT',
        })),
        sources,
      });
      link(self, 'ownedBy', 'ownerOf', owner);
      sources.forEach(source => link(self, 'readsFrom', 'readBy', source));
    });
    services.forEach((service, i) => {
      const self = `featureservice:default/${service}`;
      const used = [views[i], views[i + 2], views[6 + (i % 2)]].map(
        view => `featureview:default/${view}`,
      );
      add('FeatureService', service, {
        owner,
        features: used.map(featureView => ({ featureView, features: [] })),
      });
      link(self, 'ownedBy', 'ownerOf', owner);
      used.forEach(view =>
        link(self, 'consumesFeatures', 'featuresConsumedBy', view),
      );
    });
    jobs.forEach((job, i) => {
      const self = `trainingjob:default/${job}`;
      const service = `featureservice:default/${services[i % 4]}`;
      const model = `model:default/${models[i % 3]}`;
      const runtime = 'resource:default/bench-torch-distributed';
      add('TrainingJob', job, {
        owner,
        cluster: 'bench',
        namespace: `p${p}`,
        runtime,
        featureServices: [service],
        produces: [model],
        phase: 'Succeeded',
      });
      link(self, 'ownedBy', 'ownerOf', owner);
      link(self, 'dependsOn', 'dependencyOf', runtime);
      link(self, 'consumesFeatures', 'featuresConsumedBy', service);
      link(self, 'produces', 'producedBy', model);
    });
    models.forEach((model, i) => {
      const self = `model:default/${model}`;
      const producers = [jobs[i], jobs[i + 2]].map(
        job => `trainingjob:default/${job}`,
      );
      const service = `featureservice:default/${services[i]}`;
      add('Model', model, {
        owner,
        versions: producers.map((producedBy, v) => ({
          name: `v${v + 1}`,
          producedBy,
          featureServices: [service],
        })),
      });
      link(self, 'ownedBy', 'ownerOf', owner);
      link(self, 'consumesFeatures', 'featuresConsumedBy', service);
      producers.forEach(job => link(self, 'producedBy', 'produces', job));
    });
  }
  // Every relation shows on its source; its reverse shows on the target only
  // when the target exists. A job's `produces` and its model's `producedBy`
  // can be one pair seen from both ends, so count distinct relations.
  const visible = new Set<string>();
  for (const [from, type, reverse, to] of links) {
    visible.add(`${from} ${type} ${to}`);
    if (names.has(to)) visible.add(`${to} ${reverse} ${from}`);
  }
  return { docs, visibleRelations: visible.size };
}

/** 20,000 Resources whose only relation is their (absent) owner. */
function generatePlain(): Generated {
  const docs = Array.from({ length: N }, (_x, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: `plain-${i}` },
    spec: { type: 'dataset', owner: `group:default/team-${i % 50}` },
  }));
  return { docs, visibleRelations: N };
}

interface Page {
  items: Array<{ relations?: unknown[] }>;
  totalItems: number;
  pageInfo: { nextCursor?: string };
}

/** Entities and stitched relations the catalog API returns right now. */
async function observe(
  baseUrl: string,
): Promise<{ entities: number; relations: number }> {
  const headers = { Authorization: mockCredentials.user.header() };
  const filter =
    'filter=kind=featureview,kind=featureservice,kind=trainingjob,kind=model,kind=resource';
  const first = (await (
    await fetch(
      `${baseUrl}/entities/by-query?limit=1&fields=metadata.name&${filter}`,
      { headers },
    )
  ).json()) as Page;
  if (first.totalItems < N) {
    return { entities: first.totalItems, relations: 0 };
  }
  let relations = 0;
  let url = `${baseUrl}/entities/by-query?limit=5000&fields=relations&${filter}`;
  for (;;) {
    const page = (await (await fetch(url, { headers })).json()) as Page;
    relations += page.items.reduce(
      (sum, e) => sum + (e.relations?.length ?? 0),
      0,
    );
    if (!page.pageInfo.nextCursor) break;
    url = `${baseUrl}/entities/by-query?limit=5000&fields=relations&cursor=${page.pageInfo.nextCursor}`;
  }
  return { entities: first.totalItems, relations };
}

/**
 * Starts a catalog on `file`, waits until everything is stitched and returns
 * the milliseconds that took (backend start included, shutdown excluded).
 */
async function ingest(file: string, expected: Generated): Promise<number> {
  const start = performance.now();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleMlopsEntityModel,
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          catalog: {
            rules: [
              {
                allow: [
                  'Resource',
                  'FeatureView',
                  'FeatureService',
                  'TrainingJob',
                  'Model',
                ],
              },
            ],
            locations: [{ type: 'file', target: file }],
          },
        },
      }),
    ],
  });
  try {
    const baseUrl = `http://localhost:${backend.server.port()}/api/catalog`;
    const started = Date.now();
    const deadline = started + TIMEOUT_MS;
    let lastLog = started;
    for (;;) {
      const seen = await observe(baseUrl);
      if (Date.now() - lastLog > 60_000) {
        lastLog = Date.now();
        console.error(
          `  ${Math.round((lastLog - started) / 1000)} s: ${
            seen.entities
          }/${N} entities, ${seen.relations}/${
            expected.visibleRelations
          } relations`,
        );
      }
      if (seen.entities === N && seen.relations === expected.visibleRelations) {
        return performance.now() - start;
      }
      if (seen.relations > expected.visibleRelations || Date.now() > deadline) {
        throw new Error(
          `Expected ${N} entities with ${expected.visibleRelations} relations, saw ${seen.entities} with ${seen.relations}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
  } finally {
    // Shutdown waits for in-flight processing; do not let it hang the run.
    await Promise.race([
      backend.stop(),
      new Promise(resolve => setTimeout(resolve, 30_000).unref()),
    ]);
  }
}

function writeYaml(dir: string, name: string, generated: Generated): string {
  const file = join(dir, name);
  // YAML is a superset of JSON: one JSON document per entity.
  writeFileSync(
    file,
    generated.docs.map(d => JSON.stringify(d)).join('\n---\n'),
  );
  return file;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'entity-model-bench-'));
  try {
    const ml = generateMl();
    const plain = generatePlain();
    const mlFile = writeYaml(dir, 'ml.yaml', ml);
    const plainFile = writeYaml(dir, 'plain.yaml', plain);
    const mlMs: number[] = [];
    const plainMs: number[] = [];
    // Alternate the two so that machine noise hits both alike.
    for (let i = 0; i < SAMPLES; i++) {
      for (const [file, expected, samples] of [
        [plainFile, plain, plainMs],
        [mlFile, ml, mlMs],
      ] as const) {
        samples.push(await ingest(file, expected));
        (global as { gc?: () => void }).gc?.();
      }
    }
    const ratio = quantile(mlMs, 0.5) / quantile(plainMs, 0.5);
    report({
      name: `entity-model: ${N} plain Resources ingested + stitched`,
      n: N,
      samplesMs: plainMs,
      extra: { relations: plain.visibleRelations },
    });
    report({
      name: `entity-model: ${N} ML entities ingested + stitched`,
      n: N,
      samplesMs: mlMs,
      extra: {
        relations: ml.visibleRelations,
        ratioVsPlain: Number(ratio.toFixed(3)),
        target: 1.3,
        withinTarget: ratio <= 1.3,
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Exit explicitly: a stopped catalog can leave timers behind.
main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
