import { CustomErrorBase } from '@backstage/errors';

/**
 * What kind of failure an {@link MlopsApiError} is, so that the UI can say
 * what to do about it.
 *
 * - `not-installed`: the mlops backend plugin is not installed (404 on its base).
 * - `unreachable`: the backend did not answer at all (down, network).
 * - `permission`: not signed in, or the permission policy denied the request.
 * - `cluster`: the Kubernetes cluster behind a TrainJob did not answer (502).
 * - `not-found`: the entity or TrainJob does not exist (any more).
 * - `input`: the request was rejected as invalid (400).
 * - `server`: any other failure of the backend.
 *
 * @public
 */
export type MlopsErrorKind =
  | 'not-installed'
  | 'unreachable'
  | 'permission'
  | 'cluster'
  | 'not-found'
  | 'input'
  | 'server';

/**
 * A failed call to the mlops backend, with a message a user can act on.
 *
 * @public
 */
export class MlopsApiError extends CustomErrorBase {
  name = 'MlopsApiError' as const;
  readonly kind: MlopsErrorKind;
  /** HTTP status, when the backend answered. */
  readonly status?: number;

  constructor(
    kind: MlopsErrorKind,
    message: string,
    options?: { status?: number; cause?: Error },
  ) {
    super(message, options?.cause);
    this.kind = kind;
    this.status = options?.status;
  }
}

/**
 * A short title for each kind of failure, shown above the message.
 *
 * @public
 */
export const MLOPS_ERROR_TITLES: Record<MlopsErrorKind, string> = {
  'not-installed': 'The mlops backend is not installed',
  unreachable: 'The backend cannot be reached',
  permission: 'Permission denied',
  cluster: 'The cluster cannot be reached',
  'not-found': 'Not found',
  input: 'Invalid request',
  server: 'The mlops backend failed',
};
