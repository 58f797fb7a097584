import type { ComplianceResult } from '@sovereign-ai/backstage-plugin-mlops-common';

const ICONS: Record<ComplianceResult['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  unknown: '❔ unknown',
};

function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

/**
 * The results as a Markdown table (rule, status, reason), for the
 * scaffolder's result page (`output.text`).
 *
 * @public
 */
export function complianceSummary(results: ComplianceResult[]): string {
  return [
    '| Rule | Status | Reason |',
    '| --- | --- | --- |',
    ...results.map(
      r => `| ${r.check} | ${ICONS[r.status]} | ${cell(r.reason)} |`,
    ),
  ].join('\n');
}
