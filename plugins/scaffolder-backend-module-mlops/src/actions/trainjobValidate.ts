import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  evaluateTrainingRequest,
  featureServiceRef,
  overallComplianceStatus,
  type SovereigntyPolicy,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { readFile } from 'node:fs/promises';
import { enforceCompliance } from '../lib/complianceOutcome';
import { readFeatureServiceUpstream } from '../lib/readFeatureServiceUpstream';
import { readTrainJobManifest } from '../lib/readTrainJobManifest';
import { TRAINER_VERSIONS } from '../lib/TrainJobSchemaValidator';
import { examples } from './trainjobValidate.examples';
import { complianceResultsSchema } from './schemas';

/**
 * Creates `mlops:trainjob:validate`: validates a rendered TrainJob manifest
 * in the workspace against the Kubeflow Trainer TrainJob CRD schema of the
 * target version (v2.3, or v2.1 for OpenShift AI), the API server's
 * creation rules and the join keys of the entity model, then evaluates the
 * sovereignty policy on what the manifest runs: its images, the data it
 * reads, where it stores the model (the env var `modelStorageEnv`), its
 * declared jurisdiction against the target cluster, and the upstream data
 * of the FeatureServices it names.
 *
 * Read-only (workspace, catalog, config): nothing to checkpoint.
 *
 * @public
 */
export function createTrainJobValidateAction(options: {
  catalog: CatalogService;
  policy: SovereigntyPolicy;
}) {
  const { catalog, policy } = options;
  return createTemplateAction({
    id: 'mlops:trainjob:validate',
    description:
      'Validates a rendered Kubeflow Trainer TrainJob manifest against the CRD schema of the target Trainer version and the sovereignty policy',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        manifestPath: z =>
          z
            .string()
            .default('manifests/trainjob.yaml')
            .describe(
              'Path of the TrainJob manifest, relative to the workspace',
            ),
        trainerVersion: z =>
          z
            .enum(TRAINER_VERSIONS as ['v2.3', 'v2.1'])
            .default('v2.3')
            .describe(
              'TrainJob shape of the target cluster: v2.3 (Kubeflow Trainer v2.2 and later, runtimePatches) or v2.1 (OpenShift AI / Open Data Hub 3.x, podTemplateOverrides)',
            ),
        cluster: z =>
          z
            .string()
            .optional()
            .describe(
              'Cluster the job will run on; its jurisdiction must be the one the manifest declares',
            ),
        modelStorageEnv: z =>
          z
            .string()
            .default('MODEL_STORAGE_URI')
            .describe(
              'Trainer env var holding the URI the job stores its model at',
            ),
        failOnUnknown: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Also fail when a rule cannot be decided (status unknown)',
            ),
      },
      output: {
        name: z => z.string().describe('metadata.name of the TrainJob'),
        status: z =>
          z
            .enum(['pass', 'fail', 'unknown'])
            .describe('Overall sovereignty status of the manifest'),
        results: complianceResultsSchema,
      },
    },
    async handler(ctx) {
      const manifestPath = ctx.input.manifestPath ?? 'manifests/trainjob.yaml';
      const version = ctx.input.trainerVersion ?? 'v2.3';
      let text: string;
      try {
        text = await readFile(
          resolveSafeChildPath(ctx.workspacePath, manifestPath),
          'utf8',
        );
      } catch (error) {
        throw new InputError(
          `Cannot read the TrainJob manifest ${manifestPath} in the workspace: ${
            (error as Error).message
          }`,
        );
      }
      const facts = readTrainJobManifest(text, {
        path: manifestPath,
        version,
        modelStorageEnv: ctx.input.modelStorageEnv ?? 'MODEL_STORAGE_URI',
      });
      ctx.logger.info(
        `${manifestPath}: TrainJob ${facts.name} is valid against the Kubeflow Trainer ${version} CRD`,
      );
      ctx.output('name', facts.name);

      const credentials = await ctx.getInitiatorCredentials();
      const upstream = new Map<string, Entity>();
      const missing: string[] = [];
      for (const fs of facts.featureServices) {
        const lineage = await readFeatureServiceUpstream(
          catalog,
          featureServiceRef(fs.project, fs.name),
          credentials,
        );
        lineage.upstream.forEach(e => upstream.set(stringifyEntityRef(e), e));
        missing.push(...lineage.missing);
      }
      const results = evaluateTrainingRequest(
        {
          jurisdiction: facts.jurisdiction,
          cluster: ctx.input.cluster || undefined,
          images: facts.images,
          datasetUris: facts.dataUris,
          modelStorageUri: facts.modelStorageUri,
          featureServiceUpstream: [...upstream.values()],
        },
        policy,
      );
      if (missing.length > 0) {
        results.push({
          check: 'residency',
          status: 'unknown',
          reason: `${
            missing.length
          } upstream entities of the job's FeatureServices are not in the catalog or not visible to you: ${missing
            .slice(0, 3)
            .join(', ')}`,
          causedBy: missing[0],
        });
      }
      ctx.output('results', results);
      ctx.output('status', overallComplianceStatus(results));
      enforceCompliance(results, {
        subject: `TrainJob ${facts.name} (${manifestPath})`,
        failOnUnknown: ctx.input.failOnUnknown ?? false,
        logger: ctx.logger,
      });
    },
  });
}
