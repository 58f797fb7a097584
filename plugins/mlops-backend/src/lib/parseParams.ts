import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

type Query = Record<string, unknown>;

/** A single-valued query parameter, or undefined; repeated → 400. */
export function optionalParam(query: Query, key: string): string | undefined {
  const value = query[key];
  if (value === undefined || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(`Query parameter ${key} must be given once`);
  }
  return value;
}

/** A full entity ref, `kind:namespace/name` (namespace optional). */
export function requiredEntityRef(query: Query, key = 'entityRef'): string {
  const value = optionalParam(query, key);
  if (!value) {
    throw new InputError(
      `Missing query parameter ${key}: give an entity ref such as resource:default/fraud_detection-transactions`,
    );
  }
  try {
    return stringifyEntityRef(parseEntityRef(value));
  } catch {
    throw new InputError(
      `Invalid ${key} '${value.slice(
        0,
        200,
      )}': expected an entity ref kind:namespace/name, such as resource:default/fraud_detection-transactions`,
    );
  }
}

/** One of `allowed`, or `fallback` when absent. */
export function enumParam<T extends string>(
  query: Query,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = optionalParam(query, key);
  if (value === undefined) {
    return fallback;
  }
  if (!allowed.includes(value as T)) {
    throw new InputError(
      `Invalid ${key} '${value.slice(0, 100)}': expected one of ${allowed.join(
        ', ',
      )}`,
    );
  }
  return value as T;
}

/** An integer in `[min, max]`, or `fallback` when absent. */
export function integerParam(
  query: Query,
  key: string,
  range: { min: number; max: number; fallback: number },
): number {
  const value = optionalParam(query, key);
  if (value === undefined) {
    return range.fallback;
  }
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < range.min || parsed > range.max) {
    throw new InputError(
      `Invalid ${key} '${value.slice(0, 100)}': expected a whole number from ${
        range.min
      } to ${range.max}`,
    );
  }
  return parsed;
}

/** `true`/`false` (or `1`/`0`), or `fallback` when absent. */
export function booleanParam(
  query: Query,
  key: string,
  fallback: boolean,
): boolean {
  const value = optionalParam(query, key);
  if (value === undefined) {
    return fallback;
  }
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new InputError(
    `Invalid ${key} '${value.slice(0, 100)}': expected true or false`,
  );
}

/**
 * A list given as `key=a,b` or `key=a&key=b`, each item matching
 * `pattern`; undefined when absent.
 */
export function listParam(
  query: Query,
  key: string,
  pattern: RegExp,
  describe: string,
): string[] | undefined {
  const raw = query[key];
  if (raw === undefined || raw === '') {
    return undefined;
  }
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap(v => {
    if (typeof v !== 'string') {
      throw new InputError(`Invalid ${key}: expected a comma-separated list`);
    }
    return v
      .split(',')
      .map(s => s.trim())
      .filter(Boolean);
  });
  for (const value of values) {
    if (!pattern.test(value)) {
      throw new InputError(
        `Invalid ${key} '${value.slice(0, 100)}': expected ${describe}`,
      );
    }
  }
  return values.length ? values : undefined;
}

/** Kubernetes DNS-1123 label: namespaces, TrainJob and container names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Kubernetes DNS-1123 subdomain: pod names. */
export const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
/** A cluster name as the Kubernetes plugin config allows it. */
export const CLUSTER_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

/** Checks a path parameter against a pattern. */
export function pathParam(
  value: string,
  key: string,
  pattern: RegExp,
  describe: string,
): string {
  if (!pattern.test(value)) {
    throw new InputError(
      `Invalid ${key} '${value.slice(0, 100)}': expected ${describe}`,
    );
  }
  return value;
}
