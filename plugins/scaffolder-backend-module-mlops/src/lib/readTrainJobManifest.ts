import { InputError } from '@backstage/errors';
import {
  ANNOTATION_FEAST_FEATURE_SERVICE,
  ANNOTATION_JURISDICTION,
  ANNOTATION_MODEL,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import { parseAllDocuments } from 'yaml';
import {
  checkTrainJobRules,
  TrainJobSchemaValidator,
  type TrainerVersion,
} from './TrainJobSchemaValidator';

const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';
const TRAINJOB_API_VERSION = 'trainer.kubeflow.org/v1alpha1';
const URI = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const FEATURE_SERVICE = /^[^/\s,]+\/[^/\s,]+$/;

/**
 * What the sovereignty policy needs to know about a TrainJob manifest.
 *
 * @public
 */
export interface TrainJobFacts {
  name: string;
  namespace?: string;
  /** The `backstage.io/kubernetes-id` label. */
  kubernetesId: string;
  /** `project/name` pairs of the `feast.dev/feature-service` annotation. */
  featureServices: Array<{ project: string; name: string }>;
  /** The `sovereign-ai.io/model` annotation. */
  model: string;
  /** The `sovereign-ai.io/jurisdiction` annotation. */
  jurisdiction: string;
  /** The trainer image; empty when the runtime's image is used. */
  images: string[];
  /**
   * Initializer storage URIs and the trainer env vars named `*_URI` (the
   * convention for storage locations, as opposed to service `*_URL`s).
   */
  dataUris: string[];
  /** The value of the model storage env var, when set. */
  modelStorageUri?: string;
}

/** The `backstage.io/kubernetes-id` label the manifest puts on the job's pods. */
function podLabel(spec: any, version: TrainerVersion): unknown {
  if (version === 'v2.1') {
    return spec?.labels?.[KUBERNETES_ID_LABEL];
  }
  for (const patch of spec?.runtimePatches ?? []) {
    for (const job of patch?.trainingRuntimeSpec?.template?.spec
      ?.replicatedJobs ?? []) {
      const value =
        job?.template?.spec?.template?.metadata?.labels?.[KUBERNETES_ID_LABEL];
      if (value !== undefined) {
        return value;
      }
    }
  }
  return undefined;
}

function joinKeyProblems(object: any, version: TrainerVersion): string[] {
  const problems: string[] = [];
  const labels = object?.metadata?.labels ?? {};
  const annotations = object?.metadata?.annotations ?? {};
  const kubernetesId = labels[KUBERNETES_ID_LABEL];
  if (typeof kubernetesId !== 'string' || !kubernetesId) {
    problems.push(
      `metadata.labels.${KUBERNETES_ID_LABEL}: Required value (ties the job to its Component)`,
    );
  } else if (podLabel(object?.spec, version) !== kubernetesId) {
    problems.push(
      version === 'v2.1'
        ? `spec.labels.${KUBERNETES_ID_LABEL}: must equal the TrainJob label ${kubernetesId}, so that the job's pods carry it`
        : `spec.runtimePatches: must set the pod label ${KUBERNETES_ID_LABEL}: ${kubernetesId} on a replicated job, so that the job's pods carry it`,
    );
  }
  const featureService = annotations[ANNOTATION_FEAST_FEATURE_SERVICE];
  if (
    typeof featureService !== 'string' ||
    !featureService.split(',').every(item => FEATURE_SERVICE.test(item.trim()))
  ) {
    problems.push(
      `metadata.annotations.${ANNOTATION_FEAST_FEATURE_SERVICE}: must be <project>/<name> (comma separated for several)`,
    );
  }
  for (const key of [ANNOTATION_MODEL, ANNOTATION_JURISDICTION]) {
    if (typeof annotations[key] !== 'string' || !annotations[key].trim()) {
      problems.push(`metadata.annotations.${key}: Required value`);
    }
  }
  return problems;
}

/**
 * Parses a rendered TrainJob manifest (one YAML document of kind TrainJob),
 * validates it against the CRD schema of the target Trainer version, the
 * creation-time rules of the API server and the join keys of the entity
 * model, and extracts what the sovereignty policy evaluates.
 *
 * @throws InputError listing every problem found.
 * @public
 */
export function readTrainJobManifest(
  text: string,
  options: { path: string; version: TrainerVersion; modelStorageEnv: string },
): TrainJobFacts {
  const { path, version, modelStorageEnv } = options;
  const docs = parseAllDocuments(text);
  const parseErrors = docs.flatMap(doc => doc.errors.map(e => e.message));
  if (parseErrors.length) {
    throw new InputError(`${path} is not valid YAML: ${parseErrors[0]}`);
  }
  const jobs = docs.map(doc => doc.toJS({ maxAliasCount: 0 })).filter(Boolean);
  if (jobs.length !== 1 || jobs[0]?.kind !== 'TrainJob') {
    throw new InputError(
      `${path} must hold exactly one TrainJob; found ${
        jobs.map(j => j?.kind ?? typeof j).join(', ') || 'nothing'
      }`,
    );
  }
  const job = jobs[0];
  const problems = [
    ...(job.apiVersion === TRAINJOB_API_VERSION
      ? []
      : [`apiVersion: must be ${TRAINJOB_API_VERSION}`]),
    ...TrainJobSchemaValidator.forVersion(version).validate(job),
    ...checkTrainJobRules(job),
    ...joinKeyProblems(job, version),
  ];
  if (problems.length > 0) {
    throw new InputError(
      `${path} is not a valid TrainJob for Kubeflow Trainer ${version}: ${problems.join(
        '; ',
      )}`,
    );
  }

  const env: Array<{ name: string; value?: unknown }> =
    job.spec.trainer?.env ?? [];
  let modelStorageUri: string | undefined;
  const dataUris: string[] = [];
  for (const kind of ['dataset', 'model']) {
    const uri = job.spec.initializer?.[kind]?.storageUri;
    if (typeof uri === 'string' && uri) {
      dataUris.push(uri);
    }
  }
  for (const variable of env) {
    if (typeof variable.value !== 'string') continue;
    if (variable.name === modelStorageEnv) {
      modelStorageUri = variable.value;
    } else if (variable.name.endsWith('_URI') && URI.test(variable.value)) {
      dataUris.push(variable.value);
    }
  }
  const annotations = job.metadata.annotations;
  return {
    name: job.metadata.name,
    namespace: job.metadata.namespace,
    kubernetesId: job.metadata.labels[KUBERNETES_ID_LABEL],
    featureServices: String(annotations[ANNOTATION_FEAST_FEATURE_SERVICE])
      .split(',')
      .map(item => {
        const [project, name] = item.trim().split('/');
        return { project, name };
      }),
    model: annotations[ANNOTATION_MODEL],
    jurisdiction: annotations[ANNOTATION_JURISDICTION],
    images: job.spec.trainer?.image ? [job.spec.trainer.image] : [],
    dataUris,
    modelStorageUri,
  };
}
