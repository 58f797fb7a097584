import { InputError } from '@backstage/errors';
import { normalizeRegistry } from './normalizeRegistry';
import { decodeRegistryInstance } from './registryProto';
import type { FeastRegistrySnapshot } from './types';

/**
 * Decodes the bytes of a Feast `registry.db` (a serialized
 * `feast.core.Registry`, any schema era from v0.10 on) into a
 * {@link FeastRegistrySnapshot}.
 *
 * Throws an `InputError` when the bytes are not a Feast registry: malformed or
 * truncated protobuf, or content without the `registry_schema_version` that
 * Feast writes into every registry file. Zero bytes decode to an empty
 * snapshot, which the provider treats as a suspicious empty registry.
 *
 * @public
 */
export function decodeRegistry(bytes: Uint8Array): FeastRegistrySnapshot {
  if (bytes.length === 0) {
    return normalizeRegistry({});
  }
  let raw: Record<string, any>;
  try {
    // Message instances go straight to the normalizer: converting them to
    // plain objects first would double the allocations on big registries.
    raw = decodeRegistryInstance(bytes);
  } catch (error) {
    throw new InputError(
      `Not a readable Feast registry file (${bytes.length} bytes): ${
        (error as Error).message
      }`,
    );
  }
  if (!raw.registrySchemaVersion) {
    throw new InputError(
      `Not a Feast registry file (${bytes.length} bytes): no registry_schema_version`,
    );
  }
  return normalizeRegistry(raw);
}
