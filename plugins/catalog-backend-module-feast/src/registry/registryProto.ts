import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { type IConversionOptions, parse, Reader, Type } from 'protobufjs';

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

const REGISTRY_FIELDS = new Map(
  registryType.fieldsArray.map(field => [field.id, field]),
);

/**
 * Decodes the bytes of a `registry.db` one top-level object at a time: the
 * objects of `lists[0]` in file order, then those of `lists[1]`, and so on,
 * as protobufjs message instances (camelCase fields, enums as numbers,
 * defaults on the prototype). Each list is one pass over the file that skips
 * the bytes of the other lists, so only the object being visited is alive:
 * the whole decoded message of a big registry is about nine times the size of
 * the file. Every field is decoded and checked as the protobufjs decoder of
 * the whole message would. Returns the `registry_schema_version`; throws on
 * malformed protobuf.
 *
 * @internal
 */
export function decodeRegistryLists<L extends string>(
  bytes: Uint8Array,
  lists: readonly L[],
  visit: (list: L, object: Record<string, any>) => void,
): string {
  let schemaVersion = '';
  // A first pass decodes the fields that are not lists.
  for (const list of [undefined, ...lists]) {
    const reader = Reader.create(bytes);
    while (reader.pos < reader.len) {
      const tag = reader.tag();
      const field = REGISTRY_FIELDS.get(tag >>> 3);
      if (!field || (tag & 7) !== 2) {
        // Unknown fields, and known ones with a wrong wire type, are skipped
        // like protobufjs does.
        reader.skipType(tag & 7, 0, tag >>> 3);
      } else if (field.repeated ? field.name !== list : list !== undefined) {
        reader.skip(reader.size());
      } else if (field.resolvedType instanceof Type) {
        const object = field.resolvedType.decode(reader, reader.size());
        if (field.repeated) visit(list as L, object);
      } else {
        const value = reader.stringVerify();
        if (field.name === 'registrySchemaVersion') schemaVersion = value;
      }
    }
  }
  return schemaVersion;
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
 * malformed protobuf. Holds the whole message, unlike
 * {@link decodeRegistryLists}; used by tests and the benchmark.
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
