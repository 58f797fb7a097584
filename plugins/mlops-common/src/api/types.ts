// Request and answer shapes of the mlops backend (`/api/mlops`), shared by
// the backend and the frontend plugin; openapi.yaml in mlops-backend is the
// contract they are tested against.
import type {
  ComplianceCheck,
  ComplianceResult,
  ComplianceStatus,
} from '../sovereignty';
import type { LineageDirection } from '../relations';

/**
 * Which way `GET /lineage` walks from the start entity.
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
  /** Entity ref of the owner (from the `ownedBy` relation, else `spec.owner`). */
  owner?: string;
  lifecycle?: string;
  /** Coarse phase of a TrainingJob (`spec.phase`), as last ingested. */
  phase?: string;
  /** Hops from the start entity (0 for the start entity itself). */
  depth: number;
  /** Which traversal reached the node; both for the start entity. */
  directions: LineageDirection[];
}

/**
 * One lineage edge, always pointing upstream: `from` was built from `to`.
 * A relation and its reverse give a single edge.
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
 * Answer of `GET /lineage`.
 *
 * @public
 */
export interface LineageResponse {
  /** The start entity, as a normalised ref. */
  root: string;
  direction: LineageQueryDirection;
  depth: number;
  /** The kind filter applied to `nodes`, if any. */
  kinds?: string[];
  nodes: LineageNode[];
  /** Edges between returned nodes only. */
  edges: LineageEdge[];
  /**
   * Refs that a lineage relation of a returned node points at but that do
   * not exist in the catalog (dangling relations).
   */
  dangling: string[];
  /** True when lineage continues beyond `depth`. */
  truncated: boolean;
}

/**
 * Everything one owner has downstream of the changed entity.
 *
 * @public
 */
export interface ImpactGroup {
  /** Entity ref of the owner, or `unknown` for entities with none. */
  owner: string;
  entities: LineageNode[];
}

/**
 * Answer of `GET /impact`: who to tell before the entity changes.
 *
 * @public
 */
export interface ImpactResponse {
  root: string;
  /** Number of downstream entities, all owners together. */
  total: number;
  /** Count of downstream entities per kind. */
  countsByKind: Record<string, number>;
  /** Groups sorted by owner ref, entities by depth then ref. */
  owners: ImpactGroup[];
  dangling: string[];
  /** True when the graph continued beyond the maximum depth (10). */
  truncated: boolean;
}

/**
 * One condition of a TrainJob (`status.conditions[]`).
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
  /** `trainerStatus` (upstream v2.2+) or `annotation` (OpenShift AI). */
  source: 'trainerStatus' | 'annotation';
  percentage?: number;
  estimatedRemainingSeconds?: number;
  /** Time the job should finish: last report plus the remaining seconds. */
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
  /** Pod phase: Pending, Running, Succeeded, Failed, Unknown. */
  phase: string;
  /** The JobSet replicated job, for example `node` or `dataset-initializer`. */
  replicatedJob?: string;
  /** `batch.kubernetes.io/job-completion-index`. */
  index?: number;
  nodeName?: string;
  startTime?: string;
  /** Sum of container restarts. */
  restarts: number;
  containers: TrainJobContainerInfo[];
}

/**
 * One Kubernetes event about a TrainJob, its JobSet, Jobs or pods.
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
 * Answer of `GET /trainjobs/:cluster/:namespace/:name`.
 *
 * @public
 */
export interface TrainJobStatusResponse {
  cluster: string;
  namespace: string;
  name: string;
  /** The TrainingJob entity the live object belongs to. */
  entityRef: string;
  /** Pending, Running, Suspended, Succeeded or Failed. */
  phase: string;
  suspended: boolean;
  created?: string;
  conditions: TrainJobConditionInfo[];
  jobsStatus: Array<{
    name: string;
    ready: number;
    succeeded: number;
    failed: number;
    active: number;
    suspended: number;
  }>;
  progress?: TrainJobProgressInfo;
  pods: TrainJobPodInfo[];
  /** The most recent events, newest first (at most 50). */
  events: TrainJobEventInfo[];
  /**
   * Parts that could not be read (pods or events), with a safe reason; the
   * rest of the answer is still live.
   */
  warnings?: string[];
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
  /** `fail` if any check failed, else `unknown` if any is unknown, else `pass`. */
  status: ComplianceStatus;
  results: ComplianceResult[];
}

/**
 * Filters of `GET /compliance/report`; each list is an "any of", and an
 * absent one means "all".
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
 * Answer of `GET /compliance/report` (JSON form).
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
