import type { ComplianceReportResponse } from '@sovereign-ai/backstage-plugin-mlops-common';

const COLUMNS = [
  'entityRef',
  'kind',
  'title',
  'owner',
  'system',
  'entityStatus',
  'check',
  'status',
  'reason',
  'causedBy',
];

/**
 * One CSV field (RFC 4180). A value that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is
 * prefixed with `'`: entity titles come from outside.
 */
function field(value: string | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV, one row per check result, with a header row and CRLF
 * line ends.
 *
 * @public
 */
export function toComplianceCsv(report: ComplianceReportResponse): string {
  const rows = [COLUMNS.join(',')];
  for (const entity of report.entities) {
    for (const result of entity.results) {
      rows.push(
        [
          entity.entityRef,
          entity.kind,
          entity.title,
          entity.owner,
          entity.system,
          entity.status,
          result.check,
          result.status,
          result.reason,
          result.causedBy,
        ]
          .map(field)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
