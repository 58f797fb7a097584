import Ajv, { type Options } from 'ajv';

/** Keywords of Kubernetes structural schemas that carry no JSON Schema meaning. */
const ANNOTATION_KEYWORDS = [
  'x-kubernetes-map-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-validations',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
];

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const RFC3339 =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * An Ajv instance that validates against a CRD's `openAPIV3Schema` the way
 * the Kubernetes API server does, short of CEL rules: the `x-kubernetes-*`
 * vocabulary (int-or-string, set and map list uniqueness, annotation-only
 * keywords) and the `int32`, `int64` and `date-time` (RFC 3339) formats.
 * Use it with {@link toStrictCrdSchema} for strict field validation.
 *
 * @param options - further Ajv options, for example `useDefaults` to apply
 *   the schema's defaults as the API server does on write
 * @public
 */
export function createCrdAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({
    // CRD schemas are OpenAPI v3 subsets with vendor keywords, not strict
    // JSON Schema documents.
    strict: false,
    // Patterns are Go (RE2) regular expressions, not always valid with `u`.
    unicodeRegExp: false,
    ...options,
  });
  for (const keyword of ANNOTATION_KEYWORDS) {
    ajv.addKeyword({ keyword });
  }
  ajv.addKeyword({
    keyword: 'x-kubernetes-int-or-string',
    schemaType: 'boolean',
    errors: true,
    validate: function intOrString(enabled: boolean, data: unknown) {
      if (
        !enabled ||
        typeof data === 'string' ||
        (typeof data === 'number' && Number.isInteger(data))
      ) {
        return true;
      }
      (intOrString as any).errors = [
        {
          keyword: 'x-kubernetes-int-or-string',
          message: 'must be an integer or a string',
          params: {},
        },
      ];
      return false;
    },
  });
  ajv.addKeyword({
    keyword: 'x-kubernetes-list-type',
    type: 'array',
    schemaType: 'string',
    errors: true,
    validate: function listType(
      listKind: string,
      data: unknown[],
      parentSchema?: any,
    ) {
      if (listKind !== 'set' && listKind !== 'map') return true;
      const keys: string[] | undefined =
        parentSchema?.['x-kubernetes-list-map-keys'];
      const seen = new Set<string>();
      for (const item of data) {
        const identity =
          listKind === 'map' && keys && item && typeof item === 'object'
            ? JSON.stringify(keys.map(k => (item as any)[k]))
            : JSON.stringify(item);
        if (seen.has(identity)) {
          (listType as any).errors = [
            {
              keyword: 'x-kubernetes-list-type',
              message: `Duplicate value: ${identity}`,
              params: { listKind },
            },
          ];
          return false;
        }
        seen.add(identity);
      }
      return true;
    },
  });
  ajv.addFormat('int32', {
    type: 'number',
    validate: n => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX,
  });
  ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: s => RFC3339.test(s),
  });
  return ajv;
}
