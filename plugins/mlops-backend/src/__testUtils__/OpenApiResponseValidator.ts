import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const SPEC_ID = 'mlops-openapi.json';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

type Json = Record<string, any>;

/**
 * Checks real responses against `src/schema/openapi.yaml` and records which
 * operations were seen with a success status, so a test can require every
 * documented operation to have been checked.
 */
export class OpenApiResponseValidator {
  private readonly spec: Json;
  private readonly ajv: Ajv2020;
  private readonly covered = new Set<string>();

  constructor() {
    this.spec = parse(
      readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
    );
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    // The document is not a JSON schema, but its components can be
    // referenced as one.
    this.ajv.addSchema({ $id: SPEC_ID, components: this.spec.components });
  }

  /**
   * Validates one response; throws with the schema errors when it does not
   * match. `path` is the concrete request path, without query.
   */
  validate(
    method: string,
    path: string,
    response: {
      status: number;
      headers: Record<string, string>;
      body?: unknown;
      text?: string;
    },
  ): void {
    const template = this.findTemplate(path);
    const operation = this.spec.paths[template]?.[method.toLowerCase()];
    if (!operation) {
      throw new Error(`${method} ${template} is not documented`);
    }
    let documented =
      operation.responses[String(response.status)] ??
      operation.responses.default;
    if (!documented) {
      throw new Error(
        `${method} ${template} does not document ${response.status}`,
      );
    }
    if (documented.$ref) {
      documented = this.resolve(documented.$ref);
    }
    const contentType = (response.headers['content-type'] ?? '').split(';')[0];
    if (!documented.content) {
      if (response.text) {
        throw new Error(
          `${method} ${template} ${response.status} documents no body`,
        );
      }
    } else {
      const media = documented.content[contentType];
      if (!media) {
        throw new Error(
          `${method} ${template} ${response.status} does not document ${contentType}`,
        );
      }
      const body =
        contentType === 'application/json' ? response.body : response.text;
      const schema = JSON.parse(
        JSON.stringify(media.schema).replace(
          /"#\/components\//g,
          `"${SPEC_ID}#/components/`,
        ),
      );
      const check = this.ajv.compile(schema);
      if (!check(body)) {
        throw new Error(
          `${method} ${path} ${
            response.status
          } does not match the OpenAPI document: ${this.ajv.errorsText(
            check.errors,
          )}`,
        );
      }
    }
    if (response.status < 300) {
      this.covered.add(`${method.toLowerCase()} ${template}`);
    }
  }

  /** Documented operations never validated with a success status. */
  uncovered(): string[] {
    return Object.entries(this.spec.paths).flatMap(
      ([template, item]: [string, any]) =>
        METHODS.filter(m => item[m])
          .map(m => `${m} ${template}`)
          .filter(op => !this.covered.has(op)),
    );
  }

  private findTemplate(path: string): string {
    const template = Object.keys(this.spec.paths).find(t =>
      new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
    );
    if (!template) {
      throw new Error(`No documented path matches ${path}`);
    }
    return template;
  }

  private resolve(ref: string): Json {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node: Json, key) => node[key], this.spec);
  }
}
