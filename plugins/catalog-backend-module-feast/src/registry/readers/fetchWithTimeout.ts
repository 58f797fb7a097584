import { httpStatusError, networkError } from './readErrors';

/**
 * Options of {@link fetchWithTimeout}.
 *
 * @internal
 */
export interface FetchOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  timeoutMs: number;
  /** Names the request in errors, without host or credentials. */
  what: string;
  accept?: string;
}

/**
 * GETs a URL with Node's fetch, bounded by a timeout that covers the whole
 * body, and throws a log-safe error on failure or on a non-2xx status.
 *
 * @internal
 */
export async function fetchWithTimeout(
  url: string,
  options: FetchOptions,
  read: (response: Response) => Promise<any>,
): Promise<any> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      headers: {
        ...(options.accept ? { accept: options.accept } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    });
    if (!response.ok) {
      // Drain the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      throw httpStatusError(response.status, options.what);
    }
    return await read(response);
  } catch (error) {
    if (isOwnError(error)) throw error;
    throw networkError(error, options.what, options.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function isOwnError(error: unknown): boolean {
  return (
    error instanceof Error &&
    [
      'AuthenticationError',
      'NotAllowedError',
      'NotFoundError',
      'ServiceUnavailableError',
      'InputError',
    ].includes(error.name)
  );
}
