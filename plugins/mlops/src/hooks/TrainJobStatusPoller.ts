import type { MlopsApi } from '../api/MlopsApi';
import type { TrainJobId, TrainJobStatusResponse } from '../api/types';
import { isFinishedPhase } from '../lib/phase';

/** First delay between polls of a live job, and the delay while it runs. */
export const POLL_INITIAL_MS = 2_000;
/** The longest delay, reached by doubling after each failed poll. */
export const POLL_MAX_MS = 30_000;
/** Delay while a job waits (Pending, Suspended): it changes rarely. */
export const POLL_IDLE_MS = 10_000;

/** What the cards see of a polled TrainJob. */
export interface TrainJobStatusState {
  value?: TrainJobStatusResponse;
  /** The last error; cleared by the next successful poll. */
  error?: Error;
  loading: boolean;
  /** Whether another poll is scheduled. */
  polling: boolean;
}

/**
 * Polls the live status of one TrainJob for every card that shows it, so that
 * the status, pods and logs cards of one page share one request: every 2 s
 * while it runs, backing off to 30 s while the backend fails, and not at all
 * once the job has succeeded or failed.
 */
export class TrainJobStatusPoller {
  private state: TrainJobStatusState = { loading: true, polling: false };
  private readonly listeners = new Set<(s: TrainJobStatusState) => void>();
  private timer?: ReturnType<typeof setTimeout>;
  private delay = POLL_INITIAL_MS;
  private inFlight = false;

  constructor(
    private readonly api: MlopsApi,
    private readonly id: TrainJobId,
  ) {}

  getState(): TrainJobStatusState {
    return this.state;
  }

  /** Subscribes; the first subscriber starts polling, the last stops it. */
  subscribe(listener: (s: TrainJobStatusState) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.poll();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.cancel();
      }
    };
  }

  /** Polls now (after an action), and resumes polling if it had stopped. */
  refresh(): void {
    this.cancel();
    this.delay = POLL_INITIAL_MS;
    this.poll();
  }

  private cancel() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.setState({ polling: false });
  }

  private setState(patch: Partial<TrainJobStatusState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private async poll() {
    if (this.inFlight) return;
    this.inFlight = true;
    let next: number | undefined;
    try {
      const value = await this.api.getTrainJobStatus(this.id);
      this.delay = POLL_INITIAL_MS;
      if (isFinishedPhase(value.phase)) {
        next = undefined;
      } else {
        next = value.phase === 'Running' ? POLL_INITIAL_MS : POLL_IDLE_MS;
      }
      this.setState({ value, error: undefined, loading: false });
    } catch (e) {
      // Keep the last good status on screen next to the error.
      next = this.delay;
      this.delay = Math.min(this.delay * 2, POLL_MAX_MS);
      this.setState({ error: e as Error, loading: false });
    } finally {
      this.inFlight = false;
    }
    if (this.listeners.size > 0 && next !== undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.poll();
      }, next);
      this.setState({ polling: true });
    } else {
      this.setState({ polling: false });
    }
  }
}
