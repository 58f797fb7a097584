import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  ComplianceCheck,
  ComplianceStatus,
} from '@sovereign-ai/backstage-plugin-mlops-common';
import type {
  ComplianceReportResponse,
  EntityComplianceResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/**
 * Filters of `GET /compliance/report`; absent means "all".
 *
 * @public
 */
export interface ComplianceReportFilters {
  /** Owner entity refs, in full form. */
  owner?: string[];
  /** System entity refs, in full form. */
  system?: string[];
  /** Kinds, compared case-insensitively. */
  kind?: string[];
  /** Only these checks' results; entities with none of them are left out. */
  check?: ComplianceCheck[];
  /** Only entities whose overall status (over the kept checks) is one of these. */
  status?: ComplianceStatus[];
}

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
