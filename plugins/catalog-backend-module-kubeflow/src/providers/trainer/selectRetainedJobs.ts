import type { TrainingJobPhase } from '@sovereign-ai/backstage-plugin-mlops-common';

/** What retention needs to know about one job. */
export interface RetentionCandidate {
  ref: string;
  cluster: string;
  namespace: string;
  /** ISO 8601 creation time; a job without one counts as the newest. */
  created?: string;
  phase: TrainingJobPhase;
}

/** The retention settings of a provider. */
export interface RetentionPolicy {
  maxJobsPerNamespace?: number;
  maxAgeMs?: number;
}

const FINISHED: TrainingJobPhase[] = ['Succeeded', 'Failed'];

/** True when the policy can drop anything at all. */
export function hasRetentionLimits(policy: RetentionPolicy): boolean {
  return (
    policy.maxJobsPerNamespace !== undefined || policy.maxAgeMs !== undefined
  );
}

/**
 * Picks the jobs to keep as entities. Per cluster namespace, newest first:
 * unfinished jobs and jobs in `protectedRefs` (those a model version points
 * at) are always kept; a finished job is dropped when it is older than
 * `maxAgeMs` or when `maxJobsPerNamespace` jobs are already kept.
 *
 * @returns the refs of the jobs to keep
 */
export function selectRetainedJobs(
  jobs: RetentionCandidate[],
  policy: RetentionPolicy,
  protectedRefs: ReadonlySet<string>,
  now: number,
): Set<string> {
  if (!hasRetentionLimits(policy)) {
    return new Set(jobs.map(j => j.ref));
  }
  const groups = new Map<string, RetentionCandidate[]>();
  for (const job of jobs) {
    const key = `${job.cluster}\u0000${job.namespace}`;
    const group = groups.get(key) ?? [];
    group.push(job);
    groups.set(key, group);
  }
  const kept = new Set<string>();
  for (const group of groups.values()) {
    const time = (j: RetentionCandidate) =>
      j.created ? Date.parse(j.created) || Infinity : Infinity;
    group.sort((a, b) => time(b) - time(a));
    let count = 0;
    for (const job of group) {
      const mustKeep =
        protectedRefs.has(job.ref.toLocaleLowerCase('en-US')) ||
        !FINISHED.includes(job.phase);
      const tooOld =
        policy.maxAgeMs !== undefined &&
        Number.isFinite(time(job)) &&
        now - time(job) > policy.maxAgeMs;
      const tooMany =
        policy.maxJobsPerNamespace !== undefined &&
        count >= policy.maxJobsPerNamespace;
      if (mustKeep || (!tooOld && !tooMany)) {
        kept.add(job.ref);
        count += 1;
      }
    }
  }
  return kept;
}
