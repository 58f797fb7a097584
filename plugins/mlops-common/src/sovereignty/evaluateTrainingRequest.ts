import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { checkAirGap } from './checkAirGap';
import { checkAutonomy } from './checkAutonomy';
import { checkClassification } from './checkClassification';
import { checkResidency } from './checkResidency';
import type { ComplianceResult } from './ComplianceResult';
import { isDataAsset } from './entityFacts';
import type { Finding } from './findings';
import { clusterJurisdiction } from './resolveJurisdiction';
import type { SovereigntyPolicy } from './SovereigntyPolicy';
import type { TrainingSubject } from './TrainingSubject';

/**
 * A training job that does not exist yet, as a software template is about
 * to create it.
 *
 * @public
 */
export interface TrainingRequest {
  /** The jurisdiction the job is to run in, for example `eu-fr`. */
  jurisdiction: string;
  /** The cluster it is to run on, when already chosen. */
  cluster?: string;
  /** Every image it will run (trainer and initializers). */
  images: string[];
  /** Storage URIs of the data it will read (dataset initializers). */
  datasetUris: string[];
  /** Where it will store the model it produces. */
  modelStorageUri?: string;
  /**
   * The chosen FeatureService and everything upstream of it (FeatureViews,
   * dataset Resources), as the lineage API returns them.
   */
  featureServiceUpstream: Entity[];
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string');
}

function validate(request: TrainingRequest): void {
  const problems: string[] = [];
  if (
    typeof request?.jurisdiction !== 'string' ||
    !request.jurisdiction.trim()
  ) {
    problems.push('jurisdiction must be a non-empty string');
  }
  if (request?.cluster !== undefined && typeof request.cluster !== 'string') {
    problems.push('cluster must be a string');
  }
  if (!isStringList(request?.images)) {
    problems.push('images must be a list of image references');
  }
  if (!isStringList(request?.datasetUris)) {
    problems.push('datasetUris must be a list of storage URIs');
  }
  if (
    request?.modelStorageUri !== undefined &&
    typeof request.modelStorageUri !== 'string'
  ) {
    problems.push('modelStorageUri must be a string');
  }
  if (
    !Array.isArray(request?.featureServiceUpstream) ||
    request.featureServiceUpstream.some(
      e => typeof e?.kind !== 'string' || typeof e?.metadata?.name !== 'string',
    )
  ) {
    problems.push('featureServiceUpstream must be a list of catalog entities');
  }
  if (problems.length) {
    throw new InputError(`Invalid training request: ${problems.join('; ')}`);
  }
}

function requestJurisdictionFindings(
  request: TrainingRequest,
  jurisdiction: string,
  policy: SovereigntyPolicy,
): Finding[] {
  const configured = Object.keys(policy.jurisdictions);
  if (configured.length === 0) {
    return [
      {
        status: 'unknown',
        reason:
          'No jurisdictions are configured: set mlops.sovereignty.jurisdictions',
      },
    ];
  }
  if (!configured.includes(jurisdiction)) {
    return [
      {
        status: 'fail',
        reason: `Jurisdiction ${jurisdiction} is not defined in mlops.sovereignty.jurisdictions (${configured.join(
          ', ',
        )})`,
      },
    ];
  }
  const cluster = request.cluster?.trim();
  if (!cluster) {
    return [];
  }
  const lies = clusterJurisdiction(cluster, policy);
  if (!lies) {
    return [
      {
        status: 'unknown',
        reason: `Cluster ${cluster} is in no jurisdiction: list it under mlops.sovereignty.jurisdictions.<name>.clusters`,
      },
    ];
  }
  return lies === jurisdiction
    ? []
    : [
        {
          status: 'fail',
          reason: `Cluster ${cluster} lies in ${lies}, not in the requested ${jurisdiction}`,
        },
      ];
}

/**
 * Evaluates the sovereignty policy on a training job before it exists (the
 * scaffolder's policy check): `residency`, `air-gap`, `autonomy` (of
 * `modelStorageUri`) and `classification`, with the same rules as
 * {@link evaluateCompliance} applies to a TrainingJob. Governance is left
 * to the entity once it is registered. A missing `modelStorageUri` or an
 * empty `images` list gives `unknown`.
 *
 * @throws InputError when the request is not of the documented shape.
 * @public
 */
export function evaluateTrainingRequest(
  request: TrainingRequest,
  policy: SovereigntyPolicy,
): ComplianceResult[] {
  validate(request);
  const jurisdiction = request.jurisdiction.trim();
  const cluster = request.cluster?.trim();
  const modelStorageUri = request.modelStorageUri?.trim();
  const noModelStorage: Finding[] = modelStorageUri
    ? []
    : [
        {
          status: 'unknown',
          reason:
            'The request names no model storage URI (modelStorageUri), so where the model will be stored is not known',
        },
      ];
  const modelArtifacts = modelStorageUri
    ? [{ label: 'model storage', uri: modelStorageUri }]
    : [];
  const datasetUris = request.datasetUris
    .map(value => value.trim())
    .filter(Boolean)
    .map(value => ({ label: 'dataset', value }));

  const subject: TrainingSubject = {
    runsIn: cluster ? `cluster ${cluster}` : 'the requested job',
    jurisdiction,
    jurisdictionFindings: requestJurisdictionFindings(
      request,
      jurisdiction,
      policy,
    ),
    images: request.images
      .map(value => value.trim())
      .filter(Boolean)
      .map(value => ({ label: 'image', value })),
    imageFindings: request.images.some(value => value.trim())
      ? []
      : [
          {
            status: 'unknown',
            reason: 'The request names no image, so none can be checked',
          },
        ],
    sourceUris: datasetUris,
    datasetUris,
    data: request.featureServiceUpstream.filter(isDataAsset),
    missingUpstream: [],
    modelArtifacts,
    modelFindings: noModelStorage,
  };
  return [
    checkResidency(subject, policy),
    checkAirGap(subject, policy),
    checkAutonomy(modelArtifacts, noModelStorage, policy),
    checkClassification(subject, policy),
  ];
}
