/**
 * Turns a CRD `openAPIV3Schema` into the schema the API server enforces with
 * strict field validation (`kubectl apply`'s default since Kubernetes 1.27):
 * unknown fields are rejected unless `x-kubernetes-preserve-unknown-fields`
 * is set. The root `metadata` (ObjectMeta) is left to the caller: the CRD
 * only says "object" for it.
 *
 * @public
 */
export function toStrictCrdSchema(node: any, isRoot = true): any {
  if (Array.isArray(node)) return node.map(n => toStrictCrdSchema(n, false));
  if (!node || typeof node !== 'object') return node;
  const out: any = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value as object).map(([name, child]) => [
          name,
          isRoot && name === 'metadata'
            ? { type: 'object' }
            : toStrictCrdSchema(child, false),
        ]),
      );
    } else if (key === 'enum' || key === 'default' || key === 'example') {
      out[key] = value;
    } else {
      out[key] = toStrictCrdSchema(value, false);
    }
  }
  if (
    out.type === 'object' &&
    out.additionalProperties === undefined &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * A JSON pointer of a validation error (`/spec/trainer/0/x`) as the API
 * server prints field paths (`spec.trainer[0].x`).
 *
 * @public
 */
export function toCrdFieldPath(instancePath: string, extra?: string): string {
  const segments = instancePath.split('/').slice(1);
  if (extra) segments.push(extra);
  return segments
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, s) => {
      if (/^\d+$/.test(s)) return `${path}[${s}]`;
      return path ? `${path}.${s}` : s;
    }, '');
}
