import type { MetadataValue } from './types';

/** The string value of a custom property, if it is a string. */
export function stringProperty(
  properties: Record<string, MetadataValue> | undefined,
  key: string,
): string | undefined {
  const value = properties?.[key];
  return typeof value?.string_value === 'string' && value.string_value
    ? value.string_value
    : undefined;
}

/**
 * The numeric custom properties (`MetadataDoubleValue`, `MetadataIntValue`,
 * whose int is a string in the API) as metrics.
 */
export function numericProperties(
  properties: Record<string, MetadataValue> | undefined,
): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (value?.metadataType === 'MetadataDoubleValue') {
      const n = Number(value.double_value);
      if (Number.isFinite(n)) metrics[key] = n;
    } else if (value?.metadataType === 'MetadataIntValue') {
      const n = Number(value.int_value);
      if (Number.isFinite(n)) metrics[key] = n;
    }
  }
  return metrics;
}

/** An epoch-milliseconds string as ISO 8601 text. */
export function epochToIso(value: string | undefined): string | undefined {
  const ms = Number(value);
  return value && Number.isFinite(ms) && ms > 0
    ? new Date(ms).toISOString()
    : undefined;
}
