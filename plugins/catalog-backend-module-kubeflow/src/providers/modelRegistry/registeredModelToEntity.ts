import {
  ANNOTATION_DATA_CLASSIFICATION,
  ANNOTATION_JURISDICTION,
  ANNOTATION_KUBEFLOW_MODEL_REGISTRY,
  ANNOTATION_KUBEFLOW_REGISTERED_MODEL_ID,
  ANNOTATION_TRAINJOB,
  KIND_MODEL,
  MLOPS_API_VERSION,
  ModelEntityV1alpha1,
  ModelVersion as ModelEntityVersion,
  PROPERTY_FEAST_FEATURE_SERVICE,
  toEntityName,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import {
  parseFeatureServiceKeys,
  parseTrainJobKey,
} from '../../lib/parseJoinKeys';
import {
  epochToIso,
  numericProperties,
  stringProperty,
} from './customProperties';
import type { ModelArtifact, ModelVersion, RegisteredModel } from './types';

/** Settings of the mapping, from the provider's config. */
export interface ModelMappingContext {
  registryId: string;
  owner: string;
  feastNamespace: string;
  jurisdiction?: string;
  dataClassification?: string;
  locationAnnotations: Record<string, string>;
}

/** A mapped model, with join keys that could not be read. */
export interface ModelMapping {
  entity: ModelEntityV1alpha1;
  warnings: string[];
}

/** Custom properties that are join keys or labels, not metrics. */
const NON_METRIC_PROPERTIES = new Set([
  PROPERTY_FEAST_FEATURE_SERVICE,
  ANNOTATION_TRAINJOB,
  ANNOTATION_JURISDICTION,
  ANNOTATION_DATA_CLASSIFICATION,
]);

function byCreateTime<T extends { createTimeSinceEpoch?: string; id: string }>(
  a: T,
  b: T,
) {
  return (
    Number(a.createTimeSinceEpoch ?? 0) - Number(b.createTimeSinceEpoch ?? 0) ||
    Number(a.id) - Number(b.id)
  );
}

function mapVersion(
  version: ModelVersion,
  artifacts: ModelArtifact[],
  context: ModelMappingContext,
  warnings: string[],
): ModelEntityVersion {
  const properties = version.customProperties;
  const artifact = [...artifacts].sort(byCreateTime)[0];
  const trainJob = parseTrainJobKey(
    stringProperty(properties, ANNOTATION_TRAINJOB),
  );
  const featureServices = parseFeatureServiceKeys(
    stringProperty(properties, PROPERTY_FEAST_FEATURE_SERVICE),
    context.feastNamespace,
  );
  for (const invalid of trainJob.invalid) {
    warnings.push(
      `version ${version.name}: ${ANNOTATION_TRAINJOB} '${invalid}' is not <cluster>/<namespace>/<name>`,
    );
  }
  for (const invalid of featureServices.invalid) {
    warnings.push(
      `version ${version.name}: ${PROPERTY_FEAST_FEATURE_SERVICE} '${invalid}' is not <project>/<name>`,
    );
  }
  const metrics = Object.fromEntries(
    Object.entries(numericProperties(properties)).filter(
      ([key]) => !NON_METRIC_PROPERTIES.has(key),
    ),
  );
  const result: ModelEntityVersion = { name: version.name };
  const set = (key: keyof ModelEntityVersion, value: unknown) => {
    if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  };
  set('state', version.state);
  set('artifactUri', artifact?.uri || undefined);
  set('format', artifact?.modelFormatName || undefined);
  set('formatVersion', artifact?.modelFormatVersion || undefined);
  set('created', epochToIso(version.createTimeSinceEpoch));
  set('author', version.author || undefined);
  set('description', version.description || undefined);
  set('producedBy', trainJob.refs[0]);
  set(
    'featureServices',
    featureServices.refs.length ? featureServices.refs : undefined,
  );
  set('metrics', Object.keys(metrics).length ? metrics : undefined);
  return result;
}

/**
 * The lifecycle of a model: `deprecated` when archived; else the custom
 * property `lifecycle` when set; else `production` when a live version has
 * an artifact, `experimental` otherwise.
 */
function lifecycleOf(model: RegisteredModel, versions: ModelEntityVersion[]) {
  if (model.state === 'ARCHIVED') {
    return 'deprecated';
  }
  const declared = stringProperty(model.customProperties, 'lifecycle');
  if (declared) {
    return declared;
  }
  return versions.some(v => v.state !== 'ARCHIVED' && v.artifactUri)
    ? 'production'
    : 'experimental';
}

/**
 * Maps a RegisteredModel and its versions (with their model artifacts) to a
 * Model entity. Join keys on the versions give the relations: `producedBy`
 * from `sovereign-ai.io/trainjob`, `consumesFeatures` from
 * `feast.feature_service`.
 */
export function registeredModelToEntity(
  model: RegisteredModel,
  versions: ModelVersion[],
  artifacts: Map<string, ModelArtifact[]>,
  context: ModelMappingContext,
): ModelMapping {
  const warnings: string[] = [];
  const mappedVersions = [...versions]
    .sort(byCreateTime)
    .map(v => mapVersion(v, artifacts.get(v.id) ?? [], context, warnings));
  const featureServices = [
    ...new Set(mappedVersions.flatMap(v => v.featureServices ?? [])),
  ];
  const jurisdiction =
    stringProperty(model.customProperties, ANNOTATION_JURISDICTION) ??
    context.jurisdiction;
  const classification =
    stringProperty(model.customProperties, ANNOTATION_DATA_CLASSIFICATION) ??
    context.dataClassification;
  const entity: ModelEntityV1alpha1 = {
    apiVersion: MLOPS_API_VERSION as ModelEntityV1alpha1['apiVersion'],
    kind: KIND_MODEL as ModelEntityV1alpha1['kind'],
    metadata: {
      name: toEntityName(model.name),
      title: model.name,
      ...(model.description ? { description: model.description } : {}),
      annotations: {
        ...context.locationAnnotations,
        [ANNOTATION_KUBEFLOW_MODEL_REGISTRY]: context.registryId,
        [ANNOTATION_KUBEFLOW_REGISTERED_MODEL_ID]: model.id,
        ...(jurisdiction ? { [ANNOTATION_JURISDICTION]: jurisdiction } : {}),
        ...(classification
          ? { [ANNOTATION_DATA_CLASSIFICATION]: classification }
          : {}),
      },
    },
    spec: {
      owner: context.owner,
      lifecycle: lifecycleOf(model, mappedVersions),
      versions: mappedVersions,
      ...(featureServices.length ? { featureServices } : {}),
    },
  };
  return { entity, warnings };
}
