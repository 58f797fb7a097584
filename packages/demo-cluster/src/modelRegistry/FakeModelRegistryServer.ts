import { InputError, NotFoundError, isError } from '@backstage/errors';
import {
  IncomingMessage,
  STATUS_CODES,
  Server,
  ServerResponse,
  createServer,
} from 'node:http';
import { AddressInfo } from 'node:net';
import {
  ModelArtifact,
  ModelArtifactInput,
  ModelRegistryStore,
  ModelVersionInput,
  OrderBy,
  PageRequest,
  RegisteredModelInput,
} from './ModelRegistryStore';

/** Base path of the Model Registry REST API. */
export const MODEL_REGISTRY_BASE_PATH = '/api/model_registry/v1alpha3';

/** Options of {@link FakeModelRegistryServer.start}. */
export interface FakeModelRegistryServerOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** If set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Largest page a list returns, whatever `pageSize` asks; default 100. */
  pageSizeMax?: number;
  /** Page size of a list request without `pageSize`; default 20. */
  defaultPageSize?: number;
}

/** A fault injected into matching requests. */
export interface ModelRegistryFault {
  /** HTTP status of the failing answers (with an `Error` body). */
  status: number;
  /** Only requests whose path matches; every request if absent. */
  path?: RegExp;
  /** Let this many matching requests succeed first (a list failing mid-way). */
  afterRequests?: number;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Entries kept in `requestLog` (the oldest are dropped beyond it). */
const REQUEST_LOG_LIMIT = 100_000;

/** Collections that exist in the API but hold nothing in the fake. */
const EMPTY_COLLECTIONS = new Set([
  'serving_environments',
  'inference_services',
  'experiments',
  'experiment_runs',
]);
const EMPTY_FINDS = new Set([
  'serving_environment',
  'inference_service',
  'experiment',
  'experiment_run',
]);
const ORDER_BY = new Set(['ID', 'CREATE_TIME', 'LAST_UPDATE_TIME']);
const ARTIFACT_TYPES = new Set([
  'model-artifact',
  'doc-artifact',
  'dataset-artifact',
  'metric',
  'parameter',
]);

/**
 * A Kubeflow Model Registry REST server (v1alpha3, v0.3.8 shapes) on
 * loopback: the GET operations on registered models, model versions and
 * artifacts, with `pageSize`/`nextPageToken` paging and `orderBy` /
 * `sortOrder`. Writes go through the methods of this class, not HTTP.
 */
export class FakeModelRegistryServer {
  /** Every request received, in order (the last 100,000). */
  readonly requestLog: Array<{ method: string; path: string; query: string }> =
    [];
  /** Base URL, without the `/api/model_registry/v1alpha3` suffix. */
  readonly url: string;

  private readonly store = new ModelRegistryStore();
  private fault: (ModelRegistryFault & { passed: number }) | undefined;

  /** Starts a server on 127.0.0.1. */
  static async start(
    options: FakeModelRegistryServerOptions = {},
  ): Promise<FakeModelRegistryServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new FakeModelRegistryServer(server, port, options);
  }

  private constructor(
    private readonly server: Server,
    port: number,
    private readonly options: FakeModelRegistryServerOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    server.on('request', (req, res) => this.handle(req, res));
  }

  /** Registers a model; returns its id. */
  addRegisteredModel(model: RegisteredModelInput): { id: string } {
    return { id: this.store.addRegisteredModel(model).id };
  }

  /** Adds a version to a registered model; returns its id. */
  addModelVersion(
    registeredModelId: string,
    version: ModelVersionInput,
  ): { id: string } {
    return { id: this.store.addModelVersion(registeredModelId, version).id };
  }

  /** Adds a model artifact to a version; returns its id. */
  addModelArtifact(
    modelVersionId: string,
    artifact: ModelArtifactInput,
  ): { id: string } {
    return { id: this.store.addModelArtifact(modelVersionId, artifact).id };
  }

  /** Changes fields of a registered model (state ARCHIVED archives it). */
  updateRegisteredModel(
    id: string,
    changes: Partial<Omit<RegisteredModelInput, 'name'>>,
  ): void {
    this.store.updateRegisteredModel(id, changes);
  }

  /** Changes fields of a model version. */
  updateModelVersion(
    id: string,
    changes: Partial<Omit<ModelVersionInput, 'name'>>,
  ): void {
    this.store.updateModelVersion(id, changes);
  }

  /** Changes fields of a model artifact. */
  updateModelArtifact(
    id: string,
    changes: Partial<Omit<ModelArtifactInput, 'name'>>,
  ): void {
    this.store.updateModelArtifact(id, changes);
  }

  /** Makes matching requests fail; `undefined` clears the fault. */
  setFault(fault: ModelRegistryFault | undefined): void {
    this.fault = fault ? { ...fault, passed: 0 } : undefined;
  }

  /** Stops the server and closes every connection. */
  async close(): Promise<void> {
    await new Promise<void>(resolve => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    this.requestLog.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
    });
    if (this.requestLog.length > REQUEST_LOG_LIMIT) {
      // A long-running demo must not grow without bound.
      this.requestLog.splice(0, this.requestLog.length - REQUEST_LOG_LIMIT);
    }
    try {
      const fault = this.fault;
      if (fault && (!fault.path || fault.path.test(url.pathname))) {
        if (fault.passed >= (fault.afterRequests ?? 0)) {
          throw new HttpError(
            fault.status,
            `injected fault: HTTP ${fault.status}`,
          );
        }
        fault.passed += 1;
      }
      const token = this.options.token;
      if (token && req.headers.authorization !== `Bearer ${token}`) {
        throw new HttpError(401, 'Unauthorized');
      }
      if (!url.pathname.startsWith(`${MODEL_REGISTRY_BASE_PATH}/`)) {
        throw new HttpError(404, `404 page not found: ${url.pathname}`);
      }
      if (req.method !== 'GET') {
        throw new HttpError(
          405,
          `${req.method} is not supported by the fake Model Registry; seed it through FakeModelRegistryServer methods`,
        );
      }
      const segments = url.pathname
        .slice(MODEL_REGISTRY_BASE_PATH.length + 1)
        .split('/')
        .filter(Boolean);
      this.send(res, 200, this.route(segments, url.searchParams));
    } catch (error) {
      this.sendError(res, error);
    }
  }

  private route(segments: string[], query: URLSearchParams): object {
    const [collection, id, child, extra] = segments;
    const store = this.store;
    if (extra !== undefined) throw new HttpError(404, 'not found');
    switch (collection) {
      case 'registered_models':
        if (!id)
          return store.page(store.models.values(), this.pageRequest(query));
        if (!child)
          return this.found(store.models.get(id), 'RegisteredModel', id);
        if (child === 'versions') {
          this.found(store.models.get(id), 'RegisteredModel', id);
          return store.page(
            this.named(
              [...store.versions.values()].filter(
                v => v.registeredModelId === id,
              ),
              query,
            ),
            this.pageRequest(query),
          );
        }
        break;
      case 'registered_model':
        if (!id) return this.find(store.models.values(), query);
        break;
      case 'model_versions':
        if (!id)
          return store.page(store.versions.values(), this.pageRequest(query));
        if (!child)
          return this.found(store.versions.get(id), 'ModelVersion', id);
        if (child === 'artifacts') {
          this.found(store.versions.get(id), 'ModelVersion', id);
          return store.page(
            this.named(
              this.ofArtifactType(store.artifactsOf(id), query),
              query,
            ),
            this.pageRequest(query),
          );
        }
        break;
      case 'model_version':
        if (!id) {
          // A version name is only unique within its registered model.
          return this.find(
            store.versions.values(),
            query,
            v => v.registeredModelId,
            true,
          );
        }
        break;
      case 'model_artifacts':
      case 'artifacts':
        if (!id) {
          const all = [...store.artifacts.values()];
          return store.page(
            collection === 'artifacts' ? this.ofArtifactType(all, query) : all,
            this.pageRequest(query),
          );
        }
        if (!child) return this.found(store.artifacts.get(id), 'Artifact', id);
        break;
      case 'model_artifact':
      case 'artifact':
        if (!id) {
          return this.find(store.artifacts.values(), query, a =>
            store.versionOfArtifact(a.id),
          );
        }
        break;
      default:
        if (EMPTY_COLLECTIONS.has(collection) && !id) {
          return store.page([], this.pageRequest(query));
        }
        if (EMPTY_COLLECTIONS.has(collection) && id && !child) {
          throw new HttpError(404, `no ${collection} with id ${id}`);
        }
        if (EMPTY_FINDS.has(collection) && !id) {
          throw new HttpError(404, `no ${collection} found`);
        }
    }
    throw new HttpError(404, `404 page not found`);
  }

  private ofArtifactType(artifacts: ModelArtifact[], query: URLSearchParams) {
    const type = query.get('artifactType');
    if (type && !ARTIFACT_TYPES.has(type)) {
      throw new HttpError(400, `invalid artifactType "${type}"`);
    }
    return type ? artifacts.filter(a => a.artifactType === type) : artifacts;
  }

  private found<T>(entity: T | undefined, label: string, id: string): T {
    if (!/^\d+$/.test(id)) {
      throw new HttpError(400, `invalid id "${id}": must be an integer`);
    }
    if (!entity) throw new HttpError(404, `no ${label} found for id ${id}`);
    return structuredClone(entity);
  }

  /** Children filtered by the optional `name` / `externalId` parameters. */
  private named<T extends { name: string; externalId?: string }>(
    entities: T[],
    query: URLSearchParams,
  ): T[] {
    const name = query.get('name');
    const externalId = query.get('externalId');
    return entities.filter(
      e =>
        (!name || e.name === name) &&
        (!externalId || e.externalId === externalId),
    );
  }

  /** `GET /registered_model?name=` and the other single-entity finds. */
  private find<T extends { name: string; externalId?: string }>(
    entities: Iterable<T>,
    query: URLSearchParams,
    parentOf?: (entity: T) => string | undefined,
    nameNeedsParent = false,
  ): T {
    const name = query.get('name');
    const externalId = query.get('externalId');
    const parentResourceId = parentOf ? query.get('parentResourceId') : null;
    if (!name && !externalId) {
      throw new HttpError(
        400,
        'invalid parameters: provide name or externalId',
      );
    }
    if (nameNeedsParent && name && !externalId && !parentResourceId) {
      throw new HttpError(
        400,
        'invalid parameters: a name is only unique within its parent, provide parentResourceId',
      );
    }
    for (const entity of entities) {
      if (
        (!name || entity.name === name) &&
        (!externalId || entity.externalId === externalId) &&
        (!parentResourceId || parentOf?.(entity) === parentResourceId)
      ) {
        return structuredClone(entity);
      }
    }
    throw new HttpError(404, `no entity found matching ${query.toString()}`);
  }

  private pageRequest(query: URLSearchParams): PageRequest {
    if (query.has('filterQuery')) {
      throw new HttpError(
        400,
        'filterQuery is not implemented by the fake Model Registry; list and filter on the client',
      );
    }
    const max = this.options.pageSizeMax ?? 100;
    const raw = query.get('pageSize');
    let pageSize = this.options.defaultPageSize ?? 20;
    if (raw !== null) {
      pageSize = Number(raw);
      if (!/^\d+$/.test(raw) || pageSize <= 0) {
        throw new HttpError(
          400,
          `invalid pageSize "${raw}": must be a positive integer`,
        );
      }
    }
    const orderBy = query.get('orderBy') ?? 'ID';
    if (!ORDER_BY.has(orderBy)) {
      throw new HttpError(400, `invalid orderBy "${orderBy}"`);
    }
    const sortOrder = query.get('sortOrder') ?? 'ASC';
    if (sortOrder !== 'ASC' && sortOrder !== 'DESC') {
      throw new HttpError(400, `invalid sortOrder "${sortOrder}"`);
    }
    return {
      pageSize: Math.min(pageSize, max),
      orderBy: orderBy as OrderBy,
      sortOrder,
      nextPageToken: query.get('nextPageToken') || undefined,
    };
  }

  private send(res: ServerResponse, status: number, body: object) {
    res
      .writeHead(status, { 'Content-Type': 'application/json' })
      .end(JSON.stringify(body));
  }

  private sendError(res: ServerResponse, error: unknown) {
    let status = 500;
    if (error instanceof HttpError) status = error.status;
    else if (error instanceof NotFoundError) status = 404;
    else if (error instanceof InputError) status = 400;
    const message = isError(error) ? error.message : String(error);
    this.send(res, status, {
      code: STATUS_CODES[status] ?? String(status),
      message,
    });
  }
}
