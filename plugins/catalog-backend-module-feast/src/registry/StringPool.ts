/**
 * One copy of each distinct string of a registry snapshot.
 *
 * A registry repeats the same project, entity, tag and feature names in every
 * object, and each decoded copy is a separate string; protobufjs also builds
 * strings shorter than 64 bytes out of 8-character pieces, a rope of several
 * heap objects per string. Pooling keeps one flat copy of each: a third to
 * half of a big snapshot's memory.
 *
 * @internal
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** Returns the pooled copy of `value`, pooling it when it is new. */
  intern(value: string): string {
    const pooled = this.strings.get(value);
    if (pooled !== undefined) return pooled;
    this.strings.set(value, value);
    return value;
  }

  /**
   * Replaces, in place, every string held by a plain data value (nested
   * objects and arrays included) with its pooled copy, and returns the value.
   */
  internAll<T extends object>(value: T): T {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') {
        record[key] = this.intern(item);
      } else if (item !== null && typeof item === 'object') {
        this.internAll(item);
      }
    }
    return value;
  }
}
