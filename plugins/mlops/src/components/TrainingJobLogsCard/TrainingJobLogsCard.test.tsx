import { screen, waitFor } from '@testing-library/react';
import type { TrainJobLogStream } from '../../api/types';
import { MlopsApiError } from '../../api/MlopsApiError';
import {
  failedJob,
  failedStatus,
  runningJob,
  runningStatus,
} from '../../__testUtils__/fixtures';
import {
  mockMlopsApi,
  renderEntityCard,
} from '../../__testUtils__/renderEntityCard';
import { TrainingJobLogsCard } from './TrainingJobLogsCard';

// The real viewer virtualises its lines and draws none in a DOM without
// layout; the text it is given is what matters here.
jest.mock('@backstage/core-components', () => ({
  ...jest.requireActual('@backstage/core-components'),
  LogViewer: (props: { text: string }) => <pre>{props.text}</pre>,
}));

function stream(chunks: string[], close = jest.fn()): TrainJobLogStream {
  return {
    pod: 'p',
    container: 'node',
    chunks: (async function* gen() {
      yield* chunks;
    })(),
    close,
  };
}

describe('TrainingJobLogsCard', () => {
  it('follows the logs of the first trainer pod of a running job', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue(runningStatus),
      openTrainJobLogs: jest
        .fn()
        .mockResolvedValue(
          stream([
            'epoch 3 step 10 loss=0.23\n',
            'epoch 3 step 11 loss=0.22\n',
          ]),
        ),
    });
    await renderEntityCard(<TrainingJobLogsCard />, {
      entity: runningJob,
      mlopsApi: api,
    });
    expect(await screen.findByText(/step 11 loss=0.22/)).toBeInTheDocument();
    expect(api.openTrainJobLogs).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'fraud-detector-train-0419' }),
      {
        pod: 'fraud-detector-train-0419-node-0-0-abcde',
        container: 'node',
        follow: true,
        tailLines: 1000,
      },
      expect.any(AbortSignal),
    );
    expect(screen.getByRole('checkbox', { name: 'Follow' })).toBeChecked();
  });

  it('reads, without following, the failed pod of a failed job', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue(failedStatus),
      openTrainJobLogs: jest
        .fn()
        .mockResolvedValue(stream(['RuntimeError: CUDA out of memory\n'])),
    });
    await renderEntityCard(<TrainingJobLogsCard />, {
      entity: failedJob,
      mlopsApi: api,
    });
    expect(await screen.findByText(/CUDA out of memory/)).toBeInTheDocument();
    expect(api.openTrainJobLogs).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        pod: 'fraud-detector-train-0417-node-0-1-xyz',
        follow: false,
      }),
      expect.any(AbortSignal),
    );
  });

  it('shows why the logs could not be read', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue(runningStatus),
      openTrainJobLogs: jest
        .fn()
        .mockRejectedValue(
          new MlopsApiError(
            'cluster',
            'Could not load the logs: cluster sovereign-fr timed out.',
          ),
        ),
    });
    await renderEntityCard(<TrainingJobLogsCard />, {
      entity: runningJob,
      mlopsApi: api,
    });
    expect(
      await screen.findByText('The cluster cannot be reached'),
    ).toBeInTheDocument();
  });

  it('says when there are no pods', async () => {
    const api = mockMlopsApi({
      getTrainJobStatus: jest
        .fn()
        .mockResolvedValue({ ...failedStatus, pods: [] }),
    });
    await renderEntityCard(<TrainingJobLogsCard />, {
      entity: failedJob,
      mlopsApi: api,
    });
    expect(
      await screen.findByText(/No pods to read logs from/),
    ).toBeInTheDocument();
  });

  it('stops reading when it unmounts', async () => {
    let signal: AbortSignal | undefined;
    const api = mockMlopsApi({
      getTrainJobStatus: jest.fn().mockResolvedValue(runningStatus),
      openTrainJobLogs: jest.fn().mockImplementation(async (_id, _req, s) => {
        signal = s;
        return stream(['line\n']);
      }),
    });
    const { unmount } = await renderEntityCard(<TrainingJobLogsCard />, {
      entity: runningJob,
      mlopsApi: api,
    });
    await waitFor(() => expect(signal).toBeDefined());
    unmount();
    expect(signal!.aborted).toBe(true);
  });
});
