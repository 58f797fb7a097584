import { InputError } from '@backstage/errors';

/** A Model Registry `MetadataValue` (tagged by `metadataType`). */
export type MetadataValue =
  | { metadataType: 'MetadataStringValue'; string_value: string }
  | { metadataType: 'MetadataIntValue'; int_value: string }
  | { metadataType: 'MetadataDoubleValue'; double_value: number }
  | { metadataType: 'MetadataBoolValue'; bool_value: boolean }
  | { metadataType: 'MetadataStructValue'; struct_value: string }
  | { metadataType: 'MetadataProtoValue'; type: string; proto_value: string };

const METADATA_TYPES = new Set([
  'MetadataStringValue',
  'MetadataIntValue',
  'MetadataDoubleValue',
  'MetadataBoolValue',
  'MetadataStructValue',
  'MetadataProtoValue',
]);

/**
 * Converts plain custom property values to the tagged `MetadataValue`s the
 * REST API answers with: strings, integers (as strings, int64), doubles and
 * booleans; values that already carry a `metadataType` are kept as given.
 */
export function toCustomProperties(
  values: Record<string, unknown> | undefined,
): Record<string, MetadataValue> {
  const result: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (typeof value === 'string') {
      result[key] = {
        metadataType: 'MetadataStringValue',
        string_value: value,
      };
    } else if (typeof value === 'number' && Number.isInteger(value)) {
      result[key] = {
        metadataType: 'MetadataIntValue',
        int_value: String(value),
      };
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      result[key] = {
        metadataType: 'MetadataDoubleValue',
        double_value: value,
      };
    } else if (typeof value === 'boolean') {
      result[key] = { metadataType: 'MetadataBoolValue', bool_value: value };
    } else if (
      value &&
      typeof value === 'object' &&
      METADATA_TYPES.has((value as any).metadataType)
    ) {
      result[key] = structuredClone(value) as MetadataValue;
    } else {
      throw new InputError(
        `custom property "${key}" must be a string, number, boolean or a tagged MetadataValue, got ${JSON.stringify(
          value,
        )}`,
      );
    }
  }
  return result;
}
