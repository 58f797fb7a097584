import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  evaluateTrainingRequest,
  overallComplianceStatus,
  type ComplianceResult,
  type SovereigntyPolicy,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { checkRepositoryHost } from '../lib/checkRepositoryHost';
import { enforceCompliance } from '../lib/complianceOutcome';
import { complianceSummary } from '../lib/complianceSummary';
import { readFeatureServiceUpstream } from '../lib/readFeatureServiceUpstream';
import { complianceResultsSchema } from './schemas';
import { examples } from './policyCheck.examples';

/**
 * Creates `mlops:policy:check`: evaluates the sovereignty policy
 * (`mlops.sovereignty`) on a training job before it exists (its
 * jurisdiction, cluster, images, data, model storage and the chosen
 * FeatureService's upstream data, read from the catalog with the user's
 * credentials) and, when a repository location is given, checks it is the
 * organisation's own Git host. Fails the run with an InputError listing
 * each violated rule.
 *
 * The action only reads (catalog, config) and has no side effect to
 * checkpoint: a recovered task re-evaluates the policy on the current
 * catalog, which is the answer it must enforce.
 *
 * @public
 */
export function createPolicyCheckAction(options: {
  catalog: CatalogService;
  policy: SovereigntyPolicy;
  integrations: ScmIntegrationRegistry;
}) {
  const { catalog, policy, integrations } = options;
  return createTemplateAction({
    id: 'mlops:policy:check',
    description:
      'Evaluates the sovereignty policy on a training job about to be scaffolded and fails the run listing each violated rule',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        featureService: z =>
          z
            .string()
            .min(1)
            .describe(
              'Entity ref of the FeatureService the job trains on, for example featureservice:default/fraud_detection-fraud_scoring_v1',
            ),
        jurisdiction: z =>
          z
            .string()
            .min(1)
            .describe(
              'Jurisdiction the job is to run in, a key of mlops.sovereignty.jurisdictions, for example eu-fr',
            ),
        cluster: z =>
          z
            .string()
            .optional()
            .describe('Name of the Kubernetes cluster the job is to run on'),
        images: z =>
          z
            .array(z.string())
            .min(1)
            .describe('Every container image the job will run'),
        datasetUris: z =>
          z
            .array(z.string())
            .default([])
            .describe('Storage URIs of the data the job reads besides Feast'),
        modelStorageUri: z =>
          z
            .string()
            .optional()
            .describe('Where the job stores the model it produces'),
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'RepoUrlPicker value of the repository the project is published to; checked to be the organisation’s own Git host',
            ),
        failOnUnknown: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Also fail when a rule cannot be decided (status unknown), for example because an upstream dataset declares no jurisdiction',
            ),
      },
      output: {
        status: z =>
          z
            .enum(['pass', 'fail', 'unknown'])
            .describe(
              'Overall status: unknown when a rule could not be decided',
            ),
        results: complianceResultsSchema,
        summary: z =>
          z
            .string()
            .describe('The results as a Markdown table, for the result page'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      ctx.logger.info(
        `Checking the sovereignty policy for a job on ${input.featureService} in ${input.jurisdiction}`,
      );
      const lineage = await readFeatureServiceUpstream(
        catalog,
        input.featureService,
        await ctx.getInitiatorCredentials(),
      );
      const results: ComplianceResult[] = evaluateTrainingRequest(
        {
          jurisdiction: input.jurisdiction,
          cluster: input.cluster || undefined,
          images: input.images,
          datasetUris: input.datasetUris ?? [],
          modelStorageUri: input.modelStorageUri || undefined,
          featureServiceUpstream: lineage.upstream,
        },
        policy,
      );
      if (lineage.missing.length > 0) {
        results.push({
          check: 'residency',
          status: 'unknown',
          reason: `${lineage.missing.length} upstream entit${
            lineage.missing.length === 1 ? 'y is' : 'ies are'
          } not in the catalog or not visible to you, so where that data lies is not known: ${lineage.missing
            .slice(0, 3)
            .join(', ')}`,
          causedBy: lineage.missing[0],
        });
      }
      if (input.repoUrl) {
        results.push(checkRepositoryHost(input.repoUrl, integrations));
      }
      // Outputs first: a failed step still shows what was evaluated.
      ctx.output('results', results);
      ctx.output('status', overallComplianceStatus(results));
      ctx.output('summary', complianceSummary(results));
      const status = enforceCompliance(results, {
        subject: 'The training job',
        failOnUnknown: input.failOnUnknown ?? false,
        logger: ctx.logger,
      });
      ctx.logger.info(`Sovereignty policy: ${status}`);
    },
  });
}
