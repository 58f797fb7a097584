import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  createCrdAjv,
  toCrdFieldPath,
  toStrictCrdSchema,
} from '@sovereign-ai/backstage-plugin-mlops-node';

/**
 * Kubeflow Trainer TrainJob shapes a manifest can target: `v2.3` (upstream
 * v2.2 and later: `runtimePatches`) and `v2.1` (`spec.labels`,
 * `podTemplateOverrides`; served by OpenShift AI / Open Data Hub 3.x).
 *
 * @public
 */
export type TrainerVersion = 'v2.3' | 'v2.1';

/** @public */
export const TRAINER_VERSIONS: readonly TrainerVersion[] = ['v2.3', 'v2.1'];

const CRD_FOLDERS: Record<TrainerVersion, string> = {
  'v2.3': 'v2.3.0',
  'v2.1': 'v2.1.0',
};
const CRD_FILE = 'trainer.kubeflow.org_trainjobs.yaml';

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, string>;
  if (error.keyword === 'additionalProperties') {
    return `unknown field "${toCrdFieldPath(
      error.instancePath,
      params.additionalProperty,
    )}"`;
  }
  if (error.keyword === 'required') {
    return `${toCrdFieldPath(
      error.instancePath,
      params.missingProperty,
    )}: Required value`;
  }
  return `${toCrdFieldPath(error.instancePath) || '<root>'}: ${error.message}`;
}

const validators = new Map<TrainerVersion, TrainJobSchemaValidator>();

/**
 * Validates TrainJob objects against the `openAPIV3Schema` of the Kubeflow
 * Trainer TrainJob CRD of one release (copied verbatim under `crds/`), the
 * way the API server does on create with strict field validation. CEL rules
 * (`x-kubernetes-validations`) are not evaluated by the schema; the
 * creation-time ones are checked by {@link checkTrainJobRules}.
 *
 * @public
 */
export class TrainJobSchemaValidator {
  private validateFn?: ValidateFunction;

  /** The validator of a Trainer release; one per process, compiled lazily. */
  static forVersion(version: TrainerVersion): TrainJobSchemaValidator {
    let validator = validators.get(version);
    if (!validator) {
      validator = new TrainJobSchemaValidator(version);
      validators.set(version, validator);
    }
    return validator;
  }

  private constructor(readonly version: TrainerVersion) {}

  /** Every schema violation of `object`, as API-server style messages; empty when valid. */
  validate(object: unknown): string[] {
    const validate = this.compiled();
    if (validate(object)) {
      return [];
    }
    return [...new Set((validate.errors ?? []).map(describeError))];
  }

  private compiled(): ValidateFunction {
    if (!this.validateFn) {
      const file = resolvePackagePath(
        '@sovereign-ai/backstage-plugin-scaffolder-backend-module-mlops',
        join('crds', CRD_FOLDERS[this.version], CRD_FILE),
      );
      const crd = parseAllDocuments(readFileSync(file, 'utf8'))
        .map(doc => doc.toJS())
        .find(Boolean);
      const served = crd.spec.versions.find((v: any) => v.served && v.storage);
      this.validateFn = createCrdAjv({ allErrors: true }).compile(
        toStrictCrdSchema(served.schema.openAPIV3Schema),
      );
    }
    return this.validateFn;
  }
}

const RFC1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const STORAGE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/.+$/;
const MANAGED_BY = [
  'trainer.kubeflow.org/trainjob-controller',
  'kueue.x-k8s.io/multikueue',
];

/**
 * The rules the API server applies to a new TrainJob beyond its schema:
 * ObjectMeta name, label and annotation syntax, and the creation-time CEL
 * rules of the CRD (RFC 1035 name of at most 63 characters, `scheme://`
 * storage URIs, `managedBy` values).
 *
 * @public
 */
export function checkTrainJobRules(object: any): string[] {
  const problems: string[] = [];
  const metadata = object?.metadata;
  if (!metadata || typeof metadata !== 'object') {
    return ['metadata: Required value'];
  }
  const name = metadata.name;
  if (typeof name !== 'string' || !RFC1035_LABEL.test(name)) {
    problems.push(
      `metadata.name: Invalid value: ${JSON.stringify(
        name,
      )}: must match RFC 1035 DNS label format`,
    );
  } else if (name.length > 63) {
    problems.push('metadata.name: must be no more than 63 characters');
  }
  if (metadata.namespace !== undefined) {
    const ns = metadata.namespace;
    if (typeof ns !== 'string' || !RFC1035_LABEL.test(ns) || ns.length > 63) {
      problems.push(
        `metadata.namespace: Invalid value: ${JSON.stringify(
          ns,
        )}: must be a DNS label`,
      );
    }
  }
  for (const field of ['labels', 'annotations']) {
    const map = metadata[field];
    if (map === undefined) continue;
    if (!map || typeof map !== 'object' || Array.isArray(map)) {
      problems.push(`metadata.${field}: must be a map of strings`);
      continue;
    }
    for (const [key, value] of Object.entries(map)) {
      if (!QUALIFIED_NAME.test(key) || key.split('/').pop()!.length > 63) {
        problems.push(`metadata.${field}: Invalid key: ${JSON.stringify(key)}`);
      }
      if (typeof value !== 'string') {
        problems.push(`metadata.${field}.${key}: must be a string`);
      } else if (
        field === 'labels' &&
        (value.length > 63 || !LABEL_VALUE.test(value))
      ) {
        problems.push(
          `metadata.labels.${key}: Invalid value: ${JSON.stringify(
            value,
          )}: must be a valid label value`,
        );
      }
    }
  }
  for (const kind of ['dataset', 'model']) {
    const uri = object?.spec?.initializer?.[kind]?.storageUri;
    if (typeof uri === 'string' && uri !== '' && !STORAGE_URI.test(uri)) {
      problems.push(
        `spec.initializer.${kind}.storageUri: storageUri may be empty, or it must be a valid URI`,
      );
    }
  }
  const managedBy = object?.spec?.managedBy;
  if (managedBy !== undefined && !MANAGED_BY.includes(managedBy)) {
    problems.push(`spec.managedBy: must be one of ${MANAGED_BY.join(', ')}`);
  }
  return problems;
}
