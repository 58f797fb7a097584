import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  ComplianceReportFilters,
  ComplianceReportResponse,
  EntityComplianceResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/**
 * Evaluates the sovereignty policy on catalog entities.
 *
 * @public
 */
export interface ComplianceService {
  /** @throws NotFoundError when the entity does not exist or cannot be read. */
  getEntityCompliance(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityComplianceResponse>;
  /** Every ML asset the caller may read, evaluated. */
  getReport(
    filters: ComplianceReportFilters,
    options: { credentials: BackstageCredentials },
  ): Promise<ComplianceReportResponse>;
}
