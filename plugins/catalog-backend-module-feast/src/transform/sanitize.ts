const MAX_LENGTH = 63;
const VALID = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;

/**
 * Turns free text into a valid Backstage name or label value
 * (`[a-zA-Z0-9]` separated by single `-`, `_` or `.`, at most 63 characters),
 * or `undefined` when nothing valid remains. Unlike `toEntityName` it adds no
 * hash: the result is for readable refs and labels, not for unique names.
 *
 * @internal
 */
export function sanitizeName(value: string): string | undefined {
  if (value.length <= MAX_LENGTH && VALID.test(value)) return value;
  const result = value
    .trim()
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/[-_.]{2,}/g, m => m[0])
    .slice(0, MAX_LENGTH)
    .replace(/^[-_.]+|[-_.]+$/g, '');
  return result || undefined;
}

/**
 * Feast tags as Backstage labels: `feast.dev/<key>: <value>`, both sanitised;
 * tags whose key or value has nothing valid left are dropped (the raw tags
 * stay visible in Feast itself).
 *
 * @internal
 */
export function tagsToLabels(
  tags: Record<string, string>,
): Record<string, string> | undefined {
  let labels: Record<string, string> | undefined;
  for (const key in tags) {
    if (!Object.prototype.hasOwnProperty.call(tags, key)) continue;
    const value = tags[key];
    const labelKey = sanitizeName(key);
    const labelValue = sanitizeName(value);
    if (labelKey && labelValue) {
      labels ??= {};
      labels[`feast.dev/${labelKey}`] = labelValue;
    }
  }
  return labels;
}
