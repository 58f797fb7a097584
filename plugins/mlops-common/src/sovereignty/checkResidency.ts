import type { ComplianceResult } from './ComplianceResult';
import { describeEntity, refOf } from './entityFacts';
import { toResult, type Finding } from './findings';
import { entityJurisdiction } from './resolveJurisdiction';
import type { SovereigntyPolicy } from './SovereigntyPolicy';
import { storageResidency } from './storageResidency';
import {
  unknownJurisdictionFindings,
  type TrainingSubject,
} from './TrainingSubject';

/**
 * Residency: the training's cluster, every upstream data asset, every
 * dataset URI it reads and every model artifact it writes lie in one
 * jurisdiction.
 */
export function checkResidency(
  subject: TrainingSubject,
  policy: SovereigntyPolicy,
): ComplianceResult {
  const jurisdiction = subject.jurisdiction;
  if (jurisdiction === undefined) {
    return toResult('residency', unknownJurisdictionFindings(subject), '');
  }
  const findings: Finding[] = [...subject.jurisdictionFindings];
  for (const ref of subject.missingUpstream) {
    findings.push({
      status: 'unknown',
      reason: `Upstream ${ref} is not in the catalog, so where it lies is not known`,
      causedBy: ref,
    });
  }
  for (const entity of subject.data) {
    const lies = entityJurisdiction(entity, policy);
    if (!lies.name) {
      findings.push({
        status: 'unknown',
        reason: `The ${describeEntity(
          entity,
        )} declares no jurisdiction (sovereign-ai.io/jurisdiction) and its storage is in no configured jurisdiction`,
        causedBy: refOf(entity),
      });
    } else if (lies.name !== jurisdiction) {
      findings.push({
        status: 'fail',
        reason: `The ${describeEntity(entity)} lies in ${
          lies.name
        }, outside ${jurisdiction} where ${subject.runsIn} runs${
          lies.conflict ? ` (${lies.conflict})` : ''
        }`,
        causedBy: refOf(entity),
      });
    }
  }
  for (const { label, value } of subject.datasetUris) {
    const finding = storageResidency(
      label,
      value,
      jurisdiction,
      policy,
      subject.ref,
    );
    if (finding) findings.push(finding);
  }
  findings.push(...subject.modelFindings);
  for (const artifact of subject.modelArtifacts) {
    const finding = artifact.uri
      ? storageResidency(
          artifact.label,
          artifact.uri,
          jurisdiction,
          policy,
          artifact.causedBy,
        )
      : {
          status: 'unknown' as const,
          reason: `The ${artifact.label} records no artifact URI, so where it is stored is not known`,
          ...(artifact.causedBy ? { causedBy: artifact.causedBy } : {}),
        };
    if (finding) findings.push(finding);
  }

  const parts = [
    subject.runsIn.charAt(0).toUpperCase() + subject.runsIn.slice(1),
    `its ${subject.data.length} upstream data asset(s)`,
    ...(subject.datasetUris.length
      ? [`${subject.datasetUris.length} dataset URI(s)`]
      : []),
    `${subject.modelArtifacts.length} model artifact(s)`,
  ];
  return toResult(
    'residency',
    findings,
    `${parts.slice(0, -1).join(', ')} and ${
      parts[parts.length - 1]
    } all lie in ${jurisdiction}`,
  );
}
