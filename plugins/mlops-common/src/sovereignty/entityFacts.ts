import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_DATA_CLASSIFICATION,
  ANNOTATION_FEAST_SOURCE_LOCATION,
  ANNOTATION_JURISDICTION,
  ANNOTATION_KUBEFLOW_STORAGE_URI,
} from '../annotations';
import {
  isFeatureServiceEntity,
  isFeatureViewEntity,
  RESOURCE_TYPE_DATASET,
  RESOURCE_TYPE_TRAINING_RUNTIME,
} from '../kinds';

/** Kubernetes' well-known region label, copied by providers from their sources. */
export const LABEL_TOPOLOGY_REGION = 'topology.kubernetes.io/region';

/** A trimmed, non-empty string at `value`, else undefined. */
export function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A non-empty annotation value. */
export function annotation(entity: Entity, key: string): string | undefined {
  return stringValue(entity.metadata.annotations?.[key]);
}

/** The entity's jurisdiction annotation. */
export function declaredJurisdiction(entity: Entity): string | undefined {
  return annotation(entity, ANNOTATION_JURISDICTION);
}

/** The entity's data classification annotation. */
export function declaredClassification(entity: Entity): string | undefined {
  return annotation(entity, ANNOTATION_DATA_CLASSIFICATION);
}

/** The region an entity is labelled (or annotated) with. */
export function declaredRegion(entity: Entity): string | undefined {
  return (
    stringValue(entity.metadata.labels?.[LABEL_TOPOLOGY_REGION]) ??
    annotation(entity, LABEL_TOPOLOGY_REGION)
  );
}

/** Where a dataset is stored, when its annotations give a URI. */
export function storageLocation(entity: Entity): string | undefined {
  const location =
    annotation(entity, ANNOTATION_KUBEFLOW_STORAGE_URI) ??
    annotation(entity, ANNOTATION_FEAST_SOURCE_LOCATION);
  // Feast locations may be a table (crm.customer_profiles) or a topic.
  return location?.includes('://') ? location : undefined;
}

/** The full entity ref, `kind:namespace/name`. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}

/**
 * A ref written in a spec (possibly short, such as `trainingjob:name`) in
 * full form, or undefined when it is not a valid ref.
 */
export function normalizeRef(
  ref: unknown,
  defaultKind: string,
  defaultNamespace: string | undefined,
): string | undefined {
  if (typeof ref !== 'string' || !ref) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind,
        defaultNamespace: defaultNamespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

function isResourceOfType(entity: Entity, type: string): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === type
  );
}

/** A dataset Resource. */
export function isDatasetEntity(entity: Entity): boolean {
  return isResourceOfType(entity, RESOURCE_TYPE_DATASET);
}

/** A training-runtime Resource. */
export function isTrainingRuntimeEntity(entity: Entity): boolean {
  return isResourceOfType(entity, RESOURCE_TYPE_TRAINING_RUNTIME);
}

/** Data a job trains on: dataset Resources, FeatureViews, FeatureServices. */
export function isDataAsset(entity: Entity): boolean {
  return (
    isDatasetEntity(entity) ||
    isFeatureViewEntity(entity) ||
    isFeatureServiceEntity(entity)
  );
}

/** How a reason names an entity, for example `dataset merchant_risk`. */
export function describeEntity(entity: Entity): string {
  let what = entity.kind;
  if (isDatasetEntity(entity)) {
    what = 'dataset';
  } else if (isTrainingRuntimeEntity(entity)) {
    what = 'training runtime';
  } else if (isFeatureViewEntity(entity)) {
    what = 'feature view';
  } else if (isFeatureServiceEntity(entity)) {
    what = 'feature service';
  }
  return `${what} ${entity.metadata.title ?? entity.metadata.name}`;
}
