import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ServiceUnavailableError } from '@backstage/errors';
import { httpStatusError, networkError } from './readErrors';

/**
 * Where a `registry.db` lies in an S3-compatible object store.
 *
 * @internal
 */
export interface S3RegistryLocation {
  bucket: string;
  key: string;
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
}

/**
 * Creates a loader for a `registry.db` in S3 or an S3-compatible store (MinIO,
 * Ceph). Credentials come from the AWS SDK's default chain (environment,
 * shared files, web identity, instance metadata); without a region,
 * `us-east-1` is used, as S3-compatible stores expect.
 *
 * @internal
 */
export function createS3RegistryLoader(
  location: S3RegistryLocation,
  timeoutMs: number,
): () => Promise<Uint8Array> {
  const client = new S3Client({
    region: location.region ?? 'us-east-1',
    endpoint: location.endpoint,
    forcePathStyle: location.forcePathStyle,
    maxAttempts: 1,
  });
  const what = 'S3 GetObject of the registry file';
  return async () => {
    const abortSignal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await client.send(
        new GetObjectCommand({ Bucket: location.bucket, Key: location.key }),
        { abortSignal },
      );
      if (!response.Body) {
        throw new ServiceUnavailableError(`${what} returned no body`);
      }
      return await response.Body.transformToByteArray();
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw error;
      const status = (error as { $metadata?: { httpStatusCode?: number } })
        .$metadata?.httpStatusCode;
      if (status && status >= 400) {
        throw httpStatusError(status, `${what} (${(error as Error).name})`);
      }
      throw networkError(
        abortSignal.aborted ? { name: 'AbortError' } : error,
        what,
        timeoutMs,
      );
    }
  };
}
