import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ComplianceReportFilters,
  ComplianceReportResponse,
  EntityComplianceResponse,
  LineageRequest,
  LineageResponse,
  TrainJobActionResponse,
  TrainJobId,
  TrainJobLogStream,
  TrainJobLogsRequest,
  TrainJobStatusResponse,
} from './types';

/**
 * Client of the mlops backend (`/api/mlops`). Every method rejects with an
 * {@link MlopsApiError} that says what went wrong in words a user can act on.
 *
 * @public
 */
export interface MlopsApi {
  /** Lineage graph around an entity, in one request. */
  getLineage(request: LineageRequest): Promise<LineageResponse>;
  /** Live status of a TrainJob: phase, conditions, progress, pods, events. */
  getTrainJobStatus(id: TrainJobId): Promise<TrainJobStatusResponse>;
  /** Opens the logs of a pod of a TrainJob, followed if asked. */
  openTrainJobLogs(
    id: TrainJobId,
    request: TrainJobLogsRequest,
    signal?: AbortSignal,
  ): Promise<TrainJobLogStream>;
  /** Suspends (true) or resumes (false) a TrainJob. */
  setTrainJobSuspended(
    id: TrainJobId,
    suspended: boolean,
  ): Promise<TrainJobActionResponse>;
  /** Deletes a TrainJob from its cluster. */
  deleteTrainJob(id: TrainJobId): Promise<void>;
  /** Sovereignty compliance of one entity. */
  getEntityCompliance(entityRef: string): Promise<EntityComplianceResponse>;
  /** The compliance report over every ML entity matching the filters. */
  getComplianceReport(
    filters?: ComplianceReportFilters,
  ): Promise<ComplianceReportResponse>;
  /** The compliance report as CSV text, for download. */
  getComplianceReportCsv(filters?: ComplianceReportFilters): Promise<string>;
}

/**
 * The {@link MlopsApi} reference.
 *
 * @public
 */
export const mlopsApiRef = createApiRef<MlopsApi>({
  id: 'plugin.mlops.service',
});
