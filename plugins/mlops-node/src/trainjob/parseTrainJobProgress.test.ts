import { parseTrainJobProgress } from './parseTrainJobProgress';

describe('parseTrainJobProgress', () => {
  it('reads status.trainerStatus', () => {
    expect(
      parseTrainJobProgress({
        status: {
          trainerStatus: {
            progressPercentage: 60,
            estimatedRemainingSeconds: 1200,
            metrics: [
              { name: 'loss', value: '0.231' },
              { name: 'auc', value: '0.91' },
            ],
            lastUpdatedTime: '2026-04-19T10:00:00Z',
          },
        },
      }),
    ).toEqual({
      source: 'trainerStatus',
      progressPercentage: 60,
      estimatedRemainingSeconds: 1200,
      metrics: { loss: '0.231', auc: '0.91' },
      lastUpdatedTime: '2026-04-19T10:00:00Z',
    });
  });

  it('prefers trainerStatus over the OpenShift AI annotation', () => {
    const progress = parseTrainJobProgress({
      metadata: {
        annotations: {
          'trainer.opendatahub.io/trainerStatus': '{"progressPercentage":5}',
        },
      },
      status: { trainerStatus: { progressPercentage: 50 } },
    });
    expect(progress?.source).toBe('trainerStatus');
    expect(progress?.progressPercentage).toBe(50);
  });

  it('reads the OpenShift AI annotation', () => {
    const annotation = JSON.stringify({
      progressPercentage: 42,
      estimatedRemainingSeconds: 600,
      estimatedRemainingTimeSummary: '10 minutes',
      currentStep: 420,
      totalSteps: 1000,
      currentEpoch: 1.5,
      totalEpochs: 3,
      trainMetrics: { loss: 0.4, learning_rate: '1e-4', ignored: { x: 1 } },
      evalMetrics: { accuracy: 0.88 },
      lastUpdatedTime: '2026-04-19T10:00:00Z',
    });
    expect(
      parseTrainJobProgress({
        metadata: {
          annotations: { 'trainer.opendatahub.io/trainerStatus': annotation },
        },
      }),
    ).toEqual({
      source: 'annotation',
      progressPercentage: 42,
      estimatedRemainingSeconds: 600,
      currentStep: 420,
      totalSteps: 1000,
      currentEpoch: 1.5,
      totalEpochs: 3,
      metrics: {
        train_loss: 0.4,
        train_learning_rate: '1e-4',
        eval_accuracy: 0.88,
      },
      lastUpdatedTime: '2026-04-19T10:00:00Z',
    });
  });

  it('returns undefined without progress or with a bad annotation', () => {
    expect(parseTrainJobProgress({})).toBeUndefined();
    expect(
      parseTrainJobProgress({
        metadata: {
          annotations: { 'trainer.opendatahub.io/trainerStatus': '{not json' },
        },
      }),
    ).toBeUndefined();
    expect(
      parseTrainJobProgress({
        metadata: {
          annotations: { 'trainer.opendatahub.io/trainerStatus': '[1,2]' },
        },
      }),
    ).toBeUndefined();
  });
});
