import {
  ConflictError,
  InputError,
  NotFoundError,
  isError,
} from '@backstage/errors';
import { KubernetesObject } from '@kubernetes/client-node';
import {
  IncomingMessage,
  Server,
  ServerResponse,
  createServer,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { CrdSchemaValidator, TrainerVersion } from './CrdSchemaValidator';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  coreApiVersions,
  versionInfo,
} from './discovery';
import { applyJsonPatch, applyMergePatch } from './patch';
import { PodLogStore } from './PodLogStore';
import {
  ResourceType,
  groupVersionOf,
  resourceTypeForKind,
  resourceTypeForPath,
} from './resourceTypes';
import { ResourceStore, StoredObject, StoreWatcher } from './ResourceStore';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { KubernetesStatusError, statusBody } from './status';

/** Identifies one object of the fake cluster. */
export interface KubernetesObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** A fault injected into matching requests. */
export interface KubernetesFault {
  /** Answer with this HTTP status (and a Kubernetes `Status` body). */
  status?: number;
  /** Never answer: the request hangs until the client gives up. */
  hang?: boolean;
  /** Only requests whose path matches; every request if absent. */
  path?: RegExp;
}

/** Options of {@link FakeKubernetesApiServer.start}. */
export interface FakeKubernetesApiServerOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** If set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Trainer release whose CRD shapes are served; default 'v2.3.0'. */
  trainerVersion?: TrainerVersion;
  /** Interval of BOOKMARK events on watches that allow them; default 60 s. */
  bookmarkIntervalMs?: number;
  /** Watch history kept before old versions are compacted; default 50,000 changes. */
  historyLimit?: number;
}

interface WatchConnection {
  type: ResourceType;
  res: ServerResponse;
  allowBookmarks: boolean;
  stop(): void;
}

interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };
/** Entries kept in `requestLog` (the oldest are dropped beyond it). */
const REQUEST_LOG_LIMIT = 100_000;

/**
 * A Kubernetes API server on loopback for tests and the demo: discovery,
 * list (label/field selectors, limit/continue), get, create, update, patch
 * (merge and JSON patch), delete, watch (resourceVersion, bookmarks,
 * 410 Gone after compaction), the status subresource and pod logs with
 * follow, over real HTTP. Kubeflow Trainer objects are validated against
 * the CRD schemas of the served Trainer release.
 */
export class FakeKubernetesApiServer {
  /** Every request received, in order (the last 100,000). */
  readonly requestLog: Array<{ method: string; path: string; query: string }> =
    [];

  private readonly store: ResourceStore;
  private readonly logs = new PodLogStore();
  private readonly watches = new Set<WatchConnection>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly bookmarkTimer: NodeJS.Timeout;
  private fault: KubernetesFault | undefined;

  /** Starts a server on 127.0.0.1. */
  static async start(
    options: FakeKubernetesApiServerOptions = {},
  ): Promise<FakeKubernetesApiServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new FakeKubernetesApiServer(server, port, options);
  }

  /** Base URL, for example `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The served Trainer release. */
  readonly trainerVersion: TrainerVersion;

  private constructor(
    private readonly server: Server,
    port: number,
    private readonly options: FakeKubernetesApiServerOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.trainerVersion = options.trainerVersion ?? 'v2.3.0';
    const validator = CrdSchemaValidator.forVersion(this.trainerVersion);
    this.store = new ResourceStore((type, object) => {
      if (type.trainerKind) validator.validate(type.trainerKind, object);
    }, options.historyLimit);
    server.on('request', (req, res) => this.handle(req, res));
    this.bookmarkTimer = setInterval(
      () => this.sendBookmarks(),
      options.bookmarkIntervalMs ?? 60_000,
    );
    this.bookmarkTimer.unref();
  }

  /**
   * Creates or replaces an object (like server-side apply by one manager).
   * Trainer objects are validated against the served CRD schema and get its
   * defaults; an invalid object throws an InputError naming the field path.
   * The status is taken from `object` if it has one and kept otherwise; a
   * new object keeps a given `metadata.creationTimestamp` (to seed history).
   * Returns the stored object.
   */
  apply<T extends KubernetesObject>(object: T): T {
    const type = this.typeOf(object.apiVersion, object.kind);
    return structuredClone(
      this.store.write(type, object, 'upsert'),
    ) as unknown as T;
  }

  /** Replaces the status subresource of an object; emits MODIFIED. */
  setStatus(ref: KubernetesObjectRef, status: object): KubernetesObject {
    const type = this.typeOf(ref.apiVersion, ref.kind);
    return structuredClone(
      this.store.write(
        type,
        {
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: { name: ref.name, namespace: ref.namespace },
          status,
        } as KubernetesObject,
        'status',
      ),
    );
  }

  /** Deletes an object; emits DELETED. Throws NotFoundError if absent. */
  delete(ref: KubernetesObjectRef): void {
    const type = this.typeOf(ref.apiVersion, ref.kind);
    this.store.delete(type, ref.namespace, ref.name);
    if (type.group === '' && type.plural === 'pods') {
      this.logs.deletePod(ref.namespace ?? 'default', ref.name);
    }
  }

  /** A copy of a stored object, or undefined. */
  get(ref: KubernetesObjectRef): KubernetesObject | undefined {
    const type = this.typeOf(ref.apiVersion, ref.kind);
    const object = this.store.get(type, ref.namespace ?? 'default', ref.name);
    return object ? structuredClone(object) : undefined;
  }

  /**
   * Forgets the history: a watch or a list continuation from an older
   * resourceVersion now gets 410 Gone, as after an etcd compaction.
   */
  compact(): void {
    this.store.compact();
  }

  /** Cuts every open watch connection mid-stream (a dropped connection). */
  dropWatches(): void {
    for (const watch of [...this.watches]) {
      watch.stop();
      watch.res.socket?.destroy();
    }
  }

  /** Sends a BOOKMARK now on every watch that allows bookmarks. */
  sendBookmarks(): void {
    for (const watch of this.watches) {
      if (!watch.allowBookmarks) continue;
      this.writeEvent(watch.res, 'BOOKMARK', {
        kind: watch.type.kind,
        apiVersion: groupVersionOf(watch.type),
        metadata: { resourceVersion: String(this.store.currentRevision) },
      });
    }
  }

  /** Makes matching requests fail or hang; `undefined` clears the fault. */
  setFault(fault: KubernetesFault | undefined): void {
    this.fault = fault;
  }

  /** Replaces the log of a container. */
  setPodLogs(namespace: string, pod: string, container: string, text: string) {
    this.logs.set(namespace, pod, container, text);
  }

  /** Appends to the log of a container and streams it to followers. */
  appendPodLogs(
    namespace: string,
    pod: string,
    container: string,
    text: string,
  ) {
    this.logs.append(namespace, pod, container, text);
  }

  /** Ends the followed log streams of a container, as when it exits. */
  endPodLogs(namespace: string, pod: string, container?: string) {
    this.logs.end(namespace, pod, container);
  }

  /** Stops the server and closes every connection. */
  async close(): Promise<void> {
    clearInterval(this.bookmarkTimer);
    for (const watch of [...this.watches]) {
      watch.stop();
      watch.res.end();
    }
    for (const res of this.hanging) res.socket?.destroy();
    this.hanging.clear();
    await new Promise<void>(resolve => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private typeOf(apiVersion?: string, kind?: string): ResourceType {
    const type = resourceTypeForKind(apiVersion, kind);
    if (!type) {
      throw new InputError(
        `no matches for kind "${kind}" in version "${apiVersion}" on the fake API server`,
      );
    }
    return type;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    this.requestLog.push({
      method,
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
        if (fault.hang) {
          this.hanging.add(res);
          res.on('close', () => this.hanging.delete(res));
          return;
        }
        if (fault.status) {
          throw new KubernetesStatusError(
            fault.status,
            `injected fault: HTTP ${fault.status}`,
          );
        }
      }
      if (['/healthz', '/livez', '/readyz'].includes(url.pathname)) {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
        return;
      }
      const token = this.options.token;
      if (token && req.headers.authorization !== `Bearer ${token}`) {
        throw new KubernetesStatusError(401, 'Unauthorized');
      }
      await this.route(method, url, req, res);
    } catch (error) {
      this.sendError(res, error);
    }
  }

  private async route(
    method: string,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const segments = url.pathname.split('/').filter(Boolean);
    const query = url.searchParams;
    if (method === 'GET') {
      const document = this.discovery(segments);
      if (document) {
        this.sendJson(res, 200, document);
        return;
      }
    }
    const target = this.resolvePath(segments);
    if (!target) {
      throw new KubernetesStatusError(
        404,
        'the server could not find the requested resource',
      );
    }
    const { type, namespace, name, subresource } = target;

    if (subresource === 'log') {
      if (method !== 'GET') throw this.methodNotAllowed(method);
      this.serveLogs(namespace!, name!, query, req, res);
      return;
    }
    if (subresource && !(subresource === 'status' && type.hasStatus)) {
      throw new KubernetesStatusError(
        404,
        'the server could not find the requested resource',
      );
    }

    if (!name) {
      if (method === 'GET') {
        if (query.get('watch') === 'true' || query.get('watch') === '1') {
          this.serveWatch(type, namespace, query, req, res);
        } else {
          this.serveList(type, namespace, query, res);
        }
        return;
      }
      if (method === 'POST' && (namespace || !type.namespaced)) {
        const body = await this.readJson(req);
        if (type.namespaced) {
          this.checkNamespace(body, namespace!);
          body.metadata = { ...body.metadata, namespace };
        }
        this.sendJson(
          res,
          201,
          this.present(type, this.writeOrInvalid(type, body, 'create')),
        );
        return;
      }
      throw this.methodNotAllowed(method);
    }

    const current = this.store.get(type, namespace, name);
    const notFound = () =>
      new NotFoundError(
        `${type.plural}${
          type.group ? `.${type.group}` : ''
        } "${name}" not found`,
      );
    const mode = subresource === 'status' ? 'status' : 'update';
    switch (method) {
      case 'GET':
        if (!current) throw notFound();
        this.sendJson(res, 200, this.present(type, current));
        return;
      case 'PUT': {
        const body = await this.readJson(req);
        if (body?.metadata?.name !== name) {
          throw new KubernetesStatusError(
            400,
            `the name of the object (${body?.metadata?.name}) does not match the name on the URL (${name})`,
          );
        }
        if (type.namespaced) {
          this.checkNamespace(body, namespace!);
          body.metadata.namespace = namespace;
        }
        this.sendJson(
          res,
          200,
          this.present(type, this.writeOrInvalid(type, body, mode)),
        );
        return;
      }
      case 'PATCH': {
        if (!current) throw notFound();
        const patch = await this.readJson(req);
        const contentType = (req.headers['content-type'] ?? '').split(';')[0];
        let patched: any;
        if (contentType === 'application/merge-patch+json') {
          patched = applyMergePatch(current, patch);
        } else if (contentType === 'application/json-patch+json') {
          patched = applyJsonPatch(current, patch);
        } else {
          throw new KubernetesStatusError(
            415,
            `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json`,
          );
        }
        this.sendJson(
          res,
          200,
          this.present(type, this.writeOrInvalid(type, patched, mode)),
        );
        return;
      }
      case 'DELETE': {
        if (!current) throw notFound();
        const deleted = this.store.delete(type, namespace, name);
        if (type.group === '' && type.plural === 'pods') {
          this.logs.deletePod(namespace!, name);
        }
        this.sendJson(res, 200, this.present(type, deleted));
        return;
      }
      default:
        throw this.methodNotAllowed(method);
    }
  }

  private discovery(segments: string[]): object | undefined {
    const path = segments.join('/');
    if (path === 'version') return versionInfo();
    if (path === 'api') return coreApiVersions(this.url.slice(7));
    if (path === 'apis') return apiGroupList();
    if (path === 'api/v1') return apiResourceList('v1');
    if (segments[0] === 'apis' && segments.length === 2) {
      return apiGroupDocument(segments[1]);
    }
    if (segments[0] === 'apis' && segments.length === 3) {
      return apiResourceList(`${segments[1]}/${segments[2]}`);
    }
    return undefined;
  }

  /** `/api/v1/...` or `/apis/<g>/<v>/...` → type, namespace, name, subresource. */
  private resolvePath(segments: string[]): ResourcePath | undefined {
    let groupVersion: string;
    let rest: string[];
    if (segments[0] === 'api' && segments[1] === 'v1') {
      groupVersion = 'v1';
      rest = segments.slice(2);
    } else if (segments[0] === 'apis' && segments.length >= 4) {
      groupVersion = `${segments[1]}/${segments[2]}`;
      rest = segments.slice(3);
    } else {
      return undefined;
    }
    if (
      rest[0] === 'namespaces' &&
      rest.length >= 3 &&
      resourceTypeForPath(groupVersion, rest[2])?.namespaced
    ) {
      const type = resourceTypeForPath(groupVersion, rest[2])!;
      if (rest.length > 5) return undefined;
      return { type, namespace: rest[1], name: rest[3], subresource: rest[4] };
    }
    const type = resourceTypeForPath(groupVersion, rest[0]);
    if (!type || rest.length > 3) return undefined;
    // A namespaced type without a namespace: only list and watch (all namespaces).
    if (type.namespaced && rest.length > 1) return undefined;
    return { type, name: rest[1], subresource: rest[2] };
  }

  private serveList(
    type: ResourceType,
    namespace: string | undefined,
    query: URLSearchParams,
    res: ServerResponse,
  ) {
    const labelSelector = query.get('labelSelector');
    const fieldSelector = query.get('fieldSelector');
    const matchLabels = this.parseSelector(() =>
      parseLabelSelector(labelSelector),
    );
    const matchFields = this.parseSelector(() =>
      parseFieldSelector(fieldSelector),
    );
    const limit = query.get('limit');
    const page = this.store.list(type, {
      namespace,
      matches: o => matchLabels(o) && matchFields(o),
      selectsAll: !labelSelector && !fieldSelector,
      limit: limit ? Number(limit) : undefined,
      continueToken: query.get('continue') ?? undefined,
    });
    this.sendJson(res, 200, {
      kind: `${type.kind}List`,
      apiVersion: groupVersionOf(type),
      metadata: {
        resourceVersion: page.resourceVersion,
        ...(page.continueToken ? { continue: page.continueToken } : {}),
        ...(page.remainingItemCount !== undefined
          ? { remainingItemCount: page.remainingItemCount }
          : {}),
      },
      // Lists of built-in kinds carry apiVersion/kind on the list only.
      items: page.items.map(item =>
        type.trainerKind || type.group === 'jobset.x-k8s.io'
          ? this.present(type, item)
          : withoutTypeMeta(item),
      ),
    });
  }

  private serveWatch(
    type: ResourceType,
    namespace: string | undefined,
    query: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const matchLabels = this.parseSelector(() =>
      parseLabelSelector(query.get('labelSelector')),
    );
    const matchFields = this.parseSelector(() =>
      parseFieldSelector(query.get('fieldSelector')),
    );
    const resourceVersion = query.get('resourceVersion');
    const from = Number(resourceVersion);
    if (resourceVersion && !Number.isInteger(from)) {
      throw new KubernetesStatusError(
        400,
        `invalid resource version "${resourceVersion}"`,
      );
    }
    const allowBookmarks = query.get('allowWatchBookmarks') === 'true';
    const sendInitialEvents = query.get('sendInitialEvents') === 'true';
    res.writeHead(200, {
      ...JSON_HEADERS,
      'Cache-Control': 'no-cache, private',
    });
    res.flushHeaders();

    const watcher: StoreWatcher = {
      type,
      namespace,
      matches: o => matchLabels(o) && matchFields(o),
      deliver: (eventType, object) =>
        this.writeEvent(res, eventType, this.present(type, object)),
    };
    let unsubscribe: () => void;
    try {
      if (sendInitialEvents || !resourceVersion || from === 0) {
        // No version (or "0"): the current state as ADDED events, then changes.
        for (const object of this.store.snapshot(watcher)) {
          watcher.deliver('ADDED', object);
        }
        if (sendInitialEvents && allowBookmarks) {
          this.writeEvent(res, 'BOOKMARK', {
            kind: type.kind,
            apiVersion: groupVersionOf(type),
            metadata: {
              resourceVersion: String(this.store.currentRevision),
              annotations: { 'k8s.io/initial-events-end': 'true' },
            },
          });
        }
        unsubscribe = this.store.watch(watcher, this.store.currentRevision);
      } else {
        unsubscribe = this.store.watch(watcher, from);
      }
    } catch (error) {
      if (error instanceof KubernetesStatusError) {
        // The API server reports an expired version inside the stream.
        this.writeEvent(res, 'ERROR', error.status);
        res.end();
        return;
      }
      throw error;
    }

    let timeout: NodeJS.Timeout | undefined;
    const connection: WatchConnection = {
      type,
      res,
      allowBookmarks,
      stop: () => {
        unsubscribe();
        clearTimeout(timeout);
        this.watches.delete(connection);
      },
    };
    this.watches.add(connection);
    const timeoutSeconds = Number(query.get('timeoutSeconds'));
    if (timeoutSeconds > 0) {
      timeout = setTimeout(() => {
        connection.stop();
        res.end();
      }, timeoutSeconds * 1000);
      timeout.unref();
    }
    req.on('close', () => connection.stop());
    res.on('close', () => connection.stop());
  }

  private serveLogs(
    namespace: string,
    podName: string,
    query: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const pod = this.store.get(
      resourceTypeForKind('v1', 'Pod')!,
      namespace,
      podName,
    ) as any;
    if (!pod) throw new NotFoundError(`pods "${podName}" not found`);
    const containers: string[] = [
      ...(pod.spec?.initContainers ?? []),
      ...(pod.spec?.containers ?? []),
    ].map((c: any) => c.name);
    let container = query.get('container');
    if (!container) {
      const main = (pod.spec?.containers ?? []).map((c: any) => c.name);
      if (main.length !== 1) {
        throw new KubernetesStatusError(
          400,
          `a container name must be specified for pod ${podName}, choose one of: [${main.join(
            ' ',
          )}]`,
        );
      }
      container = main[0] as string;
    }
    if (!containers.includes(container)) {
      throw new KubernetesStatusError(
        400,
        `container ${container} is not valid for pod ${podName}`,
      );
    }
    const tailLines = query.get('tailLines');
    const limitBytes = query.get('limitBytes');
    const text = this.logs.read(namespace, podName, container, {
      tailLines: tailLines ? Number(tailLines) : undefined,
      limitBytes: limitBytes ? Number(limitBytes) : undefined,
    });
    const terminated = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ].some((s: any) => s.name === container && s.state?.terminated);
    const follow =
      query.get('follow') === 'true' || query.get('follow') === '1';
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    if (!follow || terminated) {
      res.end(text);
      return;
    }
    res.write(text);
    const stop = this.logs.follow(namespace, podName, container, {
      write: chunk => res.write(chunk),
      end: () => {
        stop();
        res.end();
      },
    });
    req.on('close', stop);
    res.on('close', stop);
  }

  private writeOrInvalid(
    type: ResourceType,
    body: any,
    mode: 'create' | 'update' | 'status',
  ): StoredObject {
    try {
      return this.store.write(type, body, mode);
    } catch (error) {
      if (error instanceof InputError) {
        throw new KubernetesStatusError(422, error.message, 'Invalid', {
          name: body?.metadata?.name,
          group: type.group,
          kind: type.kind,
        });
      }
      throw error;
    }
  }

  private checkNamespace(body: any, namespace: string) {
    const given = body?.metadata?.namespace;
    if (given && given !== namespace) {
      throw new KubernetesStatusError(
        400,
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
  }

  private parseSelector<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof InputError) {
        throw new KubernetesStatusError(400, error.message);
      }
      throw error;
    }
  }

  private async readJson(req: IncomingMessage): Promise<any> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!body || typeof body !== 'object') throw new Error('not an object');
      return body;
    } catch (error) {
      throw new KubernetesStatusError(
        400,
        `the request body is not valid JSON: ${
          isError(error) ? error.message : error
        }`,
      );
    }
  }

  private methodNotAllowed(method: string) {
    return new KubernetesStatusError(
      405,
      `the server does not allow this method on the requested resource: ${method}`,
    );
  }

  private present(type: ResourceType, object: StoredObject): object {
    const apiVersion = groupVersionOf(type);
    return object.apiVersion === apiVersion
      ? object
      : { ...object, apiVersion };
  }

  private writeEvent(res: ServerResponse, type: string, object: object) {
    res.write(`${JSON.stringify({ type, object })}\n`);
  }

  private sendJson(res: ServerResponse, code: number, body: object) {
    res.writeHead(code, JSON_HEADERS).end(JSON.stringify(body));
  }

  private sendError(res: ServerResponse, error: unknown) {
    let status;
    if (error instanceof KubernetesStatusError) status = error.status;
    else if (error instanceof NotFoundError)
      status = statusBody(404, error.message);
    else if (error instanceof ConflictError) {
      status = statusBody(409, error.message, 'AlreadyExists');
    } else if (error instanceof InputError)
      status = statusBody(400, error.message);
    else {
      status = statusBody(
        500,
        `internal error: ${isError(error) ? error.message : String(error)}`,
      );
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    this.sendJson(res, status.code, status);
  }
}

function withoutTypeMeta(object: StoredObject): object {
  const { apiVersion, kind, ...rest } = object;
  return rest;
}
