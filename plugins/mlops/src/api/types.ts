import type {
  ComplianceCheck,
  ComplianceResult,
  ComplianceStatus,
  LineageDirection,
} from '@sovereign-ai/backstage-plugin-mlops-common';

// These shapes mirror the answers of the mlops backend
// (plugins/mlops-backend/src/api/types.ts and its openapi.yaml). A frontend
// package may not import a backend package, so they are declared here.

/**
 * Which way a lineage query walks from the start entity.
 *
 * @public
 */
export type LineageQueryDirection = LineageDirection | 'both';

/**
 * One entity of a lineage graph.
 *
 * @public
 */
export interface LineageNode {
  /** Entity ref, `kind:namespace/name`, in lower case. */
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  /** `metadata.title`, or the name when there is none. */
  title: string;
  /** `spec.type`, when the entity has one. */
  type?: string;
  /** Entity ref of the owner. */
  owner?: string;
  lifecycle?: string;
  /** Coarse phase of a TrainingJob, as last ingested. */
  phase?: string;
  /** Hops from the start entity (0 for the start entity itself). */
  depth: number;
  /** Which traversal reached the node; both for the start entity. */
  directions: LineageDirection[];
}

/**
 * One lineage edge, always pointing upstream: `from` was built from `to`.
 *
 * @public
 */
export interface LineageEdge {
  from: string;
  to: string;
  /** `readsFrom`, `consumesFeatures` or `producedBy`. */
  relation: string;
}

/**
 * Answer of a lineage query.
 *
 * @public
 */
export interface LineageResponse {
  root: string;
  direction: LineageQueryDirection;
  depth: number;
  kinds?: string[];
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** Refs a lineage relation points at that are not in the catalog. */
  dangling: string[];
  /** True when lineage continues beyond `depth`. */
  truncated: boolean;
}

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
 * One condition of a TrainJob.
 *
 * @public
 */
export interface TrainJobConditionInfo {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/**
 * Live training progress of a TrainJob.
 *
 * @public
 */
export interface TrainJobProgressInfo {
  source: 'trainerStatus' | 'annotation';
  percentage?: number;
  estimatedRemainingSeconds?: number;
  /** Time the job should finish. */
  eta?: string;
  metrics: Record<string, string | number>;
  lastUpdatedTime?: string;
  currentStep?: number;
  totalSteps?: number;
  currentEpoch?: number;
  totalEpochs?: number;
}

/**
 * One container of a pod of a TrainJob.
 *
 * @public
 */
export interface TrainJobContainerInfo {
  name: string;
  ready: boolean;
  restartCount: number;
  /** `waiting`, `running`, `terminated` or `unknown`. */
  state: string;
  reason?: string;
  exitCode?: number;
  /** Why the previous attempt ended, after a restart (for example `OOMKilled`). */
  lastTerminationReason?: string;
}

/**
 * One pod of a TrainJob.
 *
 * @public
 */
export interface TrainJobPodInfo {
  name: string;
  phase: string;
  replicatedJob?: string;
  index?: number;
  nodeName?: string;
  startTime?: string;
  restarts: number;
  containers: TrainJobContainerInfo[];
}

/**
 * One Kubernetes event about a TrainJob or its children.
 *
 * @public
 */
export interface TrainJobEventInfo {
  type: string;
  reason: string;
  message: string;
  object: { kind: string; name: string };
  count: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
}

/**
 * Status of one replicated job of a TrainJob's JobSet.
 *
 * @public
 */
export interface TrainJobReplicatedJobStatus {
  name: string;
  ready: number;
  succeeded: number;
  failed: number;
  active: number;
  suspended: number;
}

/**
 * Live status of a TrainJob.
 *
 * @public
 */
export interface TrainJobStatusResponse {
  cluster: string;
  namespace: string;
  name: string;
  entityRef: string;
  /** Pending, Running, Suspended, Succeeded or Failed. */
  phase: string;
  suspended: boolean;
  created?: string;
  conditions: TrainJobConditionInfo[];
  jobsStatus: TrainJobReplicatedJobStatus[];
  progress?: TrainJobProgressInfo;
  pods: TrainJobPodInfo[];
  /** The most recent events, newest first. */
  events: TrainJobEventInfo[];
  /** Parts that could not be read, with a safe reason. */
  warnings?: string[];
}

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

/**
 * Answer of the suspend and resume actions.
 *
 * @public
 */
export interface TrainJobActionResponse {
  entityRef: string;
  action: 'suspend' | 'resume';
  suspended: boolean;
}

/**
 * Compliance of one entity.
 *
 * @public
 */
export interface EntityComplianceResponse {
  entityRef: string;
  kind: string;
  title: string;
  owner?: string;
  system?: string;
  status: ComplianceStatus;
  results: ComplianceResult[];
}

/**
 * Filters of the compliance report; every list is an "any of".
 *
 * @public
 */
export interface ComplianceReportFilters {
  owner?: string[];
  system?: string[];
  kind?: string[];
  check?: ComplianceCheck[];
  status?: ComplianceStatus[];
}

/**
 * The compliance report (JSON form).
 *
 * @public
 */
export interface ComplianceReportResponse {
  generatedAt: string;
  filters: ComplianceReportFilters;
  summary: {
    entities: number;
    pass: number;
    fail: number;
    unknown: number;
  };
  entities: EntityComplianceResponse[];
}
