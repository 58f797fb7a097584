import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse, type IConversionOptions, type Type } from 'protobufjs';

/**
 * The registry schema is parsed once, at module load, from the package's own
 * `.proto` subset; protobufjs then generates the decoders on first use.
 */
const PROTO_PATH = resolvePackagePath(
  '@sovereign-ai/backstage-plugin-catalog-backend-module-feast',
  'proto',
  'feast_registry.proto',
);

const { root } = parse(readFileSync(PROTO_PATH, 'utf8'));
root.resolveAll();

/**
 * The `feast.core.Registry` message type (the content of a `registry.db`).
 *
 * @internal
 */
export const registryType: Type = root.lookupType('feast.core.Registry');

function enumNames(name: string): Record<number, string> {
  return root.lookupEnum(name).valuesById;
}

/**
 * Names of the `feast.types.ValueType.Enum` values, by number.
 *
 * @internal
 */
export const VALUE_TYPE_NAMES = enumNames('feast.core.ValueType');

/**
 * Names of the `feast.core.DataSource.SourceType` values, by number.
 *
 * @internal
 */
export const SOURCE_TYPE_NAMES = enumNames('feast.core.SourceType');

/**
 * Decodes the bytes of a `registry.db` into protobufjs message instances:
 * camelCase fields, enums as numbers, defaults on the prototype. Throws on
 * malformed protobuf.
 *
 * @internal
 */
export function decodeRegistryInstance(bytes: Uint8Array): Record<string, any> {
  return registryType.decode(bytes) as unknown as Record<string, any>;
}

/**
 * Conversion to plain objects in the shape of protobuf's JSON mapping, the
 * shape the Feast REST server answers with: lowerCamelCase keys, enum names,
 * int64 as strings, default values left out.
 */
const TO_OBJECT_OPTIONS: IConversionOptions = {
  longs: String,
  enums: String,
  bytes: String,
  defaults: false,
  arrays: false,
  objects: false,
  oneofs: false,
};

/**
 * Decodes the bytes of a `registry.db` into a plain object (camelCase keys,
 * enum names, defaults omitted), the shape of Feast's REST answers. Throws on
 * malformed protobuf. Slower than {@link decodeRegistryInstance}; used by
 * tests and the benchmark.
 *
 * @internal
 */
export function decodeRegistryMessage(bytes: Uint8Array): Record<string, any> {
  const message = registryType.decode(bytes);
  return registryType.toObject(message, TO_OBJECT_OPTIONS);
}

/**
 * Encodes a plain registry object (camelCase keys, enum names) into the bytes
 * of a `registry.db`. Used by tests and the benchmark to build registries.
 *
 * @internal
 */
export function encodeRegistryMessage(value: Record<string, any>): Uint8Array {
  return registryType.encode(registryType.fromObject(value)).finish();
}
