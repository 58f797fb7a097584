import { CustomErrorBase } from '@backstage/errors';

/**
 * A Kubernetes cluster failed to answer, or answered with an error the
 * caller cannot fix. Answered as HTTP 502 Bad Gateway: Backstage's error
 * handler takes the status from `statusCode`.
 *
 * @remarks
 * The message is shown to the user, so it names the cluster and the HTTP
 * status only: never the API server URL, a token or the upstream body. The
 * underlying error is logged by the service, not attached as `cause`
 * (which the error handler would serialise into the response).
 *
 * @public
 */
export class ClusterRequestError extends CustomErrorBase {
  name = 'ClusterRequestError' as const;
  readonly statusCode = 502;
}

/**
 * The caller has too many log streams open. Answered as HTTP 429.
 *
 * @public
 */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  readonly statusCode = 429;
}
