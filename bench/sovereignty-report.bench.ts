/**
 * Sovereignty evaluation at scale: 20,000 generated ML entities (datasets,
 * FeatureViews, FeatureServices, training runtimes, TrainingJobs, Models),
 * each with its lineage context (everything upstream and downstream), as the
 * compliance report will pass them. Times `evaluateCompliance` over every
 * entity: the pure part of `GET /compliance/report`, without catalog reads.
 * About one job in six reads German data, one in six runs a public image
 * and one in twelve lacks a jurisdiction, so fail and unknown paths run too.
 * Target for the whole report (catalog reads included): under 5 s.
 */
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  evaluateCompliance,
  readSovereigntyPolicy,
  type ComplianceContext,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { quantile, report, sample } from './lib';

const N = Number(process.env.BENCH_SOVEREIGNTY_N ?? 20_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const API = 'sovereign-ai.io/v1alpha1';
const DIGEST = `@sha256:${'3f'.repeat(32)}`;
/** Entities per generated project; see `project`. */
const PER_PROJECT = 20;

const policy = readSovereigntyPolicy(
  new ConfigReader({
    mlops: {
      sovereignty: {
        jurisdictions: {
          'eu-fr': {
            clusters: ['sovereign-fr'],
            buckets: ['fraud-data-fr', 'models-fr'],
          },
          'eu-de': { clusters: ['sovereign-de'], buckets: ['risk-data-de'] },
        },
        allowedImageRegistries: ['registry.sovereign.internal'],
        requireImageDigest: true,
        allowedStorage: { schemes: ['s3'], buckets: ['models-fr'] },
        forbiddenSources: ['hf://', 'https://huggingface.co/', 'docker.io/'],
        classificationRules: [
          { classification: 'restricted', sameJurisdictionOnly: true },
        ],
      },
    },
  }),
);

const meta = (
  name: string,
  jurisdiction: string | undefined,
  cls: string,
): { name: string; title: string; annotations: Record<string, string> } => ({
  name,
  title: name,
  annotations: {
    ...(jurisdiction ? { 'sovereign-ai.io/jurisdiction': jurisdiction } : {}),
    'sovereign-ai.io/data-classification': cls,
  },
});

/**
 * One Feast project and its training: 4 datasets, 5 FeatureViews, 2
 * FeatureServices, 1 runtime, 6 TrainingJobs, 2 Models, with the lineage
 * each of them would get from the lineage API.
 */
function project(
  p: number,
): Array<{ entity: Entity; context: ComplianceContext }> {
  const owner = 'group:default/fraud-ml';
  const datasets: Entity[] = [0, 1, 2, 3].map(d => {
    const german = d === 3 && p % 2 === 0;
    const m = meta(
      `p${p}-ds${d}`,
      german ? 'eu-de' : 'eu-fr',
      d % 2 ? 'confidential' : 'restricted',
    );
    m.annotations['feast.dev/source-location'] = german
      ? `s3://risk-data-de/p${p}/ds${d}/`
      : `s3://fraud-data-fr/p${p}/ds${d}/`;
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: m,
      spec: { type: 'dataset', owner },
    };
  });
  const views: Entity[] = [0, 1, 2, 3, 4].map(v => ({
    apiVersion: API,
    kind: 'FeatureView',
    metadata: meta(
      `p${p}-fv${v}`,
      p % 12 === 5 && v === 1 ? undefined : 'eu-fr',
      'restricted',
    ),
    spec: {
      type: v === 4 ? 'on-demand' : 'batch',
      owner,
      features: [],
      sources: v === 4 ? [`featureview:p${p}-fv0`] : [`resource:p${p}-ds${v}`],
    },
  }));
  const services: Entity[] = [0, 1].map(s => ({
    apiVersion: API,
    kind: 'FeatureService',
    metadata: meta(`p${p}-fs${s}`, 'eu-fr', 'restricted'),
    spec: {
      owner,
      features: (s === 0 ? [0, 1, 2] : [0, 1, 2, 3, 4]).map(v => ({
        featureView: `featureview:p${p}-fv${v}`,
        features: [],
      })),
    },
  }));
  const runtime: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: meta(`p${p}-torch`, 'eu-fr', 'internal'),
    spec: {
      type: 'training-runtime',
      owner: 'group:default/ml-platform',
      images: [`registry.sovereign.internal/ml/torch${DIGEST}`],
    },
  };
  const models: Entity[] = [0, 1].map(m => ({
    apiVersion: API,
    kind: 'Model',
    metadata: meta(`p${p}-model${m}`, 'eu-fr', 'confidential'),
    spec: {
      owner,
      versions: [0, 1, 2].map(v => ({
        name: `v${v}`,
        artifactUri: `s3://models-fr/p${p}/m${m}/v${v}/`,
        producedBy: `trainingjob:p${p}-job${m * 3 + v}`,
      })),
    },
  }));
  const jobs: Entity[] = [0, 1, 2, 3, 4, 5].map(j => ({
    apiVersion: API,
    kind: 'TrainingJob',
    metadata: meta(`p${p}-job${j}`, 'eu-fr', 'restricted'),
    spec: {
      owner,
      cluster: 'sovereign-fr',
      namespace: 'fraud-ml',
      runtime: `resource:p${p}-torch`,
      trainer: {
        image:
          j === 5
            ? 'docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime'
            : `registry.sovereign.internal/ml/trainer${DIGEST}`,
      },
      initializers: {
        dataset: {
          storageUri: `s3://fraud-data-fr/p${p}/ds0/`,
          image: `registry.sovereign.internal/ml/init${DIGEST}`,
        },
      },
      datasets: [`resource:p${p}-ds0`],
      featureServices: [`featureservice:p${p}-fs${j % 2}`],
      produces: [`model:p${p}-model${Math.floor(j / 3)}`],
    },
  }));

  const viewUpstream = (v: number): Entity[] =>
    v === 4 ? [views[0], datasets[0]] : [datasets[v]];
  const serviceUpstream = (s: number): Entity[] => {
    const vs = s === 0 ? [0, 1, 2] : [0, 1, 2, 3, 4];
    return [...new Set(vs.flatMap(v => [views[v], ...viewUpstream(v)]))];
  };
  const jobUpstream = (j: number) => [
    datasets[0],
    services[j % 2],
    ...serviceUpstream(j % 2),
  ];
  const modelOf = (j: number) => models[Math.floor(j / 3)];
  const none: Entity[] = [];
  return [
    ...datasets.map(entity => ({
      entity,
      context: {
        upstream: none,
        downstream: [...views, ...services, ...jobs, ...models],
      },
    })),
    ...views.map((entity, v) => ({
      entity,
      context: {
        upstream: viewUpstream(v),
        downstream: [...services, ...jobs, ...models],
      },
    })),
    ...services.map((entity, s) => ({
      entity,
      context: {
        upstream: serviceUpstream(s),
        downstream: jobs.filter((_, j) => j % 2 === s),
      },
    })),
    { entity: runtime, context: { upstream: none, downstream: none } },
    ...jobs.map((entity, j) => ({
      entity,
      context: {
        upstream: [...jobUpstream(j), runtime],
        downstream: [modelOf(j)],
      },
    })),
    ...models.map((entity, m) => ({
      entity,
      context: {
        upstream: [0, 1, 2].flatMap(k => [
          jobs[m * 3 + k],
          ...jobUpstream(m * 3 + k),
        ]),
        downstream: none,
      },
    })),
  ];
}

async function main() {
  const items = Array.from({ length: Math.ceil(N / PER_PROJECT) }, (_, p) =>
    project(p),
  )
    .flat()
    .slice(0, N);
  const contextEntities = items.reduce(
    (sum, { context }) =>
      sum + context.upstream.length + context.downstream.length,
    0,
  );

  let counts = { pass: 0, fail: 0, unknown: 0 };
  // One unmeasured run warms the JIT up, as a long-running backend is.
  items.forEach(({ entity, context }) =>
    evaluateCompliance(entity, context, policy),
  );
  const samplesMs = await sample(SAMPLES, () => {
    counts = { pass: 0, fail: 0, unknown: 0 };
    for (const { entity, context } of items) {
      for (const result of evaluateCompliance(entity, context, policy)) {
        counts[result.status]++;
      }
    }
  });
  if (items.length !== N || counts.fail === 0 || counts.unknown === 0) {
    throw new Error(
      `generated workload is wrong: ${items.length} entities, ${JSON.stringify(
        counts,
      )}`,
    );
  }
  process.stderr.write(
    `evaluated ${items.length} entities (${stringifyEntityRef(
      items[0].entity,
    )} ...), ${contextEntities} context entries\n`,
  );
  report({
    name: 'sovereignty: evaluateCompliance over every entity',
    n: items.length,
    samplesMs,
    extra: {
      results: counts.pass + counts.fail + counts.unknown,
      fail: counts.fail,
      unknown: counts.unknown,
      contextEntries: contextEntities,
      perEntityUs: (quantile(samplesMs, 0.5) * 1000) / items.length,
      targetMs: 5000,
      withinTarget: quantile(samplesMs, 0.5) < 5000,
    },
  });
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
