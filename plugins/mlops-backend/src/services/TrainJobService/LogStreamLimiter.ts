import { TooManyRequestsError } from '../../lib/errors';

/**
 * Counts open log streams per user, so one user cannot hold many
 * long-lived upstream connections to a cluster.
 */
export class LogStreamLimiter {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  /**
   * Takes a slot for `user` and returns the function that frees it (safe to
   * call more than once).
   *
   * @throws TooManyRequestsError when the user already has the maximum.
   */
  acquire(user: string): () => void {
    const count = this.open.get(user) ?? 0;
    if (count >= this.maxPerUser) {
      throw new TooManyRequestsError(
        `You already have ${count} log streams open, the most allowed at a time (mlops.logs.maxConcurrentStreamsPerUser); close one first`,
      );
    }
    this.open.set(user, count + 1);
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      const left = (this.open.get(user) ?? 1) - 1;
      if (left > 0) {
        this.open.set(user, left);
      } else {
        this.open.delete(user);
      }
    };
  }

  /** Streams open for `user`. */
  count(user: string): number {
    return this.open.get(user) ?? 0;
  }
}
