import { toEntityName } from '@sovereign-ai/backstage-plugin-mlops-common';

/** Default `system` template: the project name with `_` turned into `-`. */
export const DEFAULT_SYSTEM_TEMPLATE = '{{project}}';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
const KNOWN = new Set(['project', 'registry']);

/**
 * Compiles a System name template. `{{project}}` is replaced by the Feast
 * project name and `{{registry}}` by the registry id, both with `_` turned
 * into `-`; the result goes through `toEntityName`, so it is always a valid
 * name. Throws on an unknown placeholder or a template without `{{project}}`
 * (every project would share one System).
 *
 * @internal
 */
export function compileSystemTemplate(
  template: string,
): (project: string, registry: string) => string {
  const used = [...template.matchAll(PLACEHOLDER)].map(m => m[1]);
  const unknown = used.filter(name => !KNOWN.has(name));
  if (unknown.length) {
    throw new Error(
      `unknown placeholder {{${unknown[0]}}}; use {{project}} and {{registry}}`,
    );
  }
  if (!used.includes('project')) {
    throw new Error('the template must contain {{project}}');
  }
  return (project, registry) => {
    const values: Record<string, string> = { project, registry };
    return toEntityName(
      template.replace(PLACEHOLDER, (_, name: string) =>
        values[name].replace(/_/g, '-'),
      ),
    );
  };
}
