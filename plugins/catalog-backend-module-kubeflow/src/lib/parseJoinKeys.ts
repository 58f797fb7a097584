import {
  featureServiceRef,
  modelRef,
  trainingJobRef,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/** Result of reading a join key: the refs found and what was not understood. */
export interface JoinKeyResult {
  refs: string[];
  invalid: string[];
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(part => part.trim())
    .filter(Boolean);
}

/**
 * Reads `<project>/<name>` FeatureService keys (comma separated), from the
 * TrainJob annotation `feast.dev/feature-service` or the Model Registry
 * property `feast.feature_service`.
 */
export function parseFeatureServiceKeys(
  value: string | undefined,
  feastNamespace: string,
): JoinKeyResult {
  const result: JoinKeyResult = { refs: [], invalid: [] };
  for (const part of splitList(value)) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(part);
    if (match) {
      const ref = featureServiceRef(match[1], match[2], feastNamespace);
      if (!result.refs.includes(ref)) result.refs.push(ref);
    } else {
      result.invalid.push(part);
    }
  }
  return result;
}

/** Reads registered model names (comma separated) from `sovereign-ai.io/model`. */
export function parseModelNames(value: string | undefined): JoinKeyResult {
  const refs = [...new Set(splitList(value).map(name => modelRef(name)))];
  return { refs, invalid: [] };
}

/** Reads `<cluster>/<namespace>/<name>` from the property `sovereign-ai.io/trainjob`. */
export function parseTrainJobKey(value: string | undefined): JoinKeyResult {
  const parts = splitList(value);
  const result: JoinKeyResult = { refs: [], invalid: [] };
  for (const part of parts) {
    const match = /^([^/\s]+)\/([^/\s]+)\/([^/\s]+)$/.exec(part);
    if (match) {
      result.refs.push(trainingJobRef(match[1], match[2], match[3]));
    } else {
      result.invalid.push(part);
    }
  }
  return result;
}
