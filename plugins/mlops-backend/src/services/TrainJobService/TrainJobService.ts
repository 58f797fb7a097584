import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Readable } from 'node:stream';
import type {
  TrainJobActionResponse,
  TrainJobStatusResponse,
} from '@sovereign-ai/backstage-plugin-mlops-common';

/**
 * Identifies a TrainJob on a configured cluster.
 *
 * @public
 */
export interface TrainJobId {
  cluster: string;
  namespace: string;
  name: string;
}

/**
 * What `GET .../logs` asks for, already validated.
 *
 * @public
 */
export interface TrainJobLogRequest {
  /** A pod of the TrainJob; default: the first trainer node. */
  pod?: string;
  /** A container of the pod; default: its only container, or `node`. */
  container?: string;
  tailLines: number;
  follow: boolean;
}

/**
 * An open log stream. `close` stops the upstream request; it is called by
 * the router when the client goes away, and is safe to call twice.
 *
 * @public
 */
export interface TrainJobLogStream {
  pod: string;
  container: string;
  stream: Readable;
  close(): void;
}

/**
 * Live status, logs and actions of TrainJobs. Every method first finds the
 * TrainingJob entity with the caller's credentials: an entity the caller
 * cannot read is answered like a missing one.
 *
 * @public
 */
export interface TrainJobService {
  getStatus(
    id: TrainJobId,
    options: { credentials: BackstageCredentials },
  ): Promise<TrainJobStatusResponse>;
  openLogs(
    id: TrainJobId,
    request: TrainJobLogRequest,
    options: { credentials: BackstageCredentials },
  ): Promise<TrainJobLogStream>;
  /** Sets or clears `spec.suspend`; needs `mlops.trainjob.manage`. */
  setSuspended(
    id: TrainJobId,
    suspend: boolean,
    options: { credentials: BackstageCredentials },
  ): Promise<TrainJobActionResponse>;
  /** Deletes the TrainJob; needs `mlops.trainjob.manage`. */
  delete(
    id: TrainJobId,
    options: { credentials: BackstageCredentials },
  ): Promise<void>;
}
