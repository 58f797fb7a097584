import { CustomErrorBase } from '@backstage/errors';

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
