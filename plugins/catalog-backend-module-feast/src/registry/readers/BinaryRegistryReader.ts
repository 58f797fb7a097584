import { decodeRegistry } from '../decodeRegistry';
import type { FeastRegistryReader, FeastRegistrySnapshot } from '../types';

/**
 * Reads a `registry.db` (from a file, an URL or an object store, through the
 * given loader) and decodes it.
 *
 * @public
 */
export class BinaryRegistryReader implements FeastRegistryReader {
  constructor(private readonly load: () => Promise<Uint8Array>) {}

  async read(): Promise<FeastRegistrySnapshot> {
    return decodeRegistry(await this.load());
  }
}
