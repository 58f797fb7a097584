import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { KubernetesObject } from '@kubernetes/client-node';
import { randomUUID } from 'node:crypto';
import { KubernetesStatusError } from './status';
import { ResourceType, groupVersionOf } from './resourceTypes';
import { Selector } from './selectors';

/** A stored object: plain JSON, as the API server returns it. */
export type StoredObject = KubernetesObject & {
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    resourceVersion: string;
    generation: number;
    creationTimestamp: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

/** One change, as a watch delivers it. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  revision: number;
  storageKey: string;
  object: StoredObject;
  /** The object before a MODIFIED change, to turn selector exits into DELETED. */
  previous?: StoredObject;
}

/** What a watch connection wants to receive. */
export interface StoreWatcher {
  type: ResourceType;
  namespace?: string;
  matches: Selector;
  deliver(type: StoreEvent['type'], object: StoredObject): void;
}

/** Options of a list request. */
export interface ListOptions {
  namespace?: string;
  matches: Selector;
  /** No label or field selector: the page can report remainingItemCount. */
  selectsAll?: boolean;
  limit?: number;
  continueToken?: string;
}

/** One page of a list. */
export interface ListPage {
  items: StoredObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

interface Bucket {
  objects: Map<string, StoredObject>;
  /** Keys in list order (namespace/name), rebuilt lazily after inserts or deletes. */
  sortedKeys?: string[];
}

const DEFAULT_HISTORY_LIMIT = 50_000;

function keyOf(namespace: string | undefined, name: string) {
  return `${namespace ?? ''}/${name}`;
}

/** Index of the first element of a sorted array that is greater than `key`. */
function upperBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkStringMap(value: unknown, field: string) {
  if (value === undefined) return;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`${field}: Invalid value: must be a map of strings`);
  }
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') {
      throw new InputError(
        `${field}[${k}]: Invalid value: ${JSON.stringify(v)}: must be a string`,
      );
    }
  }
}

/**
 * The object storage of the fake API server, with the semantics clients
 * rely on: one global resourceVersion (like etcd's revision), a bounded
 * history that watches replay from, compaction (410 Gone for older
 * versions), generation bumps on spec changes, status subresource rules,
 * optimistic concurrency and consistent ordering for paginated lists.
 */
export class ResourceStore {
  private revision = 0;
  private compactedRevision = 0;
  private readonly buckets = new Map<string, Bucket>();
  private history: StoreEvent[] = [];
  private readonly watchers = new Set<StoreWatcher>();

  constructor(
    private readonly validate: (type: ResourceType, object: any) => void,
    private readonly historyLimit = DEFAULT_HISTORY_LIMIT,
  ) {}

  /** The current resourceVersion of the whole store. */
  get currentRevision(): number {
    return this.revision;
  }

  get(type: ResourceType, namespace: string | undefined, name: string) {
    return this.bucket(type).objects.get(
      keyOf(type.namespaced ? namespace : undefined, name),
    );
  }

  /**
   * Creates an object. `upsert` replaces an existing one instead of failing
   * (the programmatic `apply`); `keepStatus` keeps the stored status when
   * the new object has none.
   */
  write(
    type: ResourceType,
    input: KubernetesObject,
    mode: 'create' | 'update' | 'upsert' | 'status',
  ): StoredObject {
    const object = structuredClone(input) as any;
    object.apiVersion = groupVersionOf(type);
    object.kind = type.kind;
    object.metadata = { ...(object.metadata ?? {}) };
    const meta = object.metadata;
    if (!type.namespaced) delete meta.namespace;
    else if (!meta.namespace) meta.namespace = 'default';
    if (!meta.name && meta.generateName && mode === 'create') {
      meta.name = `${meta.generateName}${randomUUID().slice(0, 5)}`;
    }
    if (typeof meta.name !== 'string' || !meta.name) {
      throw new InputError(`metadata.name: Required value: name is required`);
    }
    const bucket = this.bucket(type);
    const key = keyOf(meta.namespace, meta.name);
    const existing = bucket.objects.get(key);
    if (mode === 'create' && existing) {
      throw new ConflictError(
        `${type.plural}${type.group ? `.${type.group}` : ''} "${
          meta.name
        }" already exists`,
      );
    }
    if ((mode === 'update' || mode === 'status') && !existing) {
      throw new NotFoundError(
        `${type.plural}${type.group ? `.${type.group}` : ''} "${
          meta.name
        }" not found`,
      );
    }
    if (
      existing &&
      meta.resourceVersion &&
      mode !== 'upsert' &&
      meta.resourceVersion !== existing.metadata.resourceVersion
    ) {
      throw new KubernetesStatusError(
        409,
        `Operation cannot be fulfilled on ${type.plural}${
          type.group ? `.${type.group}` : ''
        } "${
          meta.name
        }": the object has been modified; please apply your changes to the latest version and try again`,
        'Conflict',
        { name: meta.name, group: type.group, kind: type.plural },
      );
    }

    let next: any;
    if (mode === 'status') {
      next = { ...structuredClone(existing), status: object.status };
    } else {
      next = object;
      if (existing && type.hasStatus) {
        // Writes to the main resource never change status (status
        // subresource rule); the programmatic apply may seed one.
        if (mode === 'update' || object.status === undefined) {
          if (existing.status === undefined) delete next.status;
          else next.status = structuredClone(existing.status);
        }
      }
    }
    this.checkMetadata(type, next.metadata);
    this.validate(type, next);

    const nextMeta = next.metadata;
    if (existing) {
      nextMeta.uid = existing.metadata.uid;
      nextMeta.creationTimestamp = existing.metadata.creationTimestamp;
      nextMeta.generation = existing.metadata.generation;
      nextMeta.resourceVersion = existing.metadata.resourceVersion;
      if (JSON.stringify(next) === JSON.stringify(existing)) {
        return existing; // a no-op write changes nothing and emits nothing
      }
      if (specOf(next) !== specOf(existing)) nextMeta.generation += 1;
    } else {
      nextMeta.uid = randomUUID();
      // Seeding (upsert) may backdate an object to tell a story; API
      // clients never choose their creationTimestamp.
      nextMeta.creationTimestamp =
        mode === 'upsert' && typeof meta.creationTimestamp === 'string'
          ? meta.creationTimestamp
          : now();
      nextMeta.generation = 1;
    }
    this.revision += 1;
    nextMeta.resourceVersion = String(this.revision);
    const stored = Object.freeze(next) as StoredObject;
    if (!existing) bucket.sortedKeys = undefined;
    bucket.objects.set(key, stored);
    this.emit({
      type: existing ? 'MODIFIED' : 'ADDED',
      revision: this.revision,
      storageKey: type.storageKey,
      object: stored,
      previous: existing,
    });
    return stored;
  }

  delete(type: ResourceType, namespace: string | undefined, name: string) {
    const bucket = this.bucket(type);
    const key = keyOf(type.namespaced ? namespace : undefined, name);
    const existing = bucket.objects.get(key);
    if (!existing) {
      throw new NotFoundError(
        `${type.plural}${
          type.group ? `.${type.group}` : ''
        } "${name}" not found`,
      );
    }
    this.revision += 1;
    const deleted = Object.freeze({
      ...existing,
      metadata: {
        ...existing.metadata,
        resourceVersion: String(this.revision),
      },
    }) as StoredObject;
    bucket.objects.delete(key);
    bucket.sortedKeys = undefined;
    this.emit({
      type: 'DELETED',
      revision: this.revision,
      storageKey: type.storageKey,
      object: deleted,
    });
    return deleted;
  }

  /** One page of the objects of a type, in namespace/name order. */
  list(type: ResourceType, options: ListOptions): ListPage {
    let listRevision = this.revision;
    let after: string | undefined;
    if (options.continueToken) {
      const token = this.decodeContinue(options.continueToken);
      listRevision = token.rv;
      after = token.start;
    }
    const bucket = this.bucket(type);
    if (!bucket.sortedKeys) {
      bucket.sortedKeys = [...bucket.objects.keys()].sort();
    }
    const keys = bucket.sortedKeys;
    const prefix = options.namespace ? `${options.namespace}/` : '';
    // Namespaced keys sort as "<namespace>/<name>": a namespace is a range.
    const end = prefix ? upperBound(keys, `${prefix}\uffff`) : keys.length;
    let index = upperBound(keys, after ?? prefix);
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    const items: StoredObject[] = [];
    let lastKey: string | undefined;
    for (; index < end && items.length < limit; index++) {
      const object = bucket.objects.get(keys[index])!;
      if (options.matches(object)) {
        items.push(object);
        lastKey = keys[index];
      }
    }
    let hasMore = false;
    let remainingItemCount: number | undefined;
    if (options.selectsAll) {
      remainingItemCount = end - index;
      hasMore = remainingItemCount > 0;
    } else {
      // With a selector the API server does not count what remains.
      for (let i = index; i < end && !hasMore; i++) {
        hasMore = options.matches(bucket.objects.get(keys[i]));
      }
    }
    return {
      items,
      resourceVersion: String(listRevision),
      ...(hasMore && lastKey !== undefined
        ? {
            continueToken: Buffer.from(
              JSON.stringify({ rv: listRevision, start: lastKey }),
            ).toString('base64url'),
            ...(remainingItemCount !== undefined ? { remainingItemCount } : {}),
          }
        : {}),
    };
  }

  /**
   * Starts a watch at `fromRevision` (exclusive): replays the history after
   * it and then delivers live changes. Throws a 410 KubernetesStatusError
   * if that part of the history was compacted.
   */
  watch(watcher: StoreWatcher, fromRevision: number): () => void {
    if (fromRevision < this.compactedRevision) {
      throw new KubernetesStatusError(
        410,
        `too old resource version: ${fromRevision} (${this.compactedRevision})`,
        'Expired',
      );
    }
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.history[mid].revision <= fromRevision) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.history.length; i++) {
      this.deliver(watcher, this.history[i]);
    }
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Every current object of a type matching a watcher (initial events). */
  snapshot(watcher: StoreWatcher): StoredObject[] {
    return this.list(watcher.type, {
      namespace: watcher.type.namespaced ? watcher.namespace : undefined,
      matches: watcher.matches,
    }).items;
  }

  /** Forgets the history: older resourceVersions now get 410 Gone. */
  compact(): void {
    this.compactedRevision = this.revision;
    this.history = [];
  }

  private decodeContinue(token: string): { rv: number; start: string } {
    let decoded: { rv: number; start: string };
    try {
      decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      throw new KubernetesStatusError(
        400,
        'continue key is not valid: illegal base64 data',
        'BadRequest',
      );
    }
    if (typeof decoded?.rv !== 'number' || typeof decoded.start !== 'string') {
      throw new KubernetesStatusError(
        400,
        'continue key is not valid: incorrect encoded start resourceVersion',
        'BadRequest',
      );
    }
    if (decoded.rv < this.compactedRevision) {
      throw new KubernetesStatusError(
        410,
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        'Expired',
      );
    }
    return decoded;
  }

  private checkMetadata(type: ResourceType, meta: any) {
    if (!DNS_SUBDOMAIN.test(meta.name) || meta.name.length > 253) {
      throw new InputError(
        `metadata.name: Invalid value: "${meta.name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      );
    }
    if (type.namespaced && !DNS_SUBDOMAIN.test(meta.namespace)) {
      throw new InputError(
        `metadata.namespace: Invalid value: "${meta.namespace}"`,
      );
    }
    checkStringMap(meta.labels, 'metadata.labels');
    checkStringMap(meta.annotations, 'metadata.annotations');
  }

  private emit(event: StoreEvent) {
    this.history.push(event);
    if (this.history.length > this.historyLimit * 1.25) {
      // Like etcd's periodic compaction: the oldest changes are forgotten.
      const dropped = this.history.length - this.historyLimit;
      this.compactedRevision = this.history[dropped - 1].revision;
      this.history = this.history.slice(dropped);
    }
    for (const watcher of this.watchers) this.deliver(watcher, event);
  }

  private deliver(watcher: StoreWatcher, event: StoreEvent) {
    if (watcher.type.storageKey !== event.storageKey) return;
    const inNamespace = (o?: StoredObject) =>
      !!o &&
      (!watcher.namespace ||
        !watcher.type.namespaced ||
        o.metadata.namespace === watcher.namespace);
    const after = inNamespace(event.object) && watcher.matches(event.object);
    if (event.type !== 'MODIFIED') {
      if (after) watcher.deliver(event.type, event.object);
      return;
    }
    const before =
      inNamespace(event.previous) && watcher.matches(event.previous);
    // An object that enters or leaves a selector is ADDED or DELETED for
    // that watch, as the API server's watch cache reports it.
    if (after && before) watcher.deliver('MODIFIED', event.object);
    else if (after) watcher.deliver('ADDED', event.object);
    else if (before) watcher.deliver('DELETED', event.object);
  }

  private bucket(type: ResourceType): Bucket {
    let bucket = this.buckets.get(type.storageKey);
    if (!bucket) {
      bucket = { objects: new Map() };
      this.buckets.set(type.storageKey, bucket);
    }
    return bucket;
  }
}

/** Everything except metadata and status: a change bumps generation. */
function specOf(object: any): string {
  const { metadata, status, ...rest } = object;
  return JSON.stringify(rest);
}
