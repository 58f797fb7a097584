import { ResponseError } from '@backstage/errors';
import { describeError, redact } from './describeError';

describe('describeError', () => {
  it('gives the HTTP status, the server message and a hint', () => {
    const error = Object.assign(new Error('HTTP-Code: 403'), {
      code: 403,
      body: JSON.stringify({
        kind: 'Status',
        code: 403,
        message:
          'trainjobs.trainer.kubeflow.org is forbidden: User "system:serviceaccount:backstage:reader" cannot list resource "trainjobs"',
      }),
    });
    expect(describeError(error)).toBe(
      'HTTP 403: trainjobs.trainer.kubeflow.org is forbidden: User "system:serviceaccount:backstage:reader" cannot list resource "trainjobs" (check the permissions of the token)',
    );
  });

  it('reads the status of a ResponseError', async () => {
    const error = await ResponseError.fromResponse(
      new Response(JSON.stringify({ code: 'x', message: 'unavailable' }), {
        status: 503,
        statusText: 'Service Unavailable',
      }) as any,
    );
    expect(describeError(error)).toMatch(/^HTTP 503/);
  });

  it('gives only the code of a network error, never the address', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:6443'), {
        code: 'ECONNREFUSED',
      }),
    });
    expect(describeError(error)).toBe('network error ECONNREFUSED');
  });

  it('removes URLs, host:port pairs and bearer tokens from other messages', () => {
    expect(
      describeError(
        new Error(
          'failed https://k8s.internal:6443/apis?x=1 via 10.0.0.1:443 with Bearer abc.def',
        ),
      ),
    ).toBe('Error: failed <url> via <host> with Bearer <redacted>');
    expect(redact('k8s.prod.example.com:6443 down')).toBe('<host> down');
  });

  it('names timeouts', () => {
    expect(describeError(new DOMException('x', 'TimeoutError'))).toBe(
      'request timed out',
    );
  });
});
