import type { ImageReference } from './parseImageReference';

/**
 * Whether `value` starts with `prefix`, ignoring case. A prefix ending in a
 * letter or digit (`docker.io`) only matches at a boundary, so it does not
 * match `docker.io.mirror.internal/...`.
 */
function startsWithAtBoundary(value: string, prefix: string): boolean {
  const v = value.toLowerCase();
  const p = prefix.toLowerCase();
  if (!v.startsWith(p)) {
    return false;
  }
  if (!/[a-z0-9]$/.test(p) || v.length === p.length) {
    return true;
  }
  return /[/:@]/.test(v[p.length]);
}

/**
 * The first forbidden source (a URI or image prefix such as `hf://` or
 * `docker.io/`) that any of the given spellings of one source starts with.
 */
export function findForbiddenSource(
  spellings: string[],
  forbiddenSources: string[],
): string | undefined {
  return forbiddenSources.find(prefix =>
    spellings.some(s => startsWithAtBoundary(s, prefix)),
  );
}

/**
 * The allowed registry entry (a host or `host/path` prefix, normalised by
 * the policy reader) an image comes from, if any. A prefix matches whole
 * path components only: `registry.example.com/ml` allows
 * `registry.example.com/ml/trainer`, not `registry.example.com/mlx`.
 */
export function findAllowedRegistry(
  image: ImageReference,
  allowedRegistries: string[],
): string | undefined {
  return allowedRegistries.find(
    entry => image.name === entry || image.name.startsWith(`${entry}/`),
  );
}
