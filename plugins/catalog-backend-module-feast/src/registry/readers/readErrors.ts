import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * The error for an HTTP answer that is not a success. `what` names the
 * request without host or credentials (for example `GET /feature_views`), so
 * the message is safe to log.
 *
 * @internal
 */
export function httpStatusError(status: number, what: string): Error {
  const message = `${what} answered HTTP ${status}`;
  switch (status) {
    case 401:
      return new AuthenticationError(`${message}: check the token`);
    case 403:
      return new NotAllowedError(`${message}: access denied`);
    case 404:
      return new NotFoundError(message);
    default:
      return new ServiceUnavailableError(message);
  }
}

/**
 * Describes a failed network call by its error code only: the messages of
 * Node's fetch and of the AWS SDK can carry host names and URLs.
 *
 * @internal
 */
export function networkError(
  error: unknown,
  what: string,
  timeoutMs: number,
): Error {
  const e = error as {
    name?: string;
    code?: string;
    cause?: { code?: string };
  };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') {
    return new ServiceUnavailableError(
      `${what} timed out after ${timeoutMs} ms`,
    );
  }
  const code = e?.cause?.code ?? e?.code ?? e?.name ?? 'unknown error';
  return new ServiceUnavailableError(`${what} failed: ${code}`);
}
