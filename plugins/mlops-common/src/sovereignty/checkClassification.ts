import type { ComplianceResult } from './ComplianceResult';
import { declaredClassification, describeEntity, refOf } from './entityFacts';
import { toResult, type Finding } from './findings';
import { entityJurisdiction } from './resolveJurisdiction';
import type { SovereigntyPolicy } from './SovereigntyPolicy';
import {
  unknownJurisdictionFindings,
  type TrainingSubject,
} from './TrainingSubject';

/**
 * Classification: each upstream data asset is used only where the rule of
 * its `sovereign-ai.io/data-classification` allows (for example
 * `restricted` data only in its own jurisdiction). A classification without
 * a rule is not restricted.
 */
export function checkClassification(
  subject: TrainingSubject,
  policy: SovereigntyPolicy,
): ComplianceResult {
  if (policy.classificationRules.length === 0) {
    return toResult(
      'classification',
      [
        {
          status: 'unknown',
          reason:
            'No classification rules are configured: set mlops.sovereignty.classificationRules',
        },
      ],
      '',
    );
  }
  const jurisdiction = subject.jurisdiction;
  if (jurisdiction === undefined) {
    return toResult('classification', unknownJurisdictionFindings(subject), '');
  }
  const findings: Finding[] = subject.missingUpstream.map(ref => ({
    status: 'unknown',
    reason: `Upstream ${ref} is not in the catalog, so its classification is not known`,
    causedBy: ref,
  }));
  for (const entity of subject.data) {
    const what = describeEntity(entity);
    const ref = refOf(entity);
    const classification = declaredClassification(entity);
    if (!classification) {
      findings.push({
        status: 'unknown',
        reason: `The ${what} declares no data classification (sovereign-ai.io/data-classification)`,
        causedBy: ref,
      });
      continue;
    }
    const rule = policy.classificationRules.find(
      r => r.classification === classification,
    );
    if (!rule) {
      continue;
    }
    const allowed = rule.allowedJurisdictions;
    if (allowed?.length && !allowed.includes(jurisdiction)) {
      findings.push({
        status: 'fail',
        reason: `The ${what} is ${classification}, which may only be used in ${allowed.join(
          ', ',
        )}, but ${subject.runsIn} runs in ${jurisdiction}`,
        causedBy: ref,
      });
    }
    if (rule.sameJurisdictionOnly) {
      const lies = entityJurisdiction(entity, policy);
      if (!lies.name) {
        findings.push({
          status: 'unknown',
          reason: `The ${what} is ${classification} but its jurisdiction is not known`,
          causedBy: ref,
        });
      } else if (lies.name !== jurisdiction) {
        findings.push({
          status: 'fail',
          reason: `The ${what} is ${classification} and lies in ${lies.name}; ${classification} data may only be used in its own jurisdiction, but ${subject.runsIn} runs in ${jurisdiction}`,
          causedBy: ref,
        });
      }
    }
  }
  return toResult(
    'classification',
    findings,
    `Its ${subject.data.length} upstream data asset(s) may be used in ${jurisdiction} under their classification rules`,
  );
}
