import { InputError } from '@backstage/errors';
import { KIND_CLUSTER_TRAINING_RUNTIME, TRAINER_API_GROUP } from './constants';
import type { TrainJob } from './types';

/**
 * Which TrainJob spec shape an object was written in.
 *
 * - `v2.2+`: has `runtimePatches`, `activeDeadlineSeconds` or `status.trainerStatus`.
 * - `v2.1`: has `spec.labels`, `spec.annotations`, `podTemplateOverrides` or
 *   `podSpecOverrides` (v2.0/v2.1, OpenShift AI / Open Data Hub 3.x).
 * - `common`: uses only fields both shapes share.
 *
 * @public
 */
export type TrainJobShape = 'v2.2+' | 'v2.1' | 'common';

/**
 * One internal view of a TrainJob, whatever CRD shape it was read in.
 *
 * @public
 */
export interface TrainJobView {
  name: string;
  namespace: string;
  uid?: string;
  /** ISO 8601 creation time, when the API server set one. */
  created?: string;
  shape: TrainJobShape;
  /**
   * `metadata.labels`, over the v2.1 `spec.labels` (which the controller
   * copies to the JobSet and pods): a join key may sit in either place.
   */
  labels: Record<string, string>;
  /** `metadata.annotations` over the v2.1 `spec.annotations`. */
  annotations: Record<string, string>;
  /** `spec.runtimeRef` with the CRD defaults applied. */
  runtimeRef: { name: string; kind: string; apiGroup: string };
  trainer: {
    image?: string;
    command?: string[];
    numNodes?: number;
    /** An integer, or a string such as `auto`, `cpu` or `gpu` (v2.1). */
    numProcPerNode?: number | string;
    resourcesPerNode?: {
      requests?: Record<string, string>;
      limits?: Record<string, string>;
    };
  };
  initializers: {
    dataset?: { storageUri: string };
    model?: { storageUri: string };
  };
  suspend: boolean;
  managedBy?: string;
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(
  value: unknown,
  path: string,
  describe: string,
): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isObject(value)) {
    throw new InputError(`${describe}: ${path} must be a map of strings`);
  }
  const result: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') {
      throw new InputError(`${describe}: ${path}.${key} must be a string`);
    }
    result[key] = v;
  }
  return result;
}

function quantities(
  value: unknown,
  path: string,
  describe: string,
): Record<string, string> | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isObject(value)) {
    throw new InputError(`${describe}: ${path} must be a map of quantities`);
  }
  const result: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    // Quantities are int-or-string in the API; keep their text form.
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new InputError(`${describe}: ${path}.${key} must be a quantity`);
    }
    result[key] = String(v);
  }
  return result;
}

function optionalString(
  value: unknown,
  path: string,
  describe: string,
): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(`${describe}: ${path} must be a string`);
  }
  return value;
}

function detectShape(trainJob: TrainJob): TrainJobShape {
  const spec = trainJob.spec ?? {};
  if (
    spec.runtimePatches !== undefined ||
    spec.activeDeadlineSeconds !== undefined ||
    trainJob.status?.trainerStatus !== undefined
  ) {
    return 'v2.2+';
  }
  if (
    spec.labels !== undefined ||
    spec.annotations !== undefined ||
    spec.podTemplateOverrides !== undefined ||
    spec.podSpecOverrides !== undefined ||
    typeof spec.trainer?.numProcPerNode === 'string'
  ) {
    return 'v2.1';
  }
  return 'common';
}

function toIso(value: unknown): string | undefined {
  if (value instanceof Date) {
    return value.toISOString();
  }
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Reads a TrainJob in the v2.2+ or the v2.1 (OpenShift AI) shape into one
 * checked view. Unknown fields are ignored, so a newer controller adding
 * fields does not break ingestion.
 *
 * @throws InputError naming the TrainJob (`namespace/name`) and the field
 *   when the object cannot be used: no name or namespace, no
 *   `spec.runtimeRef.name`, or a field of the wrong type.
 * @public
 */
export function normalizeTrainJob(trainJob: TrainJob): TrainJobView {
  const metadata = isObject(trainJob?.metadata) ? trainJob.metadata : {};
  const name = metadata.name;
  const namespace = metadata.namespace;
  const describe = `TrainJob ${namespace ?? '<no namespace>'}/${
    name ?? '<no name>'
  }`;
  if (typeof name !== 'string' || !name) {
    throw new InputError(`${describe}: metadata.name is missing`);
  }
  if (typeof namespace !== 'string' || !namespace) {
    throw new InputError(`${describe}: metadata.namespace is missing`);
  }
  if (!isObject(trainJob.spec)) {
    throw new InputError(`${describe}: spec is missing`);
  }
  const spec: Obj = trainJob.spec;

  const runtimeRef = spec.runtimeRef;
  if (!isObject(runtimeRef) || typeof runtimeRef.name !== 'string') {
    throw new InputError(`${describe}: spec.runtimeRef.name is missing`);
  }

  const trainer: Obj = isObject(spec.trainer) ? spec.trainer : {};
  if (spec.trainer !== undefined && !isObject(spec.trainer)) {
    throw new InputError(`${describe}: spec.trainer must be an object`);
  }
  const numNodes = trainer.numNodes;
  if (
    numNodes !== undefined &&
    (typeof numNodes !== 'number' || !Number.isInteger(numNodes))
  ) {
    throw new InputError(
      `${describe}: spec.trainer.numNodes must be an integer`,
    );
  }
  const numProcPerNode = trainer.numProcPerNode;
  if (
    numProcPerNode !== undefined &&
    typeof numProcPerNode !== 'number' &&
    typeof numProcPerNode !== 'string'
  ) {
    throw new InputError(
      `${describe}: spec.trainer.numProcPerNode must be an integer or a string`,
    );
  }
  const command = trainer.command;
  if (
    command !== undefined &&
    (!Array.isArray(command) || command.some(c => typeof c !== 'string'))
  ) {
    throw new InputError(
      `${describe}: spec.trainer.command must be a list of strings`,
    );
  }
  const resources = isObject(trainer.resourcesPerNode)
    ? trainer.resourcesPerNode
    : undefined;
  const requests = quantities(
    resources?.requests,
    'spec.trainer.resourcesPerNode.requests',
    describe,
  );
  const limits = quantities(
    resources?.limits,
    'spec.trainer.resourcesPerNode.limits',
    describe,
  );

  const initializer = isObject(spec.initializer) ? spec.initializer : {};
  const initializers: TrainJobView['initializers'] = {};
  for (const kind of ['dataset', 'model'] as const) {
    const entry = initializer[kind];
    const uri = isObject(entry)
      ? optionalString(
          entry.storageUri,
          `spec.initializer.${kind}.storageUri`,
          describe,
        )
      : undefined;
    if (uri) {
      initializers[kind] = { storageUri: uri };
    }
  }

  return {
    name,
    namespace,
    uid: typeof metadata.uid === 'string' ? metadata.uid : undefined,
    created: toIso(metadata.creationTimestamp),
    shape: detectShape(trainJob),
    labels: {
      ...stringMap(spec.labels, 'spec.labels', describe),
      ...stringMap(metadata.labels, 'metadata.labels', describe),
    },
    annotations: {
      ...stringMap(spec.annotations, 'spec.annotations', describe),
      ...stringMap(metadata.annotations, 'metadata.annotations', describe),
    },
    runtimeRef: {
      name: runtimeRef.name,
      kind:
        optionalString(runtimeRef.kind, 'spec.runtimeRef.kind', describe) ??
        KIND_CLUSTER_TRAINING_RUNTIME,
      apiGroup:
        optionalString(
          runtimeRef.apiGroup,
          'spec.runtimeRef.apiGroup',
          describe,
        ) ?? TRAINER_API_GROUP,
    },
    trainer: {
      image: optionalString(trainer.image, 'spec.trainer.image', describe),
      command: command as string[] | undefined,
      numNodes: numNodes as number | undefined,
      numProcPerNode: numProcPerNode as number | string | undefined,
      resourcesPerNode:
        requests || limits
          ? {
              ...(requests ? { requests } : {}),
              ...(limits ? { limits } : {}),
            }
          : undefined,
    },
    initializers,
    suspend: spec.suspend === true,
    managedBy: optionalString(spec.managedBy, 'spec.managedBy', describe),
  };
}
