import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { ComplianceStatus } from '@sovereign-ai/backstage-plugin-mlops-common';

/** A compliance status in words with its colour: pass, fail or unknown. */
export function ComplianceStatusIcon(props: { status: ComplianceStatus }) {
  switch (props.status) {
    case 'pass':
      return <StatusOK>pass</StatusOK>;
    case 'fail':
      return <StatusError>fail</StatusError>;
    default:
      return <StatusWarning>unknown</StatusWarning>;
  }
}
