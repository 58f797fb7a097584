import { InputError } from '@backstage/errors';

/** A compiled label or field selector: true when the object matches. */
export type Selector = (object: any) => boolean;

const MATCH_ALL: Selector = () => true;

/** Splits on commas that are not inside `in (a,b)` parentheses. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

function parseLabelRequirement(requirement: string): Selector {
  let m = requirement.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/);
  if (m) {
    const [, key, op, list] = m;
    const values = new Set(list.split(',').map(v => v.trim()));
    return op === 'in'
      ? o => values.has(o?.metadata?.labels?.[key])
      : o => !values.has(o?.metadata?.labels?.[key]);
  }
  m = requirement.match(/^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/);
  if (m) {
    const [, key, op, value] = m;
    return op === '!='
      ? o => o?.metadata?.labels?.[key] !== value
      : o => o?.metadata?.labels?.[key] === value;
  }
  m = requirement.match(/^(!?)([^=!\s()]+)$/);
  if (m) {
    const [, not, key] = m;
    return not
      ? o => o?.metadata?.labels?.[key] === undefined
      : o => o?.metadata?.labels?.[key] !== undefined;
  }
  throw new InputError(
    `unable to parse requirement: "${requirement}" in labelSelector`,
  );
}

/**
 * Compiles a Kubernetes label selector (`a=b,c!=d,e in (f,g),!h`). Throws an
 * InputError (the API server's 400) on a malformed selector.
 */
export function parseLabelSelector(selector: string | null): Selector {
  if (!selector) return MATCH_ALL;
  const requirements = splitRequirements(selector).map(parseLabelRequirement);
  return o => requirements.every(r => r(o));
}

function fieldValue(object: any, path: string): string {
  let value = object;
  for (const segment of path.split('.')) value = value?.[segment];
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Compiles a field selector (`metadata.name=x,involvedObject.kind!=Pod`).
 * Any dotted path is accepted; a missing field compares as ''.
 */
export function parseFieldSelector(selector: string | null): Selector {
  if (!selector) return MATCH_ALL;
  const requirements = splitRequirements(selector).map(requirement => {
    const m = requirement.match(/^([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*)$/);
    if (!m) {
      throw new InputError(
        `invalid selector: '${requirement}'; can't understand '${requirement}'`,
      );
    }
    const [, path, op, value] = m;
    return op === '!='
      ? (o: any) => fieldValue(o, path) !== value
      : (o: any) => fieldValue(o, path) === value;
  });
  return o => requirements.every(r => r(o));
}

/**
 * The `labelSelector` and `fieldSelector` of a list or watch query, combined.
 * A malformed one throws the InputError that is answered with a 400.
 */
export function parseQuerySelectors(query: URLSearchParams): Selector {
  const matchLabels = parseLabelSelector(query.get('labelSelector'));
  const matchFields = parseFieldSelector(query.get('fieldSelector'));
  return o => matchLabels(o) && matchFields(o);
}
