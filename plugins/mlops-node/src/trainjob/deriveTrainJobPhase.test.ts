import { deriveTrainJobPhase } from './deriveTrainJobPhase';
import type { TrainJob, TrainJobCondition } from './types';

function job(
  conditions: TrainJobCondition[] = [],
  extra: Partial<TrainJob> & { suspend?: boolean } = {},
): TrainJob {
  return {
    metadata: { name: 'j', namespace: 'ns', annotations: {} },
    spec: { runtimeRef: { name: 'torch-distributed' }, suspend: extra.suspend },
    ...extra,
    status: { conditions, ...extra.status },
  };
}

const cond = (type: string, status = 'True', reason = type) => ({
  type,
  status,
  reason,
  message: '',
  lastTransitionTime: '2026-04-12T08:00:00Z',
});

describe('deriveTrainJobPhase', () => {
  it('is Pending with no status', () => {
    expect(deriveTrainJobPhase({ spec: {} })).toBe('Pending');
    expect(deriveTrainJobPhase(job())).toBe('Pending');
  });

  it('is Failed when the Failed condition is True, even after Complete', () => {
    expect(
      deriveTrainJobPhase(job([cond('Failed', 'True', 'FailedJobs')])),
    ).toBe('Failed');
    expect(deriveTrainJobPhase(job([cond('Complete'), cond('Failed')]))).toBe(
      'Failed',
    );
  });

  it('is Succeeded when Complete is True', () => {
    expect(
      deriveTrainJobPhase(job([cond('Complete', 'True', 'AllJobsCompleted')])),
    ).toBe('Succeeded');
  });

  it('ignores conditions that are False', () => {
    expect(deriveTrainJobPhase(job([cond('Failed', 'False')]))).toBe('Pending');
  });

  it('is Suspended by condition or by spec.suspend', () => {
    expect(deriveTrainJobPhase(job([cond('Suspended')]))).toBe('Suspended');
    expect(deriveTrainJobPhase(job([], { suspend: true }))).toBe('Suspended');
  });

  it('is Running after resume when child jobs are active (not Suspended like the printer column)', () => {
    expect(
      deriveTrainJobPhase(
        job([cond('Suspended', 'False', 'Resumed')], {
          status: { jobsStatus: [{ name: 'node', active: 2, ready: 2 }] },
        }),
      ),
    ).toBe('Running');
    expect(
      deriveTrainJobPhase(job([cond('Suspended', 'False', 'Resumed')])),
    ).toBe('Pending');
  });

  it('is Running when only the initializer is active', () => {
    expect(
      deriveTrainJobPhase(
        job([], {
          status: {
            jobsStatus: [
              { name: 'dataset-initializer', active: 1 },
              { name: 'node', active: 0 },
            ],
          },
        }),
      ),
    ).toBe('Running');
  });

  it('is Running when the trainer reports progress', () => {
    expect(
      deriveTrainJobPhase(
        job([], {
          status: {
            trainerStatus: {
              progressPercentage: 60,
              lastUpdatedTime: '2026-04-19T10:00:00Z',
            },
          },
        }),
      ),
    ).toBe('Running');
    expect(
      deriveTrainJobPhase({
        metadata: {
          annotations: {
            'trainer.opendatahub.io/trainerStatus':
              '{"progressPercentage": 10}',
          },
        },
        spec: {},
      }),
    ).toBe('Running');
  });
});
