import { InputError } from '@backstage/errors';
import { SOURCE_TYPE_NAMES, VALUE_TYPE_NAMES } from './registryProto';
import { StringPool } from './StringPool';
import type {
  FeastDataSource,
  FeastEntity,
  FeastFeatureService,
  FeastFeatureView,
  FeastField,
  FeastObjectBase,
  FeastProject,
  FeastRegistrySnapshot,
  FeastSavedDataset,
} from './types';

/**
 * A registry in protobuf's JSON shape, as the REST reader assembles it from
 * the Feast REST server's answers, or the protobufjs message instances of a
 * decoded `registry.db` (same camelCase fields, with enums as numbers and
 * int64 as Long). The lists are the `feast.core.Registry` fields.
 *
 * @internal
 */
export interface RawRegistry {
  projects?: any[];
  projectMetadata?: any[];
  entities?: any[];
  dataSources?: any[];
  featureViews?: any[];
  onDemandFeatureViews?: any[];
  streamFeatureViews?: any[];
  featureServices?: any[];
  savedDatasets?: any[];
}

/**
 * The lists of a registry in the order {@link RegistryNormalizer} must
 * receive them: projects first, so that objects find their project, and
 * top-level data sources before the views, so that the sources embedded in
 * views never replace them.
 *
 * @internal
 */
export const REGISTRY_LISTS = [
  'projects',
  'projectMetadata',
  'dataSources',
  'entities',
  'featureViews',
  'streamFeatureViews',
  'onDemandFeatureViews',
  'featureServices',
  'savedDatasets',
] as const;

/**
 * One of {@link REGISTRY_LISTS}.
 *
 * @internal
 */
export type RegistryList = (typeof REGISTRY_LISTS)[number];

type Obj = Record<string, any>;

const snakeCache = new Map<string, string>();
function snake(key: string): string {
  let value = snakeCache.get(key);
  if (value === undefined) {
    value = key.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`);
    snakeCache.set(key, value);
  }
  return value;
}

/**
 * Reads a field by its lowerCamelCase name, falling back to snake_case: the
 * Feast REST server mixes both casings, and protobuf JSON parsers accept
 * either, so a reader must too.
 */
function get(obj: Obj | undefined, key: string): any {
  if (!obj || typeof obj !== 'object') return undefined;
  const value = obj[key];
  return value !== undefined ? value : obj[snake(key)];
}

/** An int64 as a number: protobufjs gives a Long, JSON a string. */
function toNumber(value: any): number {
  if (
    value &&
    typeof value === 'object' &&
    typeof value.toNumber === 'function'
  ) {
    return value.toNumber();
  }
  return Number(value ?? 0);
}

function str(obj: Obj | undefined, key: string): string | undefined {
  const value = get(obj, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function list(obj: Obj | undefined, key: string): any[] {
  const value = get(obj, key);
  return Array.isArray(value) ? value : [];
}

/** Shared by every object without tags: most features have none. */
const NO_TAGS: Record<string, string> = Object.freeze({}) as Record<
  string,
  string
>;

function stringMap(obj: Obj | undefined, key: string): Record<string, string> {
  const value = get(obj, key);
  if (!value || typeof value !== 'object') return NO_TAGS;
  let result: Record<string, string> | undefined;
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v = value[k];
    if (typeof v === 'string') {
      result ??= {};
      result[k] = v;
    }
  }
  return result ?? NO_TAGS;
}

/** Duration as protobuf JSON (`"86400s"`) or as an object (`{seconds}`). */
function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = /^(-?\d+(?:\.\d+)?)s$/.exec(value);
    return match ? Number(match[1]) : undefined;
  }
  if (value && typeof value === 'object') {
    const seconds = toNumber(get(value as Obj, 'seconds'));
    const nanos = toNumber(get(value as Obj, 'nanos'));
    const total = seconds + nanos / 1e9;
    return Number.isFinite(total) ? total : undefined;
  }
  return undefined;
}

function valueTypeName(value: unknown): string {
  if (typeof value === 'string' && value !== '') {
    // The decoder's name for value 0; Feast itself calls it INVALID.
    return value === 'VALUE_TYPE_INVALID' ? 'INVALID' : value;
  }
  if (typeof value === 'number') {
    return valueTypeName(VALUE_TYPE_NAMES[value] ?? `VALUE_TYPE_${value}`);
  }
  return 'INVALID';
}

function sourceTypeName(value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') {
    return SOURCE_TYPE_NAMES[value] ?? `SOURCE_TYPE_${value}`;
  }
  return 'INVALID';
}

function field(raw: Obj): FeastField {
  return {
    name: str(raw, 'name') ?? '',
    valueType: valueTypeName(get(raw, 'valueType')),
    description: str(raw, 'description'),
    tags: stringMap(raw, 'tags'),
  };
}

function requireName(
  spec: Obj | undefined,
  what: string,
  fallbackProject?: string,
): { name: string; project: string } {
  const name = str(spec, 'name');
  const project = str(spec, 'project') ?? fallbackProject;
  if (!name || !project) {
    throw new InputError(
      `Malformed Feast registry: a ${what} has no ${name ? 'project' : 'name'}`,
    );
  }
  return { name, project };
}

function base(
  spec: Obj,
  what: string,
  fallbackProject?: string,
): FeastObjectBase {
  return {
    ...requireName(spec, what, fallbackProject),
    description: str(spec, 'description'),
    owner: str(spec, 'owner'),
    tags: stringMap(spec, 'tags'),
  };
}

const LOCATION_OPTIONS: Array<[string, string[]]> = [
  ['fileOptions', ['uri']],
  ['bigqueryOptions', ['table', 'query']],
  ['kafkaOptions', ['topic']],
  ['kinesisOptions', ['streamName']],
  ['redshiftOptions', ['table', 'query']],
  ['snowflakeOptions', ['table', 'query']],
  ['sparkOptions', ['path', 'table', 'query']],
  ['trinoOptions', ['table', 'query']],
  ['athenaOptions', ['table', 'query']],
];

function qualify(options: Obj, table: string, keys: string[]): string {
  const prefix = keys.map(k => str(options, k)).filter(Boolean);
  return [...prefix, table].join('.');
}

/** Where the data of a source (or a saved dataset's storage) lives. */
function sourceLocation(source: Obj): string | undefined {
  for (const [option, keys] of LOCATION_OPTIONS) {
    const options = get(source, option);
    if (!options) continue;
    for (const key of keys) {
      const value = str(options, key);
      if (!value) continue;
      if (key === 'table') {
        if (option === 'redshiftOptions' || option === 'snowflakeOptions') {
          return qualify(options, value, ['database', 'schema']);
        }
        if (option === 'athenaOptions') {
          return qualify(options, value, ['database']);
        }
      }
      return value;
    }
  }
  return undefined;
}

function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The name Feast's lineage engine gives a source: its own name, else
 * `table:<t>`, `path:<p>` or `unnamed_source_<hash>` (embedded sources in
 * registries written before v0.19 have no name).
 */
function sourceName(source: Obj, fallback?: string): string {
  const name = str(source, 'name');
  if (name) return name;
  if (fallback) return fallback;
  const location = sourceLocation(source);
  if (location) {
    return get(source, 'fileOptions') || get(source, 'sparkOptions')
      ? `path:${location}`
      : `table:${location}`;
  }
  return `unnamed_source_${fnv1a(JSON.stringify(source))}`;
}

/**
 * Builds a {@link FeastRegistrySnapshot} one registry object at a time, so
 * that a decoder can drop each raw object once it is normalised. Objects must
 * arrive list by list in the order of {@link REGISTRY_LISTS}. `add` throws an
 * `InputError` when an object lacks its name or project.
 *
 * @internal
 */
export class RegistryNormalizer {
  private readonly strings = new StringPool();
  private readonly projects = new Map<string, FeastProject>();
  private readonly entities: FeastEntity[] = [];
  private readonly dataSources = new Map<string, FeastDataSource>();
  private readonly featureViews: FeastFeatureView[] = [];
  private readonly featureServices: FeastFeatureService[] = [];
  private readonly savedDatasets: FeastSavedDataset[] = [];

  add(registryList: RegistryList, raw: Obj): void {
    switch (registryList) {
      case 'projects':
        this.addProjectSpec(get(raw, 'spec'));
        break;
      case 'projectMetadata': {
        const name = str(raw, 'project');
        if (name) this.addProject({ name, tags: {} });
        break;
      }
      case 'dataSources':
        this.addSource(raw, false);
        break;
      case 'entities':
        this.entities.push(this.strings.internAll(entity(get(raw, 'spec'))));
        break;
      case 'featureViews':
        this.featureViews.push(
          this.strings.internAll(batchOrStreamView(this, raw, 'batch')),
        );
        break;
      case 'streamFeatureViews':
        this.featureViews.push(
          this.strings.internAll(batchOrStreamView(this, raw, 'stream')),
        );
        break;
      case 'onDemandFeatureViews':
        this.featureViews.push(this.strings.internAll(onDemandView(this, raw)));
        break;
      case 'featureServices':
        this.featureServices.push(
          this.strings.internAll(featureService(get(raw, 'spec'))),
        );
        break;
      case 'savedDatasets':
        this.savedDatasets.push(
          this.strings.internAll(savedDataset(get(raw, 'spec'))),
        );
        break;
      default:
        // should never be reached
        throw new Error(`Unknown registry list ${registryList}`);
    }
  }

  private addProjectSpec(spec: Obj) {
    const name = str(spec, 'name');
    if (!name) {
      throw new InputError('Malformed Feast registry: a project has no name');
    }
    this.addProject({
      name,
      description: str(spec, 'description'),
      owner: str(spec, 'owner'),
      tags: stringMap(spec, 'tags'),
    });
  }

  private addProject(project: FeastProject) {
    const existing = this.projects.get(project.name);
    if (!existing || (!existing.owner && !existing.description)) {
      this.projects.set(project.name, project);
    }
  }

  /**
   * Registers a data source and returns its name. Top-level sources win over
   * embedded copies; embedded ones fill the gaps of old registries that have
   * no top-level list.
   */
  addSource(
    raw: Obj,
    embedded: boolean,
    project?: string,
    fallbackName?: string,
  ): string {
    const name = sourceName(raw, fallbackName);
    const sourceProject = str(raw, 'project') ?? project;
    if (!sourceProject) {
      throw new InputError(
        `Malformed Feast registry: a data source has no project`,
      );
    }
    const key = `${sourceProject}\u0000${name}`;
    if (embedded && this.dataSources.has(key)) return name;
    const batch = get(raw, 'batchSource');
    const requestOptions = get(raw, 'requestDataOptions');
    const schema = list(requestOptions, 'schema').map(field);
    const deprecated = get(requestOptions, 'deprecatedSchema');
    if (schema.length === 0 && deprecated && typeof deprecated === 'object') {
      for (const [k, v] of Object.entries(deprecated)) {
        schema.push({ name: k, valueType: valueTypeName(v), tags: {} });
      }
    }
    const source: FeastDataSource = {
      project: sourceProject,
      name,
      description: str(raw, 'description'),
      owner: str(raw, 'owner'),
      tags: stringMap(raw, 'tags'),
      sourceType: sourceTypeName(get(raw, 'type')),
      location: sourceLocation(raw),
      timestampField: str(raw, 'timestampField'),
      batchSource: batch
        ? this.addSource(batch, true, sourceProject)
        : undefined,
      schema,
    };
    this.dataSources.set(key, this.strings.internAll(source));
    return name;
  }

  snapshot(): FeastRegistrySnapshot {
    // Objects can name a project that the project list lacks (files before
    // v0.41 have no project list, or only the deprecated project metadata).
    const all = [
      ...this.entities,
      ...this.dataSources.values(),
      ...this.featureViews,
      ...this.featureServices,
      ...this.savedDatasets,
    ];
    for (const object of all) {
      if (!this.projects.has(object.project)) {
        this.projects.set(object.project, { name: object.project, tags: {} });
      }
    }
    return {
      projects: [...this.projects.values()],
      entities: this.entities,
      dataSources: [...this.dataSources.values()],
      featureViews: this.featureViews,
      featureServices: this.featureServices,
      savedDatasets: this.savedDatasets,
    };
  }
}

function batchOrStreamView(
  b: RegistryNormalizer,
  raw: Obj,
  kind: 'batch' | 'stream',
): FeastFeatureView {
  const spec = get(raw, 'spec');
  const common = base(spec, 'feature view');
  const dataSources: string[] = [];
  for (const key of ['batchSource', 'streamSource']) {
    const source = get(spec, key);
    if (source) dataSources.push(b.addSource(source, true, common.project));
  }
  const featureViews = list(spec, 'sourceViews')
    .map(view => str(view, 'name'))
    .filter((name): name is string => !!name);
  return {
    ...common,
    kind,
    entities: list(spec, 'entities').filter(e => typeof e === 'string'),
    features: list(spec, 'features').map(field),
    entityColumns: list(spec, 'entityColumns').map(field),
    ttlSeconds: durationSeconds(get(spec, 'ttl')),
    online: get(spec, 'online') === true,
    dataSources: [...new Set(dataSources)],
    featureViews,
  };
}

function onDemandView(b: RegistryNormalizer, raw: Obj): FeastFeatureView {
  const spec = get(raw, 'spec');
  const common = base(spec, 'feature view');
  const dataSources: string[] = [];
  const featureViews: string[] = [];
  const sources = get(spec, 'sources');
  for (const [key, source] of Object.entries<Obj>(sources ?? {})) {
    const request = get(source, 'requestDataSource');
    const projection = get(source, 'featureViewProjection');
    const legacyView = get(source, 'featureView');
    if (request) {
      // Before v0.19 a request source's name was the map key only.
      dataSources.push(b.addSource(request, true, common.project, key));
    } else if (projection) {
      featureViews.push(str(projection, 'featureViewName') ?? key);
    } else if (legacyView) {
      featureViews.push(str(get(legacyView, 'spec'), 'name') ?? key);
    }
  }
  return {
    ...common,
    kind: 'on-demand',
    entities: list(spec, 'entities').filter(e => typeof e === 'string'),
    features: list(spec, 'features').map(field),
    entityColumns: list(spec, 'entityColumns').map(field),
    online: get(spec, 'writeToOnlineStore') === true,
    dataSources: [...new Set(dataSources)],
    featureViews: [...new Set(featureViews)],
  };
}

function entity(spec: Obj): FeastEntity {
  const common = base(spec, 'entity');
  const valueType = get(spec, 'valueType');
  return {
    ...common,
    joinKey: str(spec, 'joinKey') ?? common.name,
    valueType: valueType ? valueTypeName(valueType) : undefined,
  };
}

function featureService(spec: Obj): FeastFeatureService {
  return {
    ...base(spec, 'feature service'),
    projections: list(spec, 'features').map(projection => ({
      featureView: str(projection, 'featureViewName') ?? '',
      features: list(projection, 'featureColumns')
        .map(column => str(column, 'name'))
        .filter((name): name is string => !!name),
      alias: str(projection, 'featureViewNameAlias'),
    })),
  };
}

function savedDataset(spec: Obj): FeastSavedDataset {
  const storage = get(spec, 'storage') ?? {};
  return {
    ...base(spec, 'saved dataset'),
    featureService: str(spec, 'featureServiceName'),
    features: list(spec, 'features').filter(f => typeof f === 'string'),
    location: sourceLocation({
      fileOptions: get(storage, 'fileStorage'),
      bigqueryOptions: get(storage, 'bigqueryStorage'),
      redshiftOptions: get(storage, 'redshiftStorage'),
      snowflakeOptions: get(storage, 'snowflakeStorage'),
      trinoOptions: get(storage, 'trinoStorage'),
      sparkOptions: get(storage, 'sparkStorage'),
      athenaOptions: get(storage, 'athenaStorage'),
    }),
  };
}

/**
 * Turns a registry in protobuf's JSON shape (from a `registry.db` or from the
 * REST server) into a {@link FeastRegistrySnapshot}. Throws an `InputError`
 * when an object lacks its name or project.
 *
 * @internal
 */
export function normalizeRegistry(raw: RawRegistry): FeastRegistrySnapshot {
  const normalizer = new RegistryNormalizer();
  for (const registryList of REGISTRY_LISTS) {
    for (const object of raw[registryList] ?? []) {
      normalizer.add(registryList, object);
    }
  }
  return normalizer.snapshot();
}
