import { InputError } from '@backstage/errors';
import { KubernetesObject } from '@kubernetes/client-node';
import {
  IncomingMessage,
  Server,
  ServerResponse,
  createServer,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { CrdSchemaValidator, TrainerVersion } from './CrdSchemaValidator';
import { sendError } from './httpJson';
import { KubernetesApiRouter } from './KubernetesApiRouter';
import { PodLogStore } from './PodLogStore';
import { ResourceType, resourceTypeForKind } from './resourceTypes';
import { ResourceStore } from './ResourceStore';
import { KubernetesStatusError } from './status';
import { WatchStreams } from './WatchStreams';

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
  private readonly watches: WatchStreams;
  private readonly router: KubernetesApiRouter;
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
    this.watches = new WatchStreams(this.store);
    this.router = new KubernetesApiRouter({
      store: this.store,
      logs: this.logs,
      watches: this.watches,
      serverAddress: this.url.slice('http://'.length),
    });
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
    this.watches.drop();
  }

  /** Sends a BOOKMARK now on every watch that allows bookmarks. */
  sendBookmarks(): void {
    this.watches.sendBookmarks();
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
    this.watches.close();
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
      await this.router.route(method, url, req, res);
    } catch (error) {
      sendError(res, error);
    }
  }
}
