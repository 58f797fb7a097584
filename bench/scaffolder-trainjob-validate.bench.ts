/**
 * `mlops:trainjob:validate` without the catalog: how long the first
 * validation of a scaffolder run takes (compiling the Kubeflow Trainer
 * TrainJob CRD schema of a release, once per backend process), then the
 * steady-state cost of validating a rendered manifest (YAML parse, CRD
 * schema, API-server rules, join keys) and evaluating the sovereignty policy
 * on it, for both TrainJob shapes. A scaffolder run validates one manifest;
 * the target is well under 100 ms warm and under 2 s cold.
 */
import { ConfigReader } from '@backstage/config';
import {
  evaluateTrainingRequest,
  readSovereigntyPolicy,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { stringify } from 'yaml';
import { demoConfig } from '../plugins/scaffolder-backend-module-mlops/src/__testUtils__/demoCatalog';
import { demoTrainJob } from '../plugins/scaffolder-backend-module-mlops/src/__testUtils__/trainJobManifest';
import { readTrainJobManifest } from '../plugins/scaffolder-backend-module-mlops/src/lib/readTrainJobManifest';
import {
  TrainJobSchemaValidator,
  type TrainerVersion,
} from '../plugins/scaffolder-backend-module-mlops/src/lib/TrainJobSchemaValidator';
import { report, sample, time } from './lib';

const N = Number(process.env.BENCH_TRAINJOB_N ?? 1_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const policy = readSovereigntyPolicy(new ConfigReader(demoConfig));

async function main() {
  for (const version of ['v2.3', 'v2.1'] as TrainerVersion[]) {
    const manifests = Array.from({ length: N }, (_, i) => {
      const job = demoTrainJob(version);
      job.metadata.name = `fraud-detector-train-${i}`;
      job.spec.trainer.numNodes = 1 + (i % 16);
      return stringify(job);
    });
    const cold = await time(() =>
      TrainJobSchemaValidator.forVersion(version).validate(
        demoTrainJob(version),
      ),
    );
    if (cold.value.length) throw new Error(cold.value.join('; '));
    let failures = 0;
    const samplesMs = await sample(SAMPLES, () => {
      for (const text of manifests) {
        const facts = readTrainJobManifest(text, {
          path: 'manifests/trainjob.yaml',
          version,
          modelStorageEnv: 'MODEL_STORAGE_URI',
        });
        const results = evaluateTrainingRequest(
          {
            jurisdiction: facts.jurisdiction,
            cluster: 'sovereign-fr',
            images: facts.images,
            datasetUris: facts.dataUris,
            modelStorageUri: facts.modelStorageUri,
            featureServiceUpstream: [],
          },
          policy,
        );
        failures += results.filter(r => r.status === 'fail').length;
      }
    });
    if (failures) throw new Error(`${failures} unexpected policy failures`);
    const median = [...samplesMs].sort((a, b) => a - b)[
      Math.floor(SAMPLES / 2)
    ];
    report({
      name: `trainjob:validate ${version} (parse + CRD + rules + policy)`,
      n: N,
      samplesMs,
      extra: {
        coldCompileMs: Number(cold.ms.toFixed(1)),
        perManifestMs: Number((median / N).toFixed(3)),
      },
    });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
