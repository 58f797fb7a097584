import { MlopsApiError } from '../api/MlopsApiError';
import { failedStatus, runningStatus } from '../__testUtils__/fixtures';
import { mockMlopsApi } from '../__testUtils__/renderEntityCard';
import {
  POLL_INITIAL_MS,
  POLL_MAX_MS,
  TrainJobStatusPoller,
} from './TrainJobStatusPoller';

const id = { cluster: 'sovereign-fr', namespace: 'fraud-ml', name: 'job' };

async function tick(ms: number) {
  await jest.advanceTimersByTimeAsync(ms);
}

describe('TrainJobStatusPoller', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls every 2 s while running and stops once finished', async () => {
    const getTrainJobStatus = jest
      .fn()
      .mockResolvedValueOnce(runningStatus)
      .mockResolvedValueOnce(runningStatus)
      .mockResolvedValue(failedStatus);
    const poller = new TrainJobStatusPoller(
      mockMlopsApi({ getTrainJobStatus }),
      id,
    );
    const unsubscribe = poller.subscribe(() => {});
    await tick(0);
    expect(getTrainJobStatus).toHaveBeenCalledTimes(1);
    await tick(POLL_INITIAL_MS);
    expect(getTrainJobStatus).toHaveBeenCalledTimes(2);
    await tick(POLL_INITIAL_MS);
    expect(getTrainJobStatus).toHaveBeenCalledTimes(3);
    expect(poller.getState()).toMatchObject({
      polling: false,
      value: failedStatus,
    });
    await tick(60_000);
    expect(getTrainJobStatus).toHaveBeenCalledTimes(3);
    unsubscribe();
  });

  it('backs off to 30 s on errors and keeps the last good status', async () => {
    const error = new MlopsApiError('cluster', 'down');
    const getTrainJobStatus = jest
      .fn()
      .mockResolvedValueOnce(runningStatus)
      .mockRejectedValue(error);
    const poller = new TrainJobStatusPoller(
      mockMlopsApi({ getTrainJobStatus }),
      id,
    );
    const unsubscribe = poller.subscribe(() => {});
    await tick(0);
    const times: number[] = [];
    let last = getTrainJobStatus.mock.calls.length;
    for (let t = 0; t < 120_000; t += 500) {
      await tick(500);
      if (getTrainJobStatus.mock.calls.length > last) {
        last = getTrainJobStatus.mock.calls.length;
        times.push(t + 500);
      }
    }
    const gaps = times.map((t, i) => t - (i === 0 ? 0 : times[i - 1]));
    expect(gaps.slice(0, 5)).toEqual([2000, 2000, 4000, 8000, 16000]);
    expect(Math.max(...gaps)).toBe(POLL_MAX_MS);
    expect(poller.getState()).toMatchObject({ value: runningStatus, error });
    unsubscribe();
  });

  it('stops when the last subscriber leaves', async () => {
    const getTrainJobStatus = jest.fn().mockResolvedValue(runningStatus);
    const poller = new TrainJobStatusPoller(
      mockMlopsApi({ getTrainJobStatus }),
      id,
    );
    const a = poller.subscribe(() => {});
    const b = poller.subscribe(() => {});
    await tick(0);
    a();
    await tick(POLL_INITIAL_MS);
    expect(getTrainJobStatus).toHaveBeenCalledTimes(2);
    b();
    await tick(10 * POLL_INITIAL_MS);
    expect(getTrainJobStatus).toHaveBeenCalledTimes(2);
  });
});
