import type { FeastEntityProviderConfig } from '../../providers/FeastEntityProviderConfig';
import type { FeastRegistryReader } from '../types';
import { BinaryRegistryReader } from './BinaryRegistryReader';
import { fetchWithTimeout } from './fetchWithTimeout';
import { loadRegistryFile } from './loadRegistryFile';
import { createS3RegistryLoader } from './loadRegistryFromS3';
import { RestRegistryReader } from './RestRegistryReader';

/**
 * Creates the reader for a configured registry location.
 *
 * @internal
 */
export function createRegistryReader(
  config: FeastEntityProviderConfig,
): FeastRegistryReader {
  const { registry, timeoutMs, token } = config;
  switch (registry.type) {
    case 'path':
      return new BinaryRegistryReader(() =>
        loadRegistryFile(registry.path, timeoutMs),
      );
    case 'url':
      return new BinaryRegistryReader(() =>
        fetchWithTimeout(
          registry.url,
          { token, timeoutMs, what: 'GET of the registry file' },
          async response => new Uint8Array(await response.arrayBuffer()),
        ),
      );
    case 's3':
      return new BinaryRegistryReader(
        createS3RegistryLoader(registry, timeoutMs),
      );
    case 'rest':
      return new RestRegistryReader({
        baseUrl: registry.url,
        token,
        timeoutMs,
        projects: config.projects,
      });
    default:
      // should never be reached
      throw new Error(`Unknown registry type`);
  }
}
