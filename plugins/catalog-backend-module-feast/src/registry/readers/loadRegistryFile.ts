import { readFile } from 'node:fs/promises';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';

/**
 * Reads a local `registry.db`. A relative path is resolved against the
 * backend's working directory.
 *
 * @internal
 */
export async function loadRegistryFile(
  path: string,
  timeoutMs: number,
): Promise<Uint8Array> {
  try {
    return await readFile(path, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const code = (error as { code?: string; name?: string }).code;
    if (code === 'ENOENT') {
      throw new NotFoundError('the registry file does not exist (ENOENT)');
    }
    if ((error as Error).name === 'AbortError') {
      throw new ServiceUnavailableError(
        `reading the registry file timed out after ${timeoutMs} ms`,
      );
    }
    throw new ServiceUnavailableError(
      `the registry file could not be read (${code ?? (error as Error).name})`,
    );
  }
}
