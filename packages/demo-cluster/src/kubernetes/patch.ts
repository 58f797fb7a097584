import { InputError } from '@backstage/errors';
import { KubernetesStatusError } from './status';

/** Applies a JSON merge patch (RFC 7386) and returns the patched copy. */
export function applyMergePatch(target: unknown, patch: unknown): any {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
    return structuredClone(patch);
  }
  const result: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = applyMergePatch(result[key], value);
    }
  }
  return result;
}

interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) {
    throw new InputError(`invalid JSON pointer "${path}"`);
  }
  return path
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: any, segments: string[], path: string) {
  let parent = doc;
  for (const s of segments.slice(0, -1)) {
    parent = parent?.[s];
    if (parent === undefined || parent === null || typeof parent !== 'object') {
      throw new InputError(`doc is missing path: "${path}"`);
    }
  }
  return parent;
}

function read(doc: any, path: string): unknown {
  let value = doc;
  for (const s of pointer(path)) {
    if (value === null || typeof value !== 'object' || !(s in value)) {
      throw new InputError(`doc is missing path: "${path}"`);
    }
    value = value[s];
  }
  return value;
}

function remove(doc: any, path: string): void {
  const segments = pointer(path);
  const parent = parentOf(doc, segments, path);
  const last = segments[segments.length - 1];
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (!Number.isInteger(index) || index < 0 || index >= parent.length) {
      throw new InputError(`doc is missing path: "${path}"`);
    }
    parent.splice(index, 1);
  } else {
    if (!(last in parent)) {
      throw new InputError(`doc is missing path: "${path}"`);
    }
    delete parent[last];
  }
}

function add(doc: any, path: string, value: unknown, replace: boolean) {
  const segments = pointer(path);
  if (segments.length === 0) return structuredClone(value);
  const parent = parentOf(doc, segments, path);
  const last = segments[segments.length - 1];
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) {
      throw new InputError(`invalid array index in "${path}"`);
    }
    if (replace) {
      if (index >= parent.length) {
        throw new InputError(`doc is missing path: "${path}"`);
      }
      parent[index] = structuredClone(value);
    } else {
      parent.splice(index, 0, structuredClone(value));
    }
  } else {
    if (replace && !(last in parent)) {
      throw new InputError(`doc is missing path: "${path}"`);
    }
    parent[last] = structuredClone(value);
  }
  return doc;
}

/** Applies a JSON patch (RFC 6902) and returns the patched copy. */
export function applyJsonPatch(target: unknown, operations: unknown): any {
  if (!Array.isArray(operations)) {
    throw new InputError('a JSON patch must be an array of operations');
  }
  let doc = structuredClone(target);
  for (const operation of operations as JsonPatchOperation[]) {
    switch (operation?.op) {
      case 'add':
        doc = add(doc, operation.path, operation.value, false);
        break;
      case 'replace':
        doc = add(doc, operation.path, operation.value, true);
        break;
      case 'remove':
        remove(doc, operation.path);
        break;
      case 'move': {
        const value = read(doc, operation.from ?? '');
        remove(doc, operation.from ?? '');
        doc = add(doc, operation.path, value, false);
        break;
      }
      case 'copy':
        doc = add(doc, operation.path, read(doc, operation.from ?? ''), false);
        break;
      case 'test':
        if (
          JSON.stringify(read(doc, operation.path)) !==
          JSON.stringify(operation.value)
        ) {
          throw new InputError(`test operation failed on "${operation.path}"`);
        }
        break;
      default:
        throw new InputError(
          `unknown JSON patch operation "${(operation as any)?.op}"`,
        );
    }
  }
  return doc;
}

/**
 * Applies a PATCH body by its Content-Type, as the API server does for
 * merge and JSON patches; other types (strategic merge, apply) are a 415.
 */
export function applyPatch(
  target: unknown,
  patch: unknown,
  contentType: string | undefined,
): any {
  const mediaType = (contentType ?? '').split(';')[0];
  if (mediaType === 'application/merge-patch+json') {
    return applyMergePatch(target, patch);
  }
  if (mediaType === 'application/json-patch+json') {
    return applyJsonPatch(target, patch);
  }
  throw new KubernetesStatusError(
    415,
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json`,
  );
}
