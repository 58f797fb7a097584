import { InputError } from '@backstage/errors';
import {
  normalizeRegistry,
  REGISTRY_LISTS,
  RegistryNormalizer,
} from './normalizeRegistry';
import { decodeRegistryLists } from './registryProto';
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
  const normalizer = new RegistryNormalizer();
  // The first object the normalizer rejects. Decoding goes on: a file that
  // is not a readable registry is the error to report, as when the whole
  // message was decoded before normalising it.
  let rejected: { error: unknown } | undefined;
  let schemaVersion: string;
  try {
    // Each object is normalised as it is decoded and then dropped, so the
    // whole decoded message never sits in memory.
    schemaVersion = decodeRegistryLists(bytes, REGISTRY_LISTS, (list, raw) => {
      if (rejected) return;
      try {
        normalizer.add(list, raw);
      } catch (error) {
        rejected = { error };
      }
    });
  } catch (error) {
    throw new InputError(
      `Not a readable Feast registry file (${bytes.length} bytes): ${
        (error as Error).message
      }`,
    );
  }
  if (!schemaVersion) {
    throw new InputError(
      `Not a Feast registry file (${bytes.length} bytes): no registry_schema_version`,
    );
  }
  if (rejected) throw rejected.error;
  return normalizer.snapshot();
}
