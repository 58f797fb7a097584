export {
  readSovereigntyPolicy,
  DEFAULT_REQUIRED_ANNOTATIONS,
  type SovereigntyPolicy,
  type SovereigntyJurisdiction,
  type SovereigntyAllowedStorage,
  type SovereigntyClassificationRule,
} from './SovereigntyPolicy';
export {
  COMPLIANCE_CHECKS,
  overallComplianceStatus,
  type ComplianceCheck,
  type ComplianceStatus,
  type ComplianceResult,
  type ComplianceContext,
} from './ComplianceResult';
export { evaluateCompliance } from './evaluateCompliance';
export {
  evaluateTrainingRequest,
  type TrainingRequest,
} from './evaluateTrainingRequest';
export {
  parseImageReference,
  normalizeRegistryHost,
  type ImageReference,
} from './parseImageReference';
export { parseStorageUri, type StorageUri } from './parseStorageUri';
