import { ANNOTATION_ODH_TRAINER_STATUS } from '@sovereign-ai/backstage-plugin-mlops-common';
import type { TrainJob } from './types';

/**
 * Live training progress of a TrainJob, from whichever source reported it.
 *
 * @public
 */
export interface TrainJobProgress {
  /** `trainerStatus` (upstream v2.2+ field) or `annotation` (OpenShift AI). */
  source: 'trainerStatus' | 'annotation';
  /** 0 to 100. */
  progressPercentage?: number;
  estimatedRemainingSeconds?: number;
  /** Metric name to value; upstream sends strings, OpenShift AI numbers. */
  metrics: Record<string, string | number>;
  /** ISO 8601 time of the last report. */
  lastUpdatedTime?: string;
  currentStep?: number;
  totalSteps?: number;
  currentEpoch?: number;
  totalEpochs?: number;
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() && Number.isFinite(+value)) {
    return +value;
  }
  return undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function scalarMap(
  value: unknown,
  prefix: string,
): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'number' || typeof v === 'string') {
        result[`${prefix}${key}`] = v;
      }
    }
  }
  return result;
}

function fromTrainerStatus(trainJob: TrainJob): TrainJobProgress | undefined {
  const status = trainJob.status?.trainerStatus;
  if (!status || typeof status !== 'object') {
    return undefined;
  }
  const metrics: Record<string, string | number> = {};
  for (const metric of Array.isArray(status.metrics) ? status.metrics : []) {
    if (typeof metric?.name === 'string' && metric.value !== undefined) {
      metrics[metric.name] = String(metric.value);
    }
  }
  return {
    source: 'trainerStatus',
    progressPercentage: num(status.progressPercentage),
    estimatedRemainingSeconds: num(status.estimatedRemainingSeconds),
    metrics,
    lastUpdatedTime: str(status.lastUpdatedTime),
  };
}

function fromAnnotation(trainJob: TrainJob): TrainJobProgress | undefined {
  const raw = trainJob.metadata?.annotations?.[ANNOTATION_ODH_TRAINER_STATUS];
  if (typeof raw !== 'string') {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // Written by a controller we do not own: a bad value means "no progress".
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return undefined;
  }
  const status = parsed as Record<string, unknown>;
  return {
    source: 'annotation',
    progressPercentage: num(status.progressPercentage),
    estimatedRemainingSeconds: num(status.estimatedRemainingSeconds),
    metrics: {
      ...scalarMap(status.trainMetrics, 'train_'),
      ...scalarMap(status.evalMetrics, 'eval_'),
    },
    lastUpdatedTime: str(status.lastUpdatedTime),
    currentStep: num(status.currentStep),
    totalSteps: num(status.totalSteps),
    currentEpoch: num(status.currentEpoch),
    totalEpochs: num(status.totalEpochs),
  };
}

/**
 * Reads the live progress of a TrainJob: the upstream `status.trainerStatus`
 * first (Kubeflow Trainer v2.2+, feature gate `TrainJobStatus`), then the
 * JSON annotation `trainer.opendatahub.io/trainerStatus` that OpenShift AI's
 * progression tracking writes. Returns `undefined` when neither is present
 * or the annotation is not valid JSON.
 *
 * @public
 */
export function parseTrainJobProgress(
  trainJob: TrainJob,
): TrainJobProgress | undefined {
  return fromTrainerStatus(trainJob) ?? fromAnnotation(trainJob);
}
