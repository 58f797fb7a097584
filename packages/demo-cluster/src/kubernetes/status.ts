import {
  ConflictError,
  CustomErrorBase,
  InputError,
  NotFoundError,
  isError,
} from '@backstage/errors';
import type { ResourceType } from './resourceTypes';

/** `reason` of a Kubernetes `Status` for an HTTP code (StatusReason in apimachinery). */
export const STATUS_REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** The body of a Kubernetes `Status` (metav1.Status) failure. */
export interface KubernetesStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: {};
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string };
  code: number;
}

/** Builds the `Status` object the API server answers failures with. */
export function statusBody(
  code: number,
  message: string,
  reason = STATUS_REASONS[code] ?? 'Unknown',
  details?: KubernetesStatus['details'],
): KubernetesStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

/** An API failure with its Kubernetes status code and reason. */
export class KubernetesStatusError extends CustomErrorBase {
  readonly status: KubernetesStatus;

  constructor(
    code: number,
    message: string,
    reason?: string,
    details?: KubernetesStatus['details'],
  ) {
    super(message);
    this.name = 'KubernetesStatusError';
    this.status = statusBody(code, message, reason, details);
  }
}

/** 404 for a path that addresses no served resource or subresource. */
export function unknownResourceError(): KubernetesStatusError {
  return new KubernetesStatusError(
    404,
    'the server could not find the requested resource',
  );
}

/** 404 for a missing object, worded like the API server (`pods "x" not found`). */
export function objectNotFoundError(
  type: ResourceType,
  name: string,
): NotFoundError {
  return new NotFoundError(
    `${type.plural}${type.group ? `.${type.group}` : ''} "${name}" not found`,
  );
}

/** 405 for a verb the addressed resource does not support. */
export function methodNotAllowedError(method: string): KubernetesStatusError {
  return new KubernetesStatusError(
    405,
    `the server does not allow this method on the requested resource: ${method}`,
  );
}

/**
 * The `Status` a failure is answered with. Errors of the stores and the CRD
 * validator are Backstage errors; they map to the codes the API server uses
 * for the same failures, and anything else is a 500.
 */
export function statusOfError(error: unknown): KubernetesStatus {
  if (error instanceof KubernetesStatusError) return error.status;
  if (error instanceof NotFoundError) return statusBody(404, error.message);
  if (error instanceof ConflictError) {
    return statusBody(409, error.message, 'AlreadyExists');
  }
  if (error instanceof InputError) return statusBody(400, error.message);
  return statusBody(
    500,
    `internal error: ${isError(error) ? error.message : String(error)}`,
  );
}
