import Ajv2019, { ValidateFunction } from 'ajv/dist/2019';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';

const SCHEMAS = '#/components/schemas/';

/** `#/components/schemas/X` → the closed variant `X__closed`. */
function closedRef(ref: string) {
  return ref.startsWith(SCHEMAS) ? `${ref}__closed` : ref;
}

/**
 * Rewrites an OpenAPI 3.0 schema for Ajv: a `discriminator` with a
 * `mapping` picks exactly one branch (an if/then per value, instead of a
 * oneOf that permissive branches would all match), and the schemas an
 * answer ends in (array items, map values, discriminator targets) are
 * closed with `unevaluatedProperties: false`, so an undeclared field fails.
 */
function rewrite(node: any): any {
  if (Array.isArray(node)) return node.map(n => rewrite(n));
  if (!node || typeof node !== 'object') return node;
  if (node.discriminator?.mapping && node.oneOf) {
    const property = node.discriminator.propertyName;
    const mapping: Record<string, string> = node.discriminator.mapping;
    return {
      type: 'object',
      required: [property],
      properties: { [property]: { enum: Object.keys(mapping) } },
      allOf: Object.entries(mapping).map(([value, ref]) => ({
        if: { properties: { [property]: { const: value } } },
        then: { $ref: closedRef(ref) },
      })),
    };
  }
  const out: any = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key === 'example') continue;
    if (
      (key === 'items' || key === 'additionalProperties') &&
      (value as any)?.$ref
    ) {
      out[key] = { $ref: closedRef((value as any).$ref) };
    } else if (key === 'properties') {
      out[key] = Object.fromEntries(
        Object.entries(value as object).map(([k, v]) => [k, rewrite(v)]),
      );
    } else {
      out[key] = rewrite(value);
    }
  }
  return out;
}

/**
 * Checks HTTP answers against the response schemas of an OpenAPI 3.0 spec
 * (the Model Registry's): the status must be declared for the operation and
 * the JSON body must match its schema, `$ref`s resolved.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv2019({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly paths: Array<{
    pattern: RegExp;
    item: any;
    template: string;
  }>;

  constructor(private readonly spec: any) {
    const schemas: Record<string, any> = {};
    for (const [name, schema] of Object.entries<any>(spec.components.schemas)) {
      schemas[name] = rewrite(schema);
      schemas[`${name}__closed`] = {
        allOf: [{ $ref: `${SCHEMAS}${name}` }],
        unevaluatedProperties: false,
      };
    }
    this.ajv.addFormat('int64', {
      type: 'string',
      validate: s => /^-?\d+$/.test(s),
    });
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: n => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
    });
    this.ajv.addFormat('double', {
      type: 'number',
      validate: n => Number.isFinite(n),
    });
    this.ajv.addFormat('uri', {
      type: 'string',
      validate: s => URL.canParse(s),
    });
    this.ajv.addSchema({ $id: 'spec', components: { schemas } });
    this.paths = Object.entries<any>(spec.paths).map(([template, item]) => ({
      template,
      item,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** Loads a spec file (YAML). */
  static fromFile(file: string): OpenApiContract {
    return new OpenApiContract(load(readFileSync(file, 'utf8')));
  }

  /**
   * Throws an Error describing how an answer breaks the contract.
   * `undeclaredErrors`: error statuses the real server answers although the
   * operation does not declare them (the spec lists 400 on some operations
   * only); their body must still be an `Error`.
   */
  check(
    method: string,
    pathname: string,
    status: number,
    body: unknown,
    undeclaredErrors: number[] = [],
  ) {
    const path = this.paths.find(p => p.pattern.test(pathname));
    if (!path) throw new Error(`${pathname} is not a path of the spec`);
    const operation = path.item[method.toLowerCase()];
    if (!operation)
      throw new Error(
        `${method} ${path.template} is not an operation of the spec`,
      );
    let response = operation.responses[String(status)];
    if (!response && undeclaredErrors.includes(status)) {
      response = {
        content: {
          'application/json': { schema: { $ref: `${SCHEMAS}Error` } },
        },
      };
    }
    if (!response) {
      throw new Error(
        `${method} ${path.template} does not declare status ${status}`,
      );
    }
    if (response.$ref) {
      response = this.spec.components.responses[response.$ref.split('/').pop()];
    }
    const schemaRef = response.content?.['application/json']?.schema?.$ref;
    if (!schemaRef)
      throw new Error(
        `${method} ${path.template} ${status} has no JSON schema`,
      );
    const key = `spec${closedRef(schemaRef)}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: key });
      this.validators.set(key, validate);
    }
    if (!validate(body)) {
      throw new Error(
        `${method} ${pathname} ${status} breaks ${schemaRef}: ${this.ajv.errorsText(
          validate.errors,
        )}`,
      );
    }
  }
}
