import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  KIND_FEATURE_SERVICE,
  KIND_FEATURE_VIEW,
  KIND_MODEL,
  KIND_TRAINING_JOB,
} from './kinds/constants';

const MAX_NAME_LENGTH = 63;
const HASH_LENGTH = 8;

/** 32-bit FNV-1a, as 8 hex digits: short, stable, isomorphic. */
function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(HASH_LENGTH, '0');
}

/**
 * Builds a valid Backstage `metadata.name` from the parts that identify a
 * source object (for example Feast project and name, or cluster, namespace
 * and name). The mapping is deterministic, so every provider computes the
 * same name for the same object; parts are joined with `-`, characters
 * Backstage does not allow become `-`, and a name that would be longer than
 * 63 characters, or that had to be changed, ends in a hash of the original
 * parts so that different objects never share a name.
 *
 * @public
 */
export function toEntityName(...parts: string[]): string {
  const original = parts.join('-');
  let name = original
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/[-_.]{2,}/g, m => m[0])
    .replace(/^[-_.]+|[-_.]+$/g, '');
  const changed = name !== original;
  if (!changed && name.length > 0 && name.length <= MAX_NAME_LENGTH) {
    return name;
  }
  const hash = fnv1a(JSON.stringify(parts));
  name = name
    .slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1)
    .replace(/[-_.]+$/, '');
  return name ? `${name}-${hash}` : hash;
}

/**
 * Entity ref of the FeatureService that a Feast `<project>/<name>` join key
 * points at (TrainJob annotation `feast.dev/feature-service`, Model Registry
 * property `feast.feature_service`).
 *
 * @public
 */
export function featureServiceRef(
  project: string,
  name: string,
  namespace = 'default',
): string {
  return stringifyEntityRef({
    kind: KIND_FEATURE_SERVICE,
    namespace,
    name: toEntityName(project, name),
  });
}

/**
 * Entity ref of a Feast FeatureView (of any type) by project and name.
 *
 * @public
 */
export function featureViewRef(
  project: string,
  name: string,
  namespace = 'default',
): string {
  return stringifyEntityRef({
    kind: KIND_FEATURE_VIEW,
    namespace,
    name: toEntityName(project, name),
  });
}

/**
 * Entity ref of the TrainingJob for a TrainJob, by cluster, Kubernetes
 * namespace and name (Model Registry property `sovereign-ai.io/trainjob`).
 *
 * @public
 */
export function trainingJobRef(
  cluster: string,
  kubernetesNamespace: string,
  name: string,
  namespace = 'default',
): string {
  return stringifyEntityRef({
    kind: KIND_TRAINING_JOB,
    namespace,
    name: toEntityName(cluster, kubernetesNamespace, name),
  });
}

/**
 * Entity ref of the Model for a registered model name (TrainJob annotation
 * `sovereign-ai.io/model`).
 *
 * @public
 */
export function modelRef(
  registeredModelName: string,
  namespace = 'default',
): string {
  return stringifyEntityRef({
    kind: KIND_MODEL,
    namespace,
    name: toEntityName(registeredModelName),
  });
}
