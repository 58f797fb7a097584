const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi;
const HOST_PORT_PATTERN =
  /\b(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{2,5}\b/gi;
const BEARER_PATTERN = /bearer\s+[^\s'"]+/gi;

const HINTS: Record<number, string> = {
  401: 'check the token',
  403: 'check the permissions of the token',
  404: 'check the URL and that the API is installed',
  410: 'the resource version is too old',
};

/**
 * Removes URLs, host:port pairs and bearer tokens from a message, so that
 * log lines never carry an internal address or a credential.
 */
export function redact(message: string): string {
  return message
    .replace(BEARER_PATTERN, 'Bearer <redacted>')
    .replace(URL_PATTERN, '<url>')
    .replace(HOST_PORT_PATTERN, '<host>');
}

function statusMessage(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (parsed && typeof parsed === 'object') {
    const message =
      (parsed as { message?: unknown }).message ??
      (parsed as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string' && message) {
      return message;
    }
  }
  return undefined;
}

/** The HTTP status carried by an error from a client, if any. */
export function httpStatusOf(error: unknown): number | undefined {
  const e = error as { code?: unknown; statusCode?: unknown; status?: unknown };
  for (const value of [e?.statusCode, e?.code, e?.status]) {
    if (typeof value === 'number' && value >= 100 && value < 600) {
      return value;
    }
  }
  return undefined;
}

/**
 * A short, safe description of why a call to a cluster or registry failed:
 * the HTTP status and the server's message, or the network error code; never
 * the URL or the token.
 */
export function describeError(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    body?: unknown;
    cause?: { code?: string; name?: string };
    code?: unknown;
  };
  const status = httpStatusOf(error);
  if (status !== undefined) {
    const message = statusMessage(e.body);
    const hint = HINTS[status];
    return redact(
      `HTTP ${status}${message ? `: ${message.slice(0, 300)}` : ''}${
        hint ? ` (${hint})` : ''
      }`,
    );
  }
  if (e?.name === 'TimeoutError') {
    return 'request timed out';
  }
  if (e?.name === 'AbortError') {
    return 'request aborted';
  }
  const networkCode =
    e?.cause?.code ?? (typeof e?.code === 'string' ? e.code : undefined);
  if (networkCode) {
    return `network error ${networkCode}`;
  }
  if (e?.cause?.name === 'TimeoutError') {
    return 'request timed out';
  }
  return redact(
    `${e?.name ?? 'Error'}: ${String(e?.message ?? error).slice(0, 300)}`,
  );
}
