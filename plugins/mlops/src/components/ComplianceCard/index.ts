export { ComplianceCard } from './ComplianceCard';
export { ComplianceStatusIcon } from './ComplianceStatusIcon';
