import type { TrainJobStatusResponse } from '../api/types';
import { describeFailure } from './describeFailure';

const base: TrainJobStatusResponse = {
  cluster: 'sovereign-fr',
  namespace: 'fraud-ml',
  name: 'fraud-detector-train-0417',
  entityRef:
    'trainingjob:default/sovereign-fr-fraud-ml-fraud-detector-train-0417',
  phase: 'Running',
  suspended: false,
  conditions: [],
  jobsStatus: [],
  pods: [],
  events: [],
};

describe('describeFailure', () => {
  it('says nothing about a healthy job', () => {
    expect(describeFailure(base)).toBeUndefined();
  });

  it('names the failed condition, the OOMKilled container and the warnings', () => {
    const failure = describeFailure({
      ...base,
      phase: 'Failed',
      conditions: [
        { type: 'Created', status: 'True' },
        {
          type: 'Failed',
          status: 'True',
          reason: 'FailedJobs',
          message: 'jobset failed: node failed',
        },
      ],
      pods: [
        {
          name: 'fraud-detector-train-0417-node-0-1',
          phase: 'Failed',
          restarts: 0,
          containers: [
            {
              name: 'node',
              ready: false,
              restartCount: 0,
              state: 'terminated',
              reason: 'OOMKilled',
              exitCode: 137,
            },
          ],
        },
      ],
      events: [
        {
          type: 'Normal',
          reason: 'Created',
          message: 'created',
          object: { kind: 'Pod', name: 'p' },
          count: 1,
        },
        {
          type: 'Warning',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
          object: { kind: 'Job', name: 'node' },
          count: 1,
        },
      ],
    });
    expect(failure).toEqual({
      summary: 'FailedJobs: jobset failed: node failed',
      containers: [
        'fraud-detector-train-0417-node-0-1 / node: OOMKilled (exit 137)',
      ],
      events: [
        'BackoffLimitExceeded: Job has reached the specified backoff limit (Job node)',
      ],
    });
  });

  it('reports a container that restarted after being killed', () => {
    const failure = describeFailure({
      ...base,
      pods: [
        {
          name: 'p',
          phase: 'Running',
          restarts: 1,
          containers: [
            {
              name: 'node',
              ready: true,
              restartCount: 1,
              state: 'running',
              lastTerminationReason: 'OOMKilled',
            },
          ],
        },
      ],
    });
    expect(failure?.containers).toEqual(['p / node: OOMKilled']);
  });
});
