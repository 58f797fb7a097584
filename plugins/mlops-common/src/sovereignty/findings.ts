import type {
  ComplianceCheck,
  ComplianceResult,
  ComplianceStatus,
} from './ComplianceResult';

/** One observation a check made; a check folds its findings into one result. */
export interface Finding {
  status: Exclude<ComplianceStatus, 'pass'>;
  reason: string;
  causedBy?: string;
}

/** How many reasons of the deciding status a result spells out. */
const MAX_REASONS = 3;

function join(findings: Finding[]): string {
  const shown = findings.slice(0, MAX_REASONS).map(f => f.reason);
  const rest = findings.length - shown.length;
  return `${shown.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
}

/**
 * Folds findings into the check's result: `fail` when any failed (naming
 * the first cause), else `unknown` when any is unknown, else `pass` with
 * `passReason`.
 */
export function toResult(
  check: ComplianceCheck,
  findings: Finding[],
  passReason: string,
): ComplianceResult {
  const fails = findings.filter(f => f.status === 'fail');
  const unknowns = findings.filter(f => f.status === 'unknown');
  if (fails.length > 0) {
    const note =
      unknowns.length > 0
        ? ` (${unknowns.length} more could not be checked)`
        : '';
    return withCause(
      { check, status: 'fail', reason: `${join(fails)}${note}` },
      fails,
    );
  }
  if (unknowns.length > 0) {
    return withCause(
      { check, status: 'unknown', reason: join(unknowns) },
      unknowns,
    );
  }
  return { check, status: 'pass', reason: passReason };
}

function withCause(result: ComplianceResult, findings: Finding[]) {
  const causedBy = findings.find(f => f.causedBy)?.causedBy;
  return causedBy ? { ...result, causedBy } : result;
}
