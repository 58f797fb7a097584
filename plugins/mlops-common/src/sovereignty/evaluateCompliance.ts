import type { Entity } from '@backstage/catalog-model';
import { isModelEntity, isTrainingJobEntity } from '../kinds';
import { checkAirGap } from './checkAirGap';
import { checkAutonomy } from './checkAutonomy';
import { checkClassification } from './checkClassification';
import { checkGovernance } from './checkGovernance';
import { checkResidency } from './checkResidency';
import type { ComplianceContext, ComplianceResult } from './ComplianceResult';
import { isTrainingRuntimeEntity, refOf, stringValue } from './entityFacts';
import type { Finding } from './findings';
import type { SovereigntyPolicy } from './SovereigntyPolicy';
import type { ModelArtifact } from './TrainingSubject';
import { trainingJobSubject } from './trainingJobSubject';

function modelArtifacts(model: Entity): {
  artifacts: ModelArtifact[];
  missing: Finding[];
} {
  const ref = refOf(model);
  const versions: unknown[] = Array.isArray(model.spec?.versions)
    ? model.spec!.versions
    : [];
  if (versions.length === 0) {
    return {
      artifacts: [],
      missing: [
        {
          status: 'unknown',
          reason:
            'The model records no versions (spec.versions), so where it is stored is not known',
          causedBy: ref,
        },
      ],
    };
  }
  return {
    artifacts: versions.map((version, index) => {
      const v = (version ?? {}) as { name?: unknown; artifactUri?: unknown };
      return {
        label: `version ${stringValue(v.name) ?? `#${index + 1}`}`,
        uri: stringValue(v.artifactUri),
        causedBy: ref,
      };
    }),
    missing: [],
  };
}

function runtimeImages(runtime: Entity) {
  const ref = refOf(runtime);
  const images: unknown[] = Array.isArray(runtime.spec?.images)
    ? runtime.spec!.images
    : [];
  const values = images.map(stringValue);
  const known = values.filter((v): v is string => Boolean(v));
  return {
    images: known.map(value => ({ label: 'runtime image', value })),
    imageFindings:
      known.length === 0 || known.length !== values.length
        ? [
            {
              status: 'unknown' as const,
              reason:
                'The runtime does not list its container images (spec.images)',
              causedBy: ref,
            },
          ]
        : [],
    sourceUris: [],
    causedBy: ref,
  };
}

/**
 * Evaluates the sovereignty policy on one entity, given its lineage
 * neighbourhood. Returns one result per check that applies to its kind, in
 * the order of {@link COMPLIANCE_CHECKS}:
 *
 * - TrainingJob: `residency`, `air-gap`, `classification`, `governance`;
 * - Model: `autonomy` (every version's artifact URI), `governance`;
 * - Resource of type `training-runtime`: `air-gap` (its `spec.images`),
 *   `governance`;
 * - any other entity: `governance`.
 *
 * Pure and synchronous; information that is missing (in the entity, the
 * context or the policy) gives `unknown`, never `pass`.
 *
 * @public
 */
export function evaluateCompliance(
  entity: Entity,
  context: ComplianceContext,
  policy: SovereigntyPolicy,
): ComplianceResult[] {
  const results: ComplianceResult[] = [];
  if (isTrainingJobEntity(entity)) {
    const subject = trainingJobSubject(entity, context, policy);
    results.push(
      checkResidency(subject, policy),
      checkAirGap({ ...subject, causedBy: subject.ref }, policy),
      checkClassification(subject, policy),
    );
  } else if (isModelEntity(entity)) {
    const { artifacts, missing } = modelArtifacts(entity);
    results.push(checkAutonomy(artifacts, missing, policy));
  } else if (isTrainingRuntimeEntity(entity)) {
    results.push(checkAirGap(runtimeImages(entity), policy));
  }
  results.push(checkGovernance(entity, policy));
  return results;
}
