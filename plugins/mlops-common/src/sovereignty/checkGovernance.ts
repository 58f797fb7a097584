import type { Entity } from '@backstage/catalog-model';
import type { ComplianceResult } from './ComplianceResult';
import {
  annotation,
  declaredJurisdiction,
  refOf,
  stringValue,
} from './entityFacts';
import { toResult, type Finding } from './findings';
import type { SovereigntyPolicy } from './SovereigntyPolicy';

/**
 * Governance: the asset has an owner, carries every required annotation,
 * and any jurisdiction it declares is one the policy defines.
 */
export function checkGovernance(
  entity: Entity,
  policy: SovereigntyPolicy,
): ComplianceResult {
  const ref = refOf(entity);
  const findings: Finding[] = [];
  const owner = stringValue(entity.spec?.owner);
  if (!owner) {
    findings.push({
      status: 'fail',
      reason: 'It has no owner (spec.owner)',
      causedBy: ref,
    });
  }
  const missing = policy.requiredAnnotations.filter(
    key => !annotation(entity, key),
  );
  if (missing.length > 0) {
    findings.push({
      status: 'fail',
      reason: `It lacks the required annotation(s) ${missing.join(', ')}`,
      causedBy: ref,
    });
  }
  const jurisdiction = declaredJurisdiction(entity);
  const configured = Object.keys(policy.jurisdictions);
  if (
    jurisdiction &&
    configured.length > 0 &&
    !configured.includes(jurisdiction)
  ) {
    findings.push({
      status: 'fail',
      reason: `It declares jurisdiction ${jurisdiction}, which mlops.sovereignty.jurisdictions does not define (${configured.join(
        ', ',
      )})`,
      causedBy: ref,
    });
  }
  const annotations = policy.requiredAnnotations.length
    ? ` and carries ${policy.requiredAnnotations.join(', ')}`
    : '';
  return toResult('governance', findings, `Owned by ${owner}${annotations}`);
}
