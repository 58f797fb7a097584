import type { TrainingJobPhase } from '@sovereign-ai/backstage-plugin-mlops-common';
import { parseTrainJobProgress } from './parseTrainJobProgress';
import type { TrainJob } from './types';

function conditionIsTrue(trainJob: TrainJob, type: string): boolean {
  return (trainJob.status?.conditions ?? []).some(
    c => c?.type === type && c.status === 'True',
  );
}

/**
 * Derives a coarse phase of a TrainJob from its conditions and jobsStatus.
 *
 * @remarks
 * Kubeflow Trainer only sets the conditions `Suspended`, `Complete` and
 * `Failed`; there is no Running or Pending condition, and the `State`
 * printer column (type of the last condition) calls a resumed job
 * "Suspended". So, in this order:
 *
 * - `Failed` when the `Failed` condition is True;
 * - `Succeeded` when the `Complete` condition is True;
 * - `Suspended` when the `Suspended` condition is True, or `spec.suspend`
 *   is set and the controller has not caught up yet;
 * - `Running` when a child job has active or ready pods, or the trainer
 *   reports progress (`status.trainerStatus` or the OpenShift AI
 *   annotation) while no final condition is set;
 * - `Pending` otherwise (created, waiting for admission or pods).
 *
 * Works on both CRD shapes and on objects with no status at all.
 *
 * @public
 */
export function deriveTrainJobPhase(trainJob: TrainJob): TrainingJobPhase {
  if (conditionIsTrue(trainJob, 'Failed')) {
    return 'Failed';
  }
  if (conditionIsTrue(trainJob, 'Complete')) {
    return 'Succeeded';
  }
  if (conditionIsTrue(trainJob, 'Suspended') || trainJob.spec?.suspend) {
    return 'Suspended';
  }
  const jobs = trainJob.status?.jobsStatus ?? [];
  if (jobs.some(j => (j?.active ?? 0) > 0 || (j?.ready ?? 0) > 0)) {
    return 'Running';
  }
  if (parseTrainJobProgress(trainJob)) {
    return 'Running';
  }
  return 'Pending';
}
