import type {
  LineageQueryDirection,
  TrainJobStatusResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';

// The answers of the mlops backend are declared once, in mlops-common; these
// are the frontend's own request and stream shapes.
export type {
  ComplianceReportFilters,
  ComplianceReportResponse,
  EntityComplianceResponse,
  LineageEdge,
  LineageNode,
  LineageQueryDirection,
  LineageResponse,
  TrainJobActionResponse,
  TrainJobConditionInfo,
  TrainJobContainerInfo,
  TrainJobEventInfo,
  TrainJobPodInfo,
  TrainJobProgressInfo,
  TrainJobStatusResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/**
 * Options of a lineage query.
 *
 * @public
 */
export interface LineageRequest {
  entityRef: string;
  direction?: LineageQueryDirection;
  /** Hops to follow, 1 to the backend's maximum. */
  depth?: number;
  /** Only return nodes of these kinds (the start entity is always kept). */
  kinds?: string[];
}

/**
 * Status of one replicated job of a TrainJob's JobSet.
 *
 * @public
 */
export type TrainJobReplicatedJobStatus =
  TrainJobStatusResponse['jobsStatus'][number];

/**
 * Identifies a TrainJob on a cluster.
 *
 * @public
 */
export interface TrainJobId {
  cluster: string;
  namespace: string;
  name: string;
}

/**
 * Options of a log request.
 *
 * @public
 */
export interface TrainJobLogsRequest {
  pod?: string;
  container?: string;
  tailLines?: number;
  follow?: boolean;
}

/**
 * An open log stream: read `chunks` until it ends, or `close` it.
 *
 * @public
 */
export interface TrainJobLogStream {
  /** The pod and container the backend chose. */
  pod?: string;
  container?: string;
  /** Decoded text chunks, in order. */
  chunks: AsyncIterable<string>;
  close(): void;
}
