import type { TrainJobStatusResponse } from '../api/types';

/** Why a TrainJob failed, in a few lines a person can act on. */
export interface FailureDescription {
  /** The Failed condition's reason and message, for example `BackoffLimitExceeded: ...`. */
  summary?: string;
  /** Containers that ended badly, for example `node-0 / node: OOMKilled (exit 137)`. */
  containers: string[];
  /** Recent warning events, newest first. */
  events: string[];
}

/**
 * Collects why a job failed from its conditions, its pods' containers and
 * its warning events, or undefined when nothing points at a failure.
 */
export function describeFailure(
  status: TrainJobStatusResponse,
): FailureDescription | undefined {
  const failed = status.conditions.find(
    c => c.type === 'Failed' && c.status === 'True',
  );
  const summary = failed
    ? [failed.reason, failed.message].filter(Boolean).join(': ') || 'Failed'
    : undefined;
  const containers = status.pods.flatMap(pod =>
    pod.containers.flatMap(c => {
      const reason =
        c.state === 'terminated' && (c.exitCode ?? 0) !== 0
          ? c.reason ?? 'Error'
          : c.lastTerminationReason ??
            (c.state === 'waiting' && c.reason === 'CrashLoopBackOff'
              ? c.reason
              : undefined);
      if (!reason) return [];
      const exit = c.exitCode !== undefined ? ` (exit ${c.exitCode})` : '';
      return [`${pod.name} / ${c.name}: ${reason}${exit}`];
    }),
  );
  const events = status.events
    .filter(e => e.type === 'Warning')
    .slice(0, 5)
    .map(e => `${e.reason}: ${e.message} (${e.object.kind} ${e.object.name})`);
  if (!summary && containers.length === 0 && status.phase !== 'Failed') {
    return undefined;
  }
  return { summary, containers, events };
}
