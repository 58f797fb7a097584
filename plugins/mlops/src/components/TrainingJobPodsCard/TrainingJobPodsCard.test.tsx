import { screen } from '@testing-library/react';
import { MlopsApiError } from '../../api/MlopsApiError';
import { failedJob, failedStatus } from '../../__testUtils__/fixtures';
import {
  mockMlopsApi,
  renderEntityCard,
} from '../../__testUtils__/renderEntityCard';
import { TrainingJobPodsCard } from './TrainingJobPodsCard';

describe('TrainingJobPodsCard', () => {
  it('lists pods with container states and the events', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue({
        ...failedStatus,
        events: [
          {
            type: 'Warning',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit',
            object: { kind: 'Job', name: 'node' },
            count: 2,
          },
        ],
      }),
    });
    await renderEntityCard(<TrainingJobPodsCard />, {
      entity: failedJob,
      mlopsApi: api,
    });
    expect(
      await screen.findByText('fraud-detector-train-0417-node-0-1-xyz'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('node: terminated, OOMKilled, exit 137'),
    ).toBeInTheDocument();
    expect(screen.getByText('BackoffLimitExceeded')).toBeInTheDocument();
    expect(screen.getByText(/backoff limit \(x2\)/)).toBeInTheDocument();
  });

  it('has empty states for pods and events', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest
        .fn()
        .mockResolvedValue({ ...failedStatus, pods: [] }),
    });
    await renderEntityCard(<TrainingJobPodsCard />, {
      entity: failedJob,
      mlopsApi: api,
    });
    expect(
      await screen.findByText(/No pods: the job has not started yet/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No recent events/)).toBeInTheDocument();
  });

  it('says when the backend is down', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest
        .fn()
        .mockRejectedValue(
          new MlopsApiError(
            'unreachable',
            'Could not load: the Backstage backend cannot be reached.',
          ),
        ),
    });
    await renderEntityCard(<TrainingJobPodsCard />, {
      entity: failedJob,
      mlopsApi: api,
    });
    expect(
      await screen.findByText('The backend cannot be reached'),
    ).toBeInTheDocument();
  });
});
