import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANNOTATION_DATA_CLASSIFICATION,
  ANNOTATION_FEAST_NAME,
  ANNOTATION_FEAST_PROJECT,
  ANNOTATION_FEAST_REGISTRY,
  ANNOTATION_JURISDICTION,
  isFeatureViewEntity,
  KIND_FEATURE_VIEW,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  selectFeastClientConfig,
  type FeastClientConfig,
} from '../lib/FeastClientConfig';
import { readFeatureServiceUpstream } from '../lib/readFeatureServiceUpstream';
import { examples } from './feastResolve.examples';

function feastName(entity: Entity): string {
  return (
    entity.metadata.annotations?.[ANNOTATION_FEAST_NAME] ??
    entity.metadata.title ??
    entity.metadata.name
  );
}

/**
 * Creates `mlops:feast:resolve`: looks a FeatureService up in the catalog
 * (with the user's credentials) and outputs what a training project needs
 * to read it through Feast: its Feast project and name, its features
 * (`view:feature`), the join keys of its entities, its jurisdiction and
 * classification, and the in-cluster client connection of its registry
 * (`mlops.scaffolder.feast`).
 *
 * Read-only (catalog, config): nothing to checkpoint.
 *
 * @public
 */
export function createFeastResolveAction(options: {
  catalog: CatalogService;
  feastClients: FeastClientConfig[];
}) {
  const { catalog, feastClients } = options;
  return createTemplateAction({
    id: 'mlops:feast:resolve',
    description:
      'Looks a Feast FeatureService up in the catalog and outputs its project, features, join keys and registry connection for a training project',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        featureService: z =>
          z
            .string()
            .min(1)
            .describe(
              'Entity ref of the FeatureService, for example featureservice:default/fraud_detection-fraud_scoring_v1',
            ),
      },
      output: {
        entityRef: z =>
          z.string().describe('Full entity ref of the FeatureService'),
        project: z =>
          z.string().describe('Feast project, for example fraud_detection'),
        name: z => z.string().describe('Feast name of the FeatureService'),
        joinKey: z =>
          z
            .string()
            .describe(
              'The annotation value that names it on a TrainJob and a model version: <project>/<name>',
            ),
        system: z => z.string().describe('Entity ref of its System, or empty'),
        features: z =>
          z
            .array(z.string())
            .describe('Its features as <feature view>:<feature>'),
        featureViews: z =>
          z.array(z.string()).describe('Feast names of its FeatureViews'),
        joinKeys: z =>
          z
            .array(z.string())
            .describe(
              'Join keys of its entities, the columns of an entity dataframe',
            ),
        jurisdiction: z =>
          z.string().describe('Its jurisdiction annotation, or empty'),
        dataClassification: z =>
          z.string().describe('Its data classification annotation, or empty'),
        registry: z =>
          z
            .object({
              id: z.string(),
              registry: z.string(),
              registryCert: z.string().optional(),
              offlineStore: z.object({
                host: z.string(),
                port: z.number(),
                scheme: z.string(),
                cert: z.string().optional(),
              }),
              auth: z.string(),
            })
            .describe(
              'In-cluster client connection of its Feast registry and offline store',
            ),
      },
    },
    async handler(ctx) {
      const lineage = await readFeatureServiceUpstream(
        catalog,
        ctx.input.featureService,
        await ctx.getInitiatorCredentials(),
      );
      const { featureService } = lineage;
      const ref = stringifyEntityRef(featureService);
      const annotations = featureService.metadata.annotations ?? {};
      const project = annotations[ANNOTATION_FEAST_PROJECT];
      if (!project) {
        throw new InputError(
          `${ref} has no ${ANNOTATION_FEAST_PROJECT} annotation, so its Feast project is not known`,
        );
      }
      const name = feastName(featureService);
      const registry = selectFeastClientConfig(feastClients, {
        registryId: annotations[ANNOTATION_FEAST_REGISTRY],
        project,
      });

      const views = new Map<string, Entity>();
      for (const entity of lineage.upstream) {
        if (isFeatureViewEntity(entity)) {
          views.set(stringifyEntityRef(entity), entity);
        }
      }
      const features: string[] = [];
      const featureViews: string[] = [];
      const joinKeys = new Set<string>();
      for (const projection of featureService.spec.features ?? []) {
        const viewRef = stringifyEntityRef(
          parseEntityRef(projection.featureView, {
            defaultKind: KIND_FEATURE_VIEW,
            defaultNamespace: featureService.metadata.namespace ?? 'default',
          }),
        );
        const view = views.get(viewRef);
        if (!view) {
          throw new InputError(
            `FeatureView ${viewRef} of ${ref} is not in the catalog or not visible to you`,
          );
        }
        const viewName = projection.alias || feastName(view);
        featureViews.push(viewName);
        const spec = view.spec as {
          features?: Array<{ name: string }>;
          entities?: Array<{ joinKeys?: string[] }>;
        };
        const selected = projection.features?.length
          ? projection.features
          : (spec.features ?? []).map(f => f.name);
        features.push(...selected.map(feature => `${viewName}:${feature}`));
        for (const entity of spec.entities ?? []) {
          (entity.joinKeys ?? []).forEach(key => joinKeys.add(key));
        }
      }
      ctx.logger.info(
        `${ref} is Feast ${project}/${name}: ${features.length} features from ${
          featureViews.length
        } views, join keys ${[...joinKeys].join(', ')}, registry ${
          registry.id
        }`,
      );
      ctx.output('entityRef', ref);
      ctx.output('project', project);
      ctx.output('name', name);
      ctx.output('joinKey', `${project}/${name}`);
      ctx.output('system', featureService.spec.system ?? '');
      ctx.output('features', features);
      ctx.output('featureViews', featureViews);
      ctx.output('joinKeys', [...joinKeys]);
      ctx.output('jurisdiction', annotations[ANNOTATION_JURISDICTION] ?? '');
      ctx.output(
        'dataClassification',
        annotations[ANNOTATION_DATA_CLASSIFICATION] ?? '',
      );
      ctx.output('registry', {
        id: registry.id,
        registry: registry.registry,
        ...(registry.registryCert
          ? { registryCert: registry.registryCert }
          : {}),
        offlineStore: {
          host: registry.offlineStore.host,
          port: registry.offlineStore.port,
          scheme: registry.offlineStore.scheme,
          ...(registry.offlineStore.cert
            ? { cert: registry.offlineStore.cert }
            : {}),
        },
        auth: registry.auth,
      });
    },
  });
}
