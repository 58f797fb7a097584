import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  overallComplianceStatus,
  type ComplianceResult,
  type ComplianceStatus,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/**
 * Logs every result and throws when the policy is violated: an InputError
 * whose message lists each failed rule (check name and reason), and, when
 * `failOnUnknown` is set, each rule that could not be decided.
 *
 * @returns the overall status when nothing blocks the run.
 * @public
 */
export function enforceCompliance(
  results: ComplianceResult[],
  options: { subject: string; failOnUnknown: boolean; logger: LoggerService },
): ComplianceStatus {
  const { subject, failOnUnknown, logger } = options;
  for (const r of results) {
    const line = `${r.check}: ${r.status} - ${r.reason}`;
    if (r.status === 'pass') {
      logger.info(line);
    } else {
      logger.warn(line);
    }
  }
  const blocking = results.filter(
    r => r.status === 'fail' || (failOnUnknown && r.status === 'unknown'),
  );
  if (blocking.length > 0) {
    const rules = blocking
      .map(
        r =>
          `[${r.check}] ${r.status === 'fail' ? '' : '(unknown) '}${r.reason}`,
      )
      .join('; ');
    throw new InputError(
      `${subject} violates the sovereignty policy (${blocking.length} rule${
        blocking.length === 1 ? '' : 's'
      }): ${rules}`,
    );
  }
  return overallComplianceStatus(results);
}
