import {
  CustomObjectsApi,
  KubeConfig,
  KubernetesObject,
  RequestContext,
  setHeaderMiddleware,
  Watch,
} from '@kubernetes/client-node';
import {
  TRAINER_API_GROUP,
  TRAINER_API_VERSION,
} from '@sovereign-ai/backstage-plugin-mlops-node';
import { httpStatusOf } from '../../lib/describeError';

/** Which collection a stream lists and watches. */
export interface StreamTarget {
  kind: 'TrainJob' | 'TrainingRuntime' | 'ClusterTrainingRuntime';
  plural: 'trainjobs' | 'trainingruntimes' | 'clustertrainingruntimes';
  /** Namespace to read; undefined for cluster-scoped kinds or all namespaces. */
  namespace?: string;
  labelSelector?: string;
}

/** How one watch connection ended. */
export type WatchEnd =
  | { type: 'closed' }
  | { type: 'gone' }
  | { type: 'aborted' }
  | { type: 'error'; error: unknown };

/** A watch event on one object. */
export type StreamEvent = 'ADDED' | 'MODIFIED' | 'DELETED';

/** Key of an object inside one cluster. */
export function objectKey(obj: KubernetesObject): string {
  return `${obj.kind}/${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}`;
}

/**
 * The objects of one collection on one cluster, kept up to date by a list
 * followed by watches from the list's resourceVersion (the reflector
 * pattern of client-go, with `@kubernetes/client-node`).
 */
export class ResourceStream {
  readonly items = new Map<string, KubernetesObject>();
  resourceVersion: string | undefined;
  /** When the last complete list finished (ms since epoch), if ever. */
  listedAt: number | undefined;
  private readonly api: CustomObjectsApi;
  private readonly watcher: Watch;

  constructor(
    readonly target: StreamTarget,
    kubeConfig: KubeConfig,
    private readonly pageSize: number,
    private readonly requestTimeoutMs: number,
  ) {
    this.api = kubeConfig.makeApiClient(CustomObjectsApi);
    this.watcher = new Watch(kubeConfig);
  }

  /** A short name for logs, e.g. `trainjobs in fraud-ml`. */
  describe(): string {
    return this.target.namespace
      ? `${this.target.plural} in namespace ${this.target.namespace}`
      : this.target.plural;
  }

  private path(): string {
    const { namespace, plural } = this.target;
    return `/apis/${TRAINER_API_GROUP}/${TRAINER_API_VERSION}${
      namespace ? `/namespaces/${namespace}` : ''
    }/${plural}`;
  }

  private withKind(obj: KubernetesObject): KubernetesObject {
    // Items of a list carry no apiVersion/kind in some servers; add them.
    return {
      ...obj,
      apiVersion:
        obj.apiVersion ?? `${TRAINER_API_GROUP}/${TRAINER_API_VERSION}`,
      kind: obj.kind ?? this.target.kind,
    };
  }

  private async listPage(signal: AbortSignal, continueToken?: string) {
    const requestSignal = AbortSignal.any([
      signal,
      AbortSignal.timeout(this.requestTimeoutMs),
    ]);
    // client-node sets no timeout on API calls; hand the request a signal
    // through a middleware (built from its own header middleware, whose
    // Observable type is not exported).
    const base = setHeaderMiddleware('Accept', 'application/json');
    const options = {
      middleware: [
        {
          pre: (context: RequestContext) => {
            context.setSignal(requestSignal);
            return base.pre(context);
          },
          post: base.post,
        },
      ],
      middlewareMergeStrategy: 'append' as const,
    };
    const common = {
      group: TRAINER_API_GROUP,
      version: TRAINER_API_VERSION,
      plural: this.target.plural,
      labelSelector: this.target.labelSelector,
      limit: this.pageSize,
      _continue: continueToken,
    };
    const page = this.target.namespace
      ? await this.api.listNamespacedCustomObject(
          { ...common, namespace: this.target.namespace },
          options,
        )
      : await this.api.listClusterCustomObject(common, options);
    return page as {
      items?: KubernetesObject[];
      metadata?: { resourceVersion?: string; continue?: string };
    };
  }

  /**
   * Lists the whole collection, page by page. Only a complete list replaces
   * the known objects; a failure leaves them as they were and throws.
   * Returns the objects that disappeared.
   */
  async list(signal: AbortSignal): Promise<KubernetesObject[]> {
    const items = new Map<string, KubernetesObject>();
    let continueToken: string | undefined;
    let resourceVersion: string | undefined;
    for (let restarts = 0; ; ) {
      let page;
      try {
        page = await this.listPage(signal, continueToken);
      } catch (error) {
        // An expired continue token: start the list again, once or twice.
        if (httpStatusOf(error) === 410 && continueToken && restarts < 2) {
          restarts += 1;
          items.clear();
          continueToken = undefined;
          continue;
        }
        throw error;
      }
      for (const item of page.items ?? []) {
        const obj = this.withKind(item);
        items.set(objectKey(obj), obj);
      }
      resourceVersion ??= page.metadata?.resourceVersion;
      continueToken = page.metadata?.continue || undefined;
      if (!continueToken) {
        resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
        break;
      }
    }
    const removed = [...this.items.entries()]
      .filter(([key]) => !items.has(key))
      .map(([, obj]) => obj);
    this.items.clear();
    for (const [key, obj] of items) this.items.set(key, obj);
    this.resourceVersion = resourceVersion;
    this.listedAt = Date.now();
    return removed;
  }

  /**
   * Watches from the current resourceVersion until the connection ends or
   * `signal` aborts, applying each event to `items` and reporting it.
   */
  watch(
    signal: AbortSignal,
    onEvent: (type: StreamEvent, obj: KubernetesObject) => void,
  ): Promise<WatchEnd> {
    return new Promise<WatchEnd>(resolve => {
      let settled = false;
      let controller: AbortController | undefined;
      function finish(end: WatchEnd) {
        if (!settled) {
          settled = true;
          signal.removeEventListener('abort', onAbort);
          controller?.abort();
          resolve(end);
        }
      }
      function onAbort() {
        finish({ type: 'aborted' });
      }
      if (signal.aborted) {
        finish({ type: 'aborted' });
        return;
      }
      signal.addEventListener('abort', onAbort);

      const callback = (type: string, apiObj: any) => {
        if (settled) return;
        if (type === 'ERROR') {
          const code = apiObj?.code;
          finish(
            code === 410
              ? { type: 'gone' }
              : {
                  type: 'error',
                  error: Object.assign(
                    new Error(apiObj?.message ?? 'watch error'),
                    { statusCode: code, body: apiObj },
                  ),
                },
          );
          return;
        }
        const rv = apiObj?.metadata?.resourceVersion;
        if (type === 'BOOKMARK') {
          if (rv) this.resourceVersion = rv;
          return;
        }
        if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') {
          return;
        }
        const obj = this.withKind(apiObj);
        const key = objectKey(obj);
        if (type === 'DELETED') {
          this.items.delete(key);
        } else {
          this.items.set(key, obj);
        }
        if (rv) this.resourceVersion = rv;
        onEvent(type, obj);
      };
      const done = (err: unknown) => {
        if (signal.aborted) {
          finish({ type: 'aborted' });
        } else if (!err) {
          finish({ type: 'closed' });
        } else if (httpStatusOf(err) === 410) {
          finish({ type: 'gone' });
        } else if ((err as Error)?.name === 'TimeoutError') {
          // client-node ends a watch that saw no data for 30 s: benign.
          finish({ type: 'closed' });
        } else {
          finish({ type: 'error', error: err });
        }
      };
      this.watcher
        .watch(
          this.path(),
          {
            resourceVersion: this.resourceVersion,
            allowWatchBookmarks: true,
            labelSelector: this.target.labelSelector,
          },
          callback,
          done,
        )
        .then(
          c => {
            controller = c;
            if (settled) c.abort();
          },
          err => done(err ?? new Error('watch failed')),
        );
    });
  }
}
