import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { configApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { trainingTemplateRouteRef } from '../routes';

/** The template of `templates/sovereign-training-project`. */
export const DEFAULT_TRAINING_TEMPLATE =
  'template:default/sovereign-training-project';

/**
 * The link that opens the training-project template with a FeatureService
 * and its system filled in (the scaffolder reads `formData` from the query),
 * or undefined when the app binds no scaffolder route.
 */
export function useTrainingTemplateLink(
  featureService: Entity,
): string | undefined {
  const route = useRouteRef(trainingTemplateRouteRef);
  const config = useApi(configApiRef);
  if (!route) return undefined;
  const configured =
    config.getOptionalString('mlops.trainingTemplate') ??
    DEFAULT_TRAINING_TEMPLATE;
  let template;
  try {
    template = parseEntityRef(configured, {
      defaultKind: 'template',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new Error(
      `mlops.trainingTemplate must be a template entity ref such as ${DEFAULT_TRAINING_TEMPLATE}: ${error}`,
    );
  }
  const namespace = featureService.metadata.namespace ?? 'default';
  const system = (featureService.spec as { system?: unknown } | undefined)
    ?.system;
  const formData = {
    featureService: stringifyEntityRef(featureService),
    ...(typeof system === 'string' && system
      ? {
          system: stringifyEntityRef(
            parseEntityRef(system, {
              defaultKind: 'system',
              defaultNamespace: namespace,
            }),
          ),
        }
      : {}),
  };
  const query = new URLSearchParams({ formData: JSON.stringify(formData) });
  return `${route({
    namespace: template.namespace,
    templateName: template.name,
  })}?${query}`;
}
